using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Last non-direct attribution: each converting path's conversions and value go entirely to the channel of its last
/// touch that is not the direct channel; a path of direct touches only credits the direct channel.
/// </summary>
/// <remarks>
/// <para>
/// Google Analytics' default model for years ("last non-direct click"): a visit typed in or bookmarked (direct) is
/// taken to be the customer coming back, not a channel that won them, so the credit goes to the last channel that
/// brought them before. The direct channel is named by the host (<c>direct</c> by default) and compared ordinally.
/// </para>
/// <para>Equal when the direct channel and the name are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class LastNonDirectModel : IAttributionModel, IEquatable<LastNonDirectModel>
{
    /// <summary>The default name, <c>last-non-direct</c>.</summary>
    internal const string DefaultName = "last-non-direct";

    /// <summary>Creates the model.</summary>
    /// <param name="directChannel">The channel skipped when another precedes it; a valid channel name. The default
    /// is <c>direct</c>.</param>
    /// <param name="name">The model's name; a valid channel-like name. <see langword="null"/> for <c>last-non-direct</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directChannel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="directChannel"/> or <paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public LastNonDirectModel(string directChannel = "direct", string? name = null)
    {
        DirectChannel = AttributionChecks.ChannelName(directChannel, nameof(directChannel));
        Name = HeuristicKernel.Name(name, DefaultName);
    }

    /// <summary>Gets the direct channel, which earns credit only on paths of direct touches alone.</summary>
    /// <value>The default value is <c>direct</c>.</value>
    public string DirectChannel { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return HeuristicKernel.Attribute(Name, paths, new LastNonDirectWeights(paths.IndexOf(DirectChannel)), cancellationToken);
    }

    /// <inheritdoc />
    public bool Equals(LastNonDirectModel? other) =>
        other is not null && DirectChannel == other.DirectChannel && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LastNonDirectModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(DirectChannel), StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Returns the model as <c>last-non-direct (direct: direct)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Name} (direct: {DirectChannel})";

    /// <summary>All to the last step whose channel is not <c>direct</c> (a negative index when the paths lack it), or to
    /// the last step when all are direct.</summary>
    private readonly struct LastNonDirectWeights(int direct) : IPathWeights
    {
        public void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights)
        {
            weights.Clear();
            var last = steps.Length - 1;
            for (var i = last; i >= 0; i--)
            {
                if (steps[i] != direct)
                {
                    last = i;
                    break;
                }
            }

            weights[last] = 1;
        }
    }
}
