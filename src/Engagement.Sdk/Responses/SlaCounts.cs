using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// SLA evaluations counted by <see cref="SlaStatus"/>, with the breach time they add up to and the compliance rate:
/// achieved / (achieved + breached + open breached).
/// </summary>
/// <remarks>
/// Open evaluations still within target and not-applicable ones are left out of the compliance rate: the first may
/// still go either way, the second have nothing to measure. <see cref="TotalBreach"/> adds each breached or open-breached
/// evaluation's breach in its own target's basis (business or calendar time), as the targets set them. Empty input:
/// with no decided evaluation <see cref="Compliance"/> has no value. Immutable and thread-safe; in JSON the derived
/// members are written for readers and recomputed when read.
/// </remarks>
public sealed class SlaCounts : IEquatable<SlaCounts>
{
    /// <summary>Creates the counts.</summary>
    /// <param name="achieved">Evaluations achieved; 0 or more.</param>
    /// <param name="breached">Evaluations breached; 0 or more.</param>
    /// <param name="openBreached">Evaluations open and already breached; 0 or more.</param>
    /// <param name="openWithinTarget">Evaluations open within target; 0 or more.</param>
    /// <param name="notApplicable">Evaluations not applicable; 0 or more.</param>
    /// <param name="totalBreach">The breaches added up; at least one tick per breached or open-breached evaluation
    /// (each is over its target), and zero without one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the breach does not fit the counts.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public SlaCounts(long achieved, long breached, long openBreached, long openWithinTarget, long notApplicable, TimeSpan totalBreach)
    {
        Validation.Tally(achieved, nameof(achieved), breached, nameof(breached), openBreached, nameof(openBreached));
        ArgumentOutOfRangeException.ThrowIfNegative(openWithinTarget);
        ArgumentOutOfRangeException.ThrowIfNegative(notApplicable);
        var late = breached + openBreached;
        Evaluations = checked(achieved + late + openWithinTarget + notApplicable);
        if (totalBreach.Ticks < late || (late == 0 && totalBreach != TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(
                nameof(totalBreach), totalBreach,
                string.Create(CultureInfo.InvariantCulture, $"{late} breached evaluations are each over their target, so their breach is at least {late} ticks and zero without one; got {totalBreach.Ticks} ticks."));
        }

        Achieved = achieved;
        Breached = breached;
        OpenBreached = openBreached;
        OpenWithinTarget = openWithinTarget;
        NotApplicable = notApplicable;
        TotalBreach = totalBreach;
    }

    /// <summary>Gets counts of nothing.</summary>
    public static SlaCounts Empty { get; } = new(0, 0, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the evaluations achieved.</summary>
    public long Achieved { get; }

    /// <summary>Gets the evaluations breached.</summary>
    public long Breached { get; }

    /// <summary>Gets the evaluations still open and already breached.</summary>
    public long OpenBreached { get; }

    /// <summary>Gets the evaluations still open within target.</summary>
    public long OpenWithinTarget { get; }

    /// <summary>Gets the evaluations not applicable (such as the first reply of an inquiry solved without a reply).</summary>
    public long NotApplicable { get; }

    /// <summary>Gets the breaches of breached and open-breached evaluations, added up.</summary>
    public TimeSpan TotalBreach { get; }

    /// <summary>Gets all evaluations counted, whatever their status.</summary>
    public long Evaluations { get; }

    /// <summary>Gets the compliance rate: achieved / (achieved + breached + open breached), with a Wilson interval.</summary>
    public Proportion Compliance => new(Achieved, Achieved + Breached + OpenBreached);

    /// <summary>Returns the count of one status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>How many evaluations have it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public long Of(SlaStatus status) => Validation.Defined(status, nameof(status)) switch
    {
        SlaStatus.Achieved => Achieved,
        SlaStatus.Breached => Breached,
        SlaStatus.OpenBreached => OpenBreached,
        SlaStatus.OpenWithinTarget => OpenWithinTarget,
        _ => NotApplicable,
    };

    /// <summary>Returns whether two counts are equal.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns><see langword="true"/> when every count and the breach are equal.</returns>
    public static bool operator ==(SlaCounts? left, SlaCounts? right) => Equals(left, right);

    /// <summary>Returns whether two counts differ.</summary>
    /// <param name="left">The first counts.</param>
    /// <param name="right">The second counts.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaCounts? left, SlaCounts? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(SlaCounts? other) =>
        other is not null
        && Achieved == other.Achieved
        && Breached == other.Breached
        && OpenBreached == other.OpenBreached
        && OpenWithinTarget == other.OpenWithinTarget
        && NotApplicable == other.NotApplicable
        && TotalBreach == other.TotalBreach;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaCounts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Achieved, Breached, OpenBreached, OpenWithinTarget, NotApplicable, TotalBreach);

    /// <summary>Returns the counts as <c>compliance 75.00% (3/4): 3 achieved, 1 breached, 0 open breached, 2 open within
    /// target, 1 not applicable; breach 01:00:00</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"compliance {Compliance}: {Achieved} achieved, {Breached} breached, {OpenBreached} open breached, {OpenWithinTarget} open within target, {NotApplicable} not applicable; breach {TotalBreach}");

    /// <summary>The counts plus those of another, checked.</summary>
    internal SlaCounts Plus(SlaCounts other) => new(
        checked(Achieved + other.Achieved),
        checked(Breached + other.Breached),
        checked(OpenBreached + other.OpenBreached),
        checked(OpenWithinTarget + other.OpenWithinTarget),
        checked(NotApplicable + other.NotApplicable),
        new TimeSpan(checked(TotalBreach.Ticks + other.TotalBreach.Ticks)));

    /// <summary>The number of open evaluations, within target or not.</summary>
    internal long Open => OpenBreached + OpenWithinTarget;
}
