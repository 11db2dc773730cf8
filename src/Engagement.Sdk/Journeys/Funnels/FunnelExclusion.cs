using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// An exclusion of an ordered funnel: an attempt is tainted when <see cref="EventName"/> occurs strictly after its
/// <see cref="FromStep"/> event and strictly before its <see cref="ToStep"/> event (or, when the attempt never reaches
/// that step, strictly before anchor + window). A customer all of whose deepest attempts are tainted is excluded.
/// </summary>
/// <remarks>Steps are 0-based; step indexes are checked against the funnel by <see cref="FunnelDefinition"/>. Immutable
/// and thread-safe; equal when the three members are.</remarks>
public sealed class FunnelExclusion : IEquatable<FunnelExclusion>
{
    /// <summary>Creates an exclusion.</summary>
    /// <param name="eventName">The event that taints an attempt; not empty or white space.</param>
    /// <param name="fromStep">The 0-based step after whose event the exclusion starts; 0 or more.</param>
    /// <param name="toStep">The 0-based step before whose event the exclusion ends; greater than
    /// <paramref name="fromStep"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromStep"/> is negative, or
    /// <paramref name="toStep"/> is not greater than <paramref name="fromStep"/>.</exception>
    [JsonConstructor]
    public FunnelExclusion(string eventName, int fromStep, int toStep)
    {
        EventName = Validation.NotBlank(eventName, nameof(eventName));
        ArgumentOutOfRangeException.ThrowIfNegative(fromStep);
        if (toStep <= fromStep)
        {
            throw new ArgumentOutOfRangeException(
                nameof(toStep),
                toStep,
                string.Create(CultureInfo.InvariantCulture, $"An exclusion's toStep must be greater than its fromStep ({fromStep}); got {toStep}."));
        }

        FromStep = fromStep;
        ToStep = toStep;
    }

    /// <summary>Gets the event that taints an attempt.</summary>
    public string EventName { get; }

    /// <summary>Gets the 0-based step after whose event the exclusion starts.</summary>
    public int FromStep { get; }

    /// <summary>Gets the 0-based step before whose event the exclusion ends.</summary>
    public int ToStep { get; }

    /// <summary>Returns whether two exclusions are equal.</summary>
    /// <param name="left">The first exclusion.</param>
    /// <param name="right">The second exclusion.</param>
    /// <returns><see langword="true"/> when the event and the steps are equal.</returns>
    public static bool operator ==(FunnelExclusion? left, FunnelExclusion? right) => Equals(left, right);

    /// <summary>Returns whether two exclusions differ.</summary>
    /// <param name="left">The first exclusion.</param>
    /// <param name="right">The second exclusion.</param>
    /// <returns><see langword="true"/> when the event or a step differs.</returns>
    public static bool operator !=(FunnelExclusion? left, FunnelExclusion? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(FunnelExclusion? other) =>
        other is not null && string.Equals(EventName, other.EventName, StringComparison.Ordinal) && FromStep == other.FromStep && ToStep == other.ToStep;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelExclusion);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(EventName), FromStep, ToStep);

    /// <summary>Returns the exclusion as <c>not payment_error between steps 2 and 3</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"not {Validation.Echo(EventName)} between steps {FromStep} and {ToStep}");
}
