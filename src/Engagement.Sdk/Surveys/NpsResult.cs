using System.Globalization;
using System.Text.Json.Serialization;

using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Surveys;

/// <summary>
/// The Net Promoter Score of a set of answers to "How likely are you to recommend us to a friend or colleague?" on
/// 0–10: the percentage of promoters (9–10) minus the percentage of detractors (0–6), from −100 to 100, with its
/// counts, shares, standard error and interval.
/// </summary>
/// <remarks>
/// <para>
/// Definition: Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review 81(12). With p and d the
/// promoter and detractor shares of n answers, NPS = 100 (p − d).
/// </para>
/// <para>
/// Each answer scores +1 (promoter), 0 (passive) or −1 (detractor); NPS/100 is their mean, so the per-answer
/// variance is p + d − (p − d)² and the standard error is 100 √((p + d − (p − d)²) / n).
/// </para>
/// <para>
/// <see cref="Interval"/> is the adjusted Wald interval of Rocks (2016), "Interval Estimation for the 'Net Promoter
/// Score'", The American Statistician 70(4): ¾ of a pseudo-answer is added to promoters and to detractors and 3/2 to
/// passives, and the Wald interval is formed from the adjusted shares, clamped to [−100, 100]. Unlike the plain Wald
/// interval NPS ± z·SE (still available through <see cref="GetInterval(double, NpsIntervalMethod)"/>), it keeps close
/// to its nominal coverage for small samples and does not collapse to a point when every answer is a promoter.
/// </para>
/// <para>
/// Empty input: with no answers <see cref="Score"/>, the shares, <see cref="StandardError"/> and
/// <see cref="Interval"/> are <see langword="null"/>. <c>default(NpsResult)</c> is the result of no answers.
/// </para>
/// <para>
/// A small immutable value (its three counts; everything else is computed from them), so the span path allocates
/// nothing. Thread-safe.
/// </para>
/// </remarks>
public readonly struct NpsResult : IEquatable<NpsResult>
{
    /// <summary>Creates the result of the given counts.</summary>
    /// <param name="promoters">Answers of 9 or 10.</param>
    /// <param name="passives">Answers of 7 or 8.</param>
    /// <param name="detractors">Answers of 0 to 6.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public NpsResult(long promoters, long passives, long detractors)
    {
        Validation.Tally(promoters, nameof(promoters), passives, nameof(passives), detractors, nameof(detractors));
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    /// <summary>Gets the definition: <see cref="MetricDefinition.Nps"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Nps;

    /// <summary>Gets the number of answers.</summary>
    public long Count => Promoters + Passives + Detractors;

    /// <summary>Gets the answers of 9 or 10.</summary>
    public long Promoters { get; }

    /// <summary>Gets the answers of 7 or 8.</summary>
    public long Passives { get; }

    /// <summary>Gets the answers of 0 to 6.</summary>
    public long Detractors { get; }

    /// <summary>Gets whether there is a score, that is whether there is at least one answer.</summary>
    [JsonIgnore]
    public bool HasValue => Count > 0;

    /// <summary>Gets the Net Promoter Score in [−100, 100], or <see langword="null"/> with no answers.</summary>
    public double? Score => Count > 0 ? 100.0 * (Promoters - Detractors) / Count : null;

    /// <summary>Gets the promoters' share of the answers in [0, 1], or <see langword="null"/> with no answers.</summary>
    public double? PromoterShare => Share(Promoters);

    /// <summary>Gets the passives' share of the answers in [0, 1], or <see langword="null"/> with no answers.</summary>
    public double? PassiveShare => Share(Passives);

    /// <summary>Gets the detractors' share of the answers in [0, 1], or <see langword="null"/> with no answers.</summary>
    public double? DetractorShare => Share(Detractors);

    /// <summary>Gets the standard error of <see cref="Score"/> in NPS points, or <see langword="null"/> with no answers.</summary>
    public double? StandardError
    {
        get
        {
            if (Count == 0)
            {
                return null;
            }

            double n = Count, p = Promoters / n, d = Detractors / n;
            return 100 * Math.Sqrt(Math.Max(0, p + d - ((p - d) * (p - d))) / n);
        }
    }

    /// <summary>Gets the 95% adjusted Wald interval of <see cref="Score"/>, or <see langword="null"/> with no answers.</summary>
    public ConfidenceInterval? Interval => GetInterval(Proportion.DefaultConfidenceLevel);

    /// <summary>Returns an interval of <see cref="Score"/> at the given confidence level.</summary>
    /// <param name="confidenceLevel">The confidence level, strictly between 0 and 1.</param>
    /// <param name="method">How the interval is computed: the adjusted Wald interval of Rocks (2016) by default, or the
    /// plain Wald interval Score ± z·SE.</param>
    /// <returns>The interval in NPS points, clamped to [−100, 100], or <see langword="null"/> with no answers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1,
    /// or <paramref name="method"/> is not a defined value.</exception>
    public ConfidenceInterval? GetInterval(double confidenceLevel, NpsIntervalMethod method = NpsIntervalMethod.AdjustedWald)
    {
        Validation.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        Validation.Defined(method, nameof(method));
        return Count > 0 ? NpsInterval.Compute(Promoters, Passives, Detractors, confidenceLevel, method) : null;
    }

    /// <summary>
    /// Compares two independent samples' scores: the difference <paramref name="first"/> − <paramref name="second"/>,
    /// its standard error √(SE₁² + SE₂²), the z statistic and the two-sided p-value.
    /// </summary>
    /// <param name="first">The first sample's result.</param>
    /// <param name="second">The second sample's result.</param>
    /// <returns>The comparison; see <see cref="NpsComparison"/> for when its parts have no value.</returns>
    public static NpsComparison Compare(NpsResult first, NpsResult second) => new(first, second);

    /// <summary>Returns whether two results are equal.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when the three counts are equal.</returns>
    public static bool operator ==(NpsResult left, NpsResult right) => left.Equals(right);

    /// <summary>Returns whether two results differ.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when a count differs.</returns>
    public static bool operator !=(NpsResult left, NpsResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(NpsResult other) =>
        Promoters == other.Promoters && Passives == other.Passives && Detractors == other.Detractors;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NpsResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Promoters, Passives, Detractors);

    /// <summary>Returns the result as <c>NPS 9.5 (SE 6.4, n = 210)</c>, or <c>NPS: no value (n = 0)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        Score is { } score
            ? string.Create(CultureInfo.InvariantCulture, $"NPS {score:F1} (SE {StandardError:F1}, n = {Count})")
            : "NPS: no value (n = 0)";

    private double? Share(long count) => Count > 0 ? (double)count / Count : null;
}
