using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One target of an SLA policy rule: a metric (first reply, next reply, periodic update, resolution), the longest time
/// it may take, and whether that time is counted on the calendar or in business hours.
/// </summary>
/// <remarks>
/// A time equal to the target is achieved. Two targets are equal when metric, time and basis are equal. Immutable and
/// thread-safe.
/// </remarks>
public sealed class SlaTarget : IEquatable<SlaTarget>
{
    /// <summary>The longest target accepted: 365 days. A longer one is a mistake, and would carry due times past the
    /// end of the calendar.</summary>
    public static readonly TimeSpan MaxTarget = TimeSpan.FromDays(365);

    /// <summary>Creates a target.</summary>
    /// <param name="metric">What is measured.</param>
    /// <param name="target">The longest time allowed: more than zero and at most <see cref="MaxTarget"/>.</param>
    /// <param name="basis">How time is counted: <see cref="TimeBasis.Business"/> (the policy calendar's open time,
    /// the default) or <see cref="TimeBasis.Calendar"/> (elapsed time).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> or <paramref name="basis"/> is not a
    /// defined value, or <paramref name="target"/> is zero, negative or above <see cref="MaxTarget"/>.</exception>
    [JsonConstructor]
    public SlaTarget(SlaMetric metric, TimeSpan target, TimeBasis basis = TimeBasis.Business)
    {
        Metric = Validation.Defined(metric, nameof(metric));
        if (target <= TimeSpan.Zero || target > MaxTarget)
        {
            throw new ArgumentOutOfRangeException(
                nameof(target), target,
                string.Create(CultureInfo.InvariantCulture, $"An SLA target must be more than zero and at most {MaxTarget.TotalDays} days; got {target}."));
        }

        Target = target;
        Basis = Validation.Defined(basis, nameof(basis));
    }

    /// <summary>Gets what is measured.</summary>
    public SlaMetric Metric { get; }

    /// <summary>Gets the longest time allowed.</summary>
    public TimeSpan Target { get; }

    /// <summary>Gets how time is counted.</summary>
    public TimeBasis Basis { get; }

    /// <summary>Returns whether two targets are equal.</summary>
    /// <param name="left">The first target.</param>
    /// <param name="right">The second target.</param>
    /// <returns><see langword="true"/> when metric, time and basis are equal.</returns>
    public static bool operator ==(SlaTarget? left, SlaTarget? right) => Equals(left, right);

    /// <summary>Returns whether two targets differ.</summary>
    /// <param name="left">The first target.</param>
    /// <param name="right">The second target.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaTarget? left, SlaTarget? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(SlaTarget? other) =>
        other is not null && Metric == other.Metric && Target == other.Target && Basis == other.Basis;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaTarget);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Metric, Target, Basis);

    /// <summary>Returns the target as <c>FirstReply within 04:00:00 business time</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Metric} within {Target} {(Basis == TimeBasis.Business ? "business" : "calendar")} time");
}
