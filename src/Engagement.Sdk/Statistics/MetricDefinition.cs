using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Statistics;

/// <summary>
/// What an accumulator measures: the <see cref="MetricKind"/> and, for survey metrics, the rating scale and the
/// thresholds that split it. Accumulators carry their definition and only merge with accumulators of an equal one, so
/// a CSAT tally on 1–5 never folds into a CES tally on 1–5, nor a conversion rate into a churn rate.
/// </summary>
/// <remarks>
/// <para>
/// Obtain definitions from the factories: <see cref="Nps"/>, <see cref="Csat(int, int, int?)"/>,
/// <see cref="Ces(int, int, int?)"/>, <see cref="Rate(string?)"/>, <see cref="Mentions"/> and
/// <see cref="ShareOfVoice"/>. The public constructor exists for JSON and checks that its parts fit the kind.
/// </para>
/// <para>Definitions are equal when every part is equal (rate names ignoring case, like channel and brand names).
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class MetricDefinition : IEquatable<MetricDefinition>
{
    internal const int NpsMinScore = 0;
    internal const int NpsMaxScore = 10;
    internal const int NpsMaxDetractorScore = 6;
    internal const int NpsMinPromoterScore = 9;

    /// <summary>Creates a definition; prefer the factories, which fill in the conventions of each kind.</summary>
    /// <param name="kind">What is measured.</param>
    /// <param name="scale">The answer scale: required for <see cref="MetricKind.Nps"/> (0–10),
    /// <see cref="MetricKind.Csat"/> and <see cref="MetricKind.Ces"/>; <see langword="null"/> for the others.</param>
    /// <param name="favourableThreshold">The lowest favourable score: the promoter threshold 9 for NPS, the satisfied
    /// threshold for CSAT, the low-effort threshold for CES; <see langword="null"/> for the others.</param>
    /// <param name="unfavourableThreshold">The highest unfavourable score: the detractor threshold 6 for NPS;
    /// <see langword="null"/> for every other kind.</param>
    /// <param name="name">The name of a <see cref="MetricKind.Rate"/> such as <c>conversion</c>, or
    /// <see langword="null"/>; only rates have names.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, or a part does not fit
    /// it: NPS other than 0–10 with 9 and 6, a scale that is empty or a threshold off it, a part given to a kind that
    /// has none.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is given for a kind other than a rate, or is blank.</exception>
    [JsonConstructor]
    public MetricDefinition(MetricKind kind, RatingScale? scale = null, int? favourableThreshold = null, int? unfavourableThreshold = null, string? name = null)
    {
        Kind = Validation.Defined(kind, nameof(kind));
        switch (kind)
        {
            case MetricKind.Nps:
                Require(scale == new RatingScale(NpsMinScore, NpsMaxScore), nameof(scale), scale, "NPS is defined on 0–10");
                Require(favourableThreshold == NpsMinPromoterScore, nameof(favourableThreshold), favourableThreshold, "NPS promoters answer 9 or 10");
                Require(unfavourableThreshold == NpsMaxDetractorScore, nameof(unfavourableThreshold), unfavourableThreshold, "NPS detractors answer 0 to 6");
                break;
            case MetricKind.Csat or MetricKind.Ces:
                Require(scale is { IsValid: true }, nameof(scale), scale, $"{kind} needs a scale with a maximum above its minimum");
                Require(favourableThreshold is { } t && scale!.Value.Contains(t), nameof(favourableThreshold), favourableThreshold, $"{kind} needs a threshold on its scale {scale}");
                Require(unfavourableThreshold is null, nameof(unfavourableThreshold), unfavourableThreshold, $"{kind} has no unfavourable threshold");
                break;
            default:
                Require(scale is null, nameof(scale), scale, $"{kind} has no scale");
                Require(favourableThreshold is null, nameof(favourableThreshold), favourableThreshold, $"{kind} has no threshold");
                Require(unfavourableThreshold is null, nameof(unfavourableThreshold), unfavourableThreshold, $"{kind} has no threshold");
                break;
        }

        if (name is not null)
        {
            if (kind != MetricKind.Rate)
            {
                throw new ArgumentException($"Only a rate has a name; a {kind} definition got '{Validation.Echo(name)}'.", nameof(name));
            }

            Validation.Name(name, nameof(name), "rate name");
        }

        Label = kind switch
        {
            MetricKind.Nps or MetricKind.Csat or MetricKind.Ces => kind.ToString().ToUpperInvariant(),
            MetricKind.ShareOfVoice => "share of voice",
            MetricKind.PainPoints => "pain points",
            MetricKind.ResponseTimes => "response times",
            MetricKind.ResponseRates => "response rates",
            MetricKind.Sla => "SLA",
            _ => kind.ToString().ToLowerInvariant(),
        };
        Scale = scale;
        FavourableThreshold = favourableThreshold;
        UnfavourableThreshold = unfavourableThreshold;
        Name = name;
    }

    /// <summary>Gets the Net Promoter Score definition: 0–10, promoters from 9, detractors up to 6.</summary>
    public static MetricDefinition Nps { get; } = new(MetricKind.Nps, new RatingScale(NpsMinScore, NpsMaxScore), NpsMinPromoterScore, NpsMaxDetractorScore);

    /// <summary>Gets the definition of social mentions by sentiment.</summary>
    public static MetricDefinition Mentions { get; } = new(MetricKind.Mentions);

    /// <summary>Gets the definition of share of voice.</summary>
    public static MetricDefinition ShareOfVoice { get; } = new(MetricKind.ShareOfVoice);

    /// <summary>Gets the definition of sessions and web metrics.</summary>
    public static MetricDefinition Sessions { get; } = new(MetricKind.Sessions);

    /// <summary>Gets the definition of a conversion funnel; the funnel's steps, window and mode are in its own definition.</summary>
    public static MetricDefinition Funnel { get; } = new(MetricKind.Funnel);

    /// <summary>Gets the definition of cohort retention; the cohorts' periods and events are in its own definition.</summary>
    public static MetricDefinition Retention { get; } = new(MetricKind.Retention);

    /// <summary>Gets the definition of lifecycle; the periods and activity event are in its own definition.</summary>
    public static MetricDefinition Lifecycle { get; } = new(MetricKind.Lifecycle);

    /// <summary>Gets the definition of paths.</summary>
    public static MetricDefinition Paths { get; } = new(MetricKind.Paths);

    /// <summary>Gets the definition of journey stages.</summary>
    public static MetricDefinition Stages { get; } = new(MetricKind.Stages);

    /// <summary>Gets the definition of pain points.</summary>
    public static MetricDefinition PainPoints { get; } = new(MetricKind.PainPoints);

    /// <summary>Gets the definition of inquiry response times; the calendar and breakdowns are in its own definition.</summary>
    public static MetricDefinition ResponseTimes { get; } = new(MetricKind.ResponseTimes);

    /// <summary>Gets the definition of inquiry response rates.</summary>
    public static MetricDefinition ResponseRates { get; } = new(MetricKind.ResponseRates);

    /// <summary>Gets the definition of SLA compliance; the policy and evaluation time are in its own definition.</summary>
    public static MetricDefinition Sla { get; } = new(MetricKind.Sla);

    /// <summary>Gets the definition of a quantile sketch; its relative accuracy is a property of the sketch.</summary>
    public static MetricDefinition Quantiles { get; } = new(MetricKind.Quantiles);

    /// <summary>Gets what is measured.</summary>
    public MetricKind Kind { get; }

    /// <summary>Gets the answer scale of a survey metric, or <see langword="null"/>.</summary>
    public RatingScale? Scale { get; }

    /// <summary>Gets the lowest favourable score (promoter, satisfied, low effort), or <see langword="null"/>.</summary>
    public int? FavourableThreshold { get; }

    /// <summary>Gets the highest unfavourable score (NPS detractor), or <see langword="null"/>.</summary>
    public int? UnfavourableThreshold { get; }

    /// <summary>Gets the name of a rate, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>The kind as messages print it (NPS, CSAT, CES, rate, mentions, share of voice), made once so that the
    /// allocation-free span paths can name their scale.</summary>
    internal string Label { get; }

    /// <summary>Returns the CSAT definition for a scale and a satisfied threshold.</summary>
    /// <param name="minScore">The lowest score of the scale.</param>
    /// <param name="maxScore">The highest score of the scale.</param>
    /// <param name="satisfiedThreshold">The lowest satisfied score, or <see langword="null"/> for the top two boxes
    /// (<paramref name="maxScore"/> − 1).</param>
    /// <returns>The definition; the defaults give 1–5, satisfied from 4.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is empty or beyond ±<see cref="RatingScale.Limit"/>, or
    /// the threshold is off it.</exception>
    public static MetricDefinition Csat(int minScore = 1, int maxScore = 5, int? satisfiedThreshold = null)
    {
        var scale = RatingScale.Create(minScore, nameof(minScore), maxScore, nameof(maxScore));
        return new(MetricKind.Csat, scale, ThresholdOn("CSAT", scale, satisfiedThreshold ?? (scale.Max - 1), nameof(satisfiedThreshold)));
    }

    /// <summary>Returns the CES definition for an agreement scale and a low-effort threshold.</summary>
    /// <param name="minScore">The lowest score of the scale (strongly disagree).</param>
    /// <param name="maxScore">The highest score of the scale (strongly agree).</param>
    /// <param name="lowEffortThreshold">The lowest low-effort score, or <see langword="null"/> for the smallest score
    /// above the midpoint (5 on 1–7).</param>
    /// <returns>The definition; the defaults give 1–7, low effort from 5.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is empty or beyond ±<see cref="RatingScale.Limit"/>, or
    /// the threshold is off it.</exception>
    public static MetricDefinition Ces(int minScore = 1, int maxScore = 7, int? lowEffortThreshold = null)
    {
        var scale = RatingScale.Create(minScore, nameof(minScore), maxScore, nameof(maxScore));
        return new(MetricKind.Ces, scale, ThresholdOn("CES", scale, lowEffortThreshold ?? ((int)Math.Floor(scale.Midpoint) + 1), nameof(lowEffortThreshold)));
    }

    /// <summary>Returns a rate definition.</summary>
    /// <param name="name">The rate's name, such as <c>conversion</c>, so that different rates refuse to merge; or
    /// <see langword="null"/> for an unnamed rate.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name (empty, longer than 100, padded, or
    /// holding control, bidirectional or zero-width characters).</exception>
    public static MetricDefinition Rate(string? name = null) => new(MetricKind.Rate, name: name);

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(MetricDefinition? left, MetricDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(MetricDefinition? left, MetricDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(MetricDefinition? other) =>
        other is not null
        && Kind == other.Kind
        && Scale == other.Scale
        && FavourableThreshold == other.FavourableThreshold
        && UnfavourableThreshold == other.UnfavourableThreshold
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MetricDefinition);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Kind, Scale, FavourableThreshold, UnfavourableThreshold, Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name));

    /// <summary>
    /// Returns the definition as <c>NPS on 0–10, promoters from 9, detractors up to 6</c>, <c>CSAT on 1–5, favourable
    /// from 4</c>, <c>rate 'conversion'</c> or <c>Mentions</c>.
    /// </summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Kind switch
    {
        MetricKind.Nps => string.Create(CultureInfo.InvariantCulture, $"NPS on {Scale}, promoters from {FavourableThreshold}, detractors up to {UnfavourableThreshold}"),
        MetricKind.Csat or MetricKind.Ces => string.Create(CultureInfo.InvariantCulture, $"{Label} on {Scale}, favourable from {FavourableThreshold}"),
        MetricKind.Rate => Name is null ? Label : $"{Label} '{Validation.Echo(Name)}'",
        _ => Label,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming both definitions unless they are equal.</summary>
    internal void RequireSame(MetricDefinition other, string paramName)
    {
        if (!Equals(other))
        {
            throw new ArgumentException(
                $"Only accumulators of the same definition merge: this one is {this}, the other {other}.", paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless the definition is of the kind an accumulator type measures.</summary>
    internal MetricDefinition RequireKind(MetricKind kind, string paramName) =>
        Kind == kind
            ? this
            : throw new ArgumentException($"This accumulator or state measures {kind}; it cannot take the definition {this}.", paramName);

    private static int ThresholdOn(string metric, RatingScale scale, int threshold, string paramName) =>
        scale.Contains(threshold)
            ? threshold
            : throw new ArgumentOutOfRangeException(
                paramName, threshold, string.Create(CultureInfo.InvariantCulture, $"The {metric} threshold {threshold} is outside the scale {scale}."));

    private static void Require(bool condition, string paramName, object? value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, string.Create(CultureInfo.InvariantCulture, $"{rule}; got {value?.ToString() ?? "null"}."));
        }
    }
}
