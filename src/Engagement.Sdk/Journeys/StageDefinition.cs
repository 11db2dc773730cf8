using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What a <see cref="StageAccumulator"/> measures: the <see cref="StageRules"/> that put events in stages and,
/// optionally, the range [<see cref="From"/>, <see cref="To"/>) whose calendar periods the stage distribution is counted
/// over.
/// </summary>
/// <remarks>
/// <para>
/// Without a range, every event counts and there is no distribution over time. With one, events at or after
/// <see cref="To"/> are ignored, so current stages are those at <see cref="To"/>; events before <see cref="From"/> still
/// count, because a customer who entered a stage earlier is in it when the range begins. The periods are the calendar
/// <see cref="Period"/>s in <see cref="TimeZone"/> from the one holding <see cref="From"/> through the one holding
/// <see cref="To"/> − 1 tick; the distribution gives each one's customers by stage at its end (or at <see cref="To"/>
/// for the last).
/// </para>
/// <para>Definitions are equal when every part is equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class StageDefinition : IEquatable<StageDefinition>
{
    private readonly CalendarPeriods? _periods;

    /// <summary>Creates a definition.</summary>
    /// <param name="rules">The stage rules.</param>
    /// <param name="from">The start of the range, or <see langword="null"/> for no range (then <paramref name="to"/> is
    /// <see langword="null"/> too).</param>
    /// <param name="to">The end of the range, exclusive; after <paramref name="from"/>.</param>
    /// <param name="period">The period of the distribution.</param>
    /// <param name="timeZone">The id of the time zone periods start in, as <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>
    /// takes it (IANA or Windows).</param>
    /// <param name="weekStart">The day weeks start on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or <paramref name="timeZone"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Only one of <paramref name="from"/> and <paramref name="to"/> is given, or the
    /// time zone is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>, the range
    /// covers more than 1,000 periods or lies outside the years 2 to 9998, or an enum is not a defined value.</exception>
    [JsonConstructor]
    public StageDefinition(
        StageRules rules,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        CalendarPeriod period = CalendarPeriod.Day,
        string timeZone = "UTC",
        DayOfWeek weekStart = DayOfWeek.Monday)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(timeZone);
        Rules = rules;
        Period = Validation.Defined(period, nameof(period));
        WeekStart = Validation.Defined(weekStart, nameof(weekStart));
        Validation.NotBlank(timeZone, nameof(timeZone));
        Zone = CalendarPeriods.FindZone(timeZone);
        TimeZone = timeZone;
        if (from.HasValue != to.HasValue)
        {
            throw new ArgumentException(
                $"Give both ends of the range or neither; got from {Show(from)} and to {Show(to)}.", from.HasValue ? nameof(to) : nameof(from));
        }

        if (from is { } start && to is { } end)
        {
            if (end.UtcTicks <= start.UtcTicks)
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, $"The range must end after it starts; got from {Show(from)} to {Show(to)}.");
            }

            _periods = CalendarPeriods.Create(period, timeZone, weekStart, start, end);
        }

        From = from;
        To = to;
    }

    /// <summary>Gets the stage rules.</summary>
    public StageRules Rules { get; }

    /// <summary>Gets the start of the range, or <see langword="null"/> when there is none.</summary>
    public DateTimeOffset? From { get; }

    /// <summary>Gets the end of the range (exclusive), or <see langword="null"/> when there is none.</summary>
    public DateTimeOffset? To { get; }

    /// <summary>Gets the period of the distribution.</summary>
    /// <value>The default value is <see cref="CalendarPeriod.Day"/>.</value>
    public CalendarPeriod Period { get; }

    /// <summary>Gets the id of the time zone periods start in.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    public string TimeZone { get; }

    /// <summary>Gets the day weeks start on.</summary>
    /// <value>The default value is <see cref="DayOfWeek.Monday"/>.</value>
    [JsonConverter(typeof(StrictEnumConverter<DayOfWeek>))]
    public DayOfWeek WeekStart { get; }

    /// <summary>Gets the number of periods of the distribution: 0 without a range.</summary>
    [JsonIgnore]
    public int PeriodCount => _periods?.Count ?? 0;

    /// <summary>The time zone found for <see cref="TimeZone"/>.</summary>
    internal TimeZoneInfo Zone { get; }

    /// <summary>The end of the events that count, as UTC ticks: <see cref="To"/>, or <see cref="long.MaxValue"/>.</summary>
    internal long EndTicks => To?.UtcTicks ?? long.MaxValue;

    /// <summary>Returns the start of a period, in the definition's time zone.</summary>
    /// <param name="period">The period, from 0 to <see cref="PeriodCount"/> − 1.</param>
    /// <returns>The local start of the period (it may lie before <see cref="From"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is out of range.</exception>
    public DateTimeOffset GetPeriodStart(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(period, PeriodCount);
        return _periods!.StartOf(period);
    }

    /// <inheritdoc />
    public bool Equals(StageDefinition? other) =>
        other is not null
        && Rules.Equals(other.Rules)
        && Nullable.Equals(From, other.From)
        && Nullable.Equals(To, other.To)
        && Period == other.Period
        && string.Equals(TimeZone, other.TimeZone, StringComparison.Ordinal)
        && WeekStart == other.WeekStart;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StageDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rules, From, To, Period, TimeZone, WeekStart);

    /// <summary>Returns the definition as <c>stages (5 rules over …), Week periods from … to … in UTC</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        From is null
            ? $"stages ({Rules})"
            : string.Create(CultureInfo.InvariantCulture, $"stages ({Rules}), {Period} periods from {Show(From)} to {Show(To)} in {TimeZone}");

    /// <summary>The end of the state of period <paramref name="period"/>: the start of the next, or <see cref="To"/>.</summary>
    internal long PeriodEnd(int period) => Math.Min(_periods!.Starts[period + 1], EndTicks);

    private static string Show(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture) ?? "null";
}
