using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Last-touch attribution: each converting path's conversions and value go entirely to its last touch's channel.
/// </summary>
/// <remarks>
/// <para>
/// The classic single-touch rule (Google Analytics' "last interaction" model): it rewards the channels that close
/// journeys (decision) and ignores everything before. Paths that did not convert earn nothing.
/// </para>
/// <para>Equal when the names are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class LastTouchModel : IAttributionModel, IEquatable<LastTouchModel>
{
    /// <summary>The default name, <c>last-touch</c>.</summary>
    internal const string DefaultName = "last-touch";

    /// <summary>Creates the model.</summary>
    /// <param name="name">The model's name; a valid channel-like name. <see langword="null"/> for <c>last-touch</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public LastTouchModel(string? name = null) => Name = HeuristicKernel.Name(name, DefaultName);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) =>
        HeuristicKernel.Attribute(Name, paths, default(LastWeights), cancellationToken);

    /// <inheritdoc />
    public bool Equals(LastTouchModel? other) => other is not null && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LastTouchModel);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the model's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private readonly struct LastWeights : IPathWeights
    {
        public void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights)
        {
            weights.Clear();
            weights[^1] = 1;
        }
    }
}
