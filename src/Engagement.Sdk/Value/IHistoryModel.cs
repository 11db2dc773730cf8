namespace Engagement.Sdk.Value;

/// <summary>
/// A repeat-purchase model whose predictions for a customer follow from the customer's history (x, t<sub>x</sub>, T):
/// the expressions without argument checks, which <see cref="RepeatPurchase"/> checks once for every such model.
/// </summary>
internal interface IHistoryModel : IRepeatPurchaseModel
{
    /// <summary>E[Y(t) | x, t<sub>x</sub>, T], the arguments already checked.</summary>
    double Conditional(double t, int x, double recency, double age);

    /// <summary>P(alive | x, t<sub>x</sub>, T), the arguments already checked.</summary>
    double Alive(int x, double recency, double age);
}
