using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The retention triangle, flattened: cohort <c>c</c> of <c>P</c> periods holds <c>P − c</c> counts (its size, then
/// k = 1 …), stored from <see cref="RowStart"/>. Checks what real data could produce, for states and results alike.
/// </summary>
internal static class RetentionCounts
{
    public static int Length(int periods) => periods * (periods + 1) / 2;

    public static int RowStart(int cohort, int periods) => (cohort * periods) - (cohort * (cohort - 1) / 2);

    /// <summary>Checks one cohort's counts: none negative and none above the size.</summary>
    public static void CheckRow(ReadOnlySpan<long> row, int cohort, string paramName)
    {
        for (var k = 0; k < row.Length; k++)
        {
            if (row[k] < 0 || row[k] > row[0])
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    row[k],
                    string.Create(CultureInfo.InvariantCulture, $"Cohort {cohort} retains {row[k]} at k = {k}; a count must be from 0 to the cohort's size {row[0]}."));
            }
        }
    }

    /// <summary>Checks a whole triangle against its definition and the customers seen, and flattens it.</summary>
    public static long[] Flatten(RetentionDefinition retention, long customers, IReadOnlyList<IReadOnlyList<long>?> rows, string paramName)
    {
        var periods = retention.PeriodCount;
        if (rows.Count != periods)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The definition has {periods} periods, so {periods} cohorts; got {rows.Count}."), paramName);
        }

        var counts = new long[Length(periods)];
        long members = 0;
        for (var c = 0; c < periods; c++)
        {
            var row = rows[c];
            if (row is null || row.Count != periods - c)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Cohort {c} of {periods} periods has {periods - c} counts; got {row?.Count.ToString(CultureInfo.InvariantCulture) ?? "null"}."),
                    paramName);
            }

            var flat = counts.AsSpan(RowStart(c, periods), periods - c);
            for (var k = 0; k < flat.Length; k++)
            {
                flat[k] = row[k];
            }

            CheckRow(flat, c, paramName);
            if (flat[0] > customers)
            {
                throw new ArgumentOutOfRangeException(
                    paramName, flat[0], string.Create(CultureInfo.InvariantCulture, $"Cohort {c} has {flat[0]} members, more than the {customers} customers seen."));
            }

            if (retention.Unbounded)
            {
                for (var k = 2; k < flat.Length; k++)
                {
                    if (flat[k] > flat[k - 1])
                    {
                        throw new ArgumentOutOfRangeException(
                            paramName,
                            flat[k],
                            string.Create(CultureInfo.InvariantCulture, $"Unbounded retention never rises with k; cohort {c} has {flat[k - 1]} at k = {k - 1} and {flat[k]} at k = {k}."));
                    }
                }
            }

            members = checked(members + flat[0]);
        }

        if (retention.CohortType == RetentionCohortType.FirstTime && members > customers)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                members,
                string.Create(CultureInfo.InvariantCulture, $"A customer joins at most one first-time cohort; the cohorts hold {members} members but {customers} customers were seen."));
        }

        return counts;
    }

    /// <summary>The triangle as one list of counts per cohort.</summary>
    public static IReadOnlyList<IReadOnlyList<long>> Rows(long[] counts, int periods)
    {
        var rows = new IReadOnlyList<long>[periods];
        for (var c = 0; c < periods; c++)
        {
            rows[c] = Array.AsReadOnly(counts.AsSpan(RowStart(c, periods), periods - c).ToArray());
        }

        return Array.AsReadOnly(rows);
    }
}
