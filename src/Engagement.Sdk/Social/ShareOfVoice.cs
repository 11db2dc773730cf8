using System.Globalization;
using System.Text.Json.Serialization;

using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Social;

/// <summary>
/// Share of voice: each brand's mentions as a share of all mentions of the brands tracked. A mergeable accumulator
/// keyed by brand name (compared ignoring case).
/// </summary>
/// <remarks>
/// <para>
/// Share of voice of brand b = mentions(b) / Σ mentions over all tracked brands; each share is a
/// <see cref="Proportion"/> with a Wilson interval. The shares of the tracked brands sum to 1.
/// </para>
/// <para>
/// Unlike the struct accumulators, this is a class because its state is a map. Merging is associative and
/// commutative; the state (<see cref="Mentions"/>) round-trips through JSON. Empty input: with no mentions every share
/// has no value. Not thread-safe: give each thread its own and merge.
/// </para>
/// </remarks>
public sealed class ShareOfVoice
{
    private readonly Dictionary<string, long> _mentions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty accumulator.</summary>
    public ShareOfVoice()
    {
    }

    /// <summary>Restores an accumulator from its state, or starts one from known mention counts.</summary>
    /// <param name="mentions">Mentions by brand; names not empty or white space, counts 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mentions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A brand name is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public ShareOfVoice(IReadOnlyDictionary<string, long> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        foreach (var (brand, count) in mentions)
        {
            Add(brand, count);
        }
    }

    /// <summary>Gets the mentions by brand.</summary>
    public IReadOnlyDictionary<string, long> Mentions => _mentions;

    /// <summary>Gets all mentions of the tracked brands.</summary>
    [JsonIgnore]
    public long Total { get; private set; }

    /// <summary>Adds mentions of a brand.</summary>
    /// <param name="brand">The brand; not empty or white space.</param>
    /// <param name="mentions">How many mentions; 0 or more. A brand added with 0 is tracked with no mentions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="brand"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="brand"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mentions"/> is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Add(string brand, long mentions = 1)
    {
        Validation.NotBlank(brand, nameof(brand));
        ArgumentOutOfRangeException.ThrowIfNegative(mentions);
        Total = checked(Total + mentions);
        _mentions[brand] = _mentions.GetValueOrDefault(brand) + mentions;
    }

    /// <summary>Adds the mentions of another accumulator to this one.</summary>
    /// <param name="other">The accumulator of another partition; it is not changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">The total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Merge(ShareOfVoice other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (brand, count) in other._mentions.ToArray())
        {
            Add(brand, count);
        }
    }

    /// <summary>Gets a brand's share of voice.</summary>
    /// <param name="brand">The brand, compared ignoring case.</param>
    /// <returns>Its mentions out of <see cref="Total"/>; 0 of the total for a brand not tracked, no value with no mentions at all.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="brand"/> is <see langword="null"/>.</exception>
    public Proportion GetShare(string brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        return new Proportion(_mentions.GetValueOrDefault(brand), Total);
    }

    /// <summary>Gets every tracked brand's share of voice, largest first (ties by name).</summary>
    /// <returns>Brand and share pairs.</returns>
    public IReadOnlyList<KeyValuePair<string, Proportion>> GetShares() =>
        [.. _mentions
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Select(pair => KeyValuePair.Create(pair.Key, new Proportion(pair.Value, Total)))];

    /// <summary>Returns the shares as <c>acme 60.00% (60/100), globex 40.00% (40/100)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Total == 0
            ? string.Create(CultureInfo.InvariantCulture, $"share of voice: no value ({_mentions.Count} brands, 0 mentions)")
            : string.Join(", ", GetShares().Select(pair => $"{pair.Key} {pair.Value}"));
}
