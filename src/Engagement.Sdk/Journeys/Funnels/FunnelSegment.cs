using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The customers of a funnel that share a breakdown value (or all of them, without a breakdown): who stopped at which
/// depth, who was excluded, and the time each took between consecutive steps. The exact data a funnel state keeps, so
/// that states merge exactly and a result can list customers and give exact medians.
/// </summary>
/// <remarks>
/// Customer ids are kept in ordinal order; an id appears twice only when the same customer was added to two accumulators
/// that were then merged. Immutable and thread-safe; equal when every member is.
/// </remarks>
public sealed class FunnelSegment : IEquatable<FunnelSegment>
{
    /// <summary>Creates a segment, validating and sorting what it is given.</summary>
    /// <param name="value">The breakdown value, or <see langword="null"/> for customers without one (and for a funnel
    /// without a breakdown).</param>
    /// <param name="customersByDepth">Entry <c>d</c> lists the customers whose deepest step is step <c>d</c> (0-based):
    /// they reached steps 0 to <c>d</c> and no further. None <see langword="null"/> or blank.</param>
    /// <param name="excluded">The customers the funnel's exclusions removed. None <see langword="null"/> or blank.</param>
    /// <param name="timeToConvert">Entry <c>k</c> maps the time in ticks from step <c>k</c> to step <c>k + 1</c> to the
    /// number of customers who took it (ordered funnels; empty maps otherwise). Ticks 0 or more, counts 1 or more.</param>
    /// <exception cref="ArgumentNullException">A list, map or id is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is blank, or the segment holds no customer at all.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or a count is below 1.</exception>
    [JsonConstructor]
    public FunnelSegment(
        string? value,
        IReadOnlyList<IReadOnlyList<string>> customersByDepth,
        IReadOnlyList<string> excluded,
        IReadOnlyList<IReadOnlyDictionary<long, long>> timeToConvert)
    {
        ArgumentNullException.ThrowIfNull(customersByDepth);
        ArgumentNullException.ThrowIfNull(excluded);
        ArgumentNullException.ThrowIfNull(timeToConvert);
        var byDepth = new IReadOnlyList<string>[customersByDepth.Count];
        long customers = 0;
        for (var d = 0; d < byDepth.Length; d++)
        {
            byDepth[d] = SortedIds(customersByDepth[d], nameof(customersByDepth));
            customers += byDepth[d].Count;
        }

        var excludedCopy = SortedIds(excluded, nameof(excluded));
        if (customers + excludedCopy.Count == 0)
        {
            throw new ArgumentException("A segment holds at least one customer; this one holds none.", nameof(customersByDepth));
        }

        var times = new TimeDistribution[timeToConvert.Count];
        for (var k = 0; k < times.Length; k++)
        {
            times[k] = TimeDistribution.From(timeToConvert[k], nameof(timeToConvert));
        }

        Value = value;
        CustomersByDepth = Array.AsReadOnly(byDepth);
        Excluded = excludedCopy;
        TimeToConvert = Array.AsReadOnly(times);
    }

    /// <summary>Wraps lists already sorted and checked by the scan.</summary>
    internal FunnelSegment(string? value, IReadOnlyList<string>[] customersByDepth, IReadOnlyList<string> excluded, TimeDistribution[] timeToConvert)
    {
        Value = value;
        CustomersByDepth = Array.AsReadOnly(customersByDepth);
        Excluded = excluded;
        TimeToConvert = Array.AsReadOnly(timeToConvert);
    }

    /// <summary>Gets the breakdown value, or <see langword="null"/> for customers without one (and without a breakdown).</summary>
    public string? Value { get; }

    /// <summary>Gets, for each 0-based step <c>d</c>, the customers whose deepest step is <c>d</c>, in ordinal order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CustomersByDepth { get; }

    /// <summary>Gets the customers removed by the funnel's exclusions, in ordinal order.</summary>
    public IReadOnlyList<string> Excluded { get; }

    /// <summary>Gets, for each step <c>k</c>, the distribution of the time in ticks from step <c>k</c> to step
    /// <c>k + 1</c>: time → customers, in increasing order of time.</summary>
    public IReadOnlyList<IReadOnlyDictionary<long, long>> TimeToConvert { get; }

    /// <inheritdoc />
    public bool Equals(FunnelSegment? other) =>
        other is not null
        && string.Equals(Value, other.Value, StringComparison.Ordinal)
        && CustomersByDepth.Count == other.CustomersByDepth.Count
        && CustomersByDepth.Zip(other.CustomersByDepth).All(pair => pair.First.SequenceEqual(pair.Second, StringComparer.Ordinal))
        && Excluded.SequenceEqual(other.Excluded, StringComparer.Ordinal)
        && TimeToConvert.Count == other.TimeToConvert.Count
        && TimeToConvert.Zip(other.TimeToConvert).All(pair => pair.First.Count == pair.Second.Count && pair.First.SequenceEqual(pair.Second));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelSegment);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, CustomersByDepth.Count, Excluded.Count, TimeToConvert.Count);

    /// <summary>Returns the segment as <c>'email': 120 customers, 3 excluded</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(Value is null ? "(none)" : $"'{Validation.Echo(Value)}'")}: {CustomersByDepth.Sum(ids => (long)ids.Count)} customers, {Excluded.Count} excluded");

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> SortedIds(IReadOnlyList<string> ids, string paramName)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        var copy = new string[ids.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Validation.NotBlank(ids[i], paramName);
        }

        Array.Sort(copy, StringComparer.Ordinal);
        return Array.AsReadOnly(copy);
    }
}
