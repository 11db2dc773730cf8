using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Journeys;

public class SessionDefinitionTests
{
    [Fact]
    public void Default_IsGa4s()
    {
        var definition = new SessionDefinition();

        Assert.Equal(TimeSpan.FromMinutes(30), definition.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), definition.EngagedAfter);
        Assert.Equal(["page_view", "screen_view"], definition.ViewEvents);
        Assert.Empty(definition.KeyEvents);
        Assert.Equal(2, definition.MinimumViews);
        Assert.Null(definition.SessionIdProperty);
        Assert.Equal(
            "sessions by 00:30:00 timeout; engaged after 00:00:10, a key event (none) or 2 views (page_view, screen_view)",
            definition.ToString());
    }

    [Fact]
    public void Equality_ComparesEventNamesAsSets()
    {
        var a = new SessionDefinition { ViewEvents = ["page_view", "screen_view"], KeyEvents = ["purchase", "signup"] };
        var b = new SessionDefinition { ViewEvents = ["screen_view", "page_view"], KeyEvents = ["signup", "purchase"] };
        var c = new SessionDefinition { ViewEvents = ["page_view"], KeyEvents = ["signup", "purchase"] };

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(a != c);
        Assert.NotEqual(new SessionDefinition(), new SessionDefinition { SessionIdProperty = "sid" });
        Assert.NotEqual(new SessionDefinition(), new SessionDefinition { MinimumViews = 3 });
        Assert.NotEqual(new SessionDefinition(), new SessionDefinition { EngagedAfter = TimeSpan.Zero });
        Assert.NotEqual(new SessionDefinition(), new SessionDefinition { Timeout = TimeSpan.FromMinutes(29) });
    }

    [Fact]
    public void Json_RoundTrips_EveryMemberWritten()
    {
        var definition = new SessionDefinition
        {
            Timeout = TimeSpan.FromMinutes(15), KeyEvents = ["purchase"], MinimumViews = 3, SessionIdProperty = "session_id",
        };

        var (read, text) = Json.RoundTrip(definition, EngagementJson.GetTypeInfo<SessionDefinition>());

        Assert.Equal(definition, read);
        Assert.Equal(
            """{"timeout":"00:15:00","engagedAfter":"00:00:10","viewEvents":["page_view","screen_view"],"keyEvents":["purchase"],"minimumViews":3,"sessionIdProperty":"session_id"}""",
            text);
    }

    [Fact]
    public void Json_MissingMember_IsRejected()
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(new SessionDefinition(), EngagementJson.GetTypeInfo<SessionDefinition>()))!.AsObject();
        foreach (var name in node.Select(pair => pair.Key).ToArray())
        {
            var missing = node.DeepClone().AsObject();
            missing.Remove(name);
            var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(missing.ToJsonString(), EngagementJson.GetTypeInfo<SessionDefinition>()));
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<TimeSpan> NotPositive => [TimeSpan.Zero, TimeSpan.FromTicks(-1), TimeSpan.MinValue];

    [Theory]
    [MemberData(nameof(NotPositive))]
    public void Timeout_NotPositive_IsRejectedEchoingIt(TimeSpan timeout)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SessionDefinition { Timeout = timeout });

        Assert.Equal("timeout", e.ParamName);
        Assert.Equal(timeout, e.ActualValue);
        Assert.Contains(timeout.ToString("c", CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EngagedAfter_Negative_IsRejected_ZeroIsFine()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SessionDefinition { EngagedAfter = TimeSpan.FromSeconds(-1) });

        Assert.Equal("engagedAfter", e.ParamName);
        Assert.Contains("-00:00:01", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, new SessionDefinition { EngagedAfter = TimeSpan.Zero }.EngagedAfter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void MinimumViews_BelowOne_IsRejected(int views)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SessionDefinition { MinimumViews = views });

        Assert.Equal("minimumViews", e.ParamName);
        Assert.Equal(views, e.ActualValue);
        Assert.Contains(views.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventNames_NullBlankOrRepeated_AreRejectedNamingTheList()
    {
        Assert.Equal("viewEvents", Assert.Throws<ArgumentNullException>(() => new SessionDefinition { ViewEvents = null! }).ParamName);
        Assert.Equal("keyEvents", Assert.Throws<ArgumentNullException>(() => new SessionDefinition { KeyEvents = ["a", null!] }).ParamName);
        var blank = Assert.Throws<ArgumentException>(() => new SessionDefinition { ViewEvents = ["page_view", "\t"] });
        Assert.Equal("viewEvents", blank.ParamName);
        Assert.Contains("index 1", blank.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => new SessionDefinition { KeyEvents = ["buy", "buy"] });
        Assert.Equal("keyEvents", twice.ParamName);
        Assert.Contains("'buy'", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionIdProperty_Blank_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new SessionDefinition { SessionIdProperty = " " });

        Assert.Equal("sessionIdProperty", e.ParamName);
    }

    [Fact]
    public void ListsAreCopied()
    {
        var names = new List<string> { "buy" };
        var definition = new SessionDefinition { KeyEvents = names };

        names.Add("sell");

        Assert.Equal(["buy"], definition.KeyEvents);
    }

    [Fact]
    public void Result_WithInconsistentCounts_IsRejected()
    {
        var d = new SessionDefinition();

        Assert.Equal("engagedSessions", Assert.Throws<ArgumentOutOfRangeException>(() => new SessionResult(d, 1, 2, 1, 0, TimeSpan.Zero, TimeSpan.Zero)).ParamName);
        Assert.Equal("events", Assert.Throws<ArgumentOutOfRangeException>(() => new SessionResult(d, 2, 0, 1, 0, TimeSpan.Zero, TimeSpan.Zero)).ParamName);
        Assert.Equal("views", Assert.Throws<ArgumentOutOfRangeException>(() => new SessionResult(d, 1, 0, 1, 2, TimeSpan.Zero, TimeSpan.Zero)).ParamName);
        Assert.Equal("meanDuration", Assert.Throws<ArgumentOutOfRangeException>(() => new SessionResult(d, 0, 0, 0, 0, TimeSpan.Zero, null)).ParamName);
        Assert.Equal("medianDuration", Assert.Throws<ArgumentOutOfRangeException>(() => new SessionResult(d, 1, 0, 1, 0, TimeSpan.Zero, null)).ParamName);
        Assert.Equal("meanDuration", Assert.Throws<ArgumentOutOfRangeException>(() => new SessionResult(d, 1, 0, 1, 0, TimeSpan.FromTicks(-1), TimeSpan.Zero)).ParamName);
    }

    [Fact]
    public void Result_Json_WithAForgedRate_IsRejected()
    {
        var result = new SessionResult(new SessionDefinition(), 4, 2, 6, 3, TimeSpan.FromSeconds(8.5), TimeSpan.FromSeconds(2));
        var node = JsonNode.Parse(JsonSerializer.Serialize(result, EngagementJson.GetTypeInfo<SessionResult>()))!.AsObject();
        node["viewsPerSession"] = 0.9;

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(node.ToJsonString(), EngagementJson.GetTypeInfo<SessionResult>()));

        Assert.Contains("viewsPerSession", e.Message, StringComparison.Ordinal);
        Assert.Equal(MetricKind.Sessions, result.Definition.Kind);
        Assert.Equal("4 sessions, engagement 50.00% (2/4), mean 00:00:08.5000000, median 00:00:02, 0.75 views per session", result.ToString());
    }
}
