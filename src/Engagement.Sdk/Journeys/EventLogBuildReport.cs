using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What building an <see cref="EventLog"/> did with its input: how many events were read, how many were dropped as
/// duplicates of an earlier event id, and how many were kept.
/// </summary>
/// <remarks>
/// Only duplicate event ids are dropped (the first event with an id is kept); nothing else is, so
/// <see cref="EventsKept"/> is always <see cref="EventsRead"/> minus <see cref="DuplicatesDropped"/>.
/// <c>default(EventLogBuildReport)</c> is the report of an empty log. This type is an immutable value and is thread-safe.
/// </remarks>
public readonly struct EventLogBuildReport : IEquatable<EventLogBuildReport>
{
    internal EventLogBuildReport(long eventsRead, long duplicatesDropped)
    {
        EventsRead = eventsRead;
        DuplicatesDropped = duplicatesDropped;
    }

    /// <summary>Gets how many events were given to the builder.</summary>
    public long EventsRead { get; }

    /// <summary>Gets how many events were dropped because an earlier event had the same event id.</summary>
    public long DuplicatesDropped { get; }

    /// <summary>Gets how many events the log holds: <see cref="EventsRead"/> minus <see cref="DuplicatesDropped"/>.</summary>
    public long EventsKept => EventsRead - DuplicatesDropped;

    /// <summary>Returns whether two reports are equal.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when both counts are equal.</returns>
    public static bool operator ==(EventLogBuildReport left, EventLogBuildReport right) => left.Equals(right);

    /// <summary>Returns whether two reports differ.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when a count differs.</returns>
    public static bool operator !=(EventLogBuildReport left, EventLogBuildReport right) => !left.Equals(right);

    /// <summary>Returns whether this report equals another: same events read and duplicates dropped.</summary>
    /// <param name="other">The other report.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(EventLogBuildReport other) => EventsRead == other.EventsRead && DuplicatesDropped == other.DuplicatesDropped;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EventLogBuildReport other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EventsRead, DuplicatesDropped);

    /// <summary>Returns the report as <c>read R, duplicates dropped D, kept K</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"read {EventsRead}, duplicates dropped {DuplicatesDropped}, kept {EventsKept}");
}
