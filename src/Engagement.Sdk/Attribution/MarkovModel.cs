using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// Data-driven attribution by the removal effects of a Markov chain of order 1 to 4 over the paths (Anderl, Becker,
/// von Wangenheim &amp; Schumann 2016, "Mapping the customer journey: Lessons learned from graph-based online
/// attribution modeling", International Journal of Research in Marketing 33(3)), solved exactly.
/// </summary>
/// <remarks>
/// <para>
/// States: the start, the channel states, conversion and null. A channel state of order k is the last k channels seen
/// (fewer at the beginning of a path: (A), (A, B), …). With <see cref="CollapseRepeats"/>, consecutive touches of one
/// channel count as one first (A &gt; A &gt; B is A &gt; B). Each path adds its conversions + nulls to every transition
/// along it (start → first state → … → last state), its conversions to last state → conversion and its nulls to last
/// state → null; a transition's probability is its count over all counts out of its state.
/// </para>
/// <para>
/// P(conversion) is the probability of absorption in conversion from the start, solved exactly on the absorbing chain
/// (a linear system over the transient states; see <see cref="MarkovChainResult.ConversionProbability"/>). The removal
/// effect of channel c is 1 − P(conversion | c removed) / P(conversion), where removing c sends every transition into
/// a state holding c to null; the system is solved once per channel on the aggregated counts, never per path and never
/// by simulation, so the result is the same, to the bit, every time. Removing a channel can only lose paths to
/// conversion, so removal effects lie in [0, 1]. Up to 500 transient states (order 1, and order 2 up
/// to about 21 channels) each system is solved by dense LU, exact to rounding; larger chains by Gauss–Seidel sweeps
/// until no probability moves by more than 10⁻¹⁵ in a sweep (iterative: the remaining error is of that order when the
/// chain leaves its states quickly, as journeys do), falling back to exact elimination of states (Grassmann, Taksar
/// &amp; Heyman 1985) should the sweeps not settle within 10,000.
/// </para>
/// <para>
/// Conversions and value are shared in proportion to the removal effects of the channels that appear on a converting
/// path. A channel on no converting path can still have an effect above 0 in a chain (it can lead to states that
/// convert), but it is credited nothing, as every <see cref="IAttributionModel"/> promises; its effect is still
/// reported. Should all those effects be 0 with conversions (rounding of vanishing probabilities; it cannot happen in
/// exact arithmetic, as removing a converting path's channel loses that path), the credits follow each channel's
/// conversions on the converting paths it appears on. Equal when the order, <see cref="CollapseRepeats"/> and the
/// name are equal. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class MarkovModel : IAttributionModel, IEquatable<MarkovModel>
{
    /// <summary>The default name: <c>markov</c>.</summary>
    public const string DefaultName = "markov";

    /// <summary>Creates a Markov model.</summary>
    /// <param name="order">How many of the last channels make a state: 1 to 4. The default value is 1.</param>
    /// <param name="collapseRepeats">Whether consecutive touches of one channel count as one. The default value is
    /// <see langword="true"/>.</param>
    /// <param name="name">The model's name, a valid channel-like name; <see langword="null"/> for <see cref="DefaultName"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is below 1 or above 4.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name.</exception>
    [JsonConstructor]
    public MarkovModel(int order = 1, bool collapseRepeats = true, string? name = null)
    {
        Order = MarkovChecks.Order(order, nameof(order));
        CollapseRepeats = collapseRepeats;
        Name = name is null ? DefaultName : Validation.Name(name, nameof(name), "model name");
    }

    /// <summary>Gets how many of the last channels make a state, 1 to 4.</summary>
    public int Order { get; }

    /// <summary>Gets whether consecutive touches of one channel count as one.</summary>
    public bool CollapseRepeats { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Returns whether two models are equal.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the order, <see cref="CollapseRepeats"/> and the name are equal.</returns>
    public static bool operator ==(MarkovModel? left, MarkovModel? right) => Equals(left, right);

    /// <summary>Returns whether two models differ.</summary>
    /// <param name="left">The first model.</param>
    /// <param name="right">The second model.</param>
    /// <returns><see langword="true"/> when the order, <see cref="CollapseRepeats"/> or the name differs.</returns>
    public static bool operator !=(MarkovModel? left, MarkovModel? right) => !Equals(left, right);

    /// <inheritdoc />
    public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default) =>
        Analyse(paths, cancellationToken).Attribution;

    /// <summary>Counts the chain, solves it for P(conversion) and every channel's removal effect, and shares out the
    /// conversions and value.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="cancellationToken">Checked while counting and before each solve.</param>
    /// <returns>The chain, its removal effects and the attribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MarkovChainResult Analyse(ConversionPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var chain = MarkovChain.Count(paths, Order, CollapseRepeats, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var probability = AbsorbingChain.ConversionProbability(chain, removed: -1);
        var channels = paths.Channels.Count;
        var conversions = new double[channels];
        var value = new double[channels];
        var effects = Array.Empty<RemovalEffect>();
        if (paths.Conversions > 0 && probability > 0)
        {
            var removal = RemovalEffects(chain, probability, cancellationToken);
            effects = new RemovalEffect[channels];
            for (var c = 0; c < channels; c++)
            {
                effects[c] = new RemovalEffect(paths.Channels[c], removal[c]);
            }

            Share(paths, removal, conversions, value);
        }

        var attribution = AttributionResult.FromCredits(Name, paths, conversions, value);
        var states = StateLabels(chain, paths);
        return new MarkovChainResult(attribution, Order, states, Transitions(chain, states), probability, effects);
    }

    /// <inheritdoc />
    public bool Equals(MarkovModel? other) =>
        other is not null && Order == other.Order && CollapseRepeats == other.CollapseRepeats && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MarkovModel);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Order, CollapseRepeats, Name);

    /// <summary>Returns the model as <c>markov (order 1, repeats collapsed)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Name} (order {Order}, repeats {(CollapseRepeats ? "collapsed" : "kept")})");

    /// <summary>Shares conversions and value in proportion to the removal effects of the channels on converting paths.</summary>
    internal static void Share(ConversionPaths paths, ReadOnlySpan<double> removalEffects, Span<double> conversions, Span<double> value)
    {
        // Each channel's conversions on the converting paths it appears on (once per path): who may be credited, and
        // the fallback weights should every such removal effect be 0.
        var onConverting = new double[paths.Channels.Count];
        var seenOn = new int[onConverting.Length];
        seenOn.AsSpan().Fill(-1);
        for (var p = 0; p < paths.Count; p++)
        {
            if (paths.PathConversions[p] > 0)
            {
                foreach (var channel in paths.StepsOf(p))
                {
                    if (seenOn[channel] != p)
                    {
                        seenOn[channel] = p;
                        onConverting[channel] += paths.PathConversions[p];
                    }
                }
            }
        }

        var weights = conversions; // the weights are written over by the credits
        var total = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            weights[c] = onConverting[c] > 0 ? removalEffects[c] : 0;
            total += weights[c];
        }

        if (!(total > 0))
        {
            onConverting.CopyTo(weights);
            total = 0;
            foreach (var w in weights)
            {
                total += w;
            }
        }

        for (var c = 0; c < weights.Length; c++)
        {
            var share = weights[c] / total;
            conversions[c] = paths.Conversions * share;
            value[c] = paths.Value * share;
        }
    }

    private static double[] RemovalEffects(MarkovChain chain, double probability, CancellationToken cancellationToken)
    {
        // A channel in no state (only on paths without journeys) changes nothing when removed.
        var inChain = new bool[chain.Channels];
        for (var s = 0; s < chain.StateCount; s++)
        {
            foreach (var channel in chain.TupleOf(s))
            {
                inChain[channel] = true;
            }
        }

        var effects = new double[chain.Channels];
        for (var c = 0; c < effects.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            effects[c] = inChain[c]
                ? Math.Clamp(1 - (AbsorbingChain.ConversionProbability(chain, c) / probability), 0, 1)
                : 0;
        }

        return effects;
    }

    private static string[] StateLabels(MarkovChain chain, ConversionPaths paths)
    {
        var labels = new string[chain.StateCount + 2];
        labels[MarkovChain.Start] = MarkovChainResult.StartState;
        var names = new List<string>(chain.Order);
        for (var s = 1; s < chain.StateCount; s++)
        {
            names.Clear();
            foreach (var channel in chain.TupleOf(s))
            {
                names.Add(paths.Channels[channel]);
            }

            labels[s] = string.Join(" > ", names);
        }

        labels[^2] = MarkovChainResult.ConversionState;
        labels[^1] = MarkovChainResult.NullState;
        return labels;
    }

    private static MarkovTransition[] Transitions(MarkovChain chain, string[] states)
    {
        // State by state, its transitions to channel states in state order, then to conversion and null.
        var from = chain.EdgeFrom;
        var to = chain.EdgeTo;
        var keys = new long[from.Length];
        var edges = new int[from.Length];
        for (var e = 0; e < keys.Length; e++)
        {
            keys[e] = ((long)from[e] * chain.StateCount) + to[e];
            edges[e] = e;
        }

        Array.Sort(keys, edges);
        var outCounts = chain.Out;
        var transitions = new List<MarkovTransition>(edges.Length + (2 * chain.StateCount));
        var next = 0;
        for (var s = 0; s < chain.StateCount; s++)
        {
            for (; next < edges.Length && from[edges[next]] == s; next++)
            {
                var e = edges[next];
                transitions.Add(new MarkovTransition(states[s], states[to[e]], chain.EdgeCounts[e], chain.EdgeCounts[e] / outCounts[s]));
            }

            Add(s, chain.Conversions[s], states[^2]);
            Add(s, chain.Nulls[s], states[^1]);
        }

        return [.. transitions];

        void Add(int state, double count, string target)
        {
            if (count > 0)
            {
                transitions.Add(new MarkovTransition(states[state], target, count, count / chain.Out[state]));
            }
        }
    }
}
