using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One rule of an <see cref="SlaPolicy"/>: which inquiries it matches (a channel, by name ignoring case, or any; a
/// priority or any) and the targets that apply to them, at most one per <see cref="SlaMetric"/>.
/// </summary>
/// <remarks>
/// A rule without targets is allowed: it exempts the inquiries it matches from the rules after it (such as "no SLA for
/// low-priority community posts"). Targets are kept in metric order. Two rules are equal when channel, priority and
/// targets are equal. Immutable and thread-safe.
/// </remarks>
public sealed class SlaPolicyRule : IEquatable<SlaPolicyRule>
{
    private const int MetricCount = 4;

    // The target of each metric by its number, or null: the evaluation looks targets up without a search.
    private readonly SlaTarget?[] _byMetric = new SlaTarget?[MetricCount];

    /// <summary>Creates a rule.</summary>
    /// <param name="channel">The channel it matches, or <see langword="null"/> for any channel.</param>
    /// <param name="priority">The priority it matches, or <see langword="null"/> for any priority.</param>
    /// <param name="targets">The targets of the inquiries it matches; at most one per metric, possibly none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">A target is <see langword="null"/>, or two targets share a metric; the
    /// exception names <paramref name="targets"/>.</exception>
    [JsonConstructor]
    public SlaPolicyRule(Channel? channel, InquiryPriority? priority, IReadOnlyList<SlaTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (priority is { } p)
        {
            Validation.Defined(p, nameof(priority));
        }

        var index = 0;
        foreach (var target in targets)
        {
            if (target is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The SLA target at index {index} is null."), nameof(targets));
            }

            if (_byMetric[(int)target.Metric] is { } earlier)
            {
                throw new ArgumentException($"A rule has at most one target per metric; got {earlier} and {target}.", nameof(targets));
            }

            _byMetric[(int)target.Metric] = target;
            index++;
        }

        var sorted = new List<SlaTarget>(index);
        foreach (var target in _byMetric)
        {
            if (target is not null)
            {
                sorted.Add(target);
            }
        }

        Channel = channel;
        Priority = priority;
        TargetArray = [.. sorted];
        Targets = Array.AsReadOnly(TargetArray);
    }

    /// <summary>Gets the channel this rule matches, or <see langword="null"/> for any channel.</summary>
    public Channel? Channel { get; }

    /// <summary>Gets the priority this rule matches, or <see langword="null"/> for any priority.</summary>
    public InquiryPriority? Priority { get; }

    /// <summary>Gets the targets, in metric order.</summary>
    public IReadOnlyList<SlaTarget> Targets { get; }

    /// <summary>Returns whether two rules are equal.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns><see langword="true"/> when channel, priority and targets are equal.</returns>
    public static bool operator ==(SlaPolicyRule? left, SlaPolicyRule? right) => Equals(left, right);

    /// <summary>Returns whether two rules differ.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaPolicyRule? left, SlaPolicyRule? right) => !Equals(left, right);

    /// <summary>Returns whether this rule matches an inquiry's channel and priority.</summary>
    /// <param name="channel">The inquiry's channel.</param>
    /// <param name="priority">The inquiry's priority.</param>
    /// <returns><see langword="true"/> when the channel and the priority are the rule's, or the rule takes any. Channels
    /// match by name ignoring case, whatever their media type and kind: a rule for "email" matches any channel named
    /// email.</returns>
    public bool Matches(Channel channel, InquiryPriority priority) =>
        (Priority is null || Priority.GetValueOrDefault() == priority)
        && (Channel is null || string.Equals(Channel.GetValueOrDefault().Name, channel.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns the target of a metric, or <see langword="null"/> when the rule sets none.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The target, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not a defined value.</exception>
    public SlaTarget? GetTarget(SlaMetric metric) => _byMetric[(int)Validation.Defined(metric, nameof(metric))];

    /// <summary>The targets in metric order, for loops that should not go through an interface.</summary>
    internal SlaTarget[] TargetArray { get; }

    /// <summary>The target of a defined metric, without a check.</summary>
    internal SlaTarget? TargetOf(SlaMetric metric) => _byMetric[(int)metric];

    /// <inheritdoc />
    public bool Equals(SlaPolicyRule? other) =>
        other is not null && Nullable.Equals(Channel, other.Channel) && Priority == other.Priority && Targets.SequenceEqual(other.Targets);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaPolicyRule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Priority, Targets.Count, Targets.Count > 0 ? Targets[0] : null);

    /// <summary>Returns the rule as <c>email × Urgent: FirstReply within 01:00:00 business time</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        $"{(Channel is { } c ? c.Name : "any channel")} × {(Priority is { } p ? p.ToString() : "any priority")}: "
        + (Targets.Count == 0 ? "no targets" : string.Join(", ", Targets));
}
