using System.Globalization;
using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Benchmarks.Value;

/// <summary>
/// <see cref="CustomerSummaryBuilder.Build(ReadOnlySpan{Transaction}, CustomerSummaryDefinition, CancellationToken)"/>
/// against what a user would write with LINQ (<c>GroupBy</c> customer, then day), on CDNOW_master.txt (69,659
/// purchases of 23,570 customers, in customer order) and on 10M synthetic purchases (1M customers × 10, shuffled, fixed
/// seed), with one id instance per customer or, as a file reader gives them, a fresh instance per purchase. The issue's
/// goal: at least 10M transactions per second.
/// </summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private Transaction[] _transactions = null!;
    private CustomerSummaryDefinition _definition = null!;

    /// <summary>Gets or sets the data: <c>cdnow</c> (the full CDNOW file), <c>synthetic10M</c> or
    /// <c>synthetic10MFreshIds</c> (the same purchases, each with its own instance of its customer's id).</summary>
    [Params("cdnow", "synthetic10M", "synthetic10MFreshIds")]
    public string Data { get; set; } = "cdnow";

    /// <summary>Reads or generates the transactions once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_transactions, _definition) = Data == "cdnow" ? Cdnow() : Synthetic(1_000_000, 10, seed: 20051001, freshIds: Data == "synthetic10MFreshIds");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Data}: {_transactions.Length} transactions"));
    }

    /// <summary>The naive baseline: group by customer, then by UTC day, with LINQ.</summary>
    /// <returns>The number of customers.</returns>
    [Benchmark(Baseline = true)]
    public int Linq()
    {
        var calibrationEnd = _definition.CalibrationEnd;
        var days = TimeUnits.Days(_definition.Unit);
        return _transactions
            .GroupBy(t => t.CustomerId)
            .Select(customer =>
            {
                var purchases = customer
                    .GroupBy(t => t.Time.UtcDateTime.Date)
                    .Select(day => (Time: day.Min(t => t.Time), Value: day.Sum(t => t.Value)))
                    .OrderBy(p => p.Time)
                    .ToList();
                var first = purchases[0].Time;
                var repeats = purchases.Skip(1).ToList();
                return new CustomerSummary(
                    customer.Key,
                    repeats.Count,
                    repeats.Count == 0 ? 0 : (repeats[^1].Time - first).TotalDays / days,
                    (calibrationEnd - first).TotalDays / days,
                    repeats.Count == 0 ? null : (double)repeats.Average(p => p.Value));
            })
            .ToList()
            .Count;
    }

    /// <summary>The library: interned ids, a counting sort by customer, one walk per customer.</summary>
    /// <returns>The number of customers.</returns>
    [Benchmark]
    public int Library() => CustomerSummaryBuilder.Build(_transactions, _definition).Count;

    private static (Transaction[], CustomerSummaryDefinition) Cdnow()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "CDNOW_master.txt");
        var lines = File.ReadAllLines(path);
        var transactions = new List<Transaction>(lines.Length);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.AsSpan(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!ids.TryGetValue(fields[0], out var id))
            {
                ids[fields[0]] = id = fields[0];
            }

            var date = DateTime.ParseExact(fields[1], "yyyyMMdd", CultureInfo.InvariantCulture);
            transactions.Add(new Transaction(id, new DateTimeOffset(date, TimeSpan.Zero), decimal.Parse(fields[3], CultureInfo.InvariantCulture)));
        }

        return ([.. transactions], new CustomerSummaryDefinition(TimeUnit.Week, new DateTimeOffset(1998, 6, 30, 0, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>Customers × purchases at random minutes over two years from 2024, values in cents up to $200, shuffled;
    /// with <paramref name="freshIds"/> every purchase gets its own copy of the id string.</summary>
    private static (Transaction[], CustomerSummaryDefinition) Synthetic(int customers, int perCustomer, int seed, bool freshIds)
    {
        var random = new Random(seed);
        var origin = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int Minutes = 2 * 365 * 24 * 60;
        var transactions = new Transaction[customers * perCustomer];
        for (var c = 0; c < customers; c++)
        {
            var id = "c" + c.ToString(CultureInfo.InvariantCulture);
            for (var k = 0; k < perCustomer; k++)
            {
                transactions[(c * perCustomer) + k] = new Transaction(freshIds ? new string(id.AsSpan()) : id, origin.AddMinutes(random.Next(Minutes)), random.Next(20_000) / 100m);
            }
        }

        random.Shuffle(transactions);
        return (transactions, new CustomerSummaryDefinition(TimeUnit.Week, origin.AddMinutes(Minutes)));
    }
}
