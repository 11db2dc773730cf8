using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// First-touch attribution: each converting path's conversions and value go entirely to its first touch's channel.
/// </summary>
/// <remarks>
/// <para>
/// The classic single-touch rule (Google Analytics' "first interaction" model): it rewards the channels that open
/// journeys (awareness) and ignores everything after. Paths that did not convert earn nothing.
/// </para>
/// <para>Equal when the names are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class FirstTouchModel : IAttributionModel, IEquatable<FirstTouchModel>
{
    /// <summary>The default name, <c>first-touch</c>.</summary>
    internal const string DefaultName = "first-touch";

    /// <summary>Creates the model.</summary>
    /// <param name="name">The model's name; a valid channel-like name. <see langword="null"/> for <c>first-touch</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public FirstTouchModel(string? name = null) => Name = HeuristicKernel.Name(name, DefaultName);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) =>
        HeuristicKernel.Attribute(Name, paths, default(FirstWeights), cancellationToken);

    /// <inheritdoc />
    public bool Equals(FirstTouchModel? other) => other is not null && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FirstTouchModel);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the model's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private readonly struct FirstWeights : IPathWeights
    {
        public void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights)
        {
            weights.Clear();
            weights[0] = 1;
        }
    }
}
