using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The built-in, declarative response rule: when <see cref="Trigger"/> fires, plan <see cref="Action"/>, within
/// <see cref="Cap"/>.
/// </summary>
/// <remarks>Serialisable unless its trigger is a predicate. Equal when the name, trigger, action and cap are equal.
/// Immutable and thread-safe.</remarks>
public sealed class ResponseRule : IResponseRule, IEquatable<ResponseRule>
{
    /// <summary>Creates a rule.</summary>
    /// <param name="name">The rule's name: 1 to 100 characters, no control or invisible characters, not padded.</param>
    /// <param name="trigger">What makes it fire.</param>
    /// <param name="action">What it plans.</param>
    /// <param name="cap">Its frequency cap, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="trigger"/> or
    /// <paramref name="action"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public ResponseRule(string name, ResponseTrigger trigger, ResponseAction action, FrequencyCap? cap = null)
    {
        Name = Validation.Name(name, nameof(name), "rule name");
        Trigger = trigger ?? throw new ArgumentNullException(nameof(trigger));
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Cap = cap;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ResponseTrigger Trigger { get; }

    /// <summary>Gets what the rule plans each time it fires.</summary>
    public ResponseAction Action { get; }

    /// <inheritdoc />
    public FrequencyCap? Cap { get; }

    /// <summary>Returns whether two rules are equal.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(ResponseRule? left, ResponseRule? right) => Equals(left, right);

    /// <summary>Returns whether two rules differ.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(ResponseRule? left, ResponseRule? right) => !Equals(left, right);

    /// <summary>Returns <see cref="Action"/>: a declarative rule always plans when it fires.</summary>
    /// <param name="context">The context; not used.</param>
    /// <returns><see cref="Action"/>.</returns>
    public ResponseAction? Decide(ResponseContext context) => Action;

    /// <inheritdoc />
    public bool Equals(ResponseRule? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Trigger == other.Trigger
        && Action == other.Action
        && Cap == other.Cap;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseRule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), Trigger, Action, Cap);

    /// <summary>Returns the rule as <c>name: trigger → action (cap)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Name}: {Trigger} → {Action}{(Cap is null ? string.Empty : $" ({Cap})")}";
}
