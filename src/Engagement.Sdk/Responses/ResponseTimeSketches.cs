using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The twelve quantile sketches of one breakdown group: each <see cref="ResponseTimeMetric"/> in calendar and in
/// business time, values in seconds. Index <c>2 × metric + basis</c>, the order states keep them in. Internal; the only
/// code that touches the sketch API.
/// </summary>
internal sealed class ResponseTimeSketches
{
    /// <summary>How many sketches a group holds: six metrics × two bases.</summary>
    public const int Length = 12;

    private readonly QuantileSketch[] _sketches;

    public ResponseTimeSketches(double relativeAccuracy, int maxBucketCount)
    {
        _sketches = new QuantileSketch[Length];
        for (var i = 0; i < Length; i++)
        {
            _sketches[i] = new QuantileSketch(relativeAccuracy, maxBucketCount);
        }
    }

    private ResponseTimeSketches(QuantileSketch[] sketches) => _sketches = sketches;

    public static int IndexOf(ResponseTimeMetric metric, TimeBasis basis) => (2 * (int)metric) + (int)basis;

    public static ResponseTimeSketches FromStates(IReadOnlyList<QuantileSketchState> states)
    {
        var sketches = new QuantileSketch[Length];
        for (var i = 0; i < Length; i++)
        {
            sketches[i] = QuantileSketch.FromState(states[i]);
        }

        return new ResponseTimeSketches(sketches);
    }

    /// <summary>The count of values of one sketch.</summary>
    public long Count(int index) => _sketches[index].Count;

    /// <summary>Adds one duration of a metric in both bases, as seconds.</summary>
    public void Add(ResponseTimeMetric metric, InquiryDuration duration)
    {
        var index = 2 * (int)metric;
        _sketches[index].Add(duration.Calendar.TotalSeconds);
        _sketches[index + 1].Add(duration.Business.TotalSeconds);
    }

    /// <summary>Throws <see cref="OverflowException"/> when merging <paramref name="other"/> would overflow a count, so
    /// that a merge checks every group before it changes any.</summary>
    public void CheckMerge(ResponseTimeSketches other)
    {
        for (var i = 0; i < Length; i++)
        {
            _ = checked(_sketches[i].Count + other._sketches[i].Count);
        }
    }

    /// <summary>Whether every sketch has the given accuracy and bucket limit, so that it merges with any other group of
    /// them.</summary>
    public bool Has(double relativeAccuracy, int maxBucketCount)
    {
        foreach (var sketch in _sketches)
        {
            if (!sketch.RelativeAccuracy.Equals(relativeAccuracy) || sketch.MaxBucketCount != maxBucketCount)
            {
                return false;
            }
        }

        return true;
    }

    public void Merge(ResponseTimeSketches other)
    {
        for (var i = 0; i < Length; i++)
        {
            _sketches[i].Merge(other._sketches[i]);
        }
    }

    public ResponseTimeSketches Copy()
    {
        var copy = new ResponseTimeSketches(new QuantileSketch[Length]);
        for (var i = 0; i < Length; i++)
        {
            copy._sketches[i] = QuantileSketch.FromState(_sketches[i].GetState());
        }

        return copy;
    }

    public QuantileSketchState[] GetStates()
    {
        var states = new QuantileSketchState[Length];
        for (var i = 0; i < Length; i++)
        {
            states[i] = _sketches[i].GetState();
        }

        return states;
    }

    public ResponseTimeSummary ToSummary()
    {
        DurationDistribution Pair(ResponseTimeMetric metric) =>
            new(_sketches[IndexOf(metric, TimeBasis.Calendar)].ToResult(), _sketches[IndexOf(metric, TimeBasis.Business)].ToResult());

        return new ResponseTimeSummary(
            Pair(ResponseTimeMetric.FirstResponse),
            Pair(ResponseTimeMetric.NextResponse),
            Pair(ResponseTimeMetric.FullResolution),
            Pair(ResponseTimeMetric.RequesterWait),
            Pair(ResponseTimeMetric.AgentWait),
            Pair(ResponseTimeMetric.OnHold));
    }
}
