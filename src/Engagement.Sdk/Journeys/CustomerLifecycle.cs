using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>One customer's <see cref="LifecycleStatus"/> in each period of a lifecycle analysis, from
/// <see cref="LifecycleAccumulator.GetStatuses"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CustomerLifecycle
{
    internal CustomerLifecycle(string customerId, LifecycleStatus[] statuses)
    {
        CustomerId = customerId;
        Statuses = Array.AsReadOnly(statuses);
    }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the customer's status in each period of the definition, in order.</summary>
    public IReadOnlyList<LifecycleStatus> Statuses { get; }

    /// <summary>Returns the statuses as <c>user_1: New, Returning, Dormant, None</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CustomerId}: {string.Join(", ", Statuses)}");
}
