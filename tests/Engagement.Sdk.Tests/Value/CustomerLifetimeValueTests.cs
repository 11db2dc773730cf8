using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

public class CustomerLifetimeValueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));

    private static readonly GammaGammaModel Spend = new(1, 2, 3);   // population mean 3; E[Z | 1, 1] = 2 (see GammaGammaModelTests)

    [Fact]
    public void Historical_SumsEachCustomersValueTimesTheMargin()
    {
        Transaction[] transactions = [new("a", T0, 10m), new("b", T0, 5m), new("a", T0.AddDays(3), 20.5m), new("c", T0, 0m)];

        var value = CustomerLifetimeValue.Historical(transactions, 0.2m);

        // a: (10 + 20.5) · 0.2 = 6.1; b: 5 · 0.2 = 1; c: 0.
        Assert.Equal(3, value.Count);
        Assert.Equal(6.1m, value["a"]);
        Assert.Equal(1m, value["b"]);
        Assert.Equal(0m, value["c"]);
        Assert.Equal(30.5m, CustomerLifetimeValue.Historical(transactions, 1)["a"]);
        Assert.Empty(CustomerLifetimeValue.Historical([], 0.5m));
    }

    [Fact]
    public void Historical_IsReadOnly_AndTheSequenceAndSpanOverloadsAgree()
    {
        Transaction[] transactions = [new("a", T0, 10m), new("b", T0, 5m), new("a", T0.AddDays(3), 20.5m)];

        var fromSpan = CustomerLifetimeValue.Historical(transactions.AsSpan(), 0.5m);
        var fromSequence = CustomerLifetimeValue.Historical(transactions.Where(_ => true), 0.5m);

        // A caller cannot cast the result back to a dictionary and change it.
        Assert.IsType<System.Collections.ObjectModel.ReadOnlyDictionary<string, decimal>>(fromSpan);
        Assert.IsType<System.Collections.ObjectModel.ReadOnlyDictionary<string, decimal>>(fromSequence);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, decimal>)fromSpan)["a"] = 0);

        // a: (10 + 20.5) · 0.5 = 15.25; b: 2.5.
        Assert.Equal(15.25m, fromSpan["a"]);
        Assert.Equal(2.5m, fromSpan["b"]);
        Assert.Equal(fromSpan.OrderBy(p => p.Key), fromSequence.OrderBy(p => p.Key));

        // The sequence overload refuses a default transaction through the same message, with its index.
        IEnumerable<Transaction> withDefault = new[] { new Transaction("a", T0, 1m), default }.Where(_ => true);
        var e = Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.Historical(withDefault, 1));
        Assert.Equal("transactions", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("transactions", Assert.Throws<ArgumentNullException>(() => CustomerLifetimeValue.Historical((IEnumerable<Transaction>)null!, 1)).ParamName);
    }

    [Fact]
    public void Historical_BadInput_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.Historical([new("a", T0, 1m), default], 1));
        Assert.Equal("transactions", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.Historical([], 1.5m));
        Assert.Equal(("marginRate", (object)1.5m), (range.ParamName, range.ActualValue));
        Assert.Throws<OverflowException>(() => CustomerLifetimeValue.Historical([new("a", T0, decimal.MaxValue), new("a", T0, 1m)], 1));
    }

    [Fact]
    public void SimpleFormulas_HandWorked()
    {
        // m = 100, r = 0.8, d = 0.1. End of period: Σ_{t≥1} 100 (0.8/1.1)^t = 100 · 0.8/(1.1 − 0.8) = 266.67.
        Assert.Equal(800.0 / 3, CustomerLifetimeValue.Simple(100, 0.8, 0.1), 1e-9);

        // Start of period: the margin now plus the above: 100 · 1.1/0.3 = 366.67.
        Assert.Equal(1100.0 / 3, CustomerLifetimeValue.SimpleFromNow(100, 0.8, 0.1), 1e-9);

        // Two periods: 100 (0.8/1.1 + 0.64/1.21) = 72.727… + 52.892… = 125.62.
        Assert.Equal((100 * 0.8 / 1.1) + (100 * 0.64 / 1.21), CustomerLifetimeValue.SimpleOverHorizon(100, 0.8, 0.1, 2), 1e-9);
        Assert.Equal(0, CustomerLifetimeValue.SimpleOverHorizon(100, 0.8, 0.1, 0));
        Assert.Equal(300, CustomerLifetimeValue.SimpleOverHorizon(100, 1, 0, 3), 1e-12);   // q = 1: m·H
        Assert.Equal(CustomerLifetimeValue.Simple(100, 0.8, 0.1), CustomerLifetimeValue.SimpleOverHorizon(100, 0.8, 0.1, 10_000), 1e-9);
        Assert.Equal(1000, CustomerLifetimeValue.Simple(100, 1, 0.1), 1e-9);                // never leaves: m/d

        // AOV 50 × 4 orders a year × 3 years × 25% margin = 150.
        Assert.Equal(150, CustomerLifetimeValue.FromAverageOrderValue(50, 4, TimeUnit.Year, 3, TimeUnit.Year, 0.25), 1e-12);
    }

    [Fact]
    public void FromAverageOrderValue_ConvertsTheLifespanToThePurchasePeriod()
    {
        // 2 orders a month for 1 year: a year is 365.2425 days and a month 365.2425/12, so 24 orders; AOV 10 → 240.
        Assert.Equal(240, CustomerLifetimeValue.FromAverageOrderValue(10, 2, TimeUnit.Month, 1, TimeUnit.Year, 1), 1e-9);

        // 1 order a week for 14 days: 2 orders; AOV 30, margin 50% → 30.
        Assert.Equal(30, CustomerLifetimeValue.FromAverageOrderValue(30, 1, TimeUnit.Week, 14, TimeUnit.Day, 0.5), 1e-12);
    }

    [Fact]
    public void SimpleFormulas_BadInput_Throw()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.Simple(100, 1, 0));
        Assert.Equal("discountRate", e.ParamName);
        Assert.Equal("retentionRate", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.Simple(100, 1.2, 0.1)).ParamName);
        Assert.Equal("margin", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.SimpleFromNow(double.NaN, 0.5, 0.1)).ParamName);
        Assert.Equal("discountRate", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.SimpleOverHorizon(1, 0.5, -0.1, 1)).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.SimpleOverHorizon(1, 0.5, 0.1, -1)).ParamName);
        var aov = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.FromAverageOrderValue(-5, 1, TimeUnit.Year, 1, TimeUnit.Year, 0.5));
        Assert.Equal(("averageOrderValue", (object)(-5.0)), (aov.ParamName, aov.ActualValue));
        Assert.Equal("marginRate", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.FromAverageOrderValue(5, 1, TimeUnit.Year, 1, TimeUnit.Year, 2)).ParamName);
        var period = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.FromAverageOrderValue(5, 1, (TimeUnit)7, 1, TimeUnit.Year, 1));
        Assert.Equal(("purchasePeriod", (object)(TimeUnit)7), (period.ParamName, period.ActualValue));
        Assert.Equal("lifespanUnit", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.FromAverageOrderValue(5, 1, TimeUnit.Year, 1, (TimeUnit)7, 1)).ParamName);
        Assert.Equal("purchasesPerPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.FromAverageOrderValue(5, -1, TimeUnit.Year, 1, TimeUnit.Year, 1)).ParamName);
    }

    [Fact]
    public void Discounted_HandWorked_ConvertsThePeriodToTheModelsUnit()
    {
        // A purchase model in weeks with 0.5 purchases a week for everyone; periods of one month (30.436875 days =
        // 4.348125 weeks) bring 0.5 · 4.348125 = 2.1740625 purchases each. Customer "a" (x = 1, z̄ = 1) is worth
        // E[Z | 1, 1] = 2 a purchase, "b" (no repeat purchase) the population mean 3. Margin 50%, 10% a month, 3 months:
        // a: 2.1740625 · 2 · 0.5 · (1/1.1 + 1/1.1² + 1/1.1³); b: the same with 3 for 2.
        var model = new SteadyPurchases(0.5, TimeUnit.Week);
        var data = new CustomerSummaries(TimeUnit.Week, [new("a", 1, 2, 10, 1), new("b", 0, 0, 10)]);
        var options = new ClvOptions(3, TimeUnit.Month, 0.1, 0.5);

        var value = CustomerLifetimeValue.Discounted(model, Spend, data, options);

        var annuity = (1 / 1.1) + (1 / 1.21) + (1 / 1.331);
        Assert.Equal(2.1740625 * 2 * 0.5 * annuity, value[0], 1e-9);
        Assert.Equal(2.1740625 * 3 * 0.5 * annuity, value[1], 1e-9);
        Assert.Equal(3 * TimeUnits.Days(TimeUnit.Month) / 7, model.Horizons.Max(), 1e-12);   // the horizon in weeks
    }

    [Fact]
    public void Discounted_SpendModelWithoutAMean_Throws()
    {
        // q = 1: the population mean pγ/(q − 1) does not exist, so a customer without repeat purchases would be worth +∞.
        var data = new CustomerSummaries(TimeUnit.Week, [new("a", 1, 2, 10, 1), new("b", 0, 0, 10)]);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            CustomerLifetimeValue.Discounted(new SteadyPurchases(0.5, TimeUnit.Week), new GammaGammaModel(1, 1, 3), data, new ClvOptions(3, TimeUnit.Month, 0.1)));

        Assert.Equal(("spend", (object)1.0), (e.ParamName, e.ActualValue));
        Assert.Contains("q = 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discounted_HonoursMaxDegreeOfParallelism()
    {
        // 4,000 customers make some 15 blocks; limited to one core, one thread values them all, and the values are those
        // of the unlimited run.
        var customers = new CustomerSummary[4000];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = new CustomerSummary($"c{i}", i % 4, i % 4 == 0 ? 0 : 5, 10, i % 4 == 0 ? null : 1 + (i % 7));
        }

        var data = new CustomerSummaries(TimeUnit.Week, customers);
        var one = new ThreadRecorder(0.5, TimeUnit.Week);
        var limited = CustomerLifetimeValue.Discounted(one, Spend, data, new ClvOptions(3, TimeUnit.Month, 0.1, 0.5, maxDegreeOfParallelism: 1));
        var all = CustomerLifetimeValue.Discounted(new ThreadRecorder(0.5, TimeUnit.Week), Spend, data, new ClvOptions(3, TimeUnit.Month, 0.1, 0.5));

        Assert.Single(one.Threads.Distinct());
        Assert.Equal(all, limited);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ClvOptions(3, TimeUnit.Month, 0.1, 0.5, -1));
        Assert.Equal(("maxDegreeOfParallelism", (object)(-1)), (e.ParamName, e.ActualValue));
    }

    [Fact]
    public void Discounted_UnitMismatch_Throws()
    {
        var data = new CustomerSummaries(TimeUnit.Day, [new("a", 1, 2, 10, 1)]);

        var e = Assert.Throws<ArgumentException>(() =>
            CustomerLifetimeValue.Discounted(new SteadyPurchases(0.5, TimeUnit.Week), Spend, data, new ClvOptions(3, TimeUnit.Month, 0.1)));

        Assert.Equal("data", e.ParamName);
        Assert.Contains("Days", e.Message, StringComparison.Ordinal);
        Assert.Contains("Weeks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discounted_IncreasesWithTheHorizonAndFallsWithTheDiscountRate() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 60)), Arb.From(Gen.Choose(0, 50)), Arb.From(Gen.Elements(TimeUnit.Day, TimeUnit.Week, TimeUnit.Month, TimeUnit.Year)), (periods, percent, unit) =>
        {
            var model = new SteadyPurchases(0.2, TimeUnit.Week);
            var data = new CustomerSummaries(TimeUnit.Week, [new("a", 3, 20, 30, 12.5), new("b", 0, 0, 30)]);
            var rate = percent / 100.0;
            var value = CustomerLifetimeValue.Discounted(model, Spend, data, new ClvOptions(periods, unit, rate, 0.3));
            var longer = CustomerLifetimeValue.Discounted(model, Spend, data, new ClvOptions(periods + 1, unit, rate, 0.3));
            var dearer = CustomerLifetimeValue.Discounted(model, Spend, data, new ClvOptions(periods, unit, rate + 0.01, 0.3));
            return longer[0] > value[0] && longer[1] > value[1] && dearer[0] < value[0] && dearer[1] < value[1];
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Discounted_BgNbdOnCdnow_GrowsWithTheHorizonFallsWithTheRateAndAgreesWithTheDefinition()
    {
        // The published BG/NBD (Fader, Hardie & Lee 2005; weeks) and Gamma-Gamma (Fader & Hardie 2013) on the CDNOW
        // sample, over monthly periods at 1% a month with a 30% margin.
        var purchases = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var data = SpendTestData.Cdnow;
        var year = CustomerLifetimeValue.Discounted(purchases, spend, data, new ClvOptions(12, TimeUnit.Month, 0.01, 0.3));
        var longer = CustomerLifetimeValue.Discounted(purchases, spend, data, new ClvOptions(13, TimeUnit.Month, 0.01, 0.3));
        var dearer = CustomerLifetimeValue.Discounted(purchases, spend, data, new ClvOptions(12, TimeUnit.Month, 0.02, 0.3));

        var step = TimeUnits.Days(TimeUnit.Month) / 7;
        for (var i = 0; i < data.Count; i++)
        {
            Assert.True(longer[i] > year[i] && dearer[i] < year[i], $"customer {i}: {year[i]}, {longer[i]}, {dearer[i]}");
        }

        // Customer 1 (x = 2, t_x = 30.43, T = 38.86, z̄ = 22.35), from the definition term by term.
        var customer = data.Customers[0];
        double expected = 0;
        for (var k = 1; k <= 12; k++)
        {
            expected += (purchases.ConditionalExpectedPurchases(k * step, customer.Frequency, customer.Recency, customer.T)
                - purchases.ConditionalExpectedPurchases((k - 1) * step, customer.Frequency, customer.Recency, customer.T)) / Math.Pow(1.01, k);
        }

        expected *= spend.ConditionalExpectedAverageValue(customer.Frequency, customer.MonetaryValue!.Value) * 0.3;
        Assert.Equal(expected, year[0], 1e-9 * expected);
    }

    [Fact]
    public void Discounted_Empty_IsEmpty() =>
        Assert.Empty(CustomerLifetimeValue.Discounted(
            new SteadyPurchases(1, TimeUnit.Day), Spend, new CustomerSummaries(TimeUnit.Day, []), new ClvOptions(1, TimeUnit.Day, 0)));

    [Fact]
    public void Discounted_BadInput_Throws()
    {
        var data = new CustomerSummaries(TimeUnit.Day, []);
        var options = new ClvOptions(1, TimeUnit.Day, 0);
        var model = new SteadyPurchases(1, TimeUnit.Day);
        Assert.Throws<ArgumentNullException>(() => CustomerLifetimeValue.Discounted(null!, Spend, data, options));
        Assert.Throws<ArgumentNullException>(() => CustomerLifetimeValue.Discounted(model, null!, data, options));
        Assert.Throws<ArgumentNullException>(() => CustomerLifetimeValue.Discounted(model, Spend, null!, options));
        Assert.Throws<ArgumentNullException>(() => CustomerLifetimeValue.Discounted(model, Spend, data, null!));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CustomerLifetimeValue.Discounted(
            model, Spend, new CustomerSummaries(TimeUnit.Day, [new("a", 0, 0, 1)]), options, cancelled.Token));
    }

    [Theory]
    [InlineData(0, TimeUnit.Month, 0.1, 1, "periods")]
    [InlineData(100_001, TimeUnit.Month, 0.1, 1, "periods")]
    [InlineData(12, (TimeUnit)7, 0.1, 1, "periodUnit")]
    [InlineData(12, TimeUnit.Month, -0.1, 1, "discountRate")]
    [InlineData(12, TimeUnit.Month, double.NaN, 1, "discountRate")]
    [InlineData(12, TimeUnit.Month, 0.1, 1.01, "marginRate")]
    public void ClvOptions_BadInput_Throws(int periods, TimeUnit unit, double rate, double margin, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ClvOptions(periods, unit, rate, margin));

        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void ClvOptions_Json_RoundTrips()
    {
        var options = new ClvOptions(12, TimeUnit.Month, 0.01, 0.3);
        var (back, text) = Json.RoundTrip(options, EngagementJson.GetTypeInfo<ClvOptions>());

        Assert.Equal(options, back);
        Assert.Equal("""{"periods":12,"periodUnit":"Month","discountRate":0.01,"marginRate":0.3,"maxDegreeOfParallelism":0}""", text);
        Assert.NotEqual(options, new ClvOptions(12, TimeUnit.Month, 0.01, 0.3, 2));
        Assert.Equal(new ClvOptions(12, TimeUnit.Month, 0.01, 0.3, 2), Json.RoundTrip(new ClvOptions(12, TimeUnit.Month, 0.01, 0.3, 2), EngagementJson.GetTypeInfo<ClvOptions>()).Value);
        Assert.Equal("12 Months at 1% a Month, margin 30%", options.ToString());
        Assert.NotEqual(options, new ClvOptions(12, TimeUnit.Week, 0.01, 0.3));
        Assert.Equal(1, new ClvOptions(1, TimeUnit.Day, 0).MarginRate);
    }

    /// <summary>A steady purchase model that records the threads that ask it.</summary>
    private sealed class ThreadRecorder(double rate, TimeUnit unit) : IRepeatPurchaseModel
    {
        public System.Collections.Concurrent.ConcurrentBag<int> Threads { get; } = [];

        public TimeUnit Unit => unit;

        public double ExpectedPurchases(double t) => rate * t;

        public double ConditionalExpectedPurchases(double t, int frequency, double recency, double T)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            return rate * t * (1 + frequency);
        }

        public double ProbabilityAlive(int frequency, double recency, double T) => 1;

        public double ProbabilityOfPurchases(int purchases, double t) => throw new NotSupportedException();

        public double[] ConditionalExpectedPurchases(CustomerSummaries data, double t) => throw new NotSupportedException();

        public double[] ProbabilityAlive(CustomerSummaries data) => throw new NotSupportedException();
    }

    /// <summary>A purchase model in which everyone buys at a steady rate for ever: E[X(t)] = rate · t, history or not.</summary>
    private sealed class SteadyPurchases(double rate, TimeUnit unit) : IRepeatPurchaseModel
    {
        public System.Collections.Concurrent.ConcurrentBag<double> Horizons { get; } = [];

        public TimeUnit Unit => unit;

        public double ExpectedPurchases(double t) => rate * t;

        public double ConditionalExpectedPurchases(double t, int frequency, double recency, double T)
        {
            Horizons.Add(t);
            return rate * t;
        }

        public double ProbabilityAlive(int frequency, double recency, double T) => 1;

        public double ProbabilityOfPurchases(int purchases, double t) =>
            throw new NotSupportedException("The CLV never asks for P(X(t) = x).");

        public double[] ConditionalExpectedPurchases(CustomerSummaries data, double t)
        {
            Horizons.Add(t);
            return [.. Enumerable.Repeat(rate * t, data.Count)];
        }

        public double[] ProbabilityAlive(CustomerSummaries data) => [.. Enumerable.Repeat(1.0, data.Count)];
    }
}
