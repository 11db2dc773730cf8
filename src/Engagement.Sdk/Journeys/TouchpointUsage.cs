using System.Globalization;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>How much a touchpoint was used in a log: by how many customers, in how many events.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TouchpointUsage
{
    internal TouchpointUsage(Touchpoint touchpoint, long customers, long events, long allCustomers)
    {
        Touchpoint = touchpoint;
        Customers = customers;
        Events = events;
        Share = new Proportion(customers, allCustomers);
    }

    /// <summary>Gets the touchpoint.</summary>
    public Touchpoint Touchpoint { get; }

    /// <summary>Gets how many customers used it at least once.</summary>
    public long Customers { get; }

    /// <summary>Gets how many events were on it.</summary>
    public long Events { get; }

    /// <summary>Gets the share of the log's customers who used it; no value for an empty log.</summary>
    public Proportion Share { get; }

    /// <summary>Gets whether any customer used it.</summary>
    public bool IsUsed => Customers > 0;

    /// <summary>Returns the usage as <c>email @ Decision: 12 customers, 30 events</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Touchpoint}: {Customers} customers, {Events} events");
}
