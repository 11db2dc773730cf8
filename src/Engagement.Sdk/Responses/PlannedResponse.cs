using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// A response the <see cref="ResponsePlanner"/> decided on: who gets it, from which rule, what kind, on which channel,
/// when it was triggered and by when it is due, its priority, and its text rendered for the customer.
/// </summary>
/// <remarks>Equal when every field is equal (times as instants). Immutable and thread-safe.</remarks>
public sealed class PlannedResponse : IEquatable<PlannedResponse>
{
    /// <summary>Creates a planned response.</summary>
    /// <param name="customerId">The customer's id; not blank.</param>
    /// <param name="ruleName">The name of the rule that planned it; not blank.</param>
    /// <param name="type">The kind of response.</param>
    /// <param name="channel">The channel it goes out on.</param>
    /// <param name="triggeredAt">When the rule's trigger fired.</param>
    /// <param name="dueAt">By when it is due; not before <paramref name="triggeredAt"/>.</param>
    /// <param name="priority">Its priority.</param>
    /// <param name="templateId">The id of the template its text comes from; not blank.</param>
    /// <param name="text">The rendered text.</param>
    /// <param name="slaTarget">The SLA target the response is held to, or <see langword="null"/>.</param>
    /// <param name="slaDueAt">When the SLA target falls due: given exactly when <paramref name="slaTarget"/> is, and not
    /// before <paramref name="triggeredAt"/>.</param>
    /// <exception cref="ArgumentNullException">A string is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id or name is blank, or only one of <paramref name="slaTarget"/> and
    /// <paramref name="slaDueAt"/> is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum is undefined, or <paramref name="dueAt"/> or
    /// <paramref name="slaDueAt"/> is before <paramref name="triggeredAt"/>.</exception>
    [JsonConstructor]
    public PlannedResponse(
        string customerId,
        string ruleName,
        ResponseType type,
        Channel channel,
        DateTimeOffset triggeredAt,
        DateTimeOffset dueAt,
        InquiryPriority priority,
        string templateId,
        string text,
        SlaTarget? slaTarget = null,
        DateTimeOffset? slaDueAt = null)
    {
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        RuleName = Validation.NotBlank(ruleName, nameof(ruleName));
        Type = Validation.Defined(type, nameof(type));
        Channel = channel;
        if (dueAt < triggeredAt)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dueAt), dueAt, string.Create(CultureInfo.InvariantCulture, $"A response cannot be due ({dueAt:O}) before it was triggered ({triggeredAt:O})."));
        }

        TriggeredAt = triggeredAt;
        DueAt = dueAt;
        Priority = Validation.Defined(priority, nameof(priority));
        TemplateId = Validation.NotBlank(templateId, nameof(templateId));
        Text = text ?? throw new ArgumentNullException(nameof(text));
        if ((slaTarget is null) != (slaDueAt is null))
        {
            throw new ArgumentException(
                slaTarget is null ? $"An SLA due time ({slaDueAt:O}) was given without an SLA target." : $"The SLA target ({slaTarget}) has no due time.", nameof(slaDueAt));
        }

        if (slaDueAt < triggeredAt)
        {
            throw new ArgumentOutOfRangeException(
                nameof(slaDueAt), slaDueAt, string.Create(CultureInfo.InvariantCulture, $"An SLA target cannot fall due ({slaDueAt:O}) before the trigger ({triggeredAt:O})."));
        }

        SlaTarget = slaTarget;
        SlaDueAt = slaDueAt;
    }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the name of the rule that planned it.</summary>
    public string RuleName { get; }

    /// <summary>Gets the kind of response.</summary>
    public ResponseType Type { get; }

    /// <summary>Gets the channel it goes out on.</summary>
    public Channel Channel { get; }

    /// <summary>Gets when the rule's trigger fired.</summary>
    public DateTimeOffset TriggeredAt { get; }

    /// <summary>Gets by when it is due.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>Gets its priority.</summary>
    public InquiryPriority Priority { get; }

    /// <summary>Gets the id of the template its text comes from.</summary>
    public string TemplateId { get; }

    /// <summary>Gets the text, rendered for the customer.</summary>
    public string Text { get; }

    /// <summary>Gets the SLA target the response is held to, or <see langword="null"/>.</summary>
    public SlaTarget? SlaTarget { get; }

    /// <summary>Gets when the SLA target falls due (the trigger time plus the target in its basis, in the planner's
    /// calendar), or <see langword="null"/> without a target.</summary>
    public DateTimeOffset? SlaDueAt { get; }

    /// <summary>Returns whether two planned responses are equal.</summary>
    /// <param name="left">The first response.</param>
    /// <param name="right">The second response.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(PlannedResponse? left, PlannedResponse? right) => Equals(left, right);

    /// <summary>Returns whether two planned responses differ.</summary>
    /// <param name="left">The first response.</param>
    /// <param name="right">The second response.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(PlannedResponse? left, PlannedResponse? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(PlannedResponse? other) =>
        other is not null
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && string.Equals(RuleName, other.RuleName, StringComparison.Ordinal)
        && Type == other.Type
        && Channel == other.Channel
        && TriggeredAt.Equals(other.TriggeredAt)
        && DueAt.Equals(other.DueAt)
        && Priority == other.Priority
        && string.Equals(TemplateId, other.TemplateId, StringComparison.Ordinal)
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && SlaTarget == other.SlaTarget
        && Nullable.Equals(SlaDueAt, other.SlaDueAt);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PlannedResponse);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(CustomerId), StringComparer.Ordinal.GetHashCode(RuleName), Type, Channel, TriggeredAt, DueAt, Priority);

    /// <summary>Returns the response as <c>c42 welcome: Automated on email due 2026-01-05T10:00:00.0000000+00:00 (Normal)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CustomerId} {RuleName}: {Type} on {Channel.Name} due {DueAt:O} ({Priority})");
}
