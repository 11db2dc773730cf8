using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>A transition of a Markov chain over conversion paths: from one state to another, how often it was counted,
/// and its probability.</summary>
/// <remarks>States are named as in <see cref="MarkovChainResult.States"/>: <c>(start)</c>, <c>A</c>, <c>A &gt; B</c>,
/// <c>(conversion)</c>, <c>(null)</c>. Immutable and thread-safe; equal when every field is equal.</remarks>
public sealed class MarkovTransition : IEquatable<MarkovTransition>
{
    /// <summary>Creates a transition.</summary>
    /// <param name="from">The state it leaves.</param>
    /// <param name="to">The state it enters.</param>
    /// <param name="count">The journeys counted along it (conversions + nulls of the paths that take it, once per time
    /// they take it); finite, 0 or more.</param>
    /// <param name="probability">Its probability: the count over all counts out of <paramref name="from"/>; in [0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> or <paramref name="to"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> or <paramref name="to"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or not finite, or
    /// <paramref name="probability"/> is outside [0, 1].</exception>
    [JsonConstructor]
    public MarkovTransition(string from, string to, double count, double probability)
    {
        From = Validation.NotBlank(from, nameof(from));
        To = Validation.NotBlank(to, nameof(to));
        Count = AttributionChecks.Amount(count, nameof(count));
        Probability = MarkovChecks.Probability(probability, nameof(probability));
    }

    /// <summary>Gets the state the transition leaves.</summary>
    public string From { get; }

    /// <summary>Gets the state the transition enters.</summary>
    public string To { get; }

    /// <summary>Gets the journeys counted along the transition.</summary>
    public double Count { get; }

    /// <summary>Gets the transition's probability: <see cref="Count"/> over all counts out of <see cref="From"/>.</summary>
    public double Probability { get; }

    /// <inheritdoc />
    public bool Equals(MarkovTransition? other) =>
        other is not null && From == other.From && To == other.To && Count.Equals(other.Count) && Probability.Equals(other.Probability);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MarkovTransition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(From, To, Count, Probability);

    /// <summary>Returns the transition as <c>email → (conversion): 3 (0.25)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From} → {To}: {Count:G6} ({Probability:G4})");
}
