using System.Globalization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A <see cref="JourneyMap"/> held against what customers did (<see cref="JourneyMap.Compare"/>): which expected
/// touchpoints were used and by how many customers, which were missing, which unexpected ones occurred, and how many
/// customers hit each known pain point.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class JourneyMapComparison
{
    internal JourneyMapComparison(
        JourneyMap map, long customers, TouchpointUsage[] expected, TouchpointUsage[] unexpected, PainPointUsage[] painPoints, long unstagedEvents)
    {
        Map = map;
        Customers = customers;
        Expected = Array.AsReadOnly(expected);
        Missing = Array.AsReadOnly(Array.ConvertAll(Array.FindAll(expected, u => !u.IsUsed), u => u.Touchpoint));
        Unexpected = Array.AsReadOnly(unexpected);
        PainPoints = Array.AsReadOnly(painPoints);
        UnstagedEvents = unstagedEvents;
    }

    /// <summary>Gets the map compared.</summary>
    public JourneyMap Map { get; }

    /// <summary>Gets the customers of the log.</summary>
    public long Customers { get; }

    /// <summary>Gets the usage of each expected touchpoint, in the map's order (unused ones included).</summary>
    public IReadOnlyList<TouchpointUsage> Expected { get; }

    /// <summary>Gets the expected touchpoints no customer used, in the map's order.</summary>
    public IReadOnlyList<Touchpoint> Missing { get; }

    /// <summary>Gets the channels used at a stage where the map expects none of them, by customers (most first), then
    /// stage order and channel name.</summary>
    public IReadOnlyList<TouchpointUsage> Unexpected { get; }

    /// <summary>Gets how many customers hit each known pain point, in the map's order.</summary>
    public IReadOnlyList<PainPointUsage> PainPoints { get; }

    /// <summary>Gets the events no stage rule matched: they are no touchpoint of the map.</summary>
    public long UnstagedEvents { get; }

    /// <summary>Returns the comparison as <c>120 customers: 5 of 6 expected touchpoints used, 2 unexpected</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Customers} customers: {Expected.Count - Missing.Count} of {Expected.Count} expected touchpoints used, {Unexpected.Count} unexpected");
}
