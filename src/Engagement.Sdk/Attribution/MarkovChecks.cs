namespace Engagement.Sdk.Attribution;

/// <summary>Argument checks of the Markov types.</summary>
internal static class MarkovChecks
{
    /// <summary>The lowest order of a Markov model.</summary>
    public const int MinOrder = 1;

    /// <summary>The highest order of a Markov model.</summary>
    public const int MaxOrder = 4;

    /// <summary>Checks a probability: in [0, 1].</summary>
    public static double Probability(double value, string paramName)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, AttributionChecks.Text($"A probability must be in [0, 1]; got {value}."));
        }

        return value;
    }

    /// <summary>Checks the order of a Markov model: 1 to 4.</summary>
    public static int Order(int order, string paramName)
    {
        if (order is < MinOrder or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(
                paramName, order, AttributionChecks.Text($"The order of a Markov model must be {MinOrder} to {MaxOrder}; got {order}."));
        }

        return order;
    }
}
