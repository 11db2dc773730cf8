using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Touchpoints;


namespace Engagement.Sdk.Surveys;

/// <summary>
/// One customer's answer to a survey question (NPS, CSAT or CES): who answered, when, which question, the score and,
/// optionally, the channel the survey was answered on.
/// </summary>
/// <remarks>
/// An NPS score must lie on 0–10, the one NPS scale; CSAT and CES scores are checked against their scale when they
/// are measured, since those scales are configurable. Responses are
/// equal when every field is equal, timestamps as instants. Instances are immutable and thread-safe.
/// </remarks>
public sealed class SurveyResponse : IEquatable<SurveyResponse>
{
    /// <summary>Creates a survey response.</summary>
    /// <param name="customerId">The customer's id; not empty or white space.</param>
    /// <param name="timestamp">When the answer was given.</param>
    /// <param name="kind">Which question was answered.</param>
    /// <param name="score">The score given.</param>
    /// <param name="channel">The channel the survey was answered on, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customerId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value, or an NPS
    /// <paramref name="score"/> is outside 0–10.</exception>
    [JsonConstructor]
    public SurveyResponse(string customerId, DateTimeOffset timestamp, SurveyKind kind, int score, Channel? channel = null)
    {
        CustomerId = Validation.NotBlank(customerId, nameof(customerId));
        Timestamp = timestamp;
        Kind = Validation.Defined(kind, nameof(kind));
        if (kind == SurveyKind.Nps && !MetricDefinition.Nps.Scale!.Value.Contains(score))
        {
            throw new ArgumentOutOfRangeException(
                nameof(score), score, string.Create(CultureInfo.InvariantCulture, $"An NPS answer must lie on the 0–10 scale; got {score}."));
        }

        Score = score;
        Channel = channel;
    }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets when the answer was given.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets which question was answered.</summary>
    public SurveyKind Kind { get; }

    /// <summary>Gets the score given.</summary>
    public int Score { get; }

    /// <summary>Gets the channel the survey was answered on, or <see langword="null"/>.</summary>
    public Channel? Channel { get; }

    /// <inheritdoc />
    public bool Equals(SurveyResponse? other) =>
        other is not null
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && Timestamp.Equals(other.Timestamp)
        && Kind == other.Kind
        && Score == other.Score
        && Nullable.Equals(Channel, other.Channel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SurveyResponse);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(CustomerId), Timestamp, Kind, Score, Channel);

    /// <summary>Returns the response as <c>timestamp customer Kind=score on channel</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Timestamp:O} {CustomerId} {Kind}={Score}{(Channel is { } c ? " on " + c.Name : string.Empty)}");
}
