using System.Text.Json.Serialization;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What a lifecycle analysis counts: the activity event, the calendar period and its time zone, and the analysed range
/// [from, to).
/// </summary>
/// <remarks>
/// <para>
/// Per period, a customer active (it did <see cref="ActivityEvent"/>) is <see cref="LifecycleStatus.New"/> when it
/// was created — its first event of any kind, even before <see cref="From"/> — in that period,
/// <see cref="LifecycleStatus.Returning"/> when it was also active in the previous period, and
/// <see cref="LifecycleStatus.Resurrecting"/> otherwise; a customer active in the previous period and not in this one is
/// <see cref="LifecycleStatus.Dormant"/>. Activity in the period just before the first analysed period counts as the
/// previous period's for the first. Events at or after <see cref="To"/> are ignored, and so is other activity before
/// <see cref="From"/>. See docs/journeys.md.
/// </para>
/// <para>Definitions are equal when every part is equal (the event name and zone id ordinally, bounds as instants).
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class LifecycleDefinition : IEquatable<LifecycleDefinition>
{
    private readonly CalendarPeriods _periods;

    /// <summary>Creates a lifecycle definition.</summary>
    /// <param name="activityEvent">The event name that makes a customer active in a period, compared ordinally.</param>
    /// <param name="period">The calendar period.</param>
    /// <param name="from">The first instant analysed.</param>
    /// <param name="to">The end of the analysed range, excluded; after <paramref name="from"/>.</param>
    /// <param name="timeZone">The time zone of the calendar periods, an IANA (or Windows) id.</param>
    /// <param name="weekStart">The first day of a week.</param>
    /// <exception cref="ArgumentNullException"><paramref name="activityEvent"/> or <paramref name="timeZone"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="activityEvent"/> is blank, or <paramref name="timeZone"/> is
    /// blank or unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined; <paramref name="to"/> is not after
    /// <paramref name="from"/>; a bound lies outside the years 2 to 9998; or the range spans more than 1,000 periods.</exception>
    [JsonConstructor]
    public LifecycleDefinition(
        string activityEvent, CalendarPeriod period, DateTimeOffset from, DateTimeOffset to, string timeZone = "UTC", DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ActivityEvent = Validation.NotBlank(activityEvent, nameof(activityEvent));
        _periods = CalendarPeriods.Create(period, timeZone, weekStart, from, to);
    }

    /// <summary>Gets the event name that makes a customer active in a period.</summary>
    public string ActivityEvent { get; }

    /// <summary>Gets the calendar period.</summary>
    public CalendarPeriod Period => _periods.Period;

    /// <summary>Gets the first instant analysed.</summary>
    public DateTimeOffset From => _periods.From;

    /// <summary>Gets the end of the analysed range, excluded.</summary>
    public DateTimeOffset To => _periods.To;

    /// <summary>Gets the id of the time zone of the calendar periods.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    public string TimeZone => _periods.Zone.Id;

    /// <summary>Gets the first day of a week.</summary>
    /// <value>The default value is <see cref="DayOfWeek.Monday"/>.</value>
    [JsonConverter(typeof(StrictEnumConverter<DayOfWeek>))]
    public DayOfWeek WeekStart => _periods.WeekStart;

    /// <summary>Gets how many periods the range spans.</summary>
    [JsonIgnore]
    public int PeriodCount => _periods.Count;

    internal CalendarPeriods Periods => _periods;

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(LifecycleDefinition? left, LifecycleDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(LifecycleDefinition? left, LifecycleDefinition? right) => !Equals(left, right);

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
    public bool Equals(LifecycleDefinition? other) =>
        other is not null && string.Equals(ActivityEvent, other.ActivityEvent, StringComparison.Ordinal) && _periods.SameAs(other._periods);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LifecycleDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(ActivityEvent), _periods.Hash());

    /// <summary>Returns the definition as <c>lifecycle of 'login', weeks (from Monday) in UTC over [from, to)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"lifecycle of '{Validation.Echo(ActivityEvent)}', {_periods.Describe()}";
}
