namespace Engagement.Sdk.Attribution;

/// <summary>
/// How a heuristic model shares one converting path among its steps: it fills one weight per step, the weights 0 or
/// more and adding up to 1.
/// </summary>
internal interface IPathWeights
{
    /// <summary>Fills the weights of a path's steps.</summary>
    /// <param name="steps">The path's channel indexes, in order; at least one.</param>
    /// <param name="ages">The steps' ages in days; empty when the paths carry no times.</param>
    /// <param name="weights">One weight per step, to fill (it holds stale values on entry).</param>
    void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights);
}

/// <summary>The loop every heuristic model shares: each converting path's conversions and value, times each step's
/// weight, credited to the step's channel.</summary>
internal static class HeuristicKernel
{
    private const int CancellationStride = 4096;

    /// <summary>Checks a model's name, or gives the default name.</summary>
    public static string Name(string? name, string defaultName) =>
        Validation.Name(name ?? defaultName, nameof(name), "model name");

    /// <summary>Shares out the conversions and value of the paths with the weights of <typeparamref name="TWeights"/>.</summary>
    public static AttributionResult Attribute<TWeights>(string model, ConversionPaths paths, TWeights weights, CancellationToken cancellationToken)
        where TWeights : struct, IPathWeights
    {
        ArgumentNullException.ThrowIfNull(paths);
        cancellationToken.ThrowIfCancellationRequested();
        var conversions = new double[paths.Channels.Count];
        var value = new double[conversions.Length];
        var pathConversions = paths.PathConversions;
        var pathValues = paths.PathValues;
        var offsets = paths.Offsets;
        var steps = paths.Steps;
        var ages = paths.Ages;

        // One buffer for every path: as long as the longest converting path.
        var longest = 0;
        for (var path = 0; path < pathConversions.Length; path++)
        {
            if (pathConversions[path] > 0)
            {
                longest = Math.Max(longest, offsets[path + 1] - offsets[path]);
            }
        }

        var buffer = new double[longest];
        for (var path = 0; path < pathConversions.Length; path++)
        {
            if (path % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var pathConversion = pathConversions[path];
            if (pathConversion == 0)
            {
                // Without conversions there is nothing to share (and no value: the model forbids it).
                continue;
            }

            var start = offsets[path];
            var length = offsets[path + 1] - start;
            var pathSteps = steps.AsSpan(start, length);
            var w = buffer.AsSpan(0, length);
            weights.Fill(pathSteps, ages is null ? default : ages.AsSpan(start, length), w);
            var pathValue = pathValues[path];
            for (var i = 0; i < pathSteps.Length; i++)
            {
                conversions[pathSteps[i]] += pathConversion * w[i];
                value[pathSteps[i]] += pathValue * w[i];
            }
        }

        return AttributionResult.FromCredits(model, paths, conversions, value);
    }
}
