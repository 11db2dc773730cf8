using System.Globalization;
using System.Text.Json.Serialization;

using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Rates;

/// <summary>
/// A mergeable accumulator of a rate: counts successes and trials one observation, or one batch, at a time, and
/// merges with accumulators of other partitions. <see cref="ToProportion"/> gives the <see cref="Proportion"/>.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local or a non-readonly field and pass it by <see langword="ref"/>, or copies will
/// be updated instead. Merging is associative and commutative, and merging the accumulators of any split of the data
/// equals accumulating the whole. Its state (<see cref="Successes"/>, <see cref="Trials"/>) round-trips through JSON.
/// Not thread-safe: give each thread its own and merge them.
/// </remarks>
public struct ProportionAccumulator : IEquatable<ProportionAccumulator>
{
    /// <summary>Restores an accumulator from its state.</summary>
    /// <param name="successes">Successes so far, from 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials so far, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="successes"/> exceeds
    /// <paramref name="trials"/>.</exception>
    [JsonConstructor]
    public ProportionAccumulator(long successes, long trials)
    {
        var checkedState = new Proportion(successes, trials);
        Successes = checkedState.Successes;
        Trials = checkedState.Trials;
    }

    /// <summary>Gets the successes so far.</summary>
    public long Successes { readonly get; private set; }

    /// <summary>Gets the trials so far.</summary>
    public long Trials { readonly get; private set; }

    /// <summary>Returns whether two accumulators hold the same state.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when successes and trials are equal.</returns>
    public static bool operator ==(ProportionAccumulator left, ProportionAccumulator right) => left.Equals(right);

    /// <summary>Returns whether two accumulators hold different states.</summary>
    /// <param name="left">The first accumulator.</param>
    /// <param name="right">The second accumulator.</param>
    /// <returns><see langword="true"/> when successes or trials differ.</returns>
    public static bool operator !=(ProportionAccumulator left, ProportionAccumulator right) => !left.Equals(right);

    /// <summary>Adds one trial.</summary>
    /// <param name="success">Whether the trial succeeded.</param>
    public void Add(bool success)
    {
        Trials = checked(Trials + 1);
        if (success)
        {
            Successes++;
        }
    }

    /// <summary>Adds a batch of trials.</summary>
    /// <param name="successes">Successes in the batch, from 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials in the batch, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="successes"/> exceeds
    /// <paramref name="trials"/>.</exception>
    /// <exception cref="OverflowException">A total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Add(long successes, long trials)
    {
        var batch = new Proportion(successes, trials);
        Merge(new ProportionAccumulator(batch.Successes, batch.Trials));
    }

    /// <summary>Adds the state of another accumulator to this one.</summary>
    /// <param name="other">The accumulator of another partition.</param>
    /// <exception cref="OverflowException">A total exceeds <see cref="long.MaxValue"/>.</exception>
    public void Merge(in ProportionAccumulator other)
    {
        Trials = checked(Trials + other.Trials);
        Successes += other.Successes;
    }

    /// <summary>Returns the rate accumulated so far.</summary>
    /// <returns>The proportion; without trials it has no value.</returns>
    public readonly Proportion ToProportion() => new(Successes, Trials);

    /// <inheritdoc />
    public readonly bool Equals(ProportionAccumulator other) => Successes == other.Successes && Trials == other.Trials;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is ProportionAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Successes, Trials);

    /// <summary>Returns the state as <c>successes/trials</c>.</summary>
    /// <returns>A readable description.</returns>
    public override readonly string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Successes}/{Trials}");
}
