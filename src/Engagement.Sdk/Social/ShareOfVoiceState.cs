using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Social;

/// <summary>
/// The saved state of a <see cref="ShareOfVoiceAccumulator"/> accumulator: its definition and the mentions by brand, versioned.
/// Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// JSON: <c>{"version":1,"definition":{"kind":"ShareOfVoice",…},"mentions":{"acme":60,"globex":40}}</c>; every member
/// is required and unknown members are rejected (see docs/state.md). The mentions are copied. Equal when versions,
/// definitions and the brand-to-count maps are equal (brand names ignoring case). Immutable and thread-safe.
/// </remarks>
public sealed class ShareOfVoiceState : MetricState, IEquatable<ShareOfVoiceState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.ShareOfVoice"/>.</param>
    /// <param name="mentions">Mentions by brand: valid, distinct (ignoring case) brand names and counts of 0 or more.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not share of voice, a brand name is invalid, or two
    /// brands differ only in case.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown or a count is negative.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public ShareOfVoiceState(int version, MetricDefinition definition, IReadOnlyDictionary<string, long> mentions)
        : base(version, CurrentVersion, definition, MetricKind.ShareOfVoice)
    {
        (Mentions, Total) = BrandMentions.Copy(mentions, nameof(mentions));
    }

    /// <summary>Gets the mentions by brand (a read-only copy; brand lookups ignore case).</summary>
    public IReadOnlyDictionary<string, long> Mentions { get; }

    /// <summary>Gets all mentions.</summary>
    [JsonIgnore]
    public long Total { get; }

    /// <inheritdoc />
    public bool Equals(ShareOfVoiceState? other) =>
        HeaderEquals(other) && BrandMentions.Equal(Mentions, other.Mentions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShareOfVoiceState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Definition, Mentions.Count, Total);

    /// <summary>Returns the state as <c>share-of-voice state v1: 2 brands, 100 mentions</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"share-of-voice state v{Version}: {Mentions.Count} brands, {Total} mentions");
}
