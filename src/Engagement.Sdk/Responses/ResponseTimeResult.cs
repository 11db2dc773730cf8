using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The response-time distributions of a set of inquiries (see <see cref="InquiryTimes"/> for the definitions), overall
/// and broken down by channel, by priority and by response type, each in calendar and in business time, in seconds.
/// </summary>
/// <remarks>
/// <para>Breakdowns: an inquiry's figures count under its channel (by name, ignoring case) and its priority. By response
/// type, a first or next response time counts under the type of the response that ended it; the inquiry-level durations
/// (resolution and the waits) count under the type of the inquiry's first response, or in
/// <see cref="WithoutResponse"/> when it has none.</para>
/// <para>Empty input: with no inquiries <see cref="HasValue"/> is <see langword="false"/> and every summary says it
/// has no value. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ResponseTimeResult : IEquatable<ResponseTimeResult>
{
    /// <summary>Creates a result.</summary>
    /// <param name="responseTimes">The definition the figures were measured with.</param>
    /// <param name="inquiries">The inquiries added; 0 or more.</param>
    /// <param name="overall">The figures of all inquiries.</param>
    /// <param name="byChannel">The figures by channel name; valid names, distinct ignoring case.</param>
    /// <param name="byPriority">The figures by <see cref="InquiryPriority"/>, one per value in its order (Low, Normal,
    /// High, Urgent).</param>
    /// <param name="byResponseType">The figures by <see cref="ResponseType"/>, one per value in its order (Automated,
    /// Manual, Proactive).</param>
    /// <param name="withoutResponse">The inquiry-level figures of inquiries without a response.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A list has the wrong length, or a channel name is invalid or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inquiries"/> is negative.</exception>
    [JsonConstructor]
    public ResponseTimeResult(
        ResponseTimeDefinition responseTimes,
        long inquiries,
        ResponseTimeSummary overall,
        IReadOnlyDictionary<string, ResponseTimeSummary> byChannel,
        IReadOnlyList<ResponseTimeSummary> byPriority,
        IReadOnlyList<ResponseTimeSummary> byResponseType,
        ResponseTimeSummary withoutResponse)
    {
        ArgumentNullException.ThrowIfNull(responseTimes);
        ArgumentOutOfRangeException.ThrowIfNegative(inquiries);
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(withoutResponse);
        ResponseTimes = responseTimes;
        Inquiries = inquiries;
        Overall = overall;
        ByChannel = ResponseBreakdowns.Channels(byChannel, nameof(byChannel));
        ByPriority = ResponseBreakdowns.Fixed(byPriority, ResponseBreakdowns.Priorities, nameof(byPriority));
        ByResponseType = ResponseBreakdowns.Fixed(byResponseType, ResponseBreakdowns.ResponseTypes, nameof(byResponseType));
        WithoutResponse = withoutResponse;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.ResponseTimes"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.ResponseTimes;

    /// <summary>Gets the definition the figures were measured with: the business calendar and the sketch accuracy.</summary>
    public ResponseTimeDefinition ResponseTimes { get; }

    /// <summary>Gets the inquiries added.</summary>
    public long Inquiries { get; }

    /// <summary>Gets whether there is a value, that is whether any inquiry was added.</summary>
    [JsonIgnore]
    public bool HasValue => Inquiries > 0;

    /// <summary>Gets the figures of all inquiries.</summary>
    public ResponseTimeSummary Overall { get; }

    /// <summary>Gets the figures by channel name (looked up ignoring case).</summary>
    public IReadOnlyDictionary<string, ResponseTimeSummary> ByChannel { get; }

    /// <summary>Gets the figures by priority, indexed by <see cref="InquiryPriority"/>; see <see cref="ForPriority"/>.</summary>
    public IReadOnlyList<ResponseTimeSummary> ByPriority { get; }

    /// <summary>Gets the figures by response type, indexed by <see cref="ResponseType"/>; see
    /// <see cref="ForResponseType"/>.</summary>
    public IReadOnlyList<ResponseTimeSummary> ByResponseType { get; }

    /// <summary>Gets the inquiry-level figures (resolution, waits) of the inquiries without any response.</summary>
    public ResponseTimeSummary WithoutResponse { get; }

    /// <summary>Returns one metric's overall summary in one basis, in seconds.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="basis">Calendar or business time.</param>
    /// <returns>The summary; with no values it says it has no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    public QuantileSummary Get(ResponseTimeMetric metric, TimeBasis basis) => Overall.Get(metric, basis);

    /// <summary>Returns the figures of one priority.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>The figures of the inquiries of that priority.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined value.</exception>
    public ResponseTimeSummary ForPriority(InquiryPriority priority) => ByPriority[(int)Validation.Defined(priority, nameof(priority))];

    /// <summary>Returns the figures of one response type.</summary>
    /// <param name="responseType">The type.</param>
    /// <returns>The response times its responses ended, and the inquiry-level figures of the inquiries it answered
    /// first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="responseType"/> is not a defined value.</exception>
    public ResponseTimeSummary ForResponseType(ResponseType responseType) =>
        ByResponseType[(int)Validation.Defined(responseType, nameof(responseType))];

    /// <inheritdoc />
    public bool Equals(ResponseTimeResult? other) =>
        other is not null
        && ResponseTimes == other.ResponseTimes
        && Inquiries == other.Inquiries
        && Overall.Equals(other.Overall)
        && ResponseBreakdowns.SameChannels(ByChannel, other.ByChannel, static (a, b) => a.Equals(b))
        && ByPriority.SequenceEqual(other.ByPriority)
        && ByResponseType.SequenceEqual(other.ByResponseType)
        && WithoutResponse.Equals(other.WithoutResponse);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseTimeResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ResponseTimes, Inquiries, Overall, ByChannel.Count);

    /// <summary>Returns the result as <c>response times of 120 inquiries in 3 channels</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"response times of {Inquiries} inquiries in {ByChannel.Count} channels");
}
