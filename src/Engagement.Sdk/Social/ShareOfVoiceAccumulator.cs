using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Social;

/// <summary>
/// Share of voice: a mergeable accumulator of mentions by brand (brand names compared ignoring case).
/// <see cref="ToResult"/> gives the <see cref="ShareOfVoiceResult"/>: each brand's mentions as a share of all.
/// </summary>
/// <remarks>
/// <para>
/// Share of voice of brand b = mentions(b) / Σ mentions over all tracked brands; each share is a
/// <see cref="Proportion"/> with a Wilson interval.
/// </para>
/// <para>
/// Merging is associative and commutative; every update is checked and all-or-nothing; the state round-trips through
/// JSON (see <see cref="ShareOfVoiceState"/>). <see cref="Mentions"/> is a read-only view. Empty input: with no
/// mentions every share has no value. A brand seen in several spellings ("acme", "ACME") is one brand, kept under the
/// ordinally smallest spelling, so the state does not depend on the order of updates. Not thread-safe: give each thread
/// its own and merge them.
/// </para>
/// </remarks>
public sealed class ShareOfVoiceAccumulator : IMetricAccumulator<ShareOfVoiceAccumulator, ShareOfVoiceResult, ShareOfVoiceState>
{
    private readonly Dictionary<string, long> _mentions = new(StringComparer.OrdinalIgnoreCase);

    // The spelling each brand is kept under: of all spellings seen, the ordinally smallest, so that the state does not
    // depend on the order of updates and merges ("acme" then "ACME" and "ACME" then "acme" both keep "ACME").
    private readonly Dictionary<string, string> _spellings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty accumulator.</summary>
    public ShareOfVoiceAccumulator()
    {
        Mentions = _mentions.AsReadOnly();
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.ShareOfVoice"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.ShareOfVoice;

    /// <summary>Gets all mentions of the tracked brands.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the mentions by brand: a read-only view that follows later updates.</summary>
    public IReadOnlyDictionary<string, long> Mentions { get; }

    /// <inheritdoc />
    public static ShareOfVoiceAccumulator FromState(ShareOfVoiceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new ShareOfVoiceAccumulator();
        foreach (var (brand, count) in state.Mentions)
        {
            accumulator.Tally(brand, count);
        }

        accumulator.Count = state.Total;
        return accumulator;
    }

    /// <summary>Adds mentions of a brand.</summary>
    /// <param name="brand">The brand; not empty or white space.</param>
    /// <param name="mentions">How many mentions; 0 or more. A brand added with 0 is tracked with no mentions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="brand"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="brand"/> is not a valid name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mentions"/> is negative.</exception>
    /// <exception cref="OverflowException">The total would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(string brand, long mentions = 1)
    {
        Validation.Name(brand, nameof(brand), "brand name");
        ArgumentOutOfRangeException.ThrowIfNegative(mentions);
        Count = checked(Count + mentions);
        Tally(brand, mentions);
    }

    /// <inheritdoc />
    public void Merge(ShareOfVoiceAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var total = checked(Count + other.Count);

        // Every brand count is at most the total, so once the total fits nothing below can overflow.
        foreach (var (brand, count) in other._mentions.ToArray())
        {
            Tally(brand, count);
        }

        Count = total;
    }

    /// <summary>Adds to a brand's count, keeping its canonical spelling; the caller has checked the total.</summary>
    private void Tally(string brand, long count)
    {
        if (_spellings.TryGetValue(brand, out var spelling))
        {
            var total = _mentions[spelling] + count;
            if (string.CompareOrdinal(brand, spelling) < 0)
            {
                _mentions.Remove(spelling);
                _spellings[brand] = brand;
                spelling = brand;
            }

            _mentions[spelling] = total;
        }
        else
        {
            _spellings.Add(brand, brand);
            _mentions.Add(brand, count);
        }
    }

    /// <summary>Returns each tracked brand's share of voice.</summary>
    /// <returns>The result; with no mentions its shares have no value.</returns>
    public ShareOfVoiceResult ToResult() => new(_mentions);

    /// <inheritdoc />
    public ShareOfVoiceState GetState() => new(ShareOfVoiceState.CurrentVersion, Definition, _mentions);

    /// <summary>Returns the accumulator as <c>share of voice: 2 brands, 100 mentions</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"share of voice: {_mentions.Count} brands, {Count} mentions");
}
