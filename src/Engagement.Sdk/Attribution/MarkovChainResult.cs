using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// What a <see cref="MarkovModel"/> found: the chain's states and transitions, the probability of conversion, every
/// channel's removal effect, and the attribution they give.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="States"/> lists <c>(start)</c> first, then the channel states in order of first appearance along the paths
/// (a state of order k is the last k channels, fewer at the beginning of a path, written <c>A &gt; B</c>), then
/// <c>(conversion)</c> and <c>(null)</c>. The labels are for reading: a channel named like a label, such as
/// <c>(start)</c>, gives two states one label. <see cref="Transitions"/> is sparse: only the transitions counted, state
/// by state in the order of <see cref="States"/>.
/// </para>
/// <para>
/// Without conversions there is nothing to share: <see cref="Attribution"/> has no value, <see cref="RemovalEffects"/>
/// is empty, and <see cref="ConversionProbability"/> is 0 (the chain never converts; with no journeys at all it has no
/// transitions). Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class MarkovChainResult
{
    /// <summary>The label of the start state.</summary>
    public const string StartState = "(start)";

    /// <summary>The label of the conversion state.</summary>
    public const string ConversionState = "(conversion)";

    /// <summary>The label of the null state.</summary>
    public const string NullState = "(null)";

    private readonly string[] _states;
    private readonly MarkovTransition[] _transitions;
    private readonly RemovalEffect[] _removalEffects;

    /// <summary>Creates a result.</summary>
    /// <param name="attribution">The attribution.</param>
    /// <param name="order">The order of the chain, 1 to 4.</param>
    /// <param name="states">The states: <see cref="StartState"/> first, <see cref="ConversionState"/> and
    /// <see cref="NullState"/> last, none blank.</param>
    /// <param name="transitions">The transitions counted, between states of <paramref name="states"/>.</param>
    /// <param name="conversionProbability">The probability of conversion from the start, in [0, 1].</param>
    /// <param name="removalEffects">The removal effects: channels of <paramref name="attribution"/>, each once.</param>
    /// <exception cref="ArgumentNullException">An argument or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The states do not start and end as described or one is blank, a transition
    /// names a state not in <paramref name="states"/>, or a removal effect names a channel the attribution lacks or
    /// names one twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not 1 to 4, or
    /// <paramref name="conversionProbability"/> is outside [0, 1].</exception>
    [JsonConstructor]
    public MarkovChainResult(
        AttributionResult attribution,
        int order,
        IReadOnlyList<string> states,
        IReadOnlyList<MarkovTransition> transitions,
        double conversionProbability,
        IReadOnlyList<RemovalEffect> removalEffects)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(removalEffects);
        Attribution = attribution;
        Order = MarkovChecks.Order(order, nameof(order));
        _states = [.. states];
        if (_states.Length < 3 || _states[0] != StartState || _states[^2] != ConversionState || _states[^1] != NullState)
        {
            throw new ArgumentException(
                AttributionChecks.Text($"The states must start with {StartState} and end with {ConversionState}, {NullState}; got {_states.Length} states."),
                nameof(states));
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in _states)
        {
            known.Add(Validation.NotBlank(state, nameof(states)));
        }

        _transitions = [.. transitions];
        for (var i = 0; i < _transitions.Length; i++)
        {
            var transition = _transitions[i] ?? throw new ArgumentNullException(nameof(transitions), AttributionChecks.Text($"The transition at index {i} is null."));
            if (!known.Contains(transition.From) || !known.Contains(transition.To))
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"The transition at index {i} ({transition}) names a state that is not among the states."), nameof(transitions));
            }
        }

        ConversionProbability = MarkovChecks.Probability(conversionProbability, nameof(conversionProbability));
        _removalEffects = [.. removalEffects];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _removalEffects.Length; i++)
        {
            var effect = _removalEffects[i] ?? throw new ArgumentNullException(nameof(removalEffects), AttributionChecks.Text($"The removal effect at index {i} is null."));
            if (!attribution.TryGetChannel(effect.Channel, out _) || !seen.Add(effect.Channel))
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"The removal effect of '{Validation.Echo(effect.Channel)}' is of no channel of the attribution, or of one named twice."),
                    nameof(removalEffects));
            }
        }
    }

    /// <summary>Gets the attribution: conversions and value shared in proportion to the removal effects.</summary>
    public AttributionResult Attribution { get; }

    /// <summary>Gets the order of the chain: how many of the last channels make a state.</summary>
    public int Order { get; }

    /// <summary>Gets the states' labels: <c>(start)</c>, the channel states (<c>A</c>, <c>A &gt; B</c>),
    /// <c>(conversion)</c>, <c>(null)</c>.</summary>
    public IReadOnlyList<string> States => _states;

    /// <summary>Gets the transitions counted, with their probabilities: the sparse transition matrix.</summary>
    public IReadOnlyList<MarkovTransition> Transitions => _transitions;

    /// <summary>Gets the probability of reaching conversion from the start, solved on the absorbing chain. It equals the
    /// observed conversions / (conversions + nulls), as the chain's expected visits are the counted ones.</summary>
    public double ConversionProbability { get; }

    /// <summary>Gets every channel's removal effect, in the order of the attribution's channels; empty without
    /// conversions.</summary>
    public IReadOnlyList<RemovalEffect> RemovalEffects => _removalEffects;

    /// <summary>Returns the result as <c>markov (order 1): 4 states, 9 transitions, P(conversion) 0.5</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Attribution.Model} (order {Order}): {_states.Length} states, {_transitions.Length} transitions, P(conversion) {ConversionProbability:G6}");
}
