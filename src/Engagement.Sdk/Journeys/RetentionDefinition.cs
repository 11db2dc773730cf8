using System.Text.Json.Serialization;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What a cohort retention analysis counts: the start and return events, the calendar period and its time zone, how
/// customers join cohorts, bounded or unbounded retention, and the analysed range [from, to).
/// </summary>
/// <remarks>
/// <para>
/// Cohorts and returns are counted in calendar periods (<see cref="Period"/>) in <see cref="TimeZone"/>: the analysed
/// periods are the one containing <see cref="From"/> through the one containing <see cref="To"/> − 1 tick. Events at
/// or after <see cref="To"/> are ignored, and so are events before <see cref="From"/>, except that a first-time cohort
/// looks at the customer's first-ever start event. Period 0 of a cohort is its size; value k counts the members who did
/// the return event in period cohort + k (bounded), or in any period ≥ cohort + k in the range
/// (<see cref="Unbounded"/>). A return in the cohort's own period never counts for k ≥ 1. See docs/journeys.md.
/// </para>
/// <para>Definitions are equal when every part is equal (event names and zone ids ordinally, bounds as instants).
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class RetentionDefinition : IEquatable<RetentionDefinition>
{
    private readonly CalendarPeriods _periods;

    /// <summary>Creates a retention definition.</summary>
    /// <param name="startEvent">The event name that puts a customer in a cohort, compared ordinally.</param>
    /// <param name="returnEvent">The event name that counts as a return; may be <paramref name="startEvent"/>.</param>
    /// <param name="period">The calendar period of cohorts and returns.</param>
    /// <param name="from">The first instant analysed.</param>
    /// <param name="to">The end of the analysed range, excluded; after <paramref name="from"/>.</param>
    /// <param name="cohortType">How customers join cohorts.</param>
    /// <param name="unbounded">Whether a member counts at k when it returned in any period ≥ cohort + k (PostHog's
    /// unbounded retention) rather than in period cohort + k exactly.</param>
    /// <param name="timeZone">The time zone of the calendar periods, an IANA (or Windows) id.</param>
    /// <param name="weekStart">The first day of a week.</param>
    /// <exception cref="ArgumentNullException">An event name or <paramref name="timeZone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event name is blank, or <paramref name="timeZone"/> is blank or unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined; <paramref name="to"/> is not after
    /// <paramref name="from"/>; a bound lies outside the years 2 to 9998; or the range spans more than 1,000 periods.</exception>
    [JsonConstructor]
    public RetentionDefinition(
        string startEvent,
        string returnEvent,
        CalendarPeriod period,
        DateTimeOffset from,
        DateTimeOffset to,
        RetentionCohortType cohortType = RetentionCohortType.FirstTime,
        bool unbounded = false,
        string timeZone = "UTC",
        DayOfWeek weekStart = DayOfWeek.Monday)
    {
        StartEvent = Validation.NotBlank(startEvent, nameof(startEvent));
        ReturnEvent = Validation.NotBlank(returnEvent, nameof(returnEvent));
        CohortType = Validation.Defined(cohortType, nameof(cohortType));
        Unbounded = unbounded;
        _periods = CalendarPeriods.Create(period, timeZone, weekStart, from, to);
    }

    /// <summary>Gets the event name that puts a customer in a cohort.</summary>
    public string StartEvent { get; }

    /// <summary>Gets the event name that counts as a return.</summary>
    public string ReturnEvent { get; }

    /// <summary>Gets the calendar period of cohorts and returns.</summary>
    public CalendarPeriod Period => _periods.Period;

    /// <summary>Gets the first instant analysed.</summary>
    public DateTimeOffset From => _periods.From;

    /// <summary>Gets the end of the analysed range, excluded.</summary>
    public DateTimeOffset To => _periods.To;

    /// <summary>Gets how customers join cohorts.</summary>
    /// <value>The default value is <see cref="RetentionCohortType.FirstTime"/>.</value>
    public RetentionCohortType CohortType { get; }

    /// <summary>Gets whether retention is unbounded: a member counts at k when it returned in any period ≥ cohort + k.</summary>
    /// <value>The default value is <see langword="false"/> (bounded: in period cohort + k exactly).</value>
    public bool Unbounded { get; }

    /// <summary>Gets the id of the time zone of the calendar periods.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    public string TimeZone => _periods.Zone.Id;

    /// <summary>Gets the first day of a week.</summary>
    /// <value>The default value is <see cref="DayOfWeek.Monday"/>.</value>
    [JsonConverter(typeof(StrictEnumConverter<DayOfWeek>))]
    public DayOfWeek WeekStart => _periods.WeekStart;

    /// <summary>Gets how many periods the range spans, the number of cohorts.</summary>
    [JsonIgnore]
    public int PeriodCount => _periods.Count;

    internal CalendarPeriods Periods => _periods;

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(RetentionDefinition? left, RetentionDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(RetentionDefinition? left, RetentionDefinition? right) => !Equals(left, right);

    /// <summary>Gets the start of a period: local midnight in <see cref="TimeZone"/>, with the zone's offset.</summary>
    /// <param name="period">The period index, from 0 to <see cref="PeriodCount"/> − 1.</param>
    /// <returns>The period's calendar start; the first period's may lie before <see cref="From"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside the range's periods.</exception>
    public DateTimeOffset GetPeriodStart(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(period, PeriodCount);
        return _periods.StartOf(period);
    }

    /// <inheritdoc />
    public bool Equals(RetentionDefinition? other) =>
        other is not null
        && string.Equals(StartEvent, other.StartEvent, StringComparison.Ordinal)
        && string.Equals(ReturnEvent, other.ReturnEvent, StringComparison.Ordinal)
        && CohortType == other.CohortType
        && Unbounded == other.Unbounded
        && _periods.SameAs(other._periods);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RetentionDefinition);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(StartEvent), StringComparer.Ordinal.GetHashCode(ReturnEvent), CohortType, Unbounded, _periods.Hash());

    /// <summary>Returns the definition as <c>first-time retention 'signup' → 'purchase', bounded, weeks (from Monday) in UTC over [from, to)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        $"{(CohortType == RetentionCohortType.FirstTime ? "first-time" : "recurring")} retention '{Validation.Echo(StartEvent)}' → '{Validation.Echo(ReturnEvent)}', {(Unbounded ? "unbounded" : "bounded")}, {_periods.Describe()}";
}
