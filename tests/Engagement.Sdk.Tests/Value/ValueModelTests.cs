using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The value model on main: time units, transactions and customer summaries, by hand.</summary>
public class ValueModelTests
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TimeUnit.Day, 1)]
    [InlineData(TimeUnit.Week, 7)]
    [InlineData(TimeUnit.Month, 30.436875)] // 365.2425 / 12
    [InlineData(TimeUnit.Year, 365.2425)] // 146,097 days / 400 years
    public void Days_AreTheUnitsFixedLengths(TimeUnit unit, double days) => Assert.Equal(days, TimeUnits.Days(unit));

    [Fact]
    public void Measure_Between_ToTimeSpan_ConvertByHand()
    {
        // Ten and a half days are 1.5 weeks; 1 January to 1 March 2024 is 31 + 29 = 60 days = 60 / 30.436875 months.
        Assert.Equal(1.5, TimeUnits.Measure(TimeSpan.FromDays(10.5), TimeUnit.Week));
        Assert.Equal(60 / 30.436875, TimeUnits.Between(Jan1, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeUnit.Month), 14);
        Assert.Equal(-2, TimeUnits.Between(Jan1.AddDays(14), Jan1, TimeUnit.Week));
        Assert.Equal(TimeSpan.FromDays(365.2425), TimeUnits.ToTimeSpan(1, TimeUnit.Year));
        Assert.Equal(TimeSpan.FromHours(36), TimeUnits.ToTimeSpan(1.5, TimeUnit.Day));
    }

    [Fact]
    public void TimeUnits_BadArguments_AreRefused()
    {
        var unit = Assert.Throws<ArgumentOutOfRangeException>(() => TimeUnits.Days((TimeUnit)7));
        Assert.Equal("unit", unit.ParamName);
        Assert.Contains("7", unit.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => TimeUnits.ToTimeSpan(double.NaN, TimeUnit.Day));
        Assert.Equal("amount", nan.ParamName);
        var huge = Assert.Throws<ArgumentOutOfRangeException>(() => TimeUnits.ToTimeSpan(1e9, TimeUnit.Year));
        Assert.Equal("amount", huge.ParamName);
        Assert.Equal(1e9, huge.ActualValue);
    }

    [Fact]
    public void Transaction_IsValidatedAndDefaultHasNoCustomer()
    {
        Assert.Equal("customerId", Assert.Throws<ArgumentNullException>(() => new Transaction(null!, Jan1, 1m)).ParamName);
        var blank = Assert.Throws<ArgumentException>(() => new Transaction(" ", Jan1, 1m));
        Assert.Equal("customerId", blank.ParamName);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new Transaction("a", Jan1, -0.01m));
        Assert.Equal("value", negative.ParamName);
        Assert.Equal(-0.01m, negative.ActualValue);
        Assert.True(default(Transaction).IsDefault);
        Assert.Equal("default(Transaction)", default(Transaction).ToString());
        Assert.False(new Transaction("a", Jan1, 0m).IsDefault);
        Assert.Equal(new Transaction("a", Jan1, 1.5m), new Transaction("a", Jan1, 1.50m));
        Assert.NotEqual(new Transaction("a", Jan1, 1.5m), new Transaction("b", Jan1, 1.5m));
    }

    [Theory]
    [InlineData(-1, 0, 1, null, "frequency")]
    [InlineData(0, 0.5, 1, null, "recency")]
    [InlineData(1, 2, 1, null, "recency")]
    [InlineData(1, 0.5, double.NaN, null, "t")]
    [InlineData(1, 0.5, 1, -1.0, "monetaryValue")]
    [InlineData(0, 0, 1, 3.0, "monetaryValue")]
    public void CustomerSummary_ImpossibleHistories_AreRefusedNamingTheField(int x, double tx, double t, double? zbar, string field)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummary("a", x, tx, t, zbar));

        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void CustomerSummary_HoldoutValues_NeedHoldoutPurchases()
    {
        Assert.Equal("holdoutValue", Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummary("a", 0, 0, 1, null, 0, 2.0)).ParamName);
        Assert.Equal("holdoutFrequency", Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummary("a", 0, 0, 1, null, -1)).ParamName);
        var echoed = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummary("a", 1, 2, 1));
        Assert.Equal(2.0, echoed.ActualValue);
    }

    [Fact]
    public void CustomerSummaries_FromColumns_CopiesValidatesAndNumbersTheCustomers()
    {
        int[] x = [2, 0];
        double[] tx = [30.43, 0];
        double[] t = [38.86, 38.86];
        double[] zbar = [22.35, double.NaN];

        var summaries = CustomerSummaries.FromColumns(TimeUnit.Week, x, tx, t, zbar);
        x[0] = 9;

        Assert.Equal(2, summaries.Count);
        Assert.Equal(new CustomerSummary("1", 2, 30.43, 38.86, 22.35), summaries.Customers[0]);
        Assert.Equal(new CustomerSummary("2", 0, 0, 38.86), summaries.Customers[1]);

        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSummaries.FromColumns(TimeUnit.Week, [1, 1], [1, 5], [2, 2]));
        Assert.Equal("recency", bad.ParamName);
        Assert.Contains("index 1", bad.Message, StringComparison.Ordinal);
        Assert.Equal("t", Assert.Throws<ArgumentException>(() => CustomerSummaries.FromColumns(TimeUnit.Week, [1], [1], [2, 3])).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSummaries.FromColumns((TimeUnit)4, [], [], [])).ParamName);
    }

    [Fact]
    public void CustomerSummaries_HoldoutForAllOrNone()
    {
        CustomerSummary with = new("a", 0, 0, 1, null, 1, 5.0), without = new("b", 0, 0, 1);

        Assert.Equal("customers", Assert.Throws<ArgumentException>(() => new CustomerSummaries(TimeUnit.Day, [with, without], 3)).ParamName);
        Assert.Equal("customers", Assert.Throws<ArgumentException>(() => new CustomerSummaries(TimeUnit.Day, [without, with], 3)).ParamName);
        Assert.Equal("holdoutLength", Assert.Throws<ArgumentException>(() => new CustomerSummaries(TimeUnit.Day, [with])).ParamName);
        Assert.Equal("holdoutLength", Assert.Throws<ArgumentException>(() => new CustomerSummaries(TimeUnit.Day, [without], 3)).ParamName);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummaries(TimeUnit.Day, [with], 0));
        Assert.Equal("holdoutLength", zero.ParamName);
    }

    [Fact]
    public void Json_RoundTripsTheModel()
    {
        var summaries = new CustomerSummaries(TimeUnit.Week, [new("a", 2, 30.43, 38.86, 22.35, 1, 26.48), new("b", 0, 0, 38.86, null, 0)], 39);
        var transaction = new Transaction("a", Jan1.ToOffset(TimeSpan.FromHours(2)), 29.33m);

        var readSummaries = RoundTrip(summaries);
        Assert.Equal(summaries.Customers, readSummaries.Customers);
        Assert.Equal(39, readSummaries.HoldoutLength);
        Assert.Equal(TimeUnit.Week, readSummaries.Unit);
        var readTransaction = RoundTrip(transaction);
        Assert.Equal(transaction, readTransaction);
        Assert.Equal(TimeSpan.FromHours(2), readTransaction.Time.Offset);
        Assert.Equal(TimeUnit.Month, RoundTrip(TimeUnit.Month));
    }

    [Theory]
    [InlineData("""{"customerId":"a","frequency":1,"recency":2,"t":1,"monetaryValue":null,"holdoutFrequency":null,"holdoutValue":null}""")]
    [InlineData("""{"customerId":"a","frequency":0,"recency":0,"monetaryValue":null,"holdoutFrequency":null,"holdoutValue":null}""")]
    [InlineData("""{"customerId":"a","frequency":0,"recency":0,"t":1,"monetaryValue":null,"holdoutFrequency":null,"holdoutValue":null,"x":1}""")]
    [InlineData("""{"customerId":" ","frequency":0,"recency":0,"t":1,"monetaryValue":null,"holdoutFrequency":null,"holdoutValue":null}""")]
    public void Json_RefusesImpossibleOrIncompleteSummaries(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<CustomerSummary>()));

    [Theory]
    [InlineData("""{"customerId":"a","time":"2024-01-01T00:00:00+00:00","value":-1}""")]
    [InlineData("""{"customerId":null,"time":"2024-01-01T00:00:00+00:00","value":1}""")]
    [InlineData("""{"customerId":"a","value":1}""")]
    [InlineData("\"Fortnight\"")]
    public void Json_RefusesBadTransactionsAndUnits(string json)
    {
        if (json.StartsWith('"'))
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<TimeUnit>()));
        }
        else
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<Transaction>()));
        }
    }

    private static T RoundTrip<T>(T value)
    {
        var info = EngagementJson.GetTypeInfo<T>();
        return JsonSerializer.Deserialize(JsonSerializer.Serialize(value, info), info)!;
    }
}
