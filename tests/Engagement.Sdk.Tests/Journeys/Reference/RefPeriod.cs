namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>The calendar periods of retention and lifecycle, for the naive reference.</summary>
internal enum RefPeriod
{
    /// <summary>From local midnight to the next.</summary>
    Day,

    /// <summary>From local midnight of the week's first day, seven calendar days.</summary>
    Week,

    /// <summary>From local midnight of the 1st to that of the next month's 1st.</summary>
    Month,
}
