using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Cohort retention: one <see cref="RetentionCohort"/> per period of the range (its size and the members retained k
/// periods later), and the size-weighted average retention at each k.
/// </summary>
/// <remarks>
/// Empty input: with no cohort members <see cref="HasValue"/> is <see langword="false"/> and every rate has no value
/// (cohorts of size 0 are listed all the same, one per period). Immutable and thread-safe.
/// </remarks>
public sealed class RetentionResult : IEquatable<RetentionResult>
{
    private readonly RetentionCohort[] _cohorts;
    private readonly long[] _counts;
    private ReadOnlyCollection<Proportion>? _average;

    /// <summary>Creates a result; the analysis creates it, the constructor exists for JSON and checks every part.</summary>
    /// <param name="retention">The definition.</param>
    /// <param name="customers">The customers seen, in a cohort or not.</param>
    /// <param name="cohorts">One cohort per period of the definition, in order, starting at each period's start.</param>
    /// <exception cref="ArgumentNullException">An argument or a cohort is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cohorts do not match the definition's periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is one that no data could produce (see
    /// <see cref="RetentionState"/>).</exception>
    [JsonConstructor]
    public RetentionResult(RetentionDefinition retention, long customers, IReadOnlyList<RetentionCohort> cohorts)
    {
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentNullException.ThrowIfNull(cohorts);
        _cohorts = [.. cohorts];
        var rows = new IReadOnlyList<long>?[_cohorts.Length];
        for (var c = 0; c < _cohorts.Length; c++)
        {
            var cohort = _cohorts[c] ?? throw new ArgumentNullException(nameof(cohorts), string.Create(CultureInfo.InvariantCulture, $"Cohort {c} is null."));
            if (c < retention.PeriodCount && cohort.Start != retention.GetPeriodStart(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Cohort {c} starts at {cohort.Start:o}; its period starts at {retention.GetPeriodStart(c):o}."),
                    nameof(cohorts));
            }

            rows[c] = cohort.Counts;
        }

        _counts = RetentionCounts.Flatten(retention, customers, rows, nameof(cohorts));
        Retention = retention;
        Customers = customers;
        Cohorts = Array.AsReadOnly(_cohorts);
    }

    internal RetentionResult(RetentionDefinition retention, long customers, long[] counts)
    {
        var periods = retention.PeriodCount;
        _counts = counts;
        _cohorts = new RetentionCohort[periods];
        for (var c = 0; c < periods; c++)
        {
            _cohorts[c] = new RetentionCohort(retention.GetPeriodStart(c), counts.AsSpan(RetentionCounts.RowStart(c, periods), periods - c).ToArray());
        }

        Retention = retention;
        Customers = customers;
        Cohorts = Array.AsReadOnly(_cohorts);
    }

    /// <summary>Gets the metric definition: <see cref="MetricDefinition.Retention"/>.</summary>
    [JsonIgnore]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Every result carries its definition as an instance member.")]
    public MetricDefinition Definition => MetricDefinition.Retention;

    /// <summary>Gets the retention definition: events, periods, cohort type, range.</summary>
    public RetentionDefinition Retention { get; }

    /// <summary>Gets the customers seen, in a cohort or not.</summary>
    public long Customers { get; }

    /// <summary>Gets one cohort per period of the range, in order.</summary>
    public IReadOnlyList<RetentionCohort> Cohorts { get; }

    /// <summary>Gets whether some cohort has members, so that some rate has a value.</summary>
    [JsonIgnore]
    public bool HasValue
    {
        get
        {
            foreach (var cohort in _cohorts)
            {
                if (cohort.Size > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Gets the size-weighted average retention at each k (PostHog's mean row): the members retained at k summed over the
    /// cohorts that have a period k, out of those cohorts' summed sizes. Index 0 is 1 whenever some cohort has members.
    /// </summary>
    public IReadOnlyList<Proportion> Average => _average ??= ComputeAverage();

    /// <inheritdoc />
    public bool Equals(RetentionResult? other) =>
        other is not null
        && Retention == other.Retention
        && Customers == other.Customers
        && _cohorts.AsSpan().SequenceEqual(other._cohorts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RetentionResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Retention, Customers, _counts.Length);

    /// <summary>Returns one line per cohort, <c>2024-01-01: 120 | 40 | 25</c>, after the definition.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Retention}; {Customers} customers{Environment.NewLine}{string.Join(Environment.NewLine, _cohorts.Select(c => c.ToString()))}");

    // The size-weighted average, computed once: it visits every count, so reading it in a loop must not redo it.
    private ReadOnlyCollection<Proportion> ComputeAverage()
    {
        var periods = _cohorts.Length;
        var average = new Proportion[periods];
        for (var k = 0; k < periods; k++)
        {
            long retained = 0, size = 0;
            for (var c = 0; c + k < periods; c++)
            {
                var row = RetentionCounts.RowStart(c, periods);
                retained += _counts[row + k];
                size += _counts[row];
            }

            average[k] = new Proportion(retained, size);
        }

        return Array.AsReadOnly(average);
    }
}
