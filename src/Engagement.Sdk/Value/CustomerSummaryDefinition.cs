using System.Globalization;
using System.Text.Json.Serialization;

using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Value;

/// <summary>
/// How <see cref="CustomerSummaryBuilder"/> turns transactions into <see cref="CustomerSummaries"/>: the time unit, the
/// end of the calibration period, the optional end of a holdout period, and the calendar periods within which
/// purchases count as one.
/// </summary>
/// <remarks>
/// <para>
/// The definitions follow Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2),
/// and the behaviour of <c>summary_data_from_transaction_data</c> and <c>calibration_and_holdout_data</c> of the Python
/// library lifetimes, the peer whose CDNOW summaries the builder reproduces:
/// </para>
/// <list type="bullet">
/// <item>purchases of one customer in the same merge period (<see cref="MergeUnit"/> in <see cref="TimeZoneId"/>) are
/// one purchase whose value is their sum, and whose time is the earliest of them; a calibration and a holdout purchase
/// are never merged, even within one period;</item>
/// <item>the cohort is the customers whose first purchase is at or before <see cref="CalibrationEnd"/>; customers
/// whose first purchase is later are left out of the summaries and counted in
/// <see cref="CustomerSummaryReport.CustomersAfterCalibration"/>;</item>
/// <item>frequency x is the number of merged purchases after the first, at or before <see cref="CalibrationEnd"/>;
/// recency t<sub>x</sub> the time from the first purchase to the last of those (0 without one); T the time from the
/// first purchase to <see cref="CalibrationEnd"/>; all exact elapsed times measured in <see cref="Unit"/>s
/// (<see cref="TimeUnits.Between"/>), so dates at midnight give whole days / 7 in weeks;</item>
/// <item>the monetary value is the mean value of the repeat (merged) purchases, none without one;</item>
/// <item>with a holdout period, the merged purchases in (<see cref="CalibrationEnd"/>, <see cref="ObservationEnd"/>]
/// give the holdout frequency and their mean value, and the holdout length is
/// <see cref="ObservationEnd"/> − <see cref="CalibrationEnd"/> in <see cref="Unit"/>s.</item>
/// </list>
/// <para>
/// Merge periods start at local midnight (<see cref="TimeUnit.Day"/>), local midnight on Monday
/// (<see cref="TimeUnit.Week"/>, ISO 8601 weeks), local midnight on the 1st of the month (<see cref="TimeUnit.Month"/>)
/// and on 1 January (<see cref="TimeUnit.Year"/>) in the definition's time zone, whatever offset the transactions'
/// times carry.
/// </para>
/// <para>Equal when every member is equal (the ends as instants). Immutable and thread-safe.</para>
/// </remarks>
public sealed class CustomerSummaryDefinition : IEquatable<CustomerSummaryDefinition>
{
    /// <summary>Creates a summary definition.</summary>
    /// <param name="unit">The unit of recency, T and the holdout length.</param>
    /// <param name="calibrationEnd">The end of the calibration period, included in it.</param>
    /// <param name="observationEnd">The end of the holdout period, included in it; after
    /// <paramref name="calibrationEnd"/>; <see langword="null"/> for no holdout period.</param>
    /// <param name="mergeUnit">The calendar period within which a customer's purchases count as one; by default
    /// <see cref="TimeUnit.Day"/>.</param>
    /// <param name="timeZoneId">The IANA (or Windows) id of the time zone whose calendar the merge periods follow; by
    /// default <c>UTC</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> or <paramref name="mergeUnit"/> is not
    /// defined, or <paramref name="observationEnd"/> is not after <paramref name="calibrationEnd"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeZoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeZoneId"/> is blank or not a zone this system knows.</exception>
    [JsonConstructor]
    public CustomerSummaryDefinition(
        TimeUnit unit,
        DateTimeOffset calibrationEnd,
        DateTimeOffset? observationEnd = null,
        TimeUnit mergeUnit = TimeUnit.Day,
        string timeZoneId = "UTC")
    {
        Unit = Validation.Defined(unit, nameof(unit));
        MergeUnit = Validation.Defined(mergeUnit, nameof(mergeUnit));
        if (observationEnd is { } end && end <= calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(
                nameof(observationEnd), end, string.Create(
                    CultureInfo.InvariantCulture,
                    $"The holdout period must end after the calibration period; got observation end {end:O} with calibration end {calibrationEnd:O}."));
        }

        Zone = CalendarPeriods.FindZone(timeZoneId, nameof(timeZoneId));
        TimeZoneId = Zone.Id;
        CalibrationEnd = calibrationEnd;
        ObservationEnd = observationEnd;
    }

    /// <summary>Gets the unit of recency, T and the holdout length.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Gets the end of the calibration period, included in it.</summary>
    public DateTimeOffset CalibrationEnd { get; }

    /// <summary>Gets the end of the holdout period, included in it; <see langword="null"/> without a holdout period.</summary>
    public DateTimeOffset? ObservationEnd { get; }

    /// <summary>Gets the calendar period within which a customer's purchases count as one.</summary>
    public TimeUnit MergeUnit { get; }

    /// <summary>Gets the id of the time zone whose calendar the merge periods follow, as the system spells it.</summary>
    public string TimeZoneId { get; }

    /// <summary>Gets the holdout length, <see cref="ObservationEnd"/> − <see cref="CalibrationEnd"/> in
    /// <see cref="Unit"/>s; <see langword="null"/> without a holdout period.</summary>
    [JsonIgnore]
    public double? HoldoutLength => ObservationEnd is { } end ? TimeUnits.Between(CalibrationEnd, end, Unit) : null;

    /// <summary>Gets the latest instant a transaction may have: the observation end, or the calibration end without a
    /// holdout period.</summary>
    [JsonIgnore]
    public DateTimeOffset LastInstant => ObservationEnd ?? CalibrationEnd;

    /// <summary>Gets the time zone of the merge periods.</summary>
    internal TimeZoneInfo Zone { get; }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CustomerSummaryDefinition? left, CustomerSummaryDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CustomerSummaryDefinition? left, CustomerSummaryDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(CustomerSummaryDefinition? other) =>
        other is not null
        && Unit == other.Unit
        && CalibrationEnd.Equals(other.CalibrationEnd)
        && Nullable.Equals(ObservationEnd, other.ObservationEnd)
        && MergeUnit == other.MergeUnit
        && string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CustomerSummaryDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, CalibrationEnd, ObservationEnd, MergeUnit, TimeZoneId);

    /// <summary>Returns the definition as <c>summaries in Weeks to …, holdout to …, merged by Day in UTC</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"summaries in {Unit}s to {CalibrationEnd:O}{(ObservationEnd is { } end ? string.Create(CultureInfo.InvariantCulture, $", holdout to {end:O}") : "")}, merged by {MergeUnit} in {TimeZoneId}");
}
