using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What a funnel measures: its steps, the conversion window, the matching mode, the exclusions of an ordered funnel and
/// an optional breakdown. A <see cref="FunnelAccumulator"/> and its <see cref="FunnelState"/> carry it, and only
/// accumulators of equal definitions merge.
/// </summary>
/// <remarks>
/// The semantics of each mode are stated in docs/journeys.md ("Funnels") and on <see cref="FunnelMode"/>. Definitions
/// are equal when every part is equal (steps and exclusions in order). Immutable and thread-safe.
/// </remarks>
public sealed class FunnelDefinition : IEquatable<FunnelDefinition>
{
    /// <summary>The most steps a funnel can have: 32.</summary>
    public const int MaxSteps = 32;

    /// <summary>The most exclusions a funnel can have: 32.</summary>
    public const int MaxExclusions = 32;

    /// <summary>Creates a funnel definition.</summary>
    /// <param name="steps">The steps, in funnel order; 1 to <see cref="MaxSteps"/>, none <see langword="null"/>. A step
    /// may repeat an earlier one (<c>view → view → buy</c>): one event fills at most one step.</param>
    /// <param name="window">How long after the step-1 event (the anchor) a customer has to complete the funnel, the end
    /// included; greater than zero, or <see langword="null"/> for <see cref="DefaultWindow"/>.</param>
    /// <param name="mode">How events are matched to steps.</param>
    /// <param name="exclusions">The exclusions of an ordered funnel, or <see langword="null"/> for none; at most
    /// <see cref="MaxExclusions"/>, each with <c>toStep</c> less than the number of steps.</param>
    /// <param name="breakdown">What to break the results down by.</param>
    /// <param name="breakdownProperty">The property key to break down by when <paramref name="breakdown"/> is
    /// <see cref="FunnelBreakdown.Property"/>; otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="steps"/> is empty, longer than <see cref="MaxSteps"/> or holds
    /// <see langword="null"/>; <paramref name="exclusions"/> holds <see langword="null"/>, more than
    /// <see cref="MaxExclusions"/>, or any exclusion in a mode other than <see cref="FunnelMode.Ordered"/>;
    /// <paramref name="breakdownProperty"/> does not fit <paramref name="breakdown"/> or is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is zero or negative; <paramref name="mode"/>
    /// or <paramref name="breakdown"/> is not defined; an exclusion's step is not a step of the funnel.</exception>
    public FunnelDefinition(
        IReadOnlyList<FunnelStep> steps,
        TimeSpan? window = null,
        FunnelMode mode = FunnelMode.Ordered,
        IReadOnlyList<FunnelExclusion>? exclusions = null,
        FunnelBreakdown breakdown = FunnelBreakdown.None,
        string? breakdownProperty = null)
        : this(steps, window ?? DefaultWindow, mode, exclusions ?? [], breakdown, breakdownProperty)
    {
    }

    // JSON reads every member, the window as it is written; the public constructor fills in the defaults.
    [JsonConstructor]
    internal FunnelDefinition(
        IReadOnlyList<FunnelStep> steps,
        TimeSpan window,
        FunnelMode mode,
        IReadOnlyList<FunnelExclusion> exclusions,
        FunnelBreakdown breakdown,
        string? breakdownProperty)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count is 0 or > MaxSteps)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A funnel needs 1 to {MaxSteps} steps; got {steps.Count}."), nameof(steps));
        }

        var stepCopy = new FunnelStep[steps.Count];
        for (var i = 0; i < stepCopy.Length; i++)
        {
            stepCopy[i] = steps[i] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The step at index {i} is null."), nameof(steps));
        }

        var windowValue = window;
        if (windowValue <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(window),
                windowValue,
                string.Create(CultureInfo.InvariantCulture, $"A funnel's window must be greater than zero; got {windowValue}."));
        }

        Mode = Validation.Defined(mode, nameof(mode));
        ArgumentNullException.ThrowIfNull(exclusions);
        var exclusionCopy = CheckExclusions(exclusions, stepCopy.Length, mode);
        Breakdown = Validation.Defined(breakdown, nameof(breakdown));
        if ((breakdown == FunnelBreakdown.Property) != (breakdownProperty is not null))
        {
            throw new ArgumentException(
                breakdownProperty is null
                    ? "A breakdown by property needs the property's key in breakdownProperty; got null."
                    : $"breakdownProperty is only for a breakdown by property; the breakdown is {breakdown} and the key '{Validation.Echo(breakdownProperty)}'.",
                nameof(breakdownProperty));
        }

        BreakdownProperty = breakdownProperty is null ? null : Validation.NotBlank(breakdownProperty, nameof(breakdownProperty));
        Steps = Array.AsReadOnly(stepCopy);
        Window = windowValue;
        Exclusions = Array.AsReadOnly(exclusionCopy);
    }

    /// <summary>Gets the window used when none is given: 14 days.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromDays(14);

    /// <summary>Gets the steps, in funnel order.</summary>
    public IReadOnlyList<FunnelStep> Steps { get; }

    /// <summary>Gets how long after the anchor a customer has to complete the funnel, the end included.</summary>
    /// <value>The default value is 14 days.</value>
    public TimeSpan Window { get; }

    /// <summary>Gets how events are matched to steps.</summary>
    /// <value>The default value is <see cref="FunnelMode.Ordered"/>.</value>
    public FunnelMode Mode { get; }

    /// <summary>Gets the exclusions (ordered funnels only); empty when there are none.</summary>
    public IReadOnlyList<FunnelExclusion> Exclusions { get; }

    /// <summary>Gets what the results are broken down by.</summary>
    /// <value>The default value is <see cref="FunnelBreakdown.None"/>.</value>
    public FunnelBreakdown Breakdown { get; }

    /// <summary>Gets the property key of a breakdown by property, or <see langword="null"/>.</summary>
    public string? BreakdownProperty { get; }

    /// <summary>Returns a funnel whose steps match event names alone.</summary>
    /// <param name="eventNames">The event names, in funnel order; 1 to <see cref="MaxSteps"/>.</param>
    /// <param name="window">The window, or <see langword="null"/> for <see cref="DefaultWindow"/>.</param>
    /// <param name="mode">How events are matched to steps.</param>
    /// <returns>The definition, with no exclusions and no breakdown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventNames"/> or one of its names is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is empty or white space, or there are no names or too many.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is zero or negative, or
    /// <paramref name="mode"/> is not defined.</exception>
    public static FunnelDefinition OfEvents(IEnumerable<string> eventNames, TimeSpan? window = null, FunnelMode mode = FunnelMode.Ordered)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        return new FunnelDefinition([.. eventNames.Select(FunnelStep.Event)], window, mode);
    }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(FunnelDefinition? left, FunnelDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(FunnelDefinition? left, FunnelDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(FunnelDefinition? other) =>
        other is not null
        && Steps.SequenceEqual(other.Steps)
        && Window == other.Window
        && Mode == other.Mode
        && Exclusions.SequenceEqual(other.Exclusions)
        && Breakdown == other.Breakdown
        && string.Equals(BreakdownProperty, other.BreakdownProperty, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelDefinition);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var step in Steps)
        {
            hash.Add(step);
        }

        hash.Add(Window);
        hash.Add(Mode);
        hash.Add(Exclusions.Count);
        hash.Add(Breakdown);
        hash.Add(BreakdownProperty);
        return hash.ToHashCode();
    }

    /// <summary>Returns the definition as <c>Ordered funnel home → cart → payment_done within 14.00:00:00</c>, followed by
    /// its exclusions and breakdown.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Mode.ToString())
            .Append(" funnel ")
            .AppendJoin(" → ", Steps)
            .Append(CultureInfo.InvariantCulture, $" within {Window:c}");
        foreach (var exclusion in Exclusions)
        {
            text.Append(", ").Append(exclusion);
        }

        if (Breakdown != FunnelBreakdown.None)
        {
            text.Append(", by ").Append(Breakdown == FunnelBreakdown.Channel ? "channel" : $"property '{Validation.Echo(BreakdownProperty!)}'");
        }

        return text.ToString();
    }

    private static FunnelExclusion[] CheckExclusions(IReadOnlyList<FunnelExclusion> exclusions, int steps, FunnelMode mode)
    {
        if (exclusions.Count > 0 && mode != FunnelMode.Ordered)
        {
            throw new ArgumentException($"Exclusions apply to ordered funnels only; this funnel is {mode} and has {exclusions.Count}.", nameof(exclusions));
        }

        if (exclusions.Count > MaxExclusions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A funnel can have at most {MaxExclusions} exclusions; got {exclusions.Count}."), nameof(exclusions));
        }

        var copy = new FunnelExclusion[exclusions.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var exclusion = exclusions[i] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The exclusion at index {i} is null."), nameof(exclusions));
            if (exclusion.ToStep >= steps)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(exclusions),
                    exclusion.ToStep,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The exclusion at index {i} ({exclusion}) names step {exclusion.ToStep}; the funnel's steps are 0 to {steps - 1}."));
            }

            copy[i] = exclusion;
        }

        return copy;
    }
}
