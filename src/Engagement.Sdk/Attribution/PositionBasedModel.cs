using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Position-based ("U-shaped") attribution: the first touch earns <see cref="FirstShare"/>, the last touch
/// <see cref="LastShare"/>, and the touches between share the rest equally.
/// </summary>
/// <remarks>
/// <para>
/// Google Analytics' "position based" model, 40 % / 20 % / 40 % by default. A path of one touch gives it everything; a
/// path of two splits first : last in the ratio <see cref="FirstShare"/> : <see cref="LastShare"/> (40/40 → 50/50;
/// both 0 → 50/50); a path of n ≥ 3 gives the first touch <see cref="FirstShare"/>, the last <see cref="LastShare"/>,
/// and each of the n − 2 middle touches (1 − first − last) / (n − 2). The shares are per touch: a channel that is both
/// first and last earns both.
/// </para>
/// <para>Equal when both shares and the name are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class PositionBasedModel : IAttributionModel, IEquatable<PositionBasedModel>
{
    /// <summary>The default name, <c>position-based</c>.</summary>
    internal const string DefaultName = "position-based";

    /// <summary>Creates the model.</summary>
    /// <param name="firstShare">The first touch's share; finite, 0 or more. The default is 0.4.</param>
    /// <param name="lastShare">The last touch's share; finite, 0 or more, and at most 1 − <paramref name="firstShare"/>
    /// (the middle gets 1 − first − last). The default is 0.4.</param>
    /// <param name="name">The model's name; a valid channel-like name. <see langword="null"/> for <c>position-based</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A share is negative or not finite, or the two add up to more than 1
    /// (reported for <paramref name="lastShare"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public PositionBasedModel(double firstShare = 0.4, double lastShare = 0.4, string? name = null)
    {
        FirstShare = AttributionChecks.Amount(firstShare, nameof(firstShare));
        LastShare = AttributionChecks.Amount(lastShare, nameof(lastShare));
        if (!(firstShare + lastShare <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(lastShare),
                lastShare,
                AttributionChecks.Text($"The first and last shares must add up to 1 or less; got {firstShare} + {lastShare} = {firstShare + lastShare}."));
        }

        Name = HeuristicKernel.Name(name, DefaultName);
    }

    /// <summary>Gets the first touch's share of a path of three touches or more.</summary>
    /// <value>The default value is 0.4.</value>
    public double FirstShare { get; }

    /// <summary>Gets the last touch's share of a path of three touches or more.</summary>
    /// <value>The default value is 0.4.</value>
    public double LastShare { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) =>
        HeuristicKernel.Attribute(Name, paths, new PositionWeights(FirstShare, LastShare), cancellationToken);

    /// <inheritdoc />
    public bool Equals(PositionBasedModel? other) =>
        other is not null && FirstShare.Equals(other.FirstShare) && LastShare.Equals(other.LastShare) && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PositionBasedModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FirstShare, LastShare, StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Returns the model as <c>position-based (first 0.4, last 0.4)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} (first {FirstShare}, last {LastShare})");

    private readonly struct PositionWeights(double first, double last) : IPathWeights
    {
        public void Fill(ReadOnlySpan<int> steps, ReadOnlySpan<double> ages, Span<double> weights)
        {
            switch (weights.Length)
            {
                case 1:
                    weights[0] = 1;
                    break;
                case 2:
                    var ends = first + last;
                    weights[0] = ends > 0 ? first / ends : 0.5;
                    weights[1] = ends > 0 ? last / ends : 0.5;
                    break;
                default:
                    weights.Slice(1, weights.Length - 2).Fill((1 - first - last) / (weights.Length - 2));
                    weights[0] = first;
                    weights[^1] = last;
                    break;
            }
        }
    }
}
