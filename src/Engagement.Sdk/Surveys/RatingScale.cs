using System.Globalization;
using System.Text.Json.Serialization;


namespace Engagement.Sdk.Surveys;

/// <summary>
/// An integer rating scale from <see cref="Min"/> to <see cref="Max"/>, such as 1–5 for CSAT or 1–7 for CES.
/// </summary>
/// <remarks>
/// Scales are short: both ends lie within ±<see cref="Limit"/>, which lets the span paths sum scores in 32-bit lanes
/// without overflow. <c>default(RatingScale)</c> is the empty scale 0–0, which no metric accepts; it is the one scale whose maximum is not above its minimum. This type is an
/// immutable value and is thread-safe.
/// </remarks>
public readonly struct RatingScale : IEquatable<RatingScale>
{
    /// <summary>The largest magnitude either end of a scale may have: 1000.</summary>
    public const int Limit = 1000;

    /// <summary>Creates a scale.</summary>
    /// <param name="min">The lowest score, at least −<see cref="Limit"/>.</param>
    /// <param name="max">The highest score, above <paramref name="min"/> and at most <see cref="Limit"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An end lies beyond ±<see cref="Limit"/>, or
    /// <paramref name="max"/> is not above <paramref name="min"/> (except 0–0, the empty <c>default</c> scale).</exception>
    [JsonConstructor]
    public RatingScale(int min, int max)
        : this(min, nameof(min), max, nameof(max))
    {
    }

    private RatingScale(int min, string minName, int max, string maxName)
    {
        // 0–0 is default(RatingScale), accepted so that the default round-trips through JSON; no metric takes it.
        if (min != 0 || max != 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(min, -Limit, minName);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(max, Limit, maxName);
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(max, min, maxName);
        }

        Min = min;
        Max = max;
    }

    /// <summary>Gets the lowest score.</summary>
    public int Min { get; }

    /// <summary>Gets the highest score.</summary>
    public int Max { get; }

    /// <summary>Gets the midpoint, (<see cref="Min"/> + <see cref="Max"/>) / 2.</summary>
    [JsonIgnore]
    public double Midpoint => (Min + Max) / 2.0;

    /// <summary>Gets whether this is a usable scale (<see cref="Max"/> above <see cref="Min"/>); false for <c>default</c>.</summary>
    [JsonIgnore]
    public bool IsValid => Max > Min;

    /// <summary>Returns whether two scales are equal.</summary>
    /// <param name="left">The first scale.</param>
    /// <param name="right">The second scale.</param>
    /// <returns><see langword="true"/> when both ends are equal.</returns>
    public static bool operator ==(RatingScale left, RatingScale right) => left.Equals(right);

    /// <summary>Returns whether two scales differ.</summary>
    /// <param name="left">The first scale.</param>
    /// <param name="right">The second scale.</param>
    /// <returns><see langword="true"/> when an end differs.</returns>
    public static bool operator !=(RatingScale left, RatingScale right) => !left.Equals(right);

    /// <summary>Returns whether a score lies on the scale.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> if <see cref="Min"/> ≤ <paramref name="score"/> ≤ <see cref="Max"/>.</returns>
    public bool Contains(int score) => score >= Min && score <= Max;

    /// <inheritdoc />
    public bool Equals(RatingScale other) => Min == other.Min && Max == other.Max;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RatingScale other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Min, Max);

    /// <summary>Returns the scale as <c>1–5</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max}");

    /// <summary>Creates a usable scale (not 0–0), naming the caller's parameters in any exception.</summary>
    internal static RatingScale Create(int min, string minName, int max, string maxName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(max, min, maxName);
        return new RatingScale(min, minName, max, maxName);
    }
}
