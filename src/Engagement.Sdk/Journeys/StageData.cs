using System.Collections.ObjectModel;
using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The checks a <see cref="StageState"/> and a <see cref="StageResult"/> share, so that neither holds numbers no log could
/// produce: one statistics entry per stage of the model, in order; every staged customer has exactly one current and
/// one furthest stage, and no customer is further now than its furthest (for every stage k, the customers now at k or
/// beyond are at most those whose furthest is k or beyond); completed visits need staged customers; one distribution
/// row per period, whose starts are the definition's, whose counts obey the same bound, and whose last row, the state
/// at the range's end, equals the current counts.
/// </summary>
internal static class StageData
{
    public static (ReadOnlyCollection<StageStatistics> Stages, ReadOnlyCollection<StagePeriodCounts> Distribution) Check(
        StageDefinition definition, long customers, IReadOnlyList<StageStatistics> stages, IReadOnlyList<StagePeriodCounts> distribution)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(distribution);
        var model = definition.Rules.Model;
        if (stages.Count != model.Count)
        {
            Fail(nameof(stages), $"one entry per stage of the model ({model.Count}) is needed; got {stages.Count}");
        }

        var current = new long[model.Count];
        var furthest = new long[model.Count];
        long visits = 0;
        for (var s = 0; s < stages.Count; s++)
        {
            var entry = stages[s] ?? throw new ArgumentNullException(nameof(stages), string.Create(CultureInfo.InvariantCulture, $"The entry at index {s} is null."));
            if (entry.Stage != model.Stages[s])
            {
                Fail(nameof(stages), $"entry {s} is for '{Validation.Echo(entry.Stage.Name)}', but stage {s} of the model is '{Validation.Echo(model.Stages[s].Name)}'");
            }

            current[s] = entry.Current;
            furthest[s] = entry.Furthest;
            visits = checked(visits + entry.CompletedVisits);
        }

        var staged = CheckBound(current, furthest, nameof(stages), equalTotals: true);
        if (staged > customers)
        {
            Fail(nameof(stages), $"{staged} customers have a stage, but there are {customers} customers");
        }

        if (staged == 0 && visits > 0)
        {
            Fail(nameof(stages), $"no customer has a stage, yet {visits} visits were completed");
        }

        if (distribution.Count != definition.PeriodCount)
        {
            Fail(nameof(distribution), $"one row per period ({definition.PeriodCount}) is needed; got {distribution.Count}");
        }

        for (var p = 0; p < distribution.Count; p++)
        {
            var row = distribution[p] ?? throw new ArgumentNullException(nameof(distribution), string.Create(CultureInfo.InvariantCulture, $"The row at index {p} is null."));
            var start = definition.GetPeriodStart(p);
            if (!row.Start.Equals(start) || row.Counts.Count != model.Count)
            {
                Fail(nameof(distribution), $"row {p} must start at {start:O} and hold {model.Count} counts; got {row}");
            }

            CheckBound([.. row.Counts], furthest, nameof(distribution), equalTotals: false);
            if (p == distribution.Count - 1 && !row.Counts.SequenceEqual(current))
            {
                Fail(nameof(distribution), $"the last row, the stages at the range's end, must equal the current counts ({string.Join(", ", current)}); got {row}");
            }
        }

        return (Array.AsReadOnly([.. stages]), Array.AsReadOnly([.. distribution]));
    }

    // No customer is further at any moment than its furthest stage: suffix sums of the counts stay within those of the
    // furthest counts; for the current counts the totals (customers with a stage) are equal too.
    private static long CheckBound(long[] counts, long[] furthest, string paramName, bool equalTotals)
    {
        long countSuffix = 0, furthestSuffix = 0;
        for (var s = counts.Length - 1; s >= 0; s--)
        {
            countSuffix = checked(countSuffix + counts[s]);
            furthestSuffix = checked(furthestSuffix + furthest[s]);
            if (countSuffix > furthestSuffix)
            {
                Fail(paramName, $"{countSuffix} customers are at stage {s} or beyond, but only {furthestSuffix} ever got that far");
            }
        }

        if (equalTotals && countSuffix != furthestSuffix)
        {
            Fail(paramName, $"every customer with a stage has one current and one furthest stage; got {countSuffix} current and {furthestSuffix} furthest");
        }

        return countSuffix;
    }

    private static void Fail(string paramName, string message) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Impossible stage numbers: {message}."), paramName);
}
