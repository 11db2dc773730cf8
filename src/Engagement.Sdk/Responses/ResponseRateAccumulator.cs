using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// A mergeable accumulator of response rates over inquiries: response rate, automation rate, proactive share, reopen
/// rate and one-touch resolution rate (see <see cref="ResponseRateSummary"/> for the definitions), overall, by channel
/// and by priority. <see cref="ToResult"/> gives the <see cref="ResponseRateResult"/>.
/// </summary>
/// <remarks>
/// <para>Add each inquiry once, in its latest state. Channels are grouped by name ignoring case.</para>
/// <para>A sealed class: merging is associative and commutative; every update is checked and all-or-nothing; the state
/// round-trips through JSON (see <see cref="ResponseRateState"/>). Not thread-safe: give each thread its own and merge
/// them.</para>
/// </remarks>
public sealed class ResponseRateAccumulator : IMetricAccumulator<ResponseRateAccumulator, ResponseRateResult, ResponseRateState>
{
    private readonly Dictionary<string, (string Name, long[] Group)> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly long[][] _priorities = new long[ResponseBreakdowns.Priorities][];
    private long[] _overall = new long[ResponseRateTally.Length];

    /// <summary>Creates an empty accumulator.</summary>
    public ResponseRateAccumulator()
    {
        for (var i = 0; i < _priorities.Length; i++)
        {
            _priorities[i] = new long[ResponseRateTally.Length];
        }
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.ResponseRates"/>.</summary>
    public MetricDefinition Definition => MetricDefinition.ResponseRates;

    /// <summary>Gets the inquiries added so far.</summary>
    public long Count => _overall[ResponseRateTally.Inquiries];

    /// <inheritdoc />
    public static ResponseRateAccumulator FromState(ResponseRateState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var accumulator = new ResponseRateAccumulator { _overall = [.. state.Overall] };
        for (var i = 0; i < accumulator._priorities.Length; i++)
        {
            accumulator._priorities[i] = [.. state.ByPriority[i]];
        }

        foreach (var (name, counts) in state.ByChannel)
        {
            accumulator._channels.Add(name, (name, [.. counts]));
        }

        return accumulator;
    }

    /// <summary>Computes the response rates of a sequence of inquiries in one call.</summary>
    /// <param name="inquiries">The inquiries.</param>
    /// <returns>The result; with no inquiries it has no value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inquiries"/> or one of them is <see langword="null"/>.</exception>
    public static ResponseRateResult Compute(IEnumerable<Inquiry> inquiries)
    {
        var accumulator = new ResponseRateAccumulator();
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

        // The overall inquiry count is the largest count of all, so checking it checks them all.
        _ = InquiryCount.Next(_overall[ResponseRateTally.Inquiries], inquiry);
        ref var entry = ref ResponseBreakdowns.Entry(_channels, inquiry.Channel.Name, out var known);
        if (!known)
        {
            entry.Group = new long[ResponseRateTally.Length];
        }

        ResponseRateTally.Add(entry.Group, inquiry);
        ResponseRateTally.Add(_priorities[(int)inquiry.Priority], inquiry);
        ResponseRateTally.Add(_overall, inquiry);
    }

    /// <summary>Adds a sequence of inquiries; all of them or, when one is <see langword="null"/>, none.</summary>
    /// <param name="inquiries">The inquiries, each in its latest state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inquiries"/> or one of them is <see langword="null"/>;
    /// nothing is changed.</exception>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>; nothing is changed.</exception>
    public void Add(IEnumerable<Inquiry> inquiries)
    {
        ArgumentNullException.ThrowIfNull(inquiries);
        var batch = new ResponseRateAccumulator();
        foreach (var inquiry in inquiries)
        {
            ArgumentNullException.ThrowIfNull(inquiry, nameof(inquiries));
            batch.Add(inquiry);
        }

        Merge(batch);
    }

    /// <inheritdoc />
    public void Merge(ResponseRateAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        try
        {
            // The overall inquiry counts bound every other count, so this one check covers every sum below.
            _ = checked(_overall[ResponseRateTally.Inquiries] + other._overall[ResponseRateTally.Inquiries]);
        }
        catch (OverflowException e)
        {
            throw MergeOverflow.For(this, other, e);
        }

        var snapshot = ReferenceEquals(this, other) ? FromState(other.GetState()) : other;
        AddCounts(_overall, snapshot._overall);
        for (var i = 0; i < _priorities.Length; i++)
        {
            AddCounts(_priorities[i], snapshot._priorities[i]);
        }

        foreach (var (name, counts) in snapshot._channels.Values)
        {
            ref var entry = ref ResponseBreakdowns.Entry(_channels, name, out var known);
            if (!known)
            {
                entry.Group = new long[ResponseRateTally.Length];
            }

            AddCounts(entry.Group, counts);
        }
    }

    /// <summary>Returns the response rates so far.</summary>
    /// <returns>The result; with no inquiries it has no value.</returns>
    public ResponseRateResult ToResult()
    {
        var byChannel = new Dictionary<string, ResponseRateSummary>(_channels.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, counts) in _channels.Values)
        {
            byChannel.Add(name, ResponseRateSummary.From(counts));
        }

        return new ResponseRateResult(ResponseRateSummary.From(_overall), byChannel, Array.ConvertAll(_priorities, ResponseRateSummary.From));
    }

    /// <inheritdoc />
    public ResponseRateState GetState()
    {
        var byChannel = new Dictionary<string, IReadOnlyList<long>>(_channels.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, counts) in _channels.Values)
        {
            byChannel.Add(name, [.. counts]);
        }

        return new ResponseRateState(
            ResponseRateState.CurrentVersion,
            Definition,
            [.. _overall],
            byChannel,
            Array.ConvertAll(_priorities, counts => (IReadOnlyList<long>)[.. counts]));
    }

    /// <summary>Returns the accumulator as <c>response rates of 120 inquiries in 3 channels</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"response rates of {Count} inquiries in {_channels.Count} channels");

    private static void AddCounts(long[] into, long[] counts)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += counts[i];
        }
    }
}
