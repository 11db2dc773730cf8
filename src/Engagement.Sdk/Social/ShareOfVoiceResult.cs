using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Social;

/// <summary>
/// Share of voice: each tracked brand's mentions as a share of all mentions of the tracked brands, each a
/// <see cref="Proportion"/> with a Wilson interval. The shares sum to 1.
/// </summary>
/// <remarks>
/// Empty input: with no mentions every share has no value. Immutable and thread-safe; equal when the brand-to-count
/// maps are equal (brand names ignoring case). In JSON the shares are written for readers and recomputed from <see cref="Mentions"/> when read.
/// </remarks>
public sealed class ShareOfVoiceResult : IEquatable<ShareOfVoiceResult>
{
    /// <summary>Creates the result of the given mention counts.</summary>
    /// <param name="mentions">Mentions by brand: valid, distinct (ignoring case) brand names and counts of 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mentions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A brand name is invalid, or two brands differ only in case.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public ShareOfVoiceResult(IReadOnlyDictionary<string, long> mentions)
    {
        (Mentions, Total) = BrandMentions.Copy(mentions, nameof(mentions));
        Shares =
        [
            .. Mentions
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
                .Select(pair => KeyValuePair.Create(pair.Key, new Proportion(pair.Value, Total))),
        ];
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.ShareOfVoice"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.ShareOfVoice;

    /// <summary>Gets the mentions by brand (brand lookups ignore case).</summary>
    public IReadOnlyDictionary<string, long> Mentions { get; }

    /// <summary>Gets all mentions of the tracked brands.</summary>
    public long Total { get; }

    /// <summary>Gets whether there is a share, that is whether there is at least one mention.</summary>
    [JsonIgnore]
    public bool HasValue => Total > 0;

    /// <summary>Gets every tracked brand's share, largest first (ties by name, ignoring case).</summary>
    public IReadOnlyList<KeyValuePair<string, Proportion>> Shares { get; }

    /// <summary>Gets a brand's share of voice.</summary>
    /// <param name="brand">The brand, compared ignoring case.</param>
    /// <returns>Its mentions out of <see cref="Total"/>: 0 of the total for a brand not tracked; no value with no
    /// mentions at all.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="brand"/> is <see langword="null"/>.</exception>
    public Proportion GetShare(string brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        return new Proportion(Mentions.GetValueOrDefault(brand), Total);
    }

    /// <inheritdoc />
    public bool Equals(ShareOfVoiceResult? other) => other is not null && BrandMentions.Equal(Mentions, other.Mentions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShareOfVoiceResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mentions.Count, Total);

    /// <summary>Returns the shares as <c>acme 60.00% (60/100), globex 40.00% (40/100)</c>, or a "no value" text.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Total == 0
            ? string.Create(CultureInfo.InvariantCulture, $"share of voice: no value ({Mentions.Count} brands, 0 mentions)")
            : string.Join(", ", Shares.Select(pair => $"{Validation.Echo(pair.Key)} {pair.Value}"));
}
