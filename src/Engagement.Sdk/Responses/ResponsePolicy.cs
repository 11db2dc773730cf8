using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// An ordered list of response rules. Every rule whose trigger fires plans its response; the order decides the order
/// of the planned responses and, within a capped group, which rule gets the last slot.
/// </summary>
/// <remarks>
/// <para>Rule names are unique (ordinal); rules sharing a cap group give the same cap. A policy of
/// <see cref="ResponseRule"/>s is saved as JSON as the list of its rules (a <c>ResponseRule[]</c>) and rebuilt with
/// this constructor; host rules are code.</para>
/// <para>Equal when the rules are equal, in order. Immutable and thread-safe as far as its rules are.</para>
/// </remarks>
public sealed class ResponsePolicy : IEquatable<ResponsePolicy>
{
    /// <summary>Creates a policy.</summary>
    /// <param name="rules">The rules, in order; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/>, a rule, or a rule's name or trigger is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A rule's name is blank, two rules have the same name, or two rules of a cap
    /// group give different caps; the message names them.</exception>
    public ResponsePolicy(IEnumerable<IResponseRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var copy = new List<IResponseRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var caps = new Dictionary<string, FrequencyCap>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                throw new ArgumentNullException(nameof(rules), string.Create(CultureInfo.InvariantCulture, $"The rule at index {copy.Count} is null."));
            }

            var name = rule.Name ?? throw new ArgumentNullException(nameof(rules), string.Create(CultureInfo.InvariantCulture, $"The rule at index {copy.Count} has no name."));
            if (string.IsNullOrWhiteSpace(name))
            {
                // A host rule's name is not checked by a constructor of ours: a blank one would only fail when it fires.
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The rule at index {copy.Count} has a blank name."), nameof(rules));
            }

            _ = rule.Trigger ?? throw new ArgumentNullException(nameof(rules), $"The rule '{Validation.Echo(name)}' has no trigger.");
            if (!names.Add(name))
            {
                throw new ArgumentException($"Two rules are named '{Validation.Echo(name)}'; rule names must be unique.", nameof(rules));
            }

            if (rule.Cap is { } cap)
            {
                if (caps.TryGetValue(cap.Group, out var other) && other != cap)
                {
                    throw new ArgumentException(
                        $"The rule '{Validation.Echo(name)}' caps the group '{Validation.Echo(cap.Group)}' {cap}, but an earlier rule caps it {other}: a group has one cap.",
                        nameof(rules));
                }

                caps[cap.Group] = cap;
            }

            copy.Add(rule);
        }

        Rules = copy.AsReadOnly();
    }

    /// <summary>Gets the rules, in order.</summary>
    public IReadOnlyList<IResponseRule> Rules { get; }

    /// <summary>Returns whether two policies are equal.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns><see langword="true"/> when the rules are equal, in order.</returns>
    public static bool operator ==(ResponsePolicy? left, ResponsePolicy? right) => Equals(left, right);

    /// <summary>Returns whether two policies differ.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns><see langword="true"/> when the rules differ.</returns>
    public static bool operator !=(ResponsePolicy? left, ResponsePolicy? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ResponsePolicy? other) => other is not null && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponsePolicy);

    /// <inheritdoc />
    public override int GetHashCode() => Rules.Count;

    /// <summary>Returns the rule names, for example <c>policy [welcome, cart-reminder]</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"policy [{string.Join(", ", Rules.Select(r => r.Name))}]";
}
