using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Touchpoints;
using static Engagement.Sdk.Tests.Responses.SlaTestData;

namespace Engagement.Sdk.Tests.Responses;

public class SlaAccumulatorTests
{
    // Email × Urgent must be answered within 1 business hour; nothing else has a target. Evaluated Monday 9 March 11:00.
    private static readonly SlaPolicy UrgentEmail =
        new("support", NineToFive, [new SlaPolicyRule(Channels.Email, InquiryPriority.Urgent, [new SlaTarget(SlaMetric.FirstReply, Hours(1))])]);

    private static readonly DateTimeOffset AsOf = At(9, 11);

    private static Inquiry[] Week() =>
    [
        // a: Friday 16:00 → Monday 10:00 is 2 business hours: breached by 1 h.
        Inquiry(At(6, 16), [Customer(At(6, 16)), Agent(At(9, 10))], priority: InquiryPriority.Urgent, id: "a"),
        // b: answered after 30 min: achieved.
        Inquiry(At(9, 9), [Customer(At(9, 9)), Agent(At(9, 9, 30))], priority: InquiryPriority.Urgent, id: "b"),
        // c: unanswered since 09:00, 2 h at 11:00: open, breached by 1 h, due 10:00.
        Inquiry(At(9, 9), [Customer(At(9, 9))], priority: InquiryPriority.Urgent, id: "c"),
        // d: unanswered since 10:30: open, 30 min left, due 11:30.
        Inquiry(At(9, 10, 30), [Customer(At(9, 10, 30))], priority: InquiryPriority.Urgent, id: "d"),
        // e: solved without a reply: not applicable.
        Inquiry(At(9, 9), [Customer(At(9, 9))], [Change(At(9, 9, 5), InquiryStatus.Solved)], priority: InquiryPriority.Urgent, id: "e"),
        // f: phone, low priority: no rule.
        Inquiry(At(9, 9), channel: Channels.Phone, priority: InquiryPriority.Low, id: "f"),
    ];

    [Fact]
    public void Compute_CountsEveryStatus_AndQueuesTheOpenOnesMostUrgentFirst()
    {
        var result = SlaAccumulator.Compute(Week(), new SlaDefinition(UrgentEmail, AsOf));

        // Six inquiries, f unmatched; five evaluations: achieved b, breached a, open breached c, open within d, n/a e.
        Assert.Equal((6, 1), (result.Inquiries, result.Unmatched));
        var counts = result.Overall;
        Assert.Equal((1, 1, 1, 1, 1), (counts.Achieved, counts.Breached, counts.OpenBreached, counts.OpenWithinTarget, counts.NotApplicable));
        // Compliance = achieved / (achieved + breached + open breached) = 1 / 3; breach = 1 h (a) + 1 h (c).
        Assert.Equal(new Proportion(1, 3), counts.Compliance);
        Assert.Equal(Hours(2), counts.TotalBreach);
        Assert.Equal(counts, result.ByMetric[SlaMetric.FirstReply]);
        Assert.Equal(SlaCounts.Empty, result.ByMetric[SlaMetric.Resolution]);
        Assert.Equal(counts, Assert.Single(result.Groups).Counts);
        Assert.Equal(counts, result.For(Channels.Email, InquiryPriority.Urgent, SlaMetric.FirstReply));
        Assert.Equal(SlaCounts.Empty, result.For(Channels.Phone, InquiryPriority.Low, SlaMetric.FirstReply));
        // Queue: c (1 h late) before d (30 min left).
        Assert.Equal(["c", "d"], result.OpenQueue.Select(e => e.InquiryId));
        var c = result.OpenQueue[0];
        Assert.Equal((Hours(-1), At(9, 10), true, SlaMetric.FirstReply), (c.TimeLeft, c.DueAt, c.IsBreached, c.Metric));
        Assert.Equal((Minutes(30), At(9, 11, 30)), (result.OpenQueue[1].TimeLeft, result.OpenQueue[1].DueAt));
        Assert.True(result.HasValue);
    }

    [Fact]
    public void OpenQueueLimit_KeepsTheMostUrgent_ButCountsEveryOpenTarget()
    {
        var result = SlaAccumulator.Compute(Week(), new SlaDefinition(UrgentEmail, AsOf, openQueueLimit: 1));
        var none = SlaAccumulator.Compute(Week(), new SlaDefinition(UrgentEmail, AsOf, openQueueLimit: 0));

        Assert.Equal("c", Assert.Single(result.OpenQueue).InquiryId);
        Assert.Equal(2, result.Overall.OpenBreached + result.Overall.OpenWithinTarget);
        Assert.Empty(none.OpenQueue);
    }

    [Fact]
    public void Queue_TiesOnTimeLeft_GoByInquiryId()
    {
        var inquiries = new[] { "z", "m", "a" }.Select(id => Inquiry(At(9, 9), [Customer(At(9, 9))], priority: InquiryPriority.Urgent, id: id));

        var result = SlaAccumulator.Compute(inquiries, new SlaDefinition(UrgentEmail, AsOf));

        Assert.Equal(["a", "m", "z"], result.OpenQueue.Select(e => e.InquiryId));
    }

    [Fact]
    public void Add_AnInquiryWithEventsAfterAsOf_ThrowsAndChangesNothing()
    {
        var accumulator = new SlaAccumulator(new SlaDefinition(UrgentEmail, At(9, 9, 30)));
        accumulator.Add(Inquiry(At(9, 9), priority: InquiryPriority.Urgent));
        var before = accumulator.GetState();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(Inquiry(At(9, 9), [Customer(At(9, 9)), Agent(At(9, 10))], priority: InquiryPriority.Urgent, id: "late")));

        // The exception names the inquiry, so its value is the inquiry's: its latest event, the 10:00 reply (not asOf).
        Assert.Equal(("inquiry", (object)At(9, 10)), (e.ParamName, e.ActualValue));
        Assert.Contains("'late'", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, accumulator.GetState());
        Assert.Throws<ArgumentNullException>(() => accumulator.Add((Inquiry)null!));
    }

    [Fact]
    public void Channels_EqualIgnoringCase_ShareAGroupUnderTheLeastSpelling()
    {
        var upper = new Channel("EMAIL", MediaType.Owned, ChannelKind.Email);
        var policy = new SlaPolicy("support", NineToFive, [new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.FirstReply, Hours(1))])]);
        var inquiries = new[] { Inquiry(At(9, 9), channel: Channels.Email, id: "x"), Inquiry(At(9, 9), channel: upper, id: "y") };

        var forward = SlaAccumulator.Compute(inquiries, new SlaDefinition(policy, AsOf));
        var backward = SlaAccumulator.Compute(inquiries.Reverse(), new SlaDefinition(policy, AsOf));

        // "EMAIL" < "email" ordinally, whichever came first.
        Assert.Equal("EMAIL", Assert.Single(forward.Groups).Channel.Name);
        Assert.Equal(forward, backward);
        Assert.Equal(2, forward.Groups[0].Counts.OpenBreached);
    }

    [Fact]
    public void Merge_OfAnotherDefinition_NamesBoth()
    {
        var accumulator = new SlaAccumulator(new SlaDefinition(UrgentEmail, AsOf));
        var other = new SlaAccumulator(new SlaDefinition(UrgentEmail, AsOf.AddHours(1)));

        var e = Assert.Throws<ArgumentException>(() => accumulator.Merge(other));

        Assert.Equal("other", e.ParamName);
        Assert.Contains("2026-03-09T11:00:00+01:00", e.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-09T12:00:00+01:00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OfAnotherPolicyOrQueueLimit_ThrowsAndChangesNothing()
    {
        var accumulator = new SlaAccumulator(new SlaDefinition(UrgentEmail, AsOf));
        accumulator.Add(Week()[0]);
        var before = accumulator.GetState();
        var otherPolicy = new SlaPolicy("support", NineToFive, [new SlaPolicyRule(Channels.Email, InquiryPriority.Urgent, [new SlaTarget(SlaMetric.FirstReply, Hours(2))])]);

        Assert.Equal("other", Assert.Throws<ArgumentException>(() => accumulator.Merge(new SlaAccumulator(new SlaDefinition(otherPolicy, AsOf)))).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => accumulator.Merge(new SlaAccumulator(new SlaDefinition(UrgentEmail, AsOf, 10)))).ParamName);
        Assert.Equal(before, accumulator.GetState());
        Assert.Equal(new SlaDefinition(UrgentEmail, AsOf), new SlaDefinition(UrgentEmail, AsOf.ToUniversalTime()));
    }

    [Fact]
    public void ToString_SaysWhatWasCounted()
    {
        var accumulator = new SlaAccumulator(new SlaDefinition(UrgentEmail, AsOf));
        foreach (var inquiry in Week())
        {
            accumulator.Add(inquiry);
        }

        Assert.Equal("SLA 'support': 6 inquiries (1 unmatched), 5 evaluations, 2 queued", accumulator.ToString());
        Assert.Equal(MetricDefinition.Sla, accumulator.ToResult().Definition);
    }

    [Fact]
    public void Add_ASequence_CountsAsAddingEach()
    {
        var definition = new SlaDefinition(UrgentEmail, AsOf);
        var one = new SlaAccumulator(definition);
        foreach (var inquiry in Week())
        {
            one.Add(inquiry);
        }

        var all = new SlaAccumulator(definition);
        all.Add(Week());

        Assert.Equal(one.GetState(), all.GetState());
        Assert.Equal("inquiries", Assert.Throws<ArgumentNullException>(() => all.Add((IEnumerable<Inquiry>)null!)).ParamName);
    }

    [Fact]
    public void ForMetric_GivesTheMetricsCounts_AndEmptyWhenAbsent()
    {
        var result = SlaAccumulator.Compute(Week(), new SlaDefinition(UrgentEmail, AsOf));

        // Only FirstReply has a target: its counts are the overall ones (one of each status, see the first test).
        Assert.Equal(result.Overall, result.ForMetric(SlaMetric.FirstReply));
        Assert.Equal(SlaCounts.Empty, result.ForMetric(SlaMetric.Resolution));
        Assert.Equal("metric", Assert.Throws<ArgumentOutOfRangeException>(() => result.ForMetric((SlaMetric)9)).ParamName);
    }

    [Fact]
    public void Channels_OfOneNameButAnotherMediaTypeOrKind_ShareAGroupAndTheRule()
    {
        // A rule for "email" matches any channel named email ignoring case, whatever its media type and kind.
        var paidEmail = new Channel("EMAIL", MediaType.Paid, ChannelKind.Email);
        var earnedChat = new Channel("Email", MediaType.Earned, ChannelKind.Chat);
        Inquiry[] inquiries =
        [
            // Each unanswered since 10:30: 30 min left of the 1 business hour at 11:00.
            Inquiry(At(9, 10, 30), [Customer(At(9, 10, 30))], channel: paidEmail, priority: InquiryPriority.Urgent, id: "x"),
            Inquiry(At(9, 10, 30), [Customer(At(9, 10, 30))], channel: earnedChat, priority: InquiryPriority.Urgent, id: "y"),
            Inquiry(At(9, 10, 30), [Customer(At(9, 10, 30))], channel: Channels.Email, priority: InquiryPriority.Urgent, id: "z"),
        ];

        var forward = SlaAccumulator.Compute(inquiries, new SlaDefinition(UrgentEmail, AsOf));
        var backward = SlaAccumulator.Compute(inquiries.Reverse(), new SlaDefinition(UrgentEmail, AsOf));

        // All three matched; one group of three open-within evaluations, labelled by the ordinally least spelling,
        // "EMAIL" (uppercase sorts before lowercase), whatever the order of the inquiries.
        Assert.Equal(0, forward.Unmatched);
        var group = Assert.Single(forward.Groups);
        Assert.Equal((3L, "EMAIL"), (group.Counts.OpenWithinTarget, group.Channel.Name));
        Assert.Equal(forward, backward);
        Assert.Equal(group.Counts, forward.For(new Channel("eMail", MediaType.Unspecified, ChannelKind.Other), InquiryPriority.Urgent, SlaMetric.FirstReply));
        var accumulator = new SlaAccumulator(new SlaDefinition(UrgentEmail, AsOf));
        accumulator.Add(inquiries);
        Assert.Equal(forward, SlaAccumulator.FromState(accumulator.GetState()).ToResult());
    }

    [Fact]
    public void OpenQueue_MixingBases_IsOrderedByDueTime()
    {
        // Urgent inquiries must be resolved within 2 business hours, the others within 3 calendar hours.
        var policy = new SlaPolicy("support", NineToFive,
        [
            new SlaPolicyRule(null, InquiryPriority.Urgent, [new SlaTarget(SlaMetric.Resolution, Hours(2))]),
            new SlaPolicyRule(null, null, [new SlaTarget(SlaMetric.Resolution, Hours(3), TimeBasis.Calendar)]),
        ]);
        Inquiry[] inquiries =
        [
            // Opened Friday 16:00: 1 business hour on Friday and 1 on Monday, due Monday 10:00; at Friday 16:30 half a
            // business hour has elapsed, 1.5 h left.
            Inquiry(At(6, 16), [Customer(At(6, 16))], priority: InquiryPriority.Urgent, id: "business"),
            // Opened Friday 16:00: due Friday 19:00; at 16:30, 2.5 h left.
            Inquiry(At(6, 16), [Customer(At(6, 16))], id: "calendar"),
        ];

        var result = SlaAccumulator.Compute(inquiries, new SlaDefinition(policy, At(6, 16, 30)));

        // By time left the business one (1.5 h) would come first, but the calendar one is due three days earlier.
        Assert.Equal(["calendar", "business"], result.OpenQueue.Select(e => e.InquiryId));
        Assert.Equal((At(6, 19), Hours(2.5)), (result.OpenQueue[0].DueAt, result.OpenQueue[0].TimeLeft));
        Assert.Equal((At(9, 10), Hours(1.5)), (result.OpenQueue[1].DueAt, result.OpenQueue[1].TimeLeft));

        // A limit of one keeps the earliest due, also when merged from partitions.
        var left = new SlaAccumulator(new SlaDefinition(policy, At(6, 16, 30), openQueueLimit: 1));
        var right = new SlaAccumulator(new SlaDefinition(policy, At(6, 16, 30), openQueueLimit: 1));
        left.Add(inquiries[0]);
        right.Add(inquiries[1]);
        left.Merge(right);
        Assert.Equal("calendar", Assert.Single(left.ToResult().OpenQueue).InquiryId);
    }
}
