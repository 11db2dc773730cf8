using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The summary definition and report: validation, equality and strict JSON.</summary>
public class CustomerSummaryDefinitionTests
{
    private static readonly DateTimeOffset End = new(1997, 9, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_Defaults_AreDaysInUtcWithoutHoldout()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, End);

        Assert.Equal(TimeUnit.Week, definition.Unit);
        Assert.Equal(End, definition.CalibrationEnd);
        Assert.Null(definition.ObservationEnd);
        Assert.Null(definition.HoldoutLength);
        Assert.Equal(End, definition.LastInstant);
        Assert.Equal(TimeUnit.Day, definition.MergeUnit);
        Assert.Equal("UTC", definition.TimeZoneId);
    }

    [Fact]
    public void Constructor_AnObservationEndNotAfterTheCalibrationEnd_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummaryDefinition(TimeUnit.Day, End, End));

        Assert.Equal("observationEnd", e.ParamName);
        Assert.Equal(End, e.ActualValue);
        Assert.Contains("1997-09-30T00:00:00.0000000+00:00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UndefinedUnits_AreRefused()
    {
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummaryDefinition((TimeUnit)9, End)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummaryDefinition(TimeUnit.Day, End, mergeUnit: (TimeUnit)(-1)));
        Assert.Equal("mergeUnit", e.ParamName);
        Assert.Contains("-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AnUnknownZone_IsRefusedAndEchoed()
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerSummaryDefinition(TimeUnit.Day, End, timeZoneId: "Mars/Olympus"));

        Assert.Equal("timeZoneId", e.ParamName);
        Assert.Contains("Mars/Olympus", e.Message, StringComparison.Ordinal);
        Assert.Equal("timeZoneId", Assert.Throws<ArgumentNullException>(() => new CustomerSummaryDefinition(TimeUnit.Day, End, timeZoneId: null!)).ParamName);
    }

    [Fact]
    public void Equality_ComparesEveryMemberAndTheEndsAsInstants()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Week, End, End.AddDays(273), TimeUnit.Day, "Europe/Amsterdam");

        Assert.Equal(definition, new CustomerSummaryDefinition(TimeUnit.Week, End.ToOffset(TimeSpan.FromHours(2)), End.AddDays(273), TimeUnit.Day, "Europe/Amsterdam"));
        Assert.Equal(definition.GetHashCode(), new CustomerSummaryDefinition(TimeUnit.Week, End, End.AddDays(273), TimeUnit.Day, "Europe/Amsterdam").GetHashCode());
        Assert.NotEqual(definition, new CustomerSummaryDefinition(TimeUnit.Day, End, End.AddDays(273), TimeUnit.Day, "Europe/Amsterdam"));
        Assert.NotEqual(definition, new CustomerSummaryDefinition(TimeUnit.Week, End.AddDays(1), End.AddDays(273), TimeUnit.Day, "Europe/Amsterdam"));
        Assert.NotEqual(definition, new CustomerSummaryDefinition(TimeUnit.Week, End, null, TimeUnit.Day, "Europe/Amsterdam"));
        Assert.NotEqual(definition, new CustomerSummaryDefinition(TimeUnit.Week, End, End.AddDays(273), TimeUnit.Week, "Europe/Amsterdam"));
        Assert.NotEqual(definition, new CustomerSummaryDefinition(TimeUnit.Week, End, End.AddDays(273), TimeUnit.Day, "UTC"));
        Assert.True(definition != null);
        Assert.Equal(39, definition.HoldoutLength);
    }

    [Fact]
    public void Json_RoundTripsTheDefinition()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Month, End, End.AddDays(100), TimeUnit.Week, "Europe/Amsterdam");
        var info = EngagementJson.GetTypeInfo<CustomerSummaryDefinition>();

        var text = JsonSerializer.Serialize(definition, info);
        var read = JsonSerializer.Deserialize(text, info);

        Assert.Equal(definition, read);
        Assert.Equal(
            """{"unit":"Month","calibrationEnd":"1997-09-30T00:00:00+00:00","observationEnd":"1998-01-08T00:00:00+00:00","mergeUnit":"Week","timeZoneId":"Europe/Amsterdam"}""",
            text);
    }

    [Theory]
    [InlineData("""{"unit":"Week","calibrationEnd":"1997-09-30T00:00:00+00:00","observationEnd":null,"mergeUnit":"Day","timeZoneId":"UTC","extra":1}""")]
    [InlineData("""{"unit":"Week","observationEnd":null,"mergeUnit":"Day","timeZoneId":"UTC"}""")]
    [InlineData("""{"unit":"week","calibrationEnd":"1997-09-30T00:00:00+00:00","observationEnd":null,"mergeUnit":"Day","timeZoneId":"UTC"}""")]
    [InlineData("""{"unit":1,"calibrationEnd":"1997-09-30T00:00:00+00:00","observationEnd":null,"mergeUnit":"Day","timeZoneId":"UTC"}""")]
    [InlineData("""{"unit":"Week","calibrationEnd":"1997-09-30T00:00:00+00:00","observationEnd":"1997-09-01T00:00:00+00:00","mergeUnit":"Day","timeZoneId":"UTC"}""")]
    [InlineData("""{"unit":"Week","calibrationEnd":"1997-09-30T00:00:00+00:00","observationEnd":null,"mergeUnit":"Day","timeZoneId":"Nowhere"}""")]
    [InlineData("null")]
    public void Json_RefusesWhatIsNotAValidDefinition(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<CustomerSummaryDefinition>()));

    [Fact]
    public void Report_RoundTripsThroughJson()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Day, End, End.AddDays(10));
        Transaction[] transactions =
        [
            new("a", End.AddDays(-3), 1.25m), new("a", End.AddDays(-1), 2m), new("a", End.AddDays(2), 3m), new("b", End.AddDays(5), 4m),
        ];
        var report = CustomerSummaryBuilder.BuildReport(transactions, definition);
        var info = EngagementJson.GetTypeInfo<CustomerSummaryReport>();

        var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(report, info), info);

        Assert.Equal(report, read);
        Assert.NotEqual(report, CustomerSummaryBuilder.BuildReport(transactions.AsSpan(0, 3), definition));
        Assert.Equal("1 customers from 4 transactions; 1 customers (1 transactions) after calibration", report.ToString());
    }

    [Fact]
    public void Report_Inconsistencies_AreRefused()
    {
        var definition = new CustomerSummaryDefinition(TimeUnit.Day, End);
        var summaries = new CustomerSummaries(TimeUnit.Day, [new CustomerSummary("a", 0, 0, 1)]);

        Assert.Equal("summaries", Assert.Throws<ArgumentException>(
            () => new CustomerSummaryReport(definition, new CustomerSummaries(TimeUnit.Week, []), 0, 0, 0)).ParamName);
        Assert.Equal("summaries", Assert.Throws<ArgumentException>(
            () => new CustomerSummaryReport(definition, new CustomerSummaries(TimeUnit.Day, [new CustomerSummary("a", 0, 0, 1, null, 0)], 2), 1, 0, 0)).ParamName);
        Assert.Equal("transactionsAfterCalibration", Assert.Throws<ArgumentOutOfRangeException>(
            () => new CustomerSummaryReport(definition, summaries, 5, 2, 1)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerSummaryReport(definition, summaries, 2, 1, 2));
        Assert.Equal("transactions", e.ParamName);
        Assert.Equal(2L, e.ActualValue);
        Assert.Equal("customersAfterCalibration", Assert.Throws<ArgumentOutOfRangeException>(
            () => new CustomerSummaryReport(definition, summaries, 5, -1, 0)).ParamName);
    }
}
