using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// What a rule plans when it fires: the kind of response, the channel, the template of its text, its priority, and how
/// long after the trigger it is due.
/// </summary>
/// <remarks>
/// <para>
/// The due time is the trigger time plus <see cref="Delay"/> in <see cref="DelayBasis"/>: elapsed time for
/// <see cref="TimeBasis.Calendar"/>, open hours of the planner's business calendar for <see cref="TimeBasis.Business"/>.
/// A <see cref="ResponseType.Manual"/> response is written by a person, so when its due time falls outside the
/// calendar's hours it moves to the next opening; automated and proactive responses are sent when due.
/// </para>
/// <para>Equal when every part is equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ResponseAction : IEquatable<ResponseAction>
{
    /// <summary>Creates an action.</summary>
    /// <param name="type">The kind of response.</param>
    /// <param name="channel">The channel it goes out on.</param>
    /// <param name="templateId">The id of the <see cref="ResponseTemplate"/> of its text; the planner checks that it has
    /// the template.</param>
    /// <param name="priority">Its priority.</param>
    /// <param name="delay">How long after the trigger it is due; zero to <see cref="SlaTarget.MaxTarget"/>.</param>
    /// <param name="delayBasis">Whether <paramref name="delay"/> is elapsed time or business time.</param>
    /// <param name="slaTarget">The SLA target the response is held to, measured from the trigger in the planner's
    /// calendar (its metric names the kind of target, for reports), or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="templateId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="templateId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum is undefined or <paramref name="delay"/> is negative or
    /// above <see cref="SlaTarget.MaxTarget"/>.</exception>
    [JsonConstructor]
    public ResponseAction(
        ResponseType type,
        Channel channel,
        string templateId,
        InquiryPriority priority = InquiryPriority.Normal,
        TimeSpan delay = default,
        TimeBasis delayBasis = TimeBasis.Calendar,
        SlaTarget? slaTarget = null)
    {
        Type = Validation.Defined(type, nameof(type));
        Channel = channel;
        TemplateId = Validation.NotBlank(templateId, nameof(templateId));
        Priority = Validation.Defined(priority, nameof(priority));
        // Bounded like an SLA target: a year is already more than any response waits, and a bound keeps due times in range.
        if (delay < TimeSpan.Zero || delay > SlaTarget.MaxTarget)
        {
            throw new ArgumentOutOfRangeException(
                nameof(delay), delay, string.Create(CultureInfo.InvariantCulture, $"A delay must be zero to {SlaTarget.MaxTarget.TotalDays} days; got {delay:c}."));
        }

        Delay = delay;
        DelayBasis = Validation.Defined(delayBasis, nameof(delayBasis));
        SlaTarget = slaTarget;
    }

    /// <summary>Gets the kind of response.</summary>
    public ResponseType Type { get; }

    /// <summary>Gets the channel it goes out on.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the id of the template of its text.</summary>
    public string TemplateId { get; }

    /// <summary>Gets its priority.</summary>
    /// <value>The default value is <see cref="InquiryPriority.Normal"/>.</value>
    public InquiryPriority Priority { get; }

    /// <summary>Gets how long after the trigger it is due.</summary>
    /// <value>The default value is zero: due at the trigger.</value>
    public TimeSpan Delay { get; }

    /// <summary>Gets whether <see cref="Delay"/> is elapsed time or business time.</summary>
    /// <value>The default value is <see cref="TimeBasis.Calendar"/>.</value>
    public TimeBasis DelayBasis { get; }

    /// <summary>Gets the SLA target the response is held to: the planned response's <see cref="PlannedResponse.SlaDueAt"/>
    /// is the trigger time plus the target in its basis.</summary>
    /// <value>The default value is <see langword="null"/>: no target.</value>
    public SlaTarget? SlaTarget { get; }

    /// <summary>Returns whether two actions are equal.</summary>
    /// <param name="left">The first action.</param>
    /// <param name="right">The second action.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(ResponseAction? left, ResponseAction? right) => Equals(left, right);

    /// <summary>Returns whether two actions differ.</summary>
    /// <param name="left">The first action.</param>
    /// <param name="right">The second action.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(ResponseAction? left, ResponseAction? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ResponseAction? other) =>
        other is not null
        && Type == other.Type
        && Channel == other.Channel
        && string.Equals(TemplateId, other.TemplateId, StringComparison.Ordinal)
        && Priority == other.Priority
        && Delay == other.Delay
        && DelayBasis == other.DelayBasis
        && SlaTarget == other.SlaTarget;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseAction);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, Channel, StringComparer.Ordinal.GetHashCode(TemplateId), Priority, Delay, DelayBasis);

    /// <summary>Returns the action as <c>Automated on email with 'welcome', Normal, after 00:00:00 Calendar</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Type} on {Channel.Name} with '{Validation.Echo(TemplateId)}', {Priority}, after {Delay:c} {DelayBasis}");
}
