using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Benchmarks.Journeys;

/// <summary>
/// Weekly first-time cohort retention over 26 weeks of the synthetic 10M-event log (customers by the week of their
/// first product view, retained when they pay in week cohort + k), against the same query in embedded DuckDB over the
/// same rows in an in-memory table (2 threads). The setup checks that both give identical counts.
/// </summary>
[MemoryDiagnoser]
public class RetentionBenchmarks : IDisposable
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    private static readonly RetentionDefinition Definition = new(
        "product_view", "payment_done", CalendarPeriod.Week, JourneyData.Start, JourneyData.Start.AddDays(26 * 7));

    private EventLog _log = null!;
    private DuckDBConnection _duck = null!;
    private string _sql = null!;

    /// <summary>Builds the log and fills DuckDB with the same rows, then checks that both count alike.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = JourneyData.Default;
        _log = data.Build();

        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        Execute("SET threads = 2");
        Execute("CREATE TABLE events (customer INTEGER, ts BIGINT, event UTINYINT)");
        using (var appender = _duck.CreateAppender("events"))
        {
            var customerIds = data.CustomerIds;
            var ticks = data.UtcTicks;
            var names = data.EventNameIndexes;
            for (var i = 0; i < ticks.Length; i++)
            {
                // Customer ids are "c" and the customer number: store the number, DuckDB's fastest key.
                appender.CreateRow()
                    .AppendValue(int.Parse(customerIds[i].AsSpan(1), CultureInfo.InvariantCulture))
                    .AppendValue(ticks[i] / TicksPerSecond)
                    .AppendValue(names[i])
                    .EndRow();
            }
        }

        long start = Definition.From.UtcTicks / TicksPerSecond, end = Definition.To.UtcTicks / TicksPerSecond;
        int startEvent = IndexOf(Definition.StartEvent), returnEvent = IndexOf(Definition.ReturnEvent);
        _sql = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            WITH cohorts AS (
                SELECT customer, (min(ts) - {start}) // 604800 AS cohort
                FROM events WHERE event = {startEvent}
                GROUP BY customer
                HAVING min(ts) >= {start} AND min(ts) < {end}
            ),
            returns AS (
                SELECT DISTINCT customer, (ts - {start}) // 604800 AS week
                FROM events WHERE event = {returnEvent} AND ts >= {start} AND ts < {end}
            )
            SELECT cohort, 0 AS k, count(*) AS n FROM cohorts GROUP BY cohort
            UNION ALL
            SELECT c.cohort, r.week - c.cohort AS k, count(*) AS n
            FROM cohorts c JOIN returns r USING (customer)
            WHERE r.week > c.cohort
            GROUP BY ALL
            """);

        var expected = Library().Cohorts;
        var counts = DuckDb();
        for (var c = 0; c < expected.Count; c++)
        {
            for (var k = 0; k < expected[c].Counts.Count; k++)
            {
                var duck = counts.GetValueOrDefault((c, k));
                if (duck != expected[c].Counts[k])
                {
                    throw new InvalidOperationException(
                        string.Create(CultureInfo.InvariantCulture, $"Cohort {c}, k = {k}: Engagement.Sdk counts {expected[c].Counts[k]}, DuckDB {duck}."));
                }
            }
        }

        if (counts.Keys.Any(key => key.Cohort >= expected.Count || key.K >= expected[key.Cohort].Counts.Count))
        {
            throw new InvalidOperationException("DuckDB counts a cohort or k outside the 26 weeks.");
        }
    }

    /// <summary>The retention query in DuckDB, read back to (cohort, k) → members.</summary>
    /// <returns>The counts.</returns>
    [Benchmark(Baseline = true)]
    public Dictionary<(int Cohort, int K), long> DuckDb()
    {
        using var command = _duck.CreateCommand();
        command.CommandText = _sql;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<(int Cohort, int K), long>();
        while (reader.Read())
        {
            counts[((int)reader.GetInt64(0), (int)reader.GetInt64(1))] = reader.GetInt64(2);
        }

        return counts;
    }

    /// <summary>The same retention with <see cref="RetentionAccumulator"/> over the built log (both cores).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public RetentionResult Library() => RetentionAccumulator.Compute(_log, Definition);

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _duck?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < JourneyData.EventNameTable.Count; i++)
        {
            if (JourneyData.EventNameTable[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No event {name}.");
    }

    private void Execute(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
