using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>One stay of a customer in a journey stage: when it entered, and when it left (if it has).</summary>
/// <remarks>An immutable value, thread-safe. <c>default</c> is an unspecified stage entered and never left at
/// <c>default(DateTimeOffset)</c>.</remarks>
public readonly struct StageVisit : IEquatable<StageVisit>
{
    internal StageVisit(JourneyStage stage, DateTimeOffset enteredAt, DateTimeOffset? exitedAt)
    {
        Stage = stage;
        EnteredAt = enteredAt;
        ExitedAt = exitedAt;
    }

    /// <summary>Gets the stage.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets when the customer entered the stage: the time of its first event of the stage after another (UTC).</summary>
    public DateTimeOffset EnteredAt { get; }

    /// <summary>Gets when the customer left the stage: the time of its next event of another stage (UTC); or
    /// <see langword="null"/> while it is still there.</summary>
    public DateTimeOffset? ExitedAt { get; }

    /// <summary>Gets how long the visit lasted, or <see langword="null"/> while it goes on.</summary>
    public TimeSpan? Duration => ExitedAt - EnteredAt;

    /// <summary>Returns whether two visits are equal.</summary>
    /// <param name="left">The first visit.</param>
    /// <param name="right">The second visit.</param>
    /// <returns><see langword="true"/> when stage and times are equal.</returns>
    public static bool operator ==(StageVisit left, StageVisit right) => left.Equals(right);

    /// <summary>Returns whether two visits differ.</summary>
    /// <param name="left">The first visit.</param>
    /// <param name="right">The second visit.</param>
    /// <returns><see langword="true"/> when stage or a time differ.</returns>
    public static bool operator !=(StageVisit left, StageVisit right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(StageVisit other) => Stage == other.Stage && EnteredAt.Equals(other.EnteredAt) && Nullable.Equals(ExitedAt, other.ExitedAt);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StageVisit other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Stage, EnteredAt, ExitedAt);

    /// <summary>Returns the visit as <c>Decision from 2026-01-05T10:00:00Z to 2026-01-05T10:05:00Z</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Stage} from {EnteredAt:yyyy-MM-ddTHH:mm:ssZ} to {(ExitedAt is { } exit ? exit.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "now")}");
}
