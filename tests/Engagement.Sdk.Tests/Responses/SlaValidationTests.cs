using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;
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

    private static SlaGroup Group(SlaMetric metric, long achieved, long notApplicable = 0, InquiryPriority priority = InquiryPriority.Normal) =>
        new(Channels.Email, priority, metric, new SlaCounts(achieved, 0, 0, 0, notApplicable, TimeSpan.Zero));

    [Fact]
    public void Result_NotApplicableResolution_Throws()
    {
        // The kernel measures a resolution (solved) or keeps it open (unsolved): it is never not applicable.
        var e = Assert.Throws<ArgumentException>(() => new SlaResult(At(9, 9), 1, 0, [Group(SlaMetric.Resolution, 0, notApplicable: 1)], []));

        Assert.Equal("groups", e.ParamName);
        Assert.Contains("Resolution", e.Message, StringComparison.Ordinal);
        Assert.Contains("has 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_PerInquiryMetricsCountingDifferently_Throws()
    {
        // Two matched email × Normal inquiries: each gets one NextReply and one Resolution evaluation, so 2 and 1 cannot be.
        var e = Assert.Throws<ArgumentException>(() => new SlaResult(At(9, 9), 2, 0, [Group(SlaMetric.NextReply, 2), Group(SlaMetric.Resolution, 1)], []));

        Assert.Equal("groups", e.ParamName);
        Assert.Contains("1 evaluations, the one before it 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_MoreFirstRepliesThanResolutions_Throws()
    {
        // FirstReply is skipped for inquiries the brand started, never added: 2 first replies but 1 resolution cannot be.
        var e = Assert.Throws<ArgumentException>(() => new SlaResult(At(9, 9), 2, 0, [Group(SlaMetric.FirstReply, 2), Group(SlaMetric.Resolution, 1)], []));

        Assert.Equal("groups", e.ParamName);
        Assert.Contains("has 2 evaluations, the others 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_FewerFirstRepliesOrOtherPriorities_AreAccepted()
    {
        // One of two inquiries started by the brand: 1 first reply, 2 resolutions; the Urgent cell counts on its own.
        var result = new SlaResult(
            At(9, 9), 3, 0, [Group(SlaMetric.FirstReply, 1), Group(SlaMetric.Resolution, 2), Group(SlaMetric.Resolution, 1, priority: InquiryPriority.Urgent)], []);

        Assert.Equal(3, result.ForMetric(SlaMetric.Resolution).Evaluations);
    }

    [Fact]
    public void Result_FromTheKernel_WithProactiveInquiries_IsAccepted()
    {
        // A brand-started inquiry has no first reply but a resolution, next reply and periodic update: FR 1 < 2.
        var policy = Policy(
            new SlaTarget(SlaMetric.FirstReply, Hours(1)), new SlaTarget(SlaMetric.NextReply, Hours(1)),
            new SlaTarget(SlaMetric.PeriodicUpdate, Hours(8)), new SlaTarget(SlaMetric.Resolution, Hours(8)));
        Inquiry[] inquiries =
        [
            Inquiry(At(9, 9), [Customer(At(9, 9))], id: "customer"),
            Inquiry(At(9, 9), [Agent(At(9, 9))], initiator: InquiryInitiator.Brand, id: "brand"),
        ];

        var accumulator = new SlaAccumulator(new SlaDefinition(policy, At(9, 10)));
        accumulator.Add(inquiries);
        var result = accumulator.ToResult();

        Assert.Equal((1L, 2L), (result.ForMetric(SlaMetric.FirstReply).Evaluations, result.ForMetric(SlaMetric.Resolution).Evaluations));
        Assert.Equal(accumulator.GetState(), SlaAccumulator.FromState(accumulator.GetState()).GetState());
    }

    [Fact]
    public void State_UnmatchedUnderACatchAllRule_Throws()
    {
        // Policy(...) has one rule for any channel and any priority: no inquiry can be unmatched.
        var sla = new SlaDefinition(Policy(OneHour), At(9, 10));
        var valid = new SlaState(SlaState.CurrentVersion, MetricDefinition.Sla, sla, 1, 0, [Group(SlaMetric.FirstReply, 1)], []);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaState(SlaState.CurrentVersion, MetricDefinition.Sla, sla, 2, 1, valid.Groups, []));

        Assert.Equal(("unmatched", (object)1L), (e.ParamName, e.ActualValue));
    }

    [Fact]
    public void State_CellWithoutAResolutionItsRuleSets_Throws()
    {
        // The rule sets FirstReply and Resolution: each matched inquiry gets a Resolution evaluation, so a first reply
        // counted without any resolution cannot be.
        var sla = new SlaDefinition(Policy(OneHour, new SlaTarget(SlaMetric.Resolution, Hours(8))), At(9, 10));

        var e = Assert.Throws<ArgumentException>(() => new SlaState(SlaState.CurrentVersion, MetricDefinition.Sla, sla, 1, 0, [Group(SlaMetric.FirstReply, 1)], []));

        Assert.Equal("groups", e.ParamName);
        Assert.Contains("Resolution evaluation", e.Message, StringComparison.Ordinal);
    }
}
