using System.Globalization;

namespace Engagement.Sdk.Value;

/// <summary>Argument checks and helpers the repeat-purchase models share.</summary>
internal static class RepeatPurchase
{
    /// <summary>Checks a model parameter: finite and above 0.</summary>
    public static double Parameter(double value, string paramName)
    {
        if (!(double.IsFinite(value) && value > 0))
        {
            throw new ArgumentOutOfRangeException(paramName, value, Text($"A model parameter must be finite and above 0; got {value}."));
        }

        return value;
    }

    /// <summary>Checks a horizon: finite, 0 or more.</summary>
    public static double Horizon(double t, string paramName)
    {
        if (!(double.IsFinite(t) && t >= 0))
        {
            throw new ArgumentOutOfRangeException(paramName, t, Text($"A time must be finite and 0 or more; got {t}."));
        }

        return t;
    }

    /// <summary>Checks a customer's history as <see cref="CustomerSummary"/> would, naming the arguments of a prediction.</summary>
    public static void History(int frequency, double recency, double age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        Horizon(age, nameof(age));
        Horizon(recency, nameof(recency));
        if (frequency == 0 && recency != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Text($"A customer without repeat purchases has recency 0; got {recency} with frequency 0."));
        }

        if (recency > age)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Text($"The last repeat purchase cannot come after the end of observation: recency {recency} > T {age}."));
        }
    }

    /// <summary>Checks that data are in the model's unit.</summary>
    public static void SameUnit(CustomerSummaries data, TimeUnit unit, string paramName)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        if (data.Unit != unit)
        {
            throw new ArgumentException(
                Text($"The data are in {data.Unit}s but the model is in {unit}s; summarise the data in {unit}s."), paramName);
        }
    }

    /// <summary>Checks that there is something to fit.</summary>
    public static void Fittable(CustomerSummaries data, string paramName)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        if (data.Count == 0)
        {
            throw new ArgumentException("A model cannot be fitted to no customers; got 0.", paramName);
        }
    }

    /// <summary>Applies a per-customer expression f(x, t_x, T) to every customer of the data, in order.</summary>
    public static double[] PerCustomer(CustomerSummaries data, Func<int, double, double, double> expression)
    {
        var frequency = data.Frequency;
        var recency = data.Recency;
        var age = data.T;
        var result = new double[data.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = expression(frequency[i], recency[i], age[i]);
        }

        return result;
    }

    /// <summary>log(eᵃ + eᵇ) without overflow; −∞ when both are −∞ (two zero terms), +∞ when either is +∞.</summary>
    internal static double LogSumExp(double a, double b)
    {
        // With an infinite larger term, b − a would be ∞ − ∞ = NaN; the sum is that term itself.
        var max = Math.Max(a, b);
        return double.IsInfinity(max) ? max : max + Math.Log(1 + Math.Exp(Math.Min(a, b) - max));
    }

    public static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
