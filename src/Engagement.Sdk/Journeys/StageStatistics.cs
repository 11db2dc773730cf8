using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The numbers of one stage over a set of customers: how many reached it as their furthest stage, how many are in it
/// now, and how long its completed visits lasted (every distinct duration with its count, so that merged statistics
/// keep an exact median).
/// </summary>
/// <remarks>
/// A visit is completed when the customer's next event with a stage is of another stage; its duration runs from the
/// event that entered the stage to that event. Visits still open have no duration yet. Empty input:
/// <see cref="MeanTimeInStage"/> and <see cref="MedianTimeInStage"/> are <see langword="null"/> without completed
/// visits. Immutable and thread-safe.
/// </remarks>
public sealed class StageStatistics : IEquatable<StageStatistics>
{
    /// <summary>Creates the statistics of a stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="furthest">Customers whose furthest stage this is; 0 or more.</param>
    /// <param name="current">Customers in this stage now; 0 or more.</param>
    /// <param name="durationTicks">The distinct durations of completed visits, in ticks: ascending, 0 or more.</param>
    /// <param name="durationCounts">How many visits lasted each duration: positive, one per duration.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is unspecified, or the lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, a duration negative or out of order, or a
    /// duration count not positive.</exception>
    /// <exception cref="OverflowException">The visits add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public StageStatistics(JourneyStage stage, long furthest, long current, IReadOnlyList<long> durationTicks, IReadOnlyList<long> durationCounts)
    {
        if (stage.IsUnspecified)
        {
            throw new ArgumentException("Stage statistics need a stage; got Unspecified.", nameof(stage));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(furthest);
        ArgumentOutOfRangeException.ThrowIfNegative(current);
        ArgumentNullException.ThrowIfNull(durationTicks);
        ArgumentNullException.ThrowIfNull(durationCounts);
        if (durationTicks.Count != durationCounts.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Each duration needs its count; got {durationTicks.Count} durations and {durationCounts.Count} counts."),
                nameof(durationCounts));
        }

        long visits = 0;
        for (var i = 0; i < durationTicks.Count; i++)
        {
            if (durationTicks[i] < 0 || (i > 0 && durationTicks[i] <= durationTicks[i - 1]))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(durationTicks),
                    durationTicks[i],
                    string.Create(CultureInfo.InvariantCulture, $"Durations must be 0 or more and strictly ascending; got {durationTicks[i]} at index {i}."));
            }

            if (durationCounts[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(durationCounts),
                    durationCounts[i],
                    string.Create(CultureInfo.InvariantCulture, $"A duration's count must be positive; got {durationCounts[i]} at index {i}."));
            }

            visits = checked(visits + durationCounts[i]);
        }

        Stage = stage;
        Furthest = furthest;
        Current = current;
        DurationTicks = ReadOnly(durationTicks);
        DurationCounts = ReadOnly(durationCounts);
        CompletedVisits = visits;
    }

    /// <summary>Gets the stage.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets how many customers reached this stage as their furthest (in model order).</summary>
    public long Furthest { get; }

    /// <summary>Gets how many customers are in this stage now.</summary>
    public long Current { get; }

    /// <summary>Gets the distinct durations of completed visits, in ticks, ascending.</summary>
    public IReadOnlyList<long> DurationTicks { get; }

    /// <summary>Gets how many completed visits lasted each of <see cref="DurationTicks"/>.</summary>
    public IReadOnlyList<long> DurationCounts { get; }

    /// <summary>Gets the number of completed visits.</summary>
    public long CompletedVisits { get; }

    /// <summary>Gets the mean duration of completed visits (to the nearest tick, halves up), or <see langword="null"/>
    /// without any.</summary>
    public TimeSpan? MeanTimeInStage => Summary?.Mean;

    /// <summary>Gets the exact median duration of completed visits: the middle value, or the midpoint of the two middle
    /// values for an even count (to the nearest tick, halves up); <see langword="null"/> without any.</summary>
    public TimeSpan? MedianTimeInStage => Summary?.Median;

    private (TimeSpan Mean, TimeSpan Median)? Summary =>
        CompletedVisits == 0 ? null : DurationSummary.Of(DurationTicks.Zip(DurationCounts, KeyValuePair.Create), CompletedVisits);

    /// <inheritdoc />
    public bool Equals(StageStatistics? other) =>
        other is not null
        && Stage == other.Stage
        && Furthest == other.Furthest
        && Current == other.Current
        && DurationTicks.SequenceEqual(other.DurationTicks)
        && DurationCounts.SequenceEqual(other.DurationCounts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageStatistics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Stage, Furthest, Current, CompletedVisits);

    /// <summary>Returns the statistics as <c>Decision: furthest 12, current 4, 30 visits, median 00:05:00</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Stage}: furthest {Furthest}, current {Current}, {CompletedVisits} visits, median {MedianTimeInStage?.ToString() ?? "no value"}");

    private static ReadOnlyCollection<long> ReadOnly(IReadOnlyList<long> values) => Array.AsReadOnly([.. values]);
}
