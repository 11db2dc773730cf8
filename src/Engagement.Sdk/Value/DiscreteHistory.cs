using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The repeat-transaction history of a group of customers in a discrete-time setting, the input of the
/// <see cref="BgBbModel"/>: over <see cref="Periods"/> transaction opportunities after the first, each of
/// <see cref="Count"/> customers transacted at <see cref="Frequency"/> of them, the last at opportunity
/// <see cref="Recency"/>.
/// </summary>
/// <remarks>
/// Following Fader, Hardie &amp; Shang (2010): x = <see cref="Frequency"/>, t<sub>x</sub> = <see cref="Recency"/>,
/// n = <see cref="Periods"/>, with 0 ≤ x ≤ t<sub>x</sub> ≤ n and t<sub>x</sub> = 0 exactly when x = 0. A
/// recency-frequency table (one history per cell, its number of customers as the count) is the usual input.
/// Equal when every field is equal. Immutable and thread-safe.
/// </remarks>
public sealed class DiscreteHistory : IEquatable<DiscreteHistory>
{
    /// <summary>Creates a history.</summary>
    /// <param name="frequency">The number of opportunities with a transaction, x; 0 to <paramref name="recency"/>.</param>
    /// <param name="recency">The opportunity of the last transaction, t<sub>x</sub>; 0 when <paramref name="frequency"/> is 0,
    /// otherwise <paramref name="frequency"/> to <paramref name="periods"/>.</param>
    /// <param name="periods">The number of transaction opportunities observed, n; 0 or more.</param>
    /// <param name="count">The number of customers with this history; 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is negative, <paramref name="count"/> is 0, or the fields do not
    /// satisfy 0 ≤ x ≤ t<sub>x</sub> ≤ n with t<sub>x</sub> = 0 exactly when x = 0.</exception>
    [JsonConstructor]
    public DiscreteHistory(int frequency, int recency, int periods, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        ArgumentOutOfRangeException.ThrowIfNegative(recency);
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (recency > periods)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Message($"The last transaction cannot come after the last opportunity: recency {recency} > periods {periods}."));
        }

        if (frequency > recency)
        {
            throw new ArgumentOutOfRangeException(
                nameof(frequency), frequency, Message($"There cannot be more transactions than opportunities up to the last: frequency {frequency} > recency {recency}."));
        }

        if (frequency == 0 && recency != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency), recency, Message($"A history without transactions has recency 0; got {recency} with frequency 0."));
        }

        Frequency = frequency;
        Recency = recency;
        Periods = periods;
        Count = count;
    }

    /// <summary>Gets the number of opportunities with a transaction (x).</summary>
    public int Frequency { get; }

    /// <summary>Gets the opportunity of the last transaction (t<sub>x</sub>); 0 without one.</summary>
    public int Recency { get; }

    /// <summary>Gets the number of transaction opportunities observed (n).</summary>
    public int Periods { get; }

    /// <summary>Gets the number of customers with this history.</summary>
    public long Count { get; }

    /// <summary>Returns whether two histories are equal.</summary>
    /// <param name="left">The first history.</param>
    /// <param name="right">The second history.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(DiscreteHistory? left, DiscreteHistory? right) => Equals(left, right);

    /// <summary>Returns whether two histories differ.</summary>
    /// <param name="left">The first history.</param>
    /// <param name="right">The second history.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(DiscreteHistory? left, DiscreteHistory? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(DiscreteHistory? other) =>
        other is not null && Frequency == other.Frequency && Recency == other.Recency && Periods == other.Periods && Count == other.Count;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DiscreteHistory);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Frequency, Recency, Periods, Count);

    /// <summary>Returns the history as <c>x = …, t_x = …, n = … (× count)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Message($"x = {Frequency}, t_x = {Recency}, n = {Periods} (× {Count})");

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
