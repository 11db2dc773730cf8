using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// A mergeable accumulator of inquiry response times: first and next response, full resolution, requester, agent and
/// on-hold wait times, each in calendar and in business time, in quantile sketches of seconds, overall and by channel,
/// priority and response type. <see cref="ToResult"/> gives the <see cref="ResponseTimeResult"/>.
/// </summary>
/// <remarks>
/// <para>Each inquiry is measured by <see cref="InquiryTimes.Measure"/> (the definitions are there) when it is added;
/// add an inquiry once, in its latest state. The distributions are DDSketch-style quantile sketches whose quantiles lie
/// within the definition's relative accuracy of the exact ones; counts, minima and maxima are exact.</para>
/// <para>A sealed class: merging is associative and commutative; every update is checked and all-or-nothing; the state
/// round-trips through JSON (see <see cref="ResponseTimeState"/>). Not thread-safe: give each thread its own and merge
/// them.</para>
/// </remarks>
public sealed class ResponseTimeAccumulator : IMetricAccumulator<ResponseTimeAccumulator, ResponseTimeResult, ResponseTimeState>
{
    private readonly InquiryTimeline _timeline = new();
    private readonly Dictionary<string, (string Name, ResponseTimeSketches Group)> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly ResponseTimeSketches _overall;
    private readonly ResponseTimeSketches[] _priorities = new ResponseTimeSketches[ResponseBreakdowns.Priorities];
    private readonly ResponseTimeSketches[] _types = new ResponseTimeSketches[ResponseBreakdowns.ResponseTypes];
    private readonly ResponseTimeSketches _withoutResponse;
    private long _inquiries;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="responseTimes">The business calendar and the sketch accuracy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="responseTimes"/> is <see langword="null"/>.</exception>
    public ResponseTimeAccumulator(ResponseTimeDefinition responseTimes)
    {
        ArgumentNullException.ThrowIfNull(responseTimes);
        ResponseTimes = responseTimes;
        _overall = NewGroup();
        _withoutResponse = NewGroup();
        for (var i = 0; i < _priorities.Length; i++)
        {
            _priorities[i] = NewGroup();
        }

        for (var i = 0; i < _types.Length; i++)
        {
            _types[i] = NewGroup();
        }
    }

    private ResponseTimeAccumulator(ResponseTimeState state)
    {
        ResponseTimes = state.ResponseTimes;
        _inquiries = state.Inquiries;
        _overall = ResponseTimeSketches.FromStates(state.Overall);
        _withoutResponse = ResponseTimeSketches.FromStates(state.WithoutResponse);
        for (var i = 0; i < _priorities.Length; i++)
        {
            _priorities[i] = ResponseTimeSketches.FromStates(state.ByPriority[i]);
        }

        for (var i = 0; i < _types.Length; i++)
        {
            _types[i] = ResponseTimeSketches.FromStates(state.ByResponseType[i]);
        }

        foreach (var (name, states) in state.ByChannel)
        {
            _channels.Add(name, (name, ResponseTimeSketches.FromStates(states)));
        }
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.ResponseTimes"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.ResponseTimes;

    /// <summary>Gets the business calendar and the sketch accuracy.</summary>
    public ResponseTimeDefinition ResponseTimes { get; }

    /// <summary>Gets the inquiries added so far.</summary>
    public long Count => _inquiries;

    /// <inheritdoc />
    public static ResponseTimeAccumulator FromState(ResponseTimeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ResponseTimeAccumulator(state);
    }

    /// <summary>Computes the response times of a sequence of inquiries in one call.</summary>
    /// <param name="inquiries">The inquiries.</param>
    /// <param name="responseTimes">The business calendar and the sketch accuracy.</param>
    /// <returns>The result; with no inquiries it has no value.</returns>
    /// <exception cref="ArgumentNullException">An argument or an inquiry is <see langword="null"/>.</exception>
    public static ResponseTimeResult Compute(IEnumerable<Inquiry> inquiries, ResponseTimeDefinition responseTimes)
    {
        var accumulator = new ResponseTimeAccumulator(responseTimes);
        accumulator.Add(inquiries);
        return accumulator.ToResult();
    }

    /// <summary>Adds one inquiry.</summary>
    /// <param name="inquiry">The inquiry, in its latest state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inquiry"/> is <see langword="null"/>.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(Inquiry inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var timeline = _timeline;
        timeline.Measure(inquiry, ResponseTimes.Calendar);

        // The overall group counts at least as many values as any other, so checking it checks them all.
        var inquiries = InquiryCount.Next(_inquiries, inquiry);
        _ = checked(_overall.Count(ResponseTimeSketches.IndexOf(ResponseTimeMetric.NextResponse, TimeBasis.Calendar)) + timeline.Cycles.Count);

        ref var entry = ref ResponseBreakdowns.Entry(_channels, inquiry.Channel.Name, out var known);
        var channel = known ? entry.Group : entry.Group = NewGroup();
        var priority = _priorities[(int)inquiry.Priority];
        if (timeline.FirstResponse is { } first)
        {
            AddTo(ResponseTimeMetric.FirstResponse, first, channel, priority, _types[(int)timeline.FirstResponseType!.Value]);
        }

        var cycles = timeline.Cycles;
        for (var i = 0; i < cycles.Count; i++)
        {
            AddTo(ResponseTimeMetric.NextResponse, cycles[i].Duration, channel, priority, _types[(int)cycles[i].ResponseType]);
        }

        if (timeline.FullResolution is { } resolution)
        {
            var type = timeline.FirstResponseType is { } t ? _types[(int)t] : _withoutResponse;
            AddTo(ResponseTimeMetric.FullResolution, resolution, channel, priority, type);
            AddTo(ResponseTimeMetric.RequesterWait, timeline.RequesterWait!.Value, channel, priority, type);
            AddTo(ResponseTimeMetric.AgentWait, timeline.AgentWait!.Value, channel, priority, type);
            AddTo(ResponseTimeMetric.OnHold, timeline.OnHold!.Value, channel, priority, type);
        }

        _inquiries = inquiries;
    }

    /// <summary>Adds a sequence of inquiries; all of them or, when one is <see langword="null"/>, none.</summary>
    /// <param name="inquiries">The inquiries, each in its latest state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inquiries"/> or one of them is <see langword="null"/>;
    /// nothing is changed.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(IEnumerable<Inquiry> inquiries)
    {
        ArgumentNullException.ThrowIfNull(inquiries);
        var batch = new ResponseTimeAccumulator(ResponseTimes);
        foreach (var inquiry in inquiries)
        {
            ArgumentNullException.ThrowIfNull(inquiry, nameof(inquiries));
            batch.Add(inquiry);
        }

        Merge(batch);
    }

    /// <inheritdoc />
    public void Merge(ResponseTimeAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ResponseTimes != other.ResponseTimes)
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {ResponseTimes}, the other {other.ResponseTimes}.", nameof(other));
        }

        // Every group's counts are at most the overall ones, so these two checks cover every sum the merge makes.
        try
        {
            _ = checked(_inquiries + other._inquiries);
            _overall.CheckMerge(other._overall);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }

        // States are checked against the definition, so every sketch has its parameters; still, a sketch that refused
        // to merge half-way would leave the groups before it merged, so every one is checked before any changes.
        var (accuracy, limit) = (ResponseTimes.RelativeAccuracy, ResponseTimes.MaxBucketCount);
        if (!Groups().Concat(other.Groups()).All(group => group.Has(accuracy, limit)))
        {
            throw new ArgumentException(
                $"Every sketch of both accumulators must have the definition's accuracy and bucket limit, so nothing was merged: this accumulator is {this}; the other {other}.",
                nameof(other));
        }

        var snapshot = ReferenceEquals(this, other) ? FromState(other.GetState()) : other;
        _overall.Merge(snapshot._overall);
        _withoutResponse.Merge(snapshot._withoutResponse);
        for (var i = 0; i < _priorities.Length; i++)
        {
            _priorities[i].Merge(snapshot._priorities[i]);
        }

        for (var i = 0; i < _types.Length; i++)
        {
            _types[i].Merge(snapshot._types[i]);
        }

        foreach (var (name, group) in snapshot._channels.Values)
        {
            ref var entry = ref ResponseBreakdowns.Entry(_channels, name, out var known);
            if (known)
            {
                entry.Group.Merge(group);
            }
            else
            {
                entry.Group = group.Copy();
            }
        }

        _inquiries += snapshot._inquiries;
    }

    /// <summary>Returns the response times so far.</summary>
    /// <returns>The result; with no inquiries it has no value.</returns>
    public ResponseTimeResult ToResult()
    {
        var byChannel = new Dictionary<string, ResponseTimeSummary>(_channels.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, group) in _channels.Values)
        {
            byChannel.Add(name, group.ToSummary());
        }

        return new ResponseTimeResult(
            ResponseTimes,
            _inquiries,
            _overall.ToSummary(),
            byChannel,
            Array.ConvertAll(_priorities, group => group.ToSummary()),
            Array.ConvertAll(_types, group => group.ToSummary()),
            _withoutResponse.ToSummary());
    }

    /// <inheritdoc />
    public ResponseTimeState GetState()
    {
        var byChannel = new Dictionary<string, IReadOnlyList<QuantileSketchState>>(_channels.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, group) in _channels.Values)
        {
            byChannel.Add(name, group.GetStates());
        }

        return new ResponseTimeState(
            ResponseTimeState.CurrentVersion,
            Definition,
            ResponseTimes,
            _inquiries,
            _overall.GetStates(),
            byChannel,
            Array.ConvertAll(_priorities, group => (IReadOnlyList<QuantileSketchState>)group.GetStates()),
            Array.ConvertAll(_types, group => (IReadOnlyList<QuantileSketchState>)group.GetStates()),
            _withoutResponse.GetStates());
    }

    /// <summary>Returns the accumulator as <c>response times of 120 inquiries in 3 channels</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"response times of {_inquiries} inquiries in {_channels.Count} channels");

    private ResponseTimeSketches NewGroup() => new(ResponseTimes.RelativeAccuracy, ResponseTimes.MaxBucketCount);

    /// <summary>Every group, breakdowns included.</summary>
    private IEnumerable<ResponseTimeSketches> Groups()
    {
        yield return _overall;
        yield return _withoutResponse;
        foreach (var group in _priorities)
        {
            yield return group;
        }

        foreach (var group in _types)
        {
            yield return group;
        }

        foreach (var (_, group) in _channels.Values)
        {
            yield return group;
        }
    }

    private void AddTo(ResponseTimeMetric metric, InquiryDuration duration, ResponseTimeSketches channel, ResponseTimeSketches priority, ResponseTimeSketches type)
    {
        _overall.Add(metric, duration);
        channel.Add(metric, duration);
        priority.Add(metric, duration);
        type.Add(metric, duration);
    }
}
