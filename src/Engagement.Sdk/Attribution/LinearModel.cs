using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Linear attribution: each converting path's conversions and value are shared equally among its touches (1/n each),
/// or among its distinct channels (1/d each).
/// </summary>
/// <remarks>
/// <para>
/// Google Analytics' "linear" model: every touch on the way counts the same. <see cref="LinearCredit.PerOccurrence"/>
/// (the default, as in Google Analytics and the R package ChannelAttribution) credits a channel once per touch, so a
/// channel that reached the customer three times earns three shares; <see cref="LinearCredit.PerDistinctChannel"/>
/// credits each channel on the path once, which does not reward repetition.
/// </para>
/// <para>Equal when the credit and the name are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class LinearModel : IAttributionModel, IEquatable<LinearModel>
{
    /// <summary>The default name, <c>linear</c>.</summary>
    internal const string DefaultName = "linear";

    /// <summary>Creates the model.</summary>
    /// <param name="credit">Whether touches or distinct channels share a path. The default is
    /// <see cref="LinearCredit.PerOccurrence"/>.</param>
    /// <param name="name">The model's name; a valid channel-like name. <see langword="null"/> for <c>linear</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="credit"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public LinearModel(LinearCredit credit = LinearCredit.PerOccurrence, string? name = null)
    {
        Credit = Validation.Defined(credit, nameof(credit));
        Name = HeuristicKernel.Name(name, DefaultName);
    }

    /// <summary>Gets whether touches or distinct channels share a path.</summary>
    /// <value>The default value is <see cref="LinearCredit.PerOccurrence"/>.</value>
    public LinearCredit Credit { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Credit == LinearCredit.PerOccurrence
            ? HeuristicKernel.Attribute(Name, paths, default(PerOccurrenceWeights), cancellationToken)
            : HeuristicKernel.Attribute(Name, paths, new PerDistinctChannelWeights(new int[paths.Channels.Count]), cancellationToken);
    }

    /// <inheritdoc />
    public bool Equals(LinearModel? other) => other is not null && Credit == other.Credit && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LinearModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Credit, StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Returns the model as <c>linear (PerOccurrence)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Name} ({Credit})";

    private readonly struct PerOccurrenceWeights : IPathWeights
    {
        public void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights) => weights.Fill(1.0 / steps.Length);
    }

    /// <summary>1/d on each channel's first step, 0 on its repeats; <c>seen</c> marks a channel with the path's stamp
    /// (one array for all paths, so no path allocates).</summary>
    private struct PerDistinctChannelWeights(int[] seen) : IPathWeights
    {
        private int _stamp;

        public void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights)
        {
            _stamp++;
            var distinct = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                var first = seen[steps[i]] != _stamp;
                seen[steps[i]] = _stamp;
                weights[i] = first ? 1 : 0;
                distinct += first ? 1 : 0;
            }

            var share = 1.0 / distinct;
            foreach (ref var w in weights)
            {
                w *= share;
            }
        }
    }
}
