using System.Globalization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>How many customers of a log hit a known pain point of a journey map.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PainPointUsage
{
    internal PainPointUsage(JourneyMapPainPoint painPoint, long? customers, long allCustomers)
    {
        PainPoint = painPoint;
        Customers = customers;
        Share = customers is { } hit ? new Proportion(hit, allCustomers) : null;
    }

    /// <summary>Gets the pain point.</summary>
    public JourneyMapPainPoint PainPoint { get; }

    /// <summary>Gets how many customers had its event, or <see langword="null"/> when the pain point names no event.</summary>
    public long? Customers { get; }

    /// <summary>Gets the share of the log's customers who had its event, or <see langword="null"/> when it names none.</summary>
    public Proportion? Share { get; }

    /// <summary>Returns the usage as <c>Decision: payment fails (payment_error): 12 customers</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PainPoint}: {(Customers is { } hit ? $"{hit} customers" : "no event to count")}");
}
