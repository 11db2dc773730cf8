using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The response rates of a set of inquiries (response rate, automation rate, proactive share, reopen rate, one-touch
/// resolution rate; see <see cref="ResponseRateSummary"/>), overall, by channel and by priority.
/// </summary>
/// <remarks>Empty input: with no inquiries <see cref="HasValue"/> is <see langword="false"/> and every rate has no value.
/// Immutable and thread-safe.</remarks>
public sealed class ResponseRateResult : IEquatable<ResponseRateResult>
{
    /// <summary>Creates a result.</summary>
    /// <param name="overall">The rates of all inquiries.</param>
    /// <param name="byChannel">The rates by channel name; valid names, distinct ignoring case.</param>
    /// <param name="byPriority">The rates by <see cref="InquiryPriority"/>, one per value in its order (Low, Normal, High,
    /// Urgent).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A channel name is invalid or repeated, or the priorities are not four.</exception>
    [JsonConstructor]
    public ResponseRateResult(ResponseRateSummary overall, IReadOnlyDictionary<string, ResponseRateSummary> byChannel, IReadOnlyList<ResponseRateSummary> byPriority)
    {
        ArgumentNullException.ThrowIfNull(overall);
        Overall = overall;
        ByChannel = ResponseBreakdowns.Channels(byChannel, nameof(byChannel));
        ByPriority = ResponseBreakdowns.Fixed(byPriority, ResponseBreakdowns.Priorities, nameof(byPriority));
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.ResponseRates"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.ResponseRates;

    /// <summary>Gets whether there is a value, that is whether any inquiry was added.</summary>
    [JsonIgnore]
    public bool HasValue => Overall.HasValue;

    /// <summary>Gets the rates of all inquiries.</summary>
    public ResponseRateSummary Overall { get; }

    /// <summary>Gets the rates by channel name (looked up ignoring case).</summary>
    public IReadOnlyDictionary<string, ResponseRateSummary> ByChannel { get; }

    /// <summary>Gets the rates by priority, indexed by <see cref="InquiryPriority"/>; see <see cref="ForPriority"/>.</summary>
    public IReadOnlyList<ResponseRateSummary> ByPriority { get; }

    /// <summary>Gets the response rate of all inquiries: answered / customer-started.</summary>
    [JsonIgnore]
    public Proportion ResponseRate => Overall.ResponseRate;

    /// <summary>Gets the automation rate of all inquiries: first answered by a bot / answered.</summary>
    [JsonIgnore]
    public Proportion AutomationRate => Overall.AutomationRate;

    /// <summary>Gets the proactive share of all inquiries: brand-started / all.</summary>
    [JsonIgnore]
    public Proportion ProactiveShare => Overall.ProactiveShare;

    /// <summary>Gets the reopen rate of all inquiries: reopened / ever solved.</summary>
    [JsonIgnore]
    public Proportion ReopenRate => Overall.ReopenRate;

    /// <summary>Gets the one-touch resolution rate of all inquiries: solved with one response / solved now.</summary>
    [JsonIgnore]
    public Proportion OneTouchResolutionRate => Overall.OneTouchResolutionRate;

    /// <summary>Returns the rates of one priority.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>The rates of the inquiries of that priority.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined value.</exception>
    public ResponseRateSummary ForPriority(InquiryPriority priority) => ByPriority[(int)Validation.Defined(priority, nameof(priority))];

    /// <inheritdoc />
    public bool Equals(ResponseRateResult? other) =>
        other is not null
        && Overall.Equals(other.Overall)
        && ResponseBreakdowns.SameChannels(ByChannel, other.ByChannel, static (a, b) => a.Equals(b))
        && ByPriority.SequenceEqual(other.ByPriority);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseRateResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Overall, ByChannel.Count);

    /// <summary>Returns the result as the overall summary and the channel count.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Overall}; {ByChannel.Count} channels");
}
