using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The saved state of a <see cref="ResponseTimeAccumulator"/>: its definitions, the inquiries added, and per breakdown
/// group the twelve quantile-sketch states of the six metrics in calendar and business time (seconds), versioned.
/// Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// <para>JSON: <c>{"version":1,"definition":{"kind":"ResponseTimes",…},"responseTimes":{…},"inquiries":120,
/// "overall":[12 sketch states],"byChannel":{"email":[…]},"byPriority":[4 × […]],"byResponseType":[3 × […]],
/// "withoutResponse":[…]}</c>. Each group's twelve sketches are in the order first response, next response, full
/// resolution, requester wait, agent wait, on hold, each calendar then business; priorities in the order Low, Normal,
/// High, Urgent; response types Automated, Manual, Proactive.</para>
/// <para>Checks, each naming the member: every sketch has the definition's accuracy and bucket limit and no negative
/// value; within a group each metric's business values are at most its calendar ones (minimum, maximum, sum); each metric counts
/// as many calendar as business values and every wait as many as the resolution; first responses and resolutions at
/// most one per inquiry; the channel groups, the priority groups, and the response-type groups with
/// <c>withoutResponse</c> each add up to <c>overall</c>, value count by value count; <c>withoutResponse</c> holds no
/// first or next response; a channel per inquiry at most, and some channel when there is an inquiry. Immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class ResponseTimeState : MetricState, IEquatable<ResponseTimeState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.ResponseTimes"/>.</param>
    /// <param name="responseTimes">The business calendar and the sketch accuracy.</param>
    /// <param name="inquiries">The inquiries added; 0 or more.</param>
    /// <param name="overall">The twelve sketches of all inquiries.</param>
    /// <param name="byChannel">The twelve sketches of each channel, by name.</param>
    /// <param name="byPriority">The twelve sketches of each priority.</param>
    /// <param name="byResponseType">The twelve sketches of each response type.</param>
    /// <param name="withoutResponse">The twelve sketches of the inquiries without a response.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of response times, or the groups are inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown or <paramref name="inquiries"/> is negative.</exception>
    /// <exception cref="OverflowException">The groups' counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public ResponseTimeState(
        int version,
        MetricDefinition definition,
        ResponseTimeDefinition responseTimes,
        long inquiries,
        IReadOnlyList<QuantileSketchState> overall,
        IReadOnlyDictionary<string, IReadOnlyList<QuantileSketchState>> byChannel,
        IReadOnlyList<IReadOnlyList<QuantileSketchState>> byPriority,
        IReadOnlyList<IReadOnlyList<QuantileSketchState>> byResponseType,
        IReadOnlyList<QuantileSketchState> withoutResponse)
        : base(version, CurrentVersion, definition, MetricKind.ResponseTimes)
    {
        ArgumentNullException.ThrowIfNull(responseTimes);
        ArgumentOutOfRangeException.ThrowIfNegative(inquiries);
        Overall = Group(overall, responseTimes, nameof(overall));
        WithoutResponse = Group(withoutResponse, responseTimes, nameof(withoutResponse));
        var channels = ResponseBreakdowns.Channels(byChannel, nameof(byChannel));
        foreach (var pair in channels)
        {
            _ = Group(pair.Value, responseTimes, nameof(byChannel));
        }

        ByChannel = channels;
        ByPriority = Groups(byPriority, ResponseBreakdowns.Priorities, responseTimes, nameof(byPriority));
        ByResponseType = Groups(byResponseType, ResponseBreakdowns.ResponseTypes, responseTimes, nameof(byResponseType));

        AtMostInquiries(Overall, ResponseTimeMetric.FirstResponse, inquiries, nameof(overall));
        AtMostInquiries(Overall, ResponseTimeMetric.FullResolution, inquiries, nameof(overall));
        if (channels.Count > inquiries || (inquiries > 0 && channels.Count == 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Every inquiry has one channel: {channels.Count} channels for {inquiries} inquiries."), nameof(byChannel));
        }

        for (var index = 0; index < ResponseTimeSketches.Length; index++)
        {
            var total = Overall[index].Count;
            long channelSum = 0, prioritySum = 0, typeSum = WithoutResponse[index].Count;
            foreach (var group in channels.Values)
            {
                channelSum = checked(channelSum + group[index].Count);
            }

            foreach (var group in ByPriority)
            {
                prioritySum = checked(prioritySum + group[index].Count);
            }

            foreach (var group in ByResponseType)
            {
                typeSum = checked(typeSum + group[index].Count);
            }

            AddsUp(channelSum, total, index, nameof(byChannel));
            AddsUp(prioritySum, total, index, nameof(byPriority));
            AddsUp(typeSum, total, index, nameof(byResponseType));

            // Each value lies in exactly one group of each breakdown, so the groups' sketches merge to the overall one
            // bucket for bucket (merges are exact): counts alone would let a group hold values the whole does not.
            MergesToOverall(channels.Values.Select(group => group[index]), Overall[index], index, nameof(byChannel));
            MergesToOverall(ByPriority.Select(group => group[index]), Overall[index], index, nameof(byPriority));
            MergesToOverall(ByResponseType.Select(group => group[index]).Append(WithoutResponse[index]), Overall[index], index, nameof(byResponseType));
            if (index < ResponseTimeSketches.IndexOf(ResponseTimeMetric.FullResolution, TimeBasis.Calendar) && WithoutResponse[index].Count != 0)
            {
                throw new ArgumentException("An inquiry without a response has no first or next response time.", nameof(withoutResponse));
            }
        }

        ResponseTimes = responseTimes;
        Inquiries = inquiries;
    }

    private static void MergesToOverall(IEnumerable<QuantileSketchState> parts, QuantileSketchState overall, int index, string paramName)
    {
        var merged = new QuantileSketch(overall.RelativeAccuracy, overall.MaxBucketCount);
        foreach (var part in parts)
        {
            merged.Merge(QuantileSketch.FromState(part));
        }

        if (!merged.GetState().Equals(overall))
        {
            var (metric, basis) = ((ResponseTimeMetric)(index / 2), (TimeBasis)(index % 2));   // the order of IndexOf
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The groups' {metric} {basis} sketches do not merge to the overall one ({merged.ToResult()} against {QuantileSketch.FromState(overall).ToResult()}); every value lies in exactly one group."),
                paramName);
        }
    }

    /// <summary>Gets the business calendar and the sketch accuracy.</summary>
    public ResponseTimeDefinition ResponseTimes { get; }

    /// <summary>Gets the inquiries added.</summary>
    public long Inquiries { get; }

    /// <summary>Gets the twelve sketches of all inquiries.</summary>
    public IReadOnlyList<QuantileSketchState> Overall { get; }

    /// <summary>Gets the twelve sketches of each channel, by name (looked up ignoring case).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<QuantileSketchState>> ByChannel { get; }

    /// <summary>Gets the twelve sketches of each priority, indexed by <see cref="InquiryPriority"/>.</summary>
    public IReadOnlyList<IReadOnlyList<QuantileSketchState>> ByPriority { get; }

    /// <summary>Gets the twelve sketches of each response type, indexed by <see cref="ResponseType"/>.</summary>
    public IReadOnlyList<IReadOnlyList<QuantileSketchState>> ByResponseType { get; }

    /// <summary>Gets the twelve sketches of the inquiries without a response (resolution and waits only).</summary>
    public IReadOnlyList<QuantileSketchState> WithoutResponse { get; }

    /// <inheritdoc />
    public bool Equals(ResponseTimeState? other) =>
        HeaderEquals(other)
        && ResponseTimes == other.ResponseTimes
        && Inquiries == other.Inquiries
        && Overall.SequenceEqual(other.Overall)
        && ResponseBreakdowns.SameChannels(ByChannel, other.ByChannel, static (a, b) => a.SequenceEqual(b))
        && SameGroups(ByPriority, other.ByPriority)
        && SameGroups(ByResponseType, other.ByResponseType)
        && WithoutResponse.SequenceEqual(other.WithoutResponse);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseTimeState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, ResponseTimes, Inquiries, ByChannel.Count, Overall[0].Count);

    /// <summary>Returns the state as <c>response times state v1: 120 inquiries in 3 channels</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"response times state v{Version}: {Inquiries} inquiries in {ByChannel.Count} channels");

    private static QuantileSketchState[] Group(IReadOnlyList<QuantileSketchState> group, ResponseTimeDefinition parameters, string paramName)
    {
        var sketches = ResponseBreakdowns.Fixed(group, ResponseTimeSketches.Length, paramName);
        foreach (var sketch in sketches)
        {
            if (!sketch.RelativeAccuracy.Equals(parameters.RelativeAccuracy) || sketch.MaxBucketCount != parameters.MaxBucketCount)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Every sketch has the definition's relative parameters {parameters.RelativeAccuracy} and bucket limit {parameters.MaxBucketCount}; got {sketch.RelativeAccuracy} and {sketch.MaxBucketCount}."),
                    paramName);
            }

            // Durations are 0 or more: no negative bucket, no negative minimum.
            if (sketch.NegativeCounts.Count != 0 || sketch.Min < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Durations are 0 or more; got a sketch with minimum {sketch.Min} and {sketch.NegativeCounts.Count} negative buckets."), paramName);
            }
        }

        for (var metric = 0; metric < ResponseTimeSketches.Length / 2; metric++)
        {
            var (calendar, business) = (sketches[2 * metric], sketches[(2 * metric) + 1]);
            if (calendar.Count != business.Count)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Every {(ResponseTimeMetric)metric} time is measured both ways: {calendar.Count} calendar values but {business.Count} business values."),
                    paramName);
            }

            // Each business time is at most its calendar time, so the business minimum, maximum and sum are at most the
            // calendar ones (the smallest business time is at most that of the shortest calendar time).
            if (business.Min > calendar.Min || business.Max > calendar.Max || business.ScaledSum > calendar.ScaledSum)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Business time never exceeds calendar time: {(ResponseTimeMetric)metric} business values from {business.Min} to {business.Max} summing to {business.Sum}, calendar ones from {calendar.Min} to {calendar.Max} summing to {calendar.Sum}."),
                    paramName);
            }
        }

        var resolutions = sketches[ResponseTimeSketches.IndexOf(ResponseTimeMetric.FullResolution, TimeBasis.Calendar)].Count;
        for (var metric = ResponseTimeMetric.RequesterWait; metric <= ResponseTimeMetric.OnHold; metric++)
        {
            var count = sketches[ResponseTimeSketches.IndexOf(metric, TimeBasis.Calendar)].Count;
            if (count != resolutions)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Waits are measured exactly for the solved inquiries: {count} {metric} values against {resolutions} resolutions."),
                    paramName);
            }
        }

        return sketches;
    }

    private static IReadOnlyList<QuantileSketchState>[] Groups(IReadOnlyList<IReadOnlyList<QuantileSketchState>> groups, int length, ResponseTimeDefinition parameters, string paramName)
    {
        var copy = ResponseBreakdowns.Fixed(groups, length, paramName);
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Group(copy[i], parameters, paramName);
        }

        return copy;
    }

    private static void AtMostInquiries(IReadOnlyList<QuantileSketchState> overall, ResponseTimeMetric metric, long inquiries, string paramName)
    {
        var count = overall[ResponseTimeSketches.IndexOf(metric, TimeBasis.Calendar)].Count;
        if (count > inquiries)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"An inquiry has at most one {metric} time: {count} values for {inquiries} inquiries."), paramName);
        }
    }

    private static void AddsUp(long sum, long total, int index, string paramName)
    {
        if (sum != total)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The groups add up to {sum} {(ResponseTimeMetric)(index / 2)} ({(TimeBasis)(index % 2)}) values, but overall holds {total}."),
                paramName);
        }
    }

    private static bool SameGroups(IReadOnlyList<IReadOnlyList<QuantileSketchState>> left, IReadOnlyList<IReadOnlyList<QuantileSketchState>> right)
    {
        for (var i = 0; i < left.Count; i++)
        {
            if (!left[i].SequenceEqual(right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
