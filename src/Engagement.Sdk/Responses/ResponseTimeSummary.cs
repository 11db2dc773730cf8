using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The six response-time distributions of one group of inquiries (all of them, a channel, a priority, a response
/// type), each in calendar and in business time, in seconds.
/// </summary>
/// <remarks>
/// Empty input: a metric with no values has summaries that say they have no value. Every wait is measured exactly for
/// the inquiries whose resolution is, so the four inquiry-level metrics count alike. Immutable and thread-safe.
/// </remarks>
public sealed class ResponseTimeSummary : IEquatable<ResponseTimeSummary>
{
    /// <summary>Creates a summary.</summary>
    /// <param name="firstResponse">First response times.</param>
    /// <param name="nextResponse">Next response times.</param>
    /// <param name="fullResolution">Full resolution times.</param>
    /// <param name="requesterWait">Requester wait times.</param>
    /// <param name="agentWait">Agent wait times.</param>
    /// <param name="onHold">On-hold times.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A wait counts other than the resolution (names the wait).</exception>
    [JsonConstructor]
    public ResponseTimeSummary(
        DurationDistribution firstResponse,
        DurationDistribution nextResponse,
        DurationDistribution fullResolution,
        DurationDistribution requesterWait,
        DurationDistribution agentWait,
        DurationDistribution onHold)
    {
        ArgumentNullException.ThrowIfNull(firstResponse);
        ArgumentNullException.ThrowIfNull(nextResponse);
        ArgumentNullException.ThrowIfNull(fullResolution);
        RequireResolutionCount(requesterWait, fullResolution, nameof(requesterWait));
        RequireResolutionCount(agentWait, fullResolution, nameof(agentWait));
        RequireResolutionCount(onHold, fullResolution, nameof(onHold));
        FirstResponse = firstResponse;
        NextResponse = nextResponse;
        FullResolution = fullResolution;
        RequesterWait = requesterWait;
        AgentWait = agentWait;
        OnHold = onHold;
    }

    /// <summary>Gets the first response times.</summary>
    public DurationDistribution FirstResponse { get; }

    /// <summary>Gets the next response times (one per answered reply cycle).</summary>
    public DurationDistribution NextResponse { get; }

    /// <summary>Gets the full resolution times.</summary>
    public DurationDistribution FullResolution { get; }

    /// <summary>Gets the requester wait times.</summary>
    public DurationDistribution RequesterWait { get; }

    /// <summary>Gets the agent wait times.</summary>
    public DurationDistribution AgentWait { get; }

    /// <summary>Gets the on-hold times.</summary>
    public DurationDistribution OnHold { get; }

    /// <summary>Returns one metric's distribution.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>Its calendar and business summaries.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not a defined value.</exception>
    public DurationDistribution Get(ResponseTimeMetric metric) => Validation.Defined(metric, nameof(metric)) switch
    {
        ResponseTimeMetric.FirstResponse => FirstResponse,
        ResponseTimeMetric.NextResponse => NextResponse,
        ResponseTimeMetric.FullResolution => FullResolution,
        ResponseTimeMetric.RequesterWait => RequesterWait,
        ResponseTimeMetric.AgentWait => AgentWait,
        _ => OnHold,
    };

    /// <summary>Returns one metric's summary in one basis, in seconds.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="basis">Calendar or business time.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    public QuantileSummary Get(ResponseTimeMetric metric, TimeBasis basis) => Get(metric).Get(basis);

    /// <inheritdoc />
    public bool Equals(ResponseTimeSummary? other) =>
        other is not null
        && FirstResponse.Equals(other.FirstResponse)
        && NextResponse.Equals(other.NextResponse)
        && FullResolution.Equals(other.FullResolution)
        && RequesterWait.Equals(other.RequesterWait)
        && AgentWait.Equals(other.AgentWait)
        && OnHold.Equals(other.OnHold);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseTimeSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FirstResponse, NextResponse, FullResolution, RequesterWait, AgentWait, OnHold);

    /// <summary>Returns the summary as <c>first response: {…}; next response: {…}; full resolution: {…}</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        $"first response: {FirstResponse}; next response: {NextResponse}; full resolution: {FullResolution}";

    private static void RequireResolutionCount(DurationDistribution wait, DurationDistribution resolution, string paramName)
    {
        ArgumentNullException.ThrowIfNull(wait, paramName);
        if (wait.Count != resolution.Count)
        {
            throw new ArgumentException(
                $"Waits are measured exactly for the solved inquiries: {wait.Count} values against {resolution.Count} resolutions.", paramName);
        }
    }
}
