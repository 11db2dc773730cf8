using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// An SLA policy (as Zendesk's): a business calendar and ordered rules; the first rule that matches an inquiry's channel
/// and priority gives its targets for first reply, next reply, periodic update and resolution, each in business or
/// calendar time.
/// </summary>
/// <remarks>
/// <para>
/// Put specific rules before general ones: a rule for any channel placed first takes every inquiry of its priority.
/// An inquiry no rule matches has no targets. <see cref="Evaluate"/> gives one <see cref="SlaEvaluation"/> per target;
/// <see cref="SlaAccumulator"/> counts them over many inquiries without allocating per inquiry. The definitions of each
/// metric and status are in docs/responses.md.
/// </para>
/// <para>Equal when name (ordinal), calendar and rules (in order) are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class SlaPolicy : IEquatable<SlaPolicy>
{
    private readonly SlaPolicyRule[] _rules;

    /// <summary>Creates a policy.</summary>
    /// <param name="name">The policy's name, such as <c>support</c>; a valid name.</param>
    /// <param name="calendar">The business calendar business-time targets count in.</param>
    /// <param name="rules">The rules, first match wins; at least one, none <see langword="null"/>; copied.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is invalid; <paramref name="rules"/> is empty or holds
    /// <see langword="null"/>; or a rule has a business-time target and the calendar has no opening hours.</exception>
    [JsonConstructor]
    public SlaPolicy(string name, BusinessCalendar calendar, IReadOnlyList<SlaPolicyRule> rules)
    {
        Name = Validation.Name(name, nameof(name), "SLA policy name");
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        if (_rules.Length == 0)
        {
            throw new ArgumentException($"The SLA policy '{Validation.Echo(name)}' needs at least one rule; got none.", nameof(rules));
        }

        var nullAt = Array.IndexOf(_rules, null);
        if (nullAt >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The SLA rule at index {nullAt} is null."), nameof(rules));
        }

        if (calendar.WeeklyHours.Count == 0 && Array.Exists(_rules, static rule => rule.TargetArray.Any(static t => t.Basis == TimeBasis.Business)))
        {
            throw new ArgumentException($"The calendar ({calendar}) is never open, so no business-time target could ever be due.", nameof(calendar));
        }

        Calendar = calendar;
        Rules = Array.AsReadOnly(_rules);
    }

    /// <summary>Gets the policy's name.</summary>
    public string Name { get; }

    /// <summary>Gets the business calendar business-time targets count in.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets the rules, in the order they are tried.</summary>
    public IReadOnlyList<SlaPolicyRule> Rules { get; }

    /// <summary>Returns whether two policies are equal.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(SlaPolicy? left, SlaPolicy? right) => Equals(left, right);

    /// <summary>Returns whether two policies differ.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaPolicy? left, SlaPolicy? right) => !Equals(left, right);

    /// <summary>Returns the first rule that matches an inquiry's channel and priority.</summary>
    /// <param name="inquiry">The inquiry.</param>
    /// <returns>The rule, or <see langword="null"/> when none matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inquiry"/> is <see langword="null"/>.</exception>
    public SlaPolicyRule? Match(Inquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        return Match(inquiry.Channel, inquiry.Priority);
    }

    /// <summary>Evaluates an inquiry against the targets of its rule at an instant.</summary>
    /// <param name="inquiry">The inquiry, as known at <paramref name="asOf"/>.</param>
    /// <param name="asOf">The evaluation instant; not before anything in the inquiry (its opening, messages and status
    /// changes).</param>
    /// <returns>One evaluation per target of the matching rule, in metric order; none when no rule matches, and no first
    /// reply for an inquiry the brand started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inquiry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before something in the inquiry (named
    /// <paramref name="asOf"/>), or an open target of the inquiry would be due after <see cref="DateTimeOffset.MaxValue"/>
    /// (named <paramref name="inquiry"/>, the value its id).</exception>
    public IReadOnlyList<SlaEvaluation> Evaluate(Inquiry inquiry, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        SlaKernel.RequireKnownAt(inquiry, asOf, nameof(asOf), inquiryAtFault: false);
        var rule = Match(inquiry.Channel, inquiry.Priority);
        if (rule is null || rule.Targets.Count == 0)
        {
            return [];
        }

        var evaluations = new List<SlaEvaluation>(rule.Targets.Count);
        foreach (var target in rule.Targets)
        {
            if (SlaKernel.TryEvaluate(inquiry, target, Calendar, asOf, out var outcome))
            {
                evaluations.Add(outcome.ToEvaluation(inquiry, target, Calendar));
            }
        }

        return evaluations.AsReadOnly();
    }

    /// <inheritdoc />
    public bool Equals(SlaPolicy? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Calendar.Equals(other.Calendar)
        && _rules.AsSpan().SequenceEqual(other._rules);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaPolicy);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Calendar, _rules.Length, _rules[0]);

    /// <summary>Returns the policy as <c>'support': email × Urgent: FirstReply within …; any channel × any priority: …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"'{Validation.Echo(Name)}': {string.Join("; ", (IEnumerable<SlaPolicyRule>)_rules)}";

    /// <summary>The first rule matching a channel and priority, or <see langword="null"/>.</summary>
    internal SlaPolicyRule? Match(Touchpoints.Channel channel, InquiryPriority priority) =>
        MatchIndex(channel, priority) is var index and >= 0 ? _rules[index] : null;

    /// <summary>The index of the first rule matching a channel and priority, or −1.</summary>
    internal int MatchIndex(Touchpoints.Channel channel, InquiryPriority priority)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].Matches(channel, priority))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The rule at an index <see cref="MatchIndex"/> gave.</summary>
    internal SlaPolicyRule RuleAt(int index) => _rules[index];
}
