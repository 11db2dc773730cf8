using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A pain point a journey map expects at a stage, such as <c>shipping costs shown late</c>; optionally tied to the event
/// that signals it (<c>payment_error</c>), so that a comparison with a log counts the customers who hit it.
/// </summary>
/// <remarks>Immutable and thread-safe; equal when every member is equal (ordinal).</remarks>
public sealed class JourneyMapPainPoint : IEquatable<JourneyMapPainPoint>
{
    /// <summary>Creates a pain point.</summary>
    /// <param name="stage">The stage it belongs to; not unspecified.</param>
    /// <param name="description">What hurts; a valid name of 1 to 100 characters.</param>
    /// <param name="eventName">The event that signals it, or <see langword="null"/>; not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is unspecified, or a text is invalid.</exception>
    [JsonConstructor]
    public JourneyMapPainPoint(JourneyStage stage, string description, string? eventName = null)
    {
        if (stage.IsUnspecified)
        {
            throw new ArgumentException("A pain point needs a stage; got Unspecified.", nameof(stage));
        }

        Stage = stage;
        Description = Validation.Name(description, nameof(description), "pain point description");
        EventName = eventName is null ? null : Validation.NotBlank(eventName, nameof(eventName));
    }

    /// <summary>Gets the stage the pain point belongs to.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets what hurts.</summary>
    public string Description { get; }

    /// <summary>Gets the event that signals the pain point, or <see langword="null"/>.</summary>
    public string? EventName { get; }

    /// <inheritdoc />
    public bool Equals(JourneyMapPainPoint? other) =>
        other is not null
        && Stage == other.Stage
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && string.Equals(EventName, other.EventName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JourneyMapPainPoint);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Stage, StringComparer.Ordinal.GetHashCode(Description));

    /// <summary>Returns the pain point as <c>Decision: shipping costs shown late (payment_error)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => EventName is null ? $"{Stage}: {Description}" : $"{Stage}: {Description} ({EventName})";
}
