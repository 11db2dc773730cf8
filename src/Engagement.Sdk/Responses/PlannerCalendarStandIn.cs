// TEMPORARY stand-in for the calendar branch's BusinessCalendar, with only the members the planner uses, so that the
// planner builds before that branch lands. Delete this file when merging `calendar` (its type replaces this one).
#pragma warning disable RS0016, CA1822 // Not public API: it goes away with the merge of the real type.
namespace Engagement.Sdk.Responses;

/// <summary>Stand-in for the business calendar: always open.</summary>
public sealed class BusinessCalendar
{
    private BusinessCalendar()
    {
    }

    /// <summary>Gets the 24/7 calendar.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new();

    /// <summary>Adds a duration.</summary>
    /// <param name="start">The start.</param>
    /// <param name="duration">The duration.</param>
    /// <param name="basis">The basis.</param>
    /// <returns>The end.</returns>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration, TimeBasis basis) => start + duration;

    /// <summary>Gets the next opening.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset NextOpening(DateTimeOffset instant) => instant;

    /// <summary>Gets whether open.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>Always true.</returns>
    public bool IsOpen(DateTimeOffset instant) => true;
}
