using System.Runtime.ExceptionServices;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Bootstrap intervals of any model's credits: the journeys are resampled, the model rerun on each resample, and each
/// channel's credits summarised by percentile intervals, so a marketer sees which differences between channels are
/// noise.
/// </summary>
/// <remarks>
/// <para>
/// The resampling is the Poisson bootstrap (Hanley &amp; MacGibbon 2006; Chamandy et al. 2012), which resamples
/// aggregated counts without expanding them into journeys: in each resample, every path's conversions are drawn from
/// Poisson(conversions) and its nulls from Poisson(nulls), and its value is scaled by the resampled over the observed
/// conversions (0 when none are drawn). For each channel the interval runs from the (1 − confidence)/2 to the
/// (1 + confidence)/2 quantile of the credits over the resamples (linear interpolation between order statistics,
/// Hyndman &amp; Fan's type 7), for conversions and value separately.
/// </para>
/// <para>
/// Resample r draws from its own stream of a generator seeded by (seed, r), so the intervals are the same bits for a
/// seed however many threads share the work. Resamples run in parallel.
/// </para>
/// </remarks>
public static class AttributionBootstrap
{
    /// <summary>The most resamples a run takes: each keeps every channel's credits, and percentile intervals are
    /// settled long before.</summary>
    public const int MaxResamples = 1_000_000;

    /// <summary>Resamples the paths, reruns the model, and returns percentile intervals of each channel's credits.</summary>
    /// <param name="model">The model.</param>
    /// <param name="paths">The paths.</param>
    /// <param name="resamples">The resamples; 1 to <see cref="MaxResamples"/>. The default is 200.</param>
    /// <param name="confidence">The confidence level, strictly between 0 and 1. The default is 0.95.</param>
    /// <param name="seed">The seed. The default is 0.</param>
    /// <param name="cancellationToken">Checked before each resample, and passed to the model.</param>
    /// <returns>Every channel's interval, in the order of <see cref="ConversionPaths.Channels"/>; without conversions,
    /// intervals of 0 to 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="paths"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is below 1 or above <see cref="MaxResamples"/>, or
    /// <paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    /// <exception cref="InvalidOperationException">The model returned credits that are not for the paths' channels, in
    /// order; or what the model throws on the paths (for example time decay on paths without times).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static AttributionIntervals Run(
        IAttributionModel model, ConversionPaths paths, int resamples = 200, double confidence = 0.95, int seed = 0,
        CancellationToken cancellationToken = default) =>
        RunOnThreads(model, paths, resamples, confidence, seed, -1, cancellationToken);

    /// <summary>As the public overload, with a bound on the threads (−1 for no bound), so that tests can compare one
    /// thread with many.</summary>
    internal static AttributionIntervals RunOnThreads(
        IAttributionModel model, ConversionPaths paths, int resamples, double confidence, int seed, int maxThreads,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resamples, MaxResamples);
        Validation.ConfidenceLevel(confidence, nameof(confidence));
        var channels = paths.Channels.Count;
        var conversions = new double[channels * resamples];
        var value = new double[channels * resamples];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxThreads };
        try
        {
            Parallel.For(0, resamples, options, r =>
            {
                var result = model.Attribute(Resample(paths, seed, r), cancellationToken);
                Collect(model, paths, result, conversions.AsSpan(r * channels, channels), value.AsSpan(r * channels, channels));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var intervals = new ChannelInterval[channels];
        var column = new double[resamples];
        var lower = (1 - confidence) / 2;
        var upper = (1 + confidence) / 2;
        for (var c = 0; c < channels; c++)
        {
            var (conversionsLower, conversionsUpper) = Percentiles(conversions, c, channels, column, lower, upper);
            var (valueLower, valueUpper) = Percentiles(value, c, channels, column, lower, upper);
            intervals[c] = new ChannelInterval(paths.Channels[c], conversionsLower, conversionsUpper, valueLower, valueUpper);
        }

        return new AttributionIntervals(model.Name, resamples, confidence, seed, intervals);
    }

    /// <summary>Draws resample <paramref name="resample"/>: the same paths with Poisson counts, the value scaled with the
    /// conversions.</summary>
    internal static ConversionPaths Resample(ConversionPaths paths, int seed, int resample)
    {
        var random = new BootstrapRandom(seed, resample);
        var conversions = new double[paths.Count];
        var values = new double[paths.Count];
        var nulls = new double[paths.Count];
        for (var i = 0; i < conversions.Length; i++)
        {
            var observed = paths.PathConversions[i];
            conversions[i] = random.Poisson(observed);
            nulls[i] = random.Poisson(paths.PathNulls[i]);
            values[i] = conversions[i] > 0 ? paths.PathValues[i] * (conversions[i] / observed) : 0;
        }

        // Only the counts change: the steps and ages stay canonical, and are shared (they are never written).
        string[] channels = [.. paths.Channels];
        return ConversionPaths.FromColumns(
            channels,
            new ConversionPaths.PathColumns(paths.Offsets, paths.Steps, paths.Ages, conversions, values, nulls),
            paths.ChannelCosts);
    }

    private static void Collect(IAttributionModel model, ConversionPaths paths, AttributionResult result, Span<double> conversions, Span<double> value)
    {
        if (result.Channels.Count != conversions.Length)
        {
            throw new InvalidOperationException(AttributionChecks.Text(
                $"The model '{model.Name}' credited {result.Channels.Count} channels; the paths have {conversions.Length}."));
        }

        for (var c = 0; c < conversions.Length; c++)
        {
            var credit = result.Channels[c];
            if (credit.Channel != paths.Channels[c])
            {
                throw new InvalidOperationException(AttributionChecks.Text(
                    $"The model '{model.Name}' credited '{credit.Channel}' at index {c}, where the paths have '{paths.Channels[c]}'."));
            }

            conversions[c] = credit.Conversions;
            value[c] = credit.Value;
        }
    }

    /// <summary>The type-7 quantiles of one channel's credits over the resamples.</summary>
    private static (double Lower, double Upper) Percentiles(double[] credits, int channel, int channels, double[] column, double lower, double upper)
    {
        for (var r = 0; r < column.Length; r++)
        {
            column[r] = credits[(r * channels) + channel];
        }

        Array.Sort(column);
        return (Quantile(column, lower), Quantile(column, upper));
    }

    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
