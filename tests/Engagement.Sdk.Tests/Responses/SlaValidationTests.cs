using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.SlaTestData;

namespace Engagement.Sdk.Tests.Responses;

public class SlaValidationTests
{
    private static readonly SlaTarget OneHour = new(SlaMetric.FirstReply, Hours(1));

    [Theory]
    [InlineData(0L, "00:00:00")]
    [InlineData(-600_000_000L, "-00:01:00")]
    [InlineData(315_360_000_000_001L, "365.00:00:00.0000001")]
    public void Target_NotPositiveOrOverAYear_Throws(long ticks, string echoed)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromTicks(ticks)));

        Assert.Equal("target", e.ParamName);
        Assert.Equal(TimeSpan.FromTicks(ticks), e.ActualValue);
        Assert.Contains(echoed, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_UndefinedEnums_Throw()
    {
        Assert.Equal("metric", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget((SlaMetric)7, Hours(1))).ParamName);
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaMetric.FirstReply, Hours(1), (TimeBasis)2)).ParamName);
        Assert.Equal(SlaTarget.MaxTarget, new SlaTarget(SlaMetric.Resolution, SlaTarget.MaxTarget).Target);
    }

    [Fact]
    public void Rule_TwoTargetsOfOneMetric_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new SlaPolicyRule(null, null, [OneHour, new SlaTarget(SlaMetric.FirstReply, Hours(2), TimeBasis.Calendar)]));

        Assert.Equal("targets", e.ParamName);
        Assert.Contains("FirstReply within 01:00:00 business time", e.Message, StringComparison.Ordinal);
        Assert.Contains("FirstReply within 02:00:00 calendar time", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_NullOrUndefinedParts_Throw()
    {
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => new SlaPolicyRule(null, null, [OneHour, null!])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentNullException>(() => new SlaPolicyRule(null, null, null!)).ParamName);
        Assert.Equal("priority", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaPolicyRule(null, (InquiryPriority)9, [OneHour])).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaPolicyRule(null, null, [OneHour]).GetTarget((SlaMetric)9)).ParamName);
    }

    [Fact]
    public void Policy_WithoutRules_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new SlaPolicy("support", NineToFive, []));

        Assert.Equal("rules", e.ParamName);
        Assert.Contains("'support'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_BadParts_Throw()
    {
        SlaPolicyRule rule = new(null, null, [OneHour]);

        Assert.Equal("rules", Assert.Throws<ArgumentException>(() => new SlaPolicy("support", NineToFive, [rule, null!])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new SlaPolicy(" support", NineToFive, [rule])).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => new SlaPolicy("support", null!, [rule])).ParamName);
        Assert.Equal("rules", Assert.Throws<ArgumentNullException>(() => new SlaPolicy("support", NineToFive, null!)).ParamName);
        var never = new BusinessCalendar("Europe/Amsterdam", []);
        Assert.Equal("calendar", Assert.Throws<ArgumentException>(() => new SlaPolicy("support", never, [rule])).ParamName);
        Assert.NotNull(new SlaPolicy("support", never, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, Hours(1), TimeBasis.Calendar)])]));
    }

    [Fact]
    public void Definition_NegativeQueueLimit_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaDefinition(Policy(OneHour), At(2, 9), -1));

        Assert.Equal(("openQueueLimit", -1), (e.ParamName, (int)e.ActualValue!));
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new SlaDefinition(null!, At(2, 9))).ParamName);
        Assert.Equal(SlaDefinition.DefaultOpenQueueLimit, new SlaDefinition(Policy(OneHour), At(2, 9)).OpenQueueLimit);
    }

    [Theory]
    [InlineData(SlaStatus.Achieved, 2.0, null, null, null, "measured")]       // measured above the 1 h target
    [InlineData(SlaStatus.Breached, 0.5, null, null, null, "measured")]       // measured within it
    [InlineData(SlaStatus.Breached, 2.0, null, null, 0.5, "breach")]          // breach is not measured − target
    [InlineData(SlaStatus.Achieved, 0.5, true, null, null, "dueAt")]          // a due time for a measured target
    [InlineData(SlaStatus.OpenWithinTarget, null, null, 0.5, null, "dueAt")]  // no due time for an open one
    [InlineData(SlaStatus.OpenWithinTarget, null, true, -0.5, null, "timeLeft")]
    [InlineData(SlaStatus.OpenWithinTarget, null, true, 2.0, null, "timeLeft")] // more left than the target
    [InlineData(SlaStatus.OpenBreached, null, true, -0.5, 1.0, "breach")]
    [InlineData(SlaStatus.NotApplicable, 0.5, null, null, null, "measured")]
    public void Evaluation_AgainstItsStatus_Throws(SlaStatus status, double? measured, bool? due, double? left, double? breach, string field)
    {
        var e = Assert.Throws<ArgumentException>(() => new SlaEvaluation(
            "i-1", "c-1", Channels.Email, InquiryPriority.Normal, OneHour, status,
            measured is { } m ? Hours(m) : null, due is true ? At(2, 10) : null, left is { } l ? Hours(l) : null, breach is { } b ? Hours(b) : null));

        Assert.Equal(field, e.ParamName);
        Assert.Contains(status.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_BreachThatDoesNotFit_Throws()
    {
        Assert.Equal("totalBreach", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaCounts(1, 0, 0, 0, 0, Hours(1))).ParamName);
        Assert.Equal("totalBreach", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaCounts(0, 2, 0, 0, 0, TimeSpan.FromTicks(1))).ParamName);
        Assert.Equal("notApplicable", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaCounts(0, 0, 0, 0, -1, TimeSpan.Zero)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaGroup(Channels.Email, InquiryPriority.Low, SlaMetric.FirstReply, SlaCounts.Empty)).ParamName);
    }

    [Fact]
    public void QueueEntry_BlankIds_Throw()
    {
        Assert.Equal("inquiryId", Assert.Throws<ArgumentException>(() => new SlaQueueEntry(" ", "c", Channels.Email, InquiryPriority.Low, SlaMetric.FirstReply, At(2, 9), Hours(1))).ParamName);
        Assert.Equal("customerId", Assert.Throws<ArgumentException>(() => new SlaQueueEntry("i", "", Channels.Email, InquiryPriority.Low, SlaMetric.FirstReply, At(2, 9), Hours(1))).ParamName);
    }

    [Fact]
    public void Evaluation_FromJsonAgainstItsStatus_IsRejectedNamingTheField()
    {
        var achieved = EvaluateOne(Inquiry(At(2, 9), [Customer(At(2, 9)), Agent(At(2, 9, 30))]), OneHour, At(2, 10));
        var json = JsonSerializer.Serialize(achieved, EngagementJson.GetTypeInfo<SlaEvaluation>()).Replace("\"measured\":\"00:30:00\"", "\"measured\":\"01:30:00\"", StringComparison.Ordinal);

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<SlaEvaluation>()));

        Assert.Equal("measured", Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);
    }
}
