using System.Globalization;

namespace Engagement.Sdk.Value;

/// <summary>Argument checks and helpers the repeat-purchase models share.</summary>
internal static class RepeatPurchase
{
    /// <summary>Checks a model parameter: finite and above 0.</summary>
    public static double Parameter(double value, string paramName) =>
        SpendChecks.Finite(value, paramName, zeroAllowed: false, "A model parameter");

    /// <summary>Checks a model's parameters, each finite and above 0, named as its fit's diagnostics name them (the
    /// names of the constructor's parameters).</summary>
    public static void Parameters(string[] names, ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Parameter(values[i], names[i]);
        }
    }

    /// <summary>Checks a horizon: finite, 0 or more.</summary>
    public static double Horizon(double t, string paramName) => SpendChecks.Finite(t, paramName, zeroAllowed: true, "A time");

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

        if (frequency > 0 && recency == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Text($"A repeat purchase comes after the first: recency must be above 0 with frequency {frequency}; got 0."));
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

    /// <summary>Checks the model's parameters, fits it by maximum likelihood from every parameter at 1 (the start of the
    /// BG/NBD and Pareto/NBD fits), and makes the fit of the estimates.</summary>
    /// <param name="names">The parameters' names.</param>
    /// <param name="data">The customers; at least one.</param>
    /// <param name="options">The fit's options; <see langword="null"/> for <see cref="ModelFitOptions.Default"/>.</param>
    /// <param name="likelihood">The log-likelihood of the data and, when known, with its gradient, summed over the given
    /// number of threads.</param>
    /// <param name="fit">Makes the fit from the estimates, in the order of <paramref name="names"/>, and the diagnostics.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    public static TFit Fit<TFit>(
        string[] names,
        CustomerSummaries data,
        ModelFitOptions? options,
        Func<int, (Func<double[], double> Value, Func<double[], double[], double>? WithGradient)> likelihood,
        Func<double[], FitDiagnostics, TFit> fit,
        CancellationToken cancellationToken)
    {
        Fittable(data, nameof(data));
        options ??= ModelFitOptions.Default;
        var (value, withGradient) = likelihood(options.Threads);
        var start = new double[names.Length];
        start.AsSpan().Fill(1.0);
        var result = MaximumLikelihood.Fit((string[])names.Clone(), start, value, withGradient, options, data.Count, cancellationToken);
        return fit(result.Estimates, result.Diagnostics);
    }

    /// <summary>Checks the arguments of E[Y(t) | x, t_x, T] and evaluates it.</summary>
    public static double ConditionalExpectedPurchases<TModel>(TModel model, double t, int frequency, double recency, double age)
        where TModel : IHistoryModel
    {
        Horizon(t, nameof(t));
        History(frequency, recency, age);
        return model.Conditional(t, frequency, recency, age);
    }

    /// <summary>Checks the arguments of P(alive | x, t_x, T) and evaluates it.</summary>
    public static double ProbabilityAlive<TModel>(TModel model, int frequency, double recency, double age)
        where TModel : IHistoryModel
    {
        History(frequency, recency, age);
        return model.Alive(frequency, recency, age);
    }

    /// <summary>Checks the data's unit and the horizon, and evaluates E[Y(t) | x, t_x, T] for every customer, in order.</summary>
    public static double[] ConditionalExpectedPurchases<TModel>(TModel model, CustomerSummaries data, double t)
        where TModel : IHistoryModel
    {
        SameUnit(data, model.Unit, nameof(data));
        Horizon(t, nameof(t));
        var frequency = data.Frequency;
        var recency = data.Recency;
        var age = data.T;
        var result = new double[data.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = model.Conditional(t, frequency[i], recency[i], age[i]);
        }

        return result;
    }

    /// <summary>Checks the data's unit and evaluates P(alive | x, t_x, T) for every customer, in order.</summary>
    public static double[] ProbabilityAlive<TModel>(TModel model, CustomerSummaries data)
        where TModel : IHistoryModel
    {
        SameUnit(data, model.Unit, nameof(data));
        return PerCustomer(data, model.Alive);
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
