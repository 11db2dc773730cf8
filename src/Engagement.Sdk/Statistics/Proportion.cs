using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// A rate: <see cref="Successes"/> out of <see cref="Trials"/>, with its value and a Wilson interval. Conversion,
/// retention, churn, repeat-purchase and engagement rates are all proportions (see <see cref="Rates.Rate"/>).
/// </summary>
/// <remarks>
/// <para>
/// Empty-input policy (the same across the library): with no trials there is no rate, so <see cref="Value"/> and
/// <see cref="Interval"/> are <see langword="null"/> rather than 0.
/// </para>
/// <para>
/// The interval is the Wilson score interval (Wilson 1927), which stays inside [0, 1] and keeps close to its nominal
/// coverage for small samples and rates near 0 or 1, where the textbook normal interval fails (Brown, Cai &amp;
/// DasGupta 2001, "Interval Estimation for a Binomial Proportion", Statistical Science 16(2)). This type is an
/// immutable value and is thread-safe; <c>default(Proportion)</c> is 0 of 0.
/// </para>
/// </remarks>
public readonly struct Proportion : IEquatable<Proportion>
{
    /// <summary>The confidence level of <see cref="Interval"/>: 0.95.</summary>
    public const double DefaultConfidenceLevel = 0.95;

    /// <summary>Creates a proportion.</summary>
    /// <param name="successes">The number of successes, from 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="successes"/> exceeds
    /// <paramref name="trials"/>.</exception>
    [JsonConstructor]
    public Proportion(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (successes > trials)
        {
            throw new ArgumentOutOfRangeException(
                nameof(successes), successes, string.Create(CultureInfo.InvariantCulture, $"Successes ({successes}) must not exceed trials ({trials})."));
        }

        Successes = successes;
        Trials = trials;
    }

    /// <summary>Gets the number of successes.</summary>
    public long Successes { get; }

    /// <summary>Gets the number of trials.</summary>
    public long Trials { get; }

    /// <summary>Gets the number of failures, <see cref="Trials"/> − <see cref="Successes"/>.</summary>
    [JsonIgnore]
    public long Failures => Trials - Successes;

    /// <summary>Gets whether there is a rate, that is whether <see cref="Trials"/> is above 0.</summary>
    [JsonIgnore]
    public bool HasValue => Trials > 0;

    /// <summary>Gets the rate <see cref="Successes"/> / <see cref="Trials"/> in [0, 1], or <see langword="null"/> with no trials.</summary>
    public double? Value => HasValue ? (double)Successes / Trials : null;

    /// <summary>Gets the 95% Wilson interval of the rate, or <see langword="null"/> with no trials.</summary>
    public ConfidenceInterval? Interval => HasValue ? ConfidenceInterval.Wilson(Successes, Trials, DefaultConfidenceLevel) : null;

    /// <summary>Returns whether two proportions are equal.</summary>
    /// <param name="left">The first proportion.</param>
    /// <param name="right">The second proportion.</param>
    /// <returns><see langword="true"/> when successes and trials are equal.</returns>
    public static bool operator ==(Proportion left, Proportion right) => left.Equals(right);

    /// <summary>Returns whether two proportions differ.</summary>
    /// <param name="left">The first proportion.</param>
    /// <param name="right">The second proportion.</param>
    /// <returns><see langword="true"/> when successes or trials differ.</returns>
    public static bool operator !=(Proportion left, Proportion right) => !left.Equals(right);

    /// <summary>Returns the Wilson score interval of the rate at the given confidence level.</summary>
    /// <param name="confidenceLevel">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval, or <see langword="null"/> with no trials.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ConfidenceInterval? GetInterval(double confidenceLevel)
    {
        Validation.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        return HasValue ? ConfidenceInterval.Wilson(Successes, Trials, confidenceLevel) : null;
    }

    /// <inheritdoc />
    public bool Equals(Proportion other) => Successes == other.Successes && Trials == other.Trials;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Proportion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Successes, Trials);

    /// <summary>Returns the proportion as <c>12.50% (5/40)</c>, or <c>no value (0/0)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Value is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:F2}% ({Successes}/{Trials})")
            : "no value (0/0)";
}
