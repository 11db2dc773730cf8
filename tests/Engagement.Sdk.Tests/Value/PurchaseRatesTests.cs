using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>Purchase rates over a period, worked by hand from <see cref="PurchaseRateDefinition"/>'s rules.</summary>
public class PurchaseRatesTests
{
    private static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Seven customers around the period [day 30, day 60).</summary>
    private static readonly Transaction[] Customers =
    [
        new("a", Day(5), 10m), new("a", Day(35), 20m), new("a", Day(40), 30m),
        new("b", Day(10), 5m),
        new("c", Day(20), 7m), new("c", Day(59.99), 8m),
        new("d", Day(45), 40m),
        new("e", Day(-10), 100m),
        new("f", Day(60), 3m),
        new("g", Day(29), 1m), new("g", Day(29.5), 2m),
    ];

    [Fact]
    public void Compute_WindowAsLongAsThePeriod_CountsRetainedLostNewAndRepeatBuyers()
    {
        var result = PurchaseRates.Compute(Customers, new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30)));

        // Active at the start (bought in [day 0, day 30)): a, b, c, g → S = 4. Active at the end (bought in
        // [day 30, day 60)): a, c, d → E = 3, of whom d is new → N = 1. e (day −10) and f (day 60, the excluded end)
        // are outside. Retained E − N = 2 of 4; lost b and g.
        Assert.Equal(4, result.CustomersAtStart);
        Assert.Equal(3, result.CustomersAtEnd);
        Assert.Equal(1, result.NewCustomers);
        Assert.Equal(new(2, 4), result.Retention);
        Assert.Equal(new(2, 4), result.Churn);

        // Orders in the period: a 20 and 30, c 8, d 40 → 4 orders by 3 buyers, 1 of them twice.
        Assert.Equal(3, result.Buyers);
        Assert.Equal(new(1, 3), result.RepeatPurchase);
        Assert.Equal(4, result.Orders);
        Assert.Equal(98m, result.Revenue);
        Assert.Equal(4.0 / 3, result.PurchaseFrequency);
        Assert.Equal(24.5, result.AverageOrderValue);

        // Deviations from 24.5: −4.5, 5.5, −16.5, 15.5; squares sum to 563; s = √(563 / 3). The interval is
        // 24.5 ± t(0.975, 3) · s / √4 with t(0.975, 3) = 3.182446305 (Student's table).
        var s = Math.Sqrt(563.0 / 3);
        Assert.Equal(s, result.OrderValueStandardDeviation!.Value, 10);
        var interval = result.AverageOrderValueInterval!.Value;
        Assert.Equal(24.5 - (3.182446305284263 * s / 2), interval.Lower, 6);
        Assert.Equal(24.5 + (3.182446305284263 * s / 2), interval.Upper, 6);
    }

    [Fact]
    public void Compute_AShortWindow_MakesFewerCustomersActive()
    {
        var result = PurchaseRates.Compute(Customers, new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(10)));

        // Active at the start: bought in [day 20, day 30): c and g. At the end: bought in [day 50, day 60): c.
        // a bought in the period but not in its last 10 days, so a is neither at the start nor at the end.
        Assert.Equal(2, result.CustomersAtStart);
        Assert.Equal(1, result.CustomersAtEnd);
        Assert.Equal(0, result.NewCustomers);
        Assert.Equal(new(1, 2), result.Retention);
        Assert.Equal(new(1, 2), result.Churn);
        Assert.Equal(3, result.Buyers);
    }

    [Fact]
    public void Compute_NothingInTheWindow_HasNoValues()
    {
        var result = PurchaseRates.Compute([new Transaction("a", Day(100), 5m)], new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30)));

        Assert.False(result.Retention.HasValue);
        Assert.False(result.Churn.HasValue);
        Assert.False(result.RepeatPurchase.HasValue);
        Assert.Null(result.PurchaseFrequency);
        Assert.Null(result.AverageOrderValue);
        Assert.Null(result.AverageOrderValueInterval);
        Assert.Null(result.OrderValueStandardDeviation);
    }

    [Fact]
    public void Compute_OneOrder_HasAnAverageWithoutInterval()
    {
        var result = PurchaseRates.Compute([new Transaction("a", Day(31), 5m)], new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30)));

        Assert.Equal(5, result.AverageOrderValue);
        Assert.Null(result.AverageOrderValueInterval);
        Assert.Equal(1, result.PurchaseFrequency);
        Assert.False(result.Retention.HasValue);
    }

    [Fact]
    public void Compute_ASequence_EqualsTheSpan()
    {
        var definition = new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30));

        Assert.Equal(PurchaseRates.Compute(Customers.AsSpan(), definition), PurchaseRates.Compute(Customers.Reverse(), definition));
    }

    [Fact]
    public void Compute_BadInput_IsRefused()
    {
        var definition = new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30));

        var e = Assert.Throws<ArgumentException>(() => PurchaseRates.Compute([new Transaction("a", Day(1), 1m), default], definition));
        Assert.Equal("transactions", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("definition", Assert.Throws<ArgumentNullException>(() => PurchaseRates.Compute([], null!)).ParamName);
        Assert.Equal("transactions", Assert.Throws<ArgumentNullException>(() => PurchaseRates.Compute((IEnumerable<Transaction>)null!, definition)).ParamName);
    }

    [Fact]
    public void Definition_IsValidated()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateDefinition(Day(30), Day(30), TimeSpan.FromDays(1)));
        Assert.Equal("periodEnd", e.ParamName);
        Assert.Equal(Day(30), e.ActualValue);

        var window = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.Zero));
        Assert.Equal("activeWindow", window.ParamName);
        Assert.Equal(TimeSpan.Zero, window.ActualValue);
        Assert.Equal("activeWindow", Assert.Throws<ArgumentOutOfRangeException>(
            () => new PurchaseRateDefinition(DateTimeOffset.MinValue.AddDays(1), Day(0), TimeSpan.FromDays(2))).ParamName);
    }

    [Fact]
    public void Definition_WindowLongerThanThePeriod_IsRefused_ButAsLongIsAllowed()
    {
        // A 31-day window over the 30-day period [30, 60) overlaps itself: its end window [29, 60) holds day 29, before
        // the period, which is also in the start window [-1, 30) — one purchase there would count as retained.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(31)));
        Assert.Equal("activeWindow", e.ParamName);
        Assert.Equal(TimeSpan.FromDays(31), e.ActualValue);
        Assert.Contains("31.00:00:00", e.Message, StringComparison.Ordinal);
        Assert.Contains("30.00:00:00", e.Message, StringComparison.Ordinal);

        // A window exactly as long as the period does not overlap: [0, 30) and [30, 60).
        Assert.Equal(TimeSpan.FromDays(30), new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30)).ActiveWindow);
    }

    [Fact]
    public void Result_ImpossibleCounts_AreRefused()
    {
        var definition = new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30));

        Assert.Equal("customersAtEnd", Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(definition, 1, 3, 1, 0, 0, 0, 0, null)).ParamName);
        Assert.Equal("repeatBuyers", Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(definition, 0, 0, 0, 1, 2, 3, 1, 0)).ParamName);
        Assert.Equal("orders", Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(definition, 0, 0, 0, 2, 1, 2, 1, 0)).ParamName);
        Assert.Equal("orders", Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(definition, 0, 0, 0, 0, 0, 1, 1, null)).ParamName);
        Assert.Equal("revenue", Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(definition, 0, 0, 0, 0, 0, 0, 1, null)).ParamName);
        var sd = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(definition, 0, 0, 0, 1, 0, 1, 1, 0.5));
        Assert.Equal("orderValueStandardDeviation", sd.ParamName);
        Assert.Equal(0.5, sd.ActualValue);
        Assert.Equal("orderValueStandardDeviation", Assert.Throws<ArgumentOutOfRangeException>(
            () => new PurchaseRateResult(definition, 0, 0, 0, 1, 1, 2, 1, double.NaN)).ParamName);
    }

    [Fact]
    public void Result_MoreBuyersThanCustomersAtTheEnd_WithTheWindowAsLongAsThePeriod_IsRefused()
    {
        // With a 30-day window over the 30-day period, "active at the end" is "bought in the period": 5 buyers are 5
        // customers at the end, not 1.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(Period(30), 0, 1, 1, 5, 0, 5, 10m, 0));

        Assert.Equal("buyers", e.ParamName);
        Assert.Equal(5L, e.ActualValue);
        Assert.Contains("customersAtEnd (1)", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_FewerBuyersThanCustomersAtTheEnd_IsRefused_WhateverTheWindow()
    {
        // A 10-day window: a customer active at the end bought in [day 50, day 60), inside the period, so 3 customers at
        // the end are at least 3 buyers; 2 cannot be.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(Period(10), 0, 3, 3, 2, 0, 2, 2m, 0));

        Assert.Equal("buyers", e.ParamName);
        Assert.Equal(2L, e.ActualValue);
        Assert.Contains("customersAtEnd (3)", e.Message, StringComparison.Ordinal);

        // The short window allows more buyers than customers at the end (one bought early in the period only).
        Assert.Equal(3, new PurchaseRateResult(Period(10), 0, 2, 2, 3, 0, 3, 3m, 0).Buyers);
    }

    [Fact]
    public void Result_MoreOrdersThanBuyersWithoutRepeatBuyers_IsRefused()
    {
        // No buyer bought twice, so 2 buyers placed exactly 2 orders, not 3.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(Period(30), 0, 2, 2, 2, 0, 3, 3m, 0));

        Assert.Equal("orders", e.ParamName);
        Assert.Equal(3L, e.ActualValue);
        Assert.Contains("exactly 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_ASpreadWithoutRevenue_IsRefused()
    {
        // Revenue 0 from orders worth 0 or more means every order is worth 0: the standard deviation is 0, not 5.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(Period(30), 0, 2, 2, 2, 0, 2, 0m, 5));

        Assert.Equal("orderValueStandardDeviation", e.ParamName);
        Assert.Equal(5.0, e.ActualValue);
        Assert.Contains("totalling 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_ASpreadAboveOneOrderHoldingAllTheRevenue_IsRefused_ButThatOrderItselfRoundTrips()
    {
        // Orders 6, 0, 0 spread the most that three orders of 0 or more totalling 6 can: mean 2, squared deviations
        // 16 + 4 + 4 = 24, s² = 24 / 2 = 12 = 6² / 3, s = 6 / √3 ≈ 3.4641. 3.5 is more than any such orders have.
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseRateResult(Period(30), 0, 2, 2, 2, 1, 3, 6m, 3.5));
        Assert.Equal("orderValueStandardDeviation", refused.ParamName);
        Assert.Equal(3.5, refused.ActualValue);

        var result = PurchaseRates.Compute(
            [new Transaction("a", Day(31), 6m), new Transaction("a", Day(32), 0m), new Transaction("b", Day(33), 0m)], Period(30));

        Assert.Equal(6 / Math.Sqrt(3), result.OrderValueStandardDeviation!.Value, 12);
        AssertRoundTrips(result);
    }

    [Fact]
    public void Result_RealResults_RoundTripUnderTheInvariants()
    {
        // Every window over the sample, and no orders at all: the counts that PurchaseRates makes satisfy every check.
        foreach (var window in new[] { 1, 10, 29.99, 30 })
        {
            AssertRoundTrips(PurchaseRates.Compute(Customers, Period(window)));
        }

        AssertRoundTrips(PurchaseRates.Compute([new Transaction("e", Day(29), 4m)], Period(30)));
        AssertRoundTrips(PurchaseRates.Compute([], Period(30)));
    }

    [Fact]
    public void Result_RandomPurchases_RoundTrip() =>
        Prop.ForAll(
            Arb.From(
                Gen.Choose(0, 30).SelectMany(length =>
                    (from customer in Gen.Choose(0, 4)
                     from hour in Gen.Choose(0, 24 * 60)
                     from cents in Gen.Choose(0, 5_000)
                     select new Transaction($"c{customer}", Origin.AddHours(hour), cents / 100m)).ArrayOf(length)),
                transactions => Enumerable.Range(0, transactions.Length).Select(i => transactions.Where((_, j) => j != i).ToArray())),
            Arb.From(Gen.Choose(1, 30)),
            (transactions, window) =>
            {
                // Purchases over days [0, 60) and the period [30, 60) with a window of 1 to 30 days.
                var result = PurchaseRates.Compute(transactions, Period(window));
                var info = EngagementJson.GetTypeInfo<PurchaseRateResult>();
                return JsonSerializer.Deserialize(JsonSerializer.Serialize(result, info), info) == result;
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void Json_RoundTripsTheResultAndRefusesADerivedMemberThatDisagrees()
    {
        var result = PurchaseRates.Compute(Customers, new PurchaseRateDefinition(Day(30), Day(60), TimeSpan.FromDays(30)));
        var info = EngagementJson.GetTypeInfo<PurchaseRateResult>();

        var text = JsonSerializer.Serialize(result, info);

        Assert.Equal(result, JsonSerializer.Deserialize(text, info));
        Assert.Contains("\"averageOrderValue\":24.5", text, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text.Replace("\"averageOrderValue\":24.5", "\"averageOrderValue\":25", StringComparison.Ordinal), info));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(text.Replace("\"buyers\":3", "\"buyers\":3,\"extra\":1", StringComparison.Ordinal), info));
    }

    private static DateTimeOffset Day(double day) => Origin.AddDays(day);

    /// <summary>The period [day 30, day 60) with an active window of <paramref name="days"/>.</summary>
    private static PurchaseRateDefinition Period(double days) => new(Day(30), Day(60), TimeSpan.FromDays(days));

    private static void AssertRoundTrips(PurchaseRateResult result)
    {
        var info = EngagementJson.GetTypeInfo<PurchaseRateResult>();
        Assert.Equal(result, JsonSerializer.Deserialize(JsonSerializer.Serialize(result, info), info));
        Assert.Equal(result, new PurchaseRateResult(
            result.Definition, result.CustomersAtStart, result.CustomersAtEnd, result.NewCustomers, result.Buyers, result.RepeatBuyers,
            result.Orders, result.Revenue, result.OrderValueStandardDeviation));
    }
}
