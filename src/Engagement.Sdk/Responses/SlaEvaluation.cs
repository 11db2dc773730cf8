using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// Where one inquiry stands against one SLA target at an evaluation instant: the <see cref="Status"/>, the measured
/// time once there is one, the due time and time left while the target is open, and the breach once it is late.
/// </summary>
/// <remarks>
/// <para>
/// Which members are set follows from the status: <see cref="SlaStatus.Achieved"/> and <see cref="SlaStatus.Breached"/>
/// have <see cref="Measured"/> (and the second a <see cref="Breach"/> = measured − target);
/// <see cref="SlaStatus.OpenBreached"/> and <see cref="SlaStatus.OpenWithinTarget"/> have <see cref="DueAt"/> and
/// <see cref="TimeLeft"/> (and the first a <see cref="Breach"/> = −time left); <see cref="SlaStatus.NotApplicable"/>
/// has none. Every duration is in the target's basis. The constructor checks these rules, so a read-back evaluation is
/// one the policy could have produced.
/// </para>
/// <para>Equal when every member is equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class SlaEvaluation : IEquatable<SlaEvaluation>
{
    /// <summary>Creates an evaluation; <see cref="SlaPolicy.Evaluate"/> makes them.</summary>
    /// <param name="inquiryId">The inquiry's id; not blank.</param>
    /// <param name="customerId">The customer's id; not blank.</param>
    /// <param name="channel">The inquiry's channel.</param>
    /// <param name="priority">The inquiry's priority.</param>
    /// <param name="target">The target evaluated.</param>
    /// <param name="status">Where the inquiry stands.</param>
    /// <param name="measured">The measured time of an achieved (at most the target) or breached (above it) target; else
    /// <see langword="null"/>.</param>
    /// <param name="dueAt">The due time of an open target; else <see langword="null"/>.</param>
    /// <param name="timeLeft">The time left of an open target: negative when open breached, from zero to the target
    /// when open within target; else <see langword="null"/>.</param>
    /// <param name="breach">By how much a breached (measured − target) or open-breached (−time left) target is late;
    /// else <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">An id or <paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is blank, or a member is set (or missing) against the status' rules; the
    /// exception names the member.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum is not a defined value.</exception>
    [JsonConstructor]
    public SlaEvaluation(
        string inquiryId,
        string customerId,
        Channel channel,
        InquiryPriority priority,
        SlaTarget target,
        SlaStatus status,
        TimeSpan? measured,
        DateTimeOffset? dueAt,
        TimeSpan? timeLeft,
        TimeSpan? breach)
    {
        InquiryId = Validation.NotBlank(inquiryId, nameof(inquiryId));
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        ArgumentNullException.ThrowIfNull(target);
        Channel = channel;
        Priority = Validation.Defined(priority, nameof(priority));
        Target = target;
        Status = Validation.Defined(status, nameof(status));
        var t = target.Target;
        var measuredRule = status switch
        {
            SlaStatus.Achieved => measured is { } m && m >= TimeSpan.Zero && m <= t,
            SlaStatus.Breached => measured is { } m && m > t,
            _ => measured is null,
        };
        Require(measuredRule, nameof(measured), measured, status);
        var open = status is SlaStatus.OpenBreached or SlaStatus.OpenWithinTarget;
        Require(open == dueAt.HasValue, nameof(dueAt), dueAt, status);
        var timeLeftRule = status switch
        {
            SlaStatus.OpenBreached => timeLeft is { } left && left < TimeSpan.Zero,
            SlaStatus.OpenWithinTarget => timeLeft is { } left && left >= TimeSpan.Zero && left <= t,
            _ => timeLeft is null,
        };
        Require(timeLeftRule, nameof(timeLeft), timeLeft, status);
        var breachRule = status switch
        {
            SlaStatus.Breached => breach == measured - t,
            SlaStatus.OpenBreached => breach == -timeLeft,
            _ => breach is null,
        };
        Require(breachRule, nameof(breach), breach, status);
        Measured = measured;
        DueAt = dueAt;
        TimeLeft = timeLeft;
        Breach = breach;
    }

    /// <summary>Gets the inquiry's id.</summary>
    public string InquiryId { get; }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the inquiry's channel.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the inquiry's priority.</summary>
    public InquiryPriority Priority { get; }

    /// <summary>Gets the target evaluated.</summary>
    public SlaTarget Target { get; }

    /// <summary>Gets where the inquiry stands against the target.</summary>
    public SlaStatus Status { get; }

    /// <summary>Gets the measured time (achieved or breached), or <see langword="null"/>.</summary>
    public TimeSpan? Measured { get; }

    /// <summary>Gets the due time of an open target, or <see langword="null"/>.</summary>
    public DateTimeOffset? DueAt { get; }

    /// <summary>Gets the time left of an open target (negative once breached), or <see langword="null"/>.</summary>
    public TimeSpan? TimeLeft { get; }

    /// <summary>Gets how late a breached or open-breached target is, or <see langword="null"/>.</summary>
    public TimeSpan? Breach { get; }

    /// <summary>Returns whether two evaluations are equal.</summary>
    /// <param name="left">The first evaluation.</param>
    /// <param name="right">The second evaluation.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public static bool operator ==(SlaEvaluation? left, SlaEvaluation? right) => Equals(left, right);

    /// <summary>Returns whether two evaluations differ.</summary>
    /// <param name="left">The first evaluation.</param>
    /// <param name="right">The second evaluation.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaEvaluation? left, SlaEvaluation? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(SlaEvaluation? other) =>
        other is not null
        && string.Equals(InquiryId, other.InquiryId, StringComparison.Ordinal)
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && Channel.Equals(other.Channel)
        && Priority == other.Priority
        && Target == other.Target
        && Status == other.Status
        && Measured == other.Measured
        && Nullable.Equals(DueAt, other.DueAt)
        && TimeLeft == other.TimeLeft
        && Breach == other.Breach;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaEvaluation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InquiryId, Target, Status, Measured, DueAt, TimeLeft);

    /// <summary>Returns the evaluation as <c>i-42 FirstReply within 04:00:00 business time: Achieved, measured 02:00:00</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Validation.Echo(InquiryId)} {Target}: {Status}") + Status switch
    {
        SlaStatus.Achieved => string.Create(CultureInfo.InvariantCulture, $", measured {Measured}"),
        SlaStatus.Breached => string.Create(CultureInfo.InvariantCulture, $", measured {Measured}, breached by {Breach}"),
        SlaStatus.OpenBreached => string.Create(CultureInfo.InvariantCulture, $", due {DueAt:yyyy-MM-ddTHH:mm:sszzz}, breached by {Breach}"),
        SlaStatus.OpenWithinTarget => string.Create(CultureInfo.InvariantCulture, $", due {DueAt:yyyy-MM-ddTHH:mm:sszzz}, {TimeLeft} left"),
        _ => string.Empty,
    };

    private static void Require(bool rule, string paramName, object? value, SlaStatus status)
    {
        if (!rule)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"An evaluation that is {status} cannot have {paramName} = {value ?? "null"}."),
                paramName);
        }
    }
}
