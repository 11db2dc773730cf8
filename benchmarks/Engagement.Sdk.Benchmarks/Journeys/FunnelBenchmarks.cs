using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Benchmarks.Journeys;

/// <summary>
/// A 5-step ordered funnel with a 14-day window over the synthetic 10M-event log (<see cref="JourneyData"/>): the
/// library on both cores against the same funnel as SQL in embedded DuckDB (2 threads) over the same rows in an
/// in-memory table. The setup checks that both give identical step counts.
/// </summary>
/// <remarks>
/// The steps are five distinct event names of the checkout flow, so that no event can match two steps: the SQL's ASOF
/// JOINs ("the first event of the next step at or after the previous one") then are exactly the library's "earliest
/// not-yet-used occurrence", since an occurrence can only be "used" by another step when it matches two. With a repeated
/// step (<c>view → view → buy</c>) an ASOF JOIN would take the same row twice; SQL would need a row-number condition and
/// a tie rule per step, which ASOF JOIN cannot express (its inequality is on one column).
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)] // DuckDB takes seconds per run: a bounded job.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet needs an unsealed class and closes the connection in [GlobalCleanup].")]
public class FunnelBenchmarks
{
    private static readonly string[] Steps = ["home", "product_view", "add_to_cart", "checkout", "payment_done"];

    private EventLog _log = null!;
    private FunnelDefinition _funnel = null!;
    private DuckDBConnection _connection = null!;

    /// <summary>Builds the log and the DuckDB table, and checks that both count the same customers at each step.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var data = JourneyData.Default;
        _log = data.Build();
        _funnel = FunnelDefinition.OfEvents(Steps, TimeSpan.FromDays(14));
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute("SET threads = 2");
        Execute("CREATE TABLE events (customer VARCHAR NOT NULL, ts TIMESTAMP NOT NULL, event VARCHAR NOT NULL)");
        using (var appender = _connection.CreateAppender("events"))
        {
            var customers = data.CustomerIds;
            var names = data.EventNames;
            for (var i = 0; i < data.Count; i++)
            {
                appender.CreateRow()
                    .AppendValue(customers[i])
                    .AppendValue(data.GetTimestamp(i).UtcDateTime)
                    .AppendValue(names[i])
                    .EndRow();
            }
        }

        var library = Library();
        var sql = DuckDb();
        if (!library.AsSpan().SequenceEqual(sql))
        {
            throw new InvalidOperationException(
                $"The step counts differ: library [{string.Join(", ", library)}], DuckDB [{string.Join(", ", sql)}].");
        }

        Console.WriteLine($"// Step counts (both): [{string.Join(", ", library)}]");
    }

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup]
    public void Cleanup() => _connection?.Dispose();

    /// <summary>The funnel in SQL: each step-1 event is an anchor, each next step the first event of that step at or
    /// after the previous one (ASOF JOIN), kept while within anchor + 14 days; a customer's depth is its best anchor's.</summary>
    /// <returns>The customers reaching each step.</returns>
    [Benchmark(Baseline = true)]
    public long[] DuckDb()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = Sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        var counts = new long[Steps.Length];
        for (var k = 0; k < counts.Length; k++)
        {
            counts[k] = reader.IsDBNull(k) ? 0 : Convert.ToInt64(reader.GetValue(k), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The library: <see cref="FunnelAccumulator.Compute"/> on both cores, the whole result built (dropped ids,
    /// time-to-convert distributions).</summary>
    /// <returns>The customers reaching each step.</returns>
    [Benchmark]
    public long[] Library()
    {
        var result = FunnelAccumulator.Compute(_funnel, _log);
        var counts = new long[Steps.Length];
        for (var k = 0; k < counts.Length; k++)
        {
            counts[k] = result.Steps[k].Customers;
        }

        return counts;
    }

    private const string Sql = """
        WITH
        s1 AS (SELECT customer, ts AS t1 FROM events WHERE event = 'home'),
        s2 AS (SELECT customer, ts FROM events WHERE event = 'product_view'),
        s3 AS (SELECT customer, ts FROM events WHERE event = 'add_to_cart'),
        s4 AS (SELECT customer, ts FROM events WHERE event = 'checkout'),
        s5 AS (SELECT customer, ts FROM events WHERE event = 'payment_done'),
        j2 AS (SELECT s1.customer, t1, s2.ts AS t2 FROM s1 ASOF LEFT JOIN s2 ON s1.customer = s2.customer AND s2.ts >= s1.t1),
        j3 AS (SELECT j2.*, s3.ts AS t3 FROM j2 ASOF LEFT JOIN s3 ON j2.customer = s3.customer AND s3.ts >= j2.t2),
        j4 AS (SELECT j3.*, s4.ts AS t4 FROM j3 ASOF LEFT JOIN s4 ON j3.customer = s4.customer AND s4.ts >= j3.t3),
        j5 AS (SELECT j4.*, s5.ts AS t5 FROM j4 ASOF LEFT JOIN s5 ON j4.customer = s5.customer AND s5.ts >= j4.t4),
        depths AS (
            SELECT customer, max(CASE
                WHEN t2 IS NULL OR t2 > t1 + INTERVAL 14 DAY THEN 1
                WHEN t3 IS NULL OR t3 > t1 + INTERVAL 14 DAY THEN 2
                WHEN t4 IS NULL OR t4 > t1 + INTERVAL 14 DAY THEN 3
                WHEN t5 IS NULL OR t5 > t1 + INTERVAL 14 DAY THEN 4
                ELSE 5 END) AS depth
            FROM j5 GROUP BY customer)
        SELECT count(*), count(*) FILTER (WHERE depth >= 2), count(*) FILTER (WHERE depth >= 3),
               count(*) FILTER (WHERE depth >= 4), count(*) FILTER (WHERE depth >= 5)
        FROM depths
        """;

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
