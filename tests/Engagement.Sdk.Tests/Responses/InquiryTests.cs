using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses;

public sealed class InquiryTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset At(int minutes) => Opened.AddMinutes(minutes);

    private static Inquiry Create(InquiryMessage[]? messages = null, InquiryStatusChange[]? changes = null, InquiryInitiator initiator = InquiryInitiator.Customer) =>
        new("T-1", "c-1", Channels.Email, InquiryPriority.Normal, Opened, messages, changes, initiator);

    [Fact]
    public void A_new_inquiry_without_history_is_new_unanswered_and_unsolved()
    {
        var inquiry = Create();

        Assert.Equal(InquiryStatus.New, inquiry.Status);
        Assert.Null(inquiry.FirstResponse);
        Assert.Null(inquiry.FirstSolvedAt);
        Assert.Null(inquiry.SolvedAt);
        Assert.False(inquiry.IsSolved);
        Assert.Equal(0, inquiry.Reopens);
        Assert.Equal(0, inquiry.PublicResponseCount);
        Assert.Equal(Opened, inquiry.LastEventAt);
        Assert.Empty(inquiry.Messages);
        Assert.Empty(inquiry.StatusChanges);
    }

    [Fact]
    public void Derived_facts_follow_the_history()
    {
        // Customer asks at 0; an internal note at 5 is not a response; the bot answers at 10 (the first response);
        // a person at 30. Open at 1, solved at 40, reopened at 50, solved again at 70, closed at 90.
        var inquiry = Create(
            [
                InquiryMessage.FromCustomer(At(0)),
                new InquiryMessage(At(5), MessageAuthor.Agent, ResponseType.Manual, isPublic: false),
                InquiryMessage.FromBot(At(10)),
                InquiryMessage.FromAgent(At(30)),
            ],
            [
                new(At(1), InquiryStatus.Open),
                new(At(40), InquiryStatus.Solved),
                new(At(50), InquiryStatus.Open),
                new(At(70), InquiryStatus.Solved),
                new(At(90), InquiryStatus.Closed),
            ]);

        Assert.Equal(InquiryStatus.Closed, inquiry.Status);
        Assert.True(inquiry.IsSolved);
        Assert.Equal(At(10), inquiry.FirstResponse!.Timestamp);
        Assert.Equal(MessageAuthor.Bot, inquiry.FirstResponse.Author);
        Assert.Equal(2, inquiry.PublicResponseCount);
        Assert.Equal(At(40), inquiry.FirstSolvedAt);
        Assert.Equal(At(70), inquiry.SolvedAt);    // the latest solve, as Zendesk's full resolution time
        Assert.Equal(1, inquiry.Reopens);          // Solved → Open once; Solved → Closed is no reopen
        Assert.Equal(At(90), inquiry.LastEventAt); // the close at 90 is later than the last message at 30
    }

    [Fact]
    public void A_reopened_inquiry_that_is_open_now_has_no_solved_time()
    {
        var inquiry = Create(changes: [new(At(10), InquiryStatus.Solved), new(At(20), InquiryStatus.Pending)]);

        Assert.Equal(InquiryStatus.Pending, inquiry.Status);
        Assert.Null(inquiry.SolvedAt);
        Assert.Equal(At(10), inquiry.FirstSolvedAt);
        Assert.Equal(1, inquiry.Reopens);
        Assert.Equal(At(20), inquiry.LastEventAt);  // no messages: the last status change
    }

    [Fact]
    public void Equal_times_are_allowed_and_keep_their_order()
    {
        var inquiry = Create([InquiryMessage.FromCustomer(At(0)), InquiryMessage.FromAgent(At(0))], [new(At(0), InquiryStatus.Open)]);

        Assert.Equal(MessageAuthor.Agent, inquiry.Messages[1].Author);
        Assert.Equal(At(0), inquiry.FirstResponse!.Timestamp);
    }

    [Fact]
    public void A_message_before_the_opening_is_refused_with_index_and_times()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Create([InquiryMessage.FromCustomer(At(-1))]));

        Assert.Equal("messages", ex.ParamName);
        Assert.Contains("messages[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the opening", ex.Message, StringComparison.Ordinal);
        Assert.Contains("08:59:00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_out_of_order_are_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Create([InquiryMessage.FromCustomer(At(10)), InquiryMessage.FromAgent(At(5))]));

        Assert.Equal("messages", ex.ParamName);
        Assert.Contains("messages[1]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("messages[0]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_change_before_the_opening_or_out_of_order_is_refused()
    {
        var early = Assert.Throws<ArgumentOutOfRangeException>(() => Create(changes: [new(At(-5), InquiryStatus.Open)]));
        var backwards = Assert.Throws<ArgumentOutOfRangeException>(() => Create(changes: [new(At(20), InquiryStatus.Open), new(At(10), InquiryStatus.Solved)]));

        Assert.Equal("statusChanges", early.ParamName);
        Assert.Equal("statusChanges", backwards.ParamName);
        Assert.Contains("statusChanges[1]", backwards.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InquiryStatus.New)]          // already new at the opening
    [InlineData(InquiryStatus.Closed)]       // closing an inquiry that is new, not solved
    public void Impossible_first_changes_are_refused(InquiryStatus status)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(changes: [new(At(1), status)]));

        Assert.Equal("statusChanges", ex.ParamName);
        Assert.Contains(status.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_follows_the_close()
    {
        InquiryStatusChange[] closed = [new(At(10), InquiryStatus.Solved), new(At(20), InquiryStatus.Closed)];

        var change = Assert.Throws<ArgumentException>(() => Create(changes: [.. closed, new(At(30), InquiryStatus.Open)]));
        var message = Assert.Throws<ArgumentException>(() => Create([InquiryMessage.FromCustomer(At(21))], closed));
        var atClose = Create([InquiryMessage.FromAgent(At(20))], closed);

        Assert.Equal("statusChanges", change.ParamName);
        Assert.Equal("messages", message.ParamName);
        Assert.Contains("follows the close", message.Message, StringComparison.Ordinal);
        Assert.Single(atClose.Messages);
    }

    [Fact]
    public void Bad_fields_are_refused_by_name()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Inquiry(" ", "c", Channels.Email, InquiryPriority.Low, Opened)).ParamName);
        Assert.Equal("customerId", Assert.Throws<ArgumentNullException>(() => new Inquiry("T", null!, Channels.Email, InquiryPriority.Low, Opened)).ParamName);
        Assert.Equal("priority", Assert.Throws<ArgumentOutOfRangeException>(() => new Inquiry("T", "c", Channels.Email, (InquiryPriority)9, Opened)).ParamName);
        Assert.Equal("initiator", Assert.Throws<ArgumentOutOfRangeException>(() => new Inquiry("T", "c", Channels.Email, InquiryPriority.Low, Opened, initiator: (InquiryInitiator)2)).ParamName);
        Assert.Equal("messages", Assert.Throws<ArgumentNullException>(() => Create([null!])).ParamName);
        Assert.Equal("statusChanges", Assert.Throws<ArgumentNullException>(() => Create(changes: [null!])).ParamName);
    }

    [Fact]
    public void Messages_check_author_type_and_visibility()
    {
        Assert.Equal("responseType", Assert.Throws<ArgumentException>(() => new InquiryMessage(Opened, MessageAuthor.Customer, ResponseType.Manual)).ParamName);
        Assert.Equal("isPublic", Assert.Throws<ArgumentException>(() => new InquiryMessage(Opened, MessageAuthor.Customer, isPublic: false)).ParamName);
        Assert.Equal("responseType", Assert.Throws<ArgumentException>(() => new InquiryMessage(Opened, MessageAuthor.Bot)).ParamName);
        Assert.Equal("author", Assert.Throws<ArgumentOutOfRangeException>(() => new InquiryMessage(Opened, (MessageAuthor)7)).ParamName);
        Assert.Equal("responseType", Assert.Throws<ArgumentOutOfRangeException>(() => new InquiryMessage(Opened, MessageAuthor.Agent, (ResponseType)7)).ParamName);
        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => new InquiryStatusChange(Opened, (InquiryStatus)6)).ParamName);

        var note = new InquiryMessage(Opened, MessageAuthor.Agent, ResponseType.Proactive, isPublic: false);
        Assert.True(note.IsByBrand);
        Assert.False(note.IsPublicResponse);

        // The type must fit the author: a person's message is not automated, a bot's not manual.
        var personAutomated = Assert.Throws<ArgumentException>(() => new InquiryMessage(Opened, MessageAuthor.Agent, ResponseType.Automated));
        var botManual = Assert.Throws<ArgumentException>(() => new InquiryMessage(Opened, MessageAuthor.Bot, ResponseType.Manual));
        Assert.Equal("responseType", personAutomated.ParamName);
        Assert.Equal("responseType", botManual.ParamName);
        Assert.Contains("Automated", personAutomated.Message, StringComparison.Ordinal);
        Assert.Contains("Manual", botManual.Message, StringComparison.Ordinal);
        Assert.True(new InquiryMessage(Opened, MessageAuthor.Bot, ResponseType.Proactive).IsPublicResponse);
    }

    [Fact]
    public void Inquiries_round_trip_through_strict_json_and_are_equal_by_value()
    {
        var inquiry = Create(
            [InquiryMessage.FromCustomer(At(0)), new InquiryMessage(At(3), MessageAuthor.Agent, ResponseType.Proactive, isPublic: false), InquiryMessage.FromAgent(At(5))],
            [new(At(1), InquiryStatus.Open), new(At(6), InquiryStatus.Solved)],
            InquiryInitiator.Brand);

        var (back, text) = Json.RoundTrip(inquiry, EngagementJson.GetTypeInfo<Inquiry>());

        Assert.Equal(inquiry, back);
        Assert.Equal(inquiry.GetHashCode(), back.GetHashCode());
        Assert.Contains("\"initiator\":\"Brand\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("status\":", text.Replace("\"status\":\"Open\"", string.Empty, StringComparison.Ordinal).Replace("\"status\":\"Solved\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotEqual(inquiry, Create());
    }

    [Fact]
    public void Json_that_describes_an_impossible_history_is_refused()
    {
        const string Text = """
            {"id":"T","customerId":"c","channel":{"name":"email","mediaType":"Owned","kind":"Email"},"priority":"Normal",
             "openedAt":"2026-11-02T09:00:00+01:00","messages":[{"timestamp":"2026-11-02T08:00:00+01:00","author":"Customer","responseType":null,"isPublic":true}],
             "statusChanges":[],"initiator":"Customer"}
            """;

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Text, EngagementJson.GetTypeInfo<Inquiry>()));

        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }
}
