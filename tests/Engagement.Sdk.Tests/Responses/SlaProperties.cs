using Engagement.Sdk.Responses;
using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Responses.SlaTestData;

namespace Engagement.Sdk.Tests.Responses;

public class SlaProperties
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static readonly SlaPolicy Policy = SlaAccumulatorLaws.Policy;

    [Fact]
    public void Accumulator_EqualsEvaluatingEachInquiry_AndCountsAddUp() =>
        Prop.ForAll(RecipeLists(), recipes =>
        {
            var inquiries = recipes.Select(Build).ToArray();
            var definition = new SlaDefinition(Policy, LatestEvent, openQueueLimit: int.MaxValue);
            var result = SlaAccumulator.Compute(inquiries, definition);
            var evaluations = inquiries.SelectMany(i => Policy.Evaluate(i, LatestEvent)).ToArray();

            long Count(SlaStatus status) => evaluations.LongCount(e => e.Status == status);
            var overall = result.Overall;
            var expected = new SlaCounts(
                Count(SlaStatus.Achieved), Count(SlaStatus.Breached), Count(SlaStatus.OpenBreached), Count(SlaStatus.OpenWithinTarget), Count(SlaStatus.NotApplicable),
                TimeSpan.FromTicks(evaluations.Sum(e => e.Breach?.Ticks ?? 0)));
            var groupsAddUp = result.Groups.Aggregate(SlaCounts.Empty, (sum, g) => sum.Plus(g.Counts)) == overall;
            var metricsAddUp = result.ByMetric.Values.Aggregate(SlaCounts.Empty, (sum, c) => sum.Plus(c)) == overall;
            var statusesAddUp = Enum.GetValues<SlaStatus>().Sum(s => overall.Of(s)) == evaluations.Length;
            var queue = evaluations
                .Where(e => e.DueAt is not null)
                .Select(e => new SlaQueueEntry(e.InquiryId, e.CustomerId, e.Channel, e.Priority, e.Target.Metric, e.DueAt!.Value, e.TimeLeft!.Value))
                .OrderBy(e => e.ToItem())
                .ToArray();
            return overall == expected
                && overall.Evaluations == evaluations.Length
                && groupsAddUp
                && metricsAddUp
                && statusesAddUp
                && result.Inquiries == inquiries.Length
                && result.Unmatched == inquiries.Count(i => Policy.Match(i) is null)
                && result.OpenQueue.SequenceEqual(queue);
        }).Check(Many);

    [Fact]
    public void LaterAsOf_NeverUndoesAnOutcome() =>
        Prop.ForAll(Arb.From(Recipes), Arb.From(Gen.Choose(0, 3000)), Arb.From(Gen.Choose(0, 3000)), (recipe, first, more) =>
        {
            var inquiry = Build(recipe);
            var early = Policy.Evaluate(inquiry, LatestEvent.AddMinutes(first));
            var late = Policy.Evaluate(inquiry, LatestEvent.AddMinutes(first + more));
            return early.Count == late.Count && early.Zip(late).All(pair => Holds(pair.First, pair.Second));
        }).Check(Many);

    [Fact]
    public void OpenQueue_IsOrdered_AndMergingPartsKeepsTheExactMostUrgent() =>
        Prop.ForAll(RecipeLists(60), Arb.From(Gen.Choose(0, 6)), Arb.From(Gen.Choose(1, 4)), (recipes, limit, parts) =>
        {
            var inquiries = recipes.Select(Build).ToArray();
            var everything = SlaAccumulator.Compute(inquiries, new SlaDefinition(Policy, LatestEvent, openQueueLimit: int.MaxValue)).OpenQueue;
            var bounded = new SlaDefinition(Policy, LatestEvent, openQueueLimit: limit);
            var merged = new SlaAccumulator(bounded);
            for (var p = 0; p < parts; p++)
            {
                var part = new SlaAccumulator(bounded);
                foreach (var inquiry in inquiries.Where((_, i) => i % parts == p))
                {
                    part.Add(inquiry);
                }

                merged.Merge(part);
            }

            var queue = merged.ToResult().OpenQueue;
            // Ordered by due time as an instant (business and calendar targets together), then inquiry id.
            var ordered = queue.Zip(queue.Skip(1)).All(pair => pair.First.DueAt < pair.Second.DueAt
                || (pair.First.DueAt == pair.Second.DueAt && string.CompareOrdinal(pair.First.InquiryId, pair.Second.InquiryId) <= 0));
            return ordered && queue.SequenceEqual(everything.Take(limit));
        }).Check(Many);

    [Fact]
    public void Result_DoesNotDependOnTheOrderOfInquiries() =>
        Prop.ForAll(RecipeLists(), Arb.From(Gen.Choose(0, 1000)), (recipes, seed) =>
        {
            var inquiries = recipes.Select(Build).ToArray();
            var shuffled = inquiries.ToArray();
            new Random(seed).Shuffle(shuffled);
            var definition = new SlaDefinition(Policy, LatestEvent, openQueueLimit: 3);
            return SlaAccumulator.Compute(inquiries, definition).Equals(SlaAccumulator.Compute(shuffled, definition));
        }).Check(Many);

    // A measured outcome is final; an open-breached target stays breached; a not-applicable one stays so; time left only
    // shrinks.
    private static bool Holds(SlaEvaluation early, SlaEvaluation late) => early.Status switch
    {
        SlaStatus.Achieved or SlaStatus.Breached or SlaStatus.NotApplicable => early == late,
        SlaStatus.OpenBreached => late.Status == SlaStatus.OpenBreached && late.TimeLeft <= early.TimeLeft && late.DueAt == early.DueAt,
        _ => late.Status is SlaStatus.OpenBreached or SlaStatus.OpenWithinTarget && late.TimeLeft <= early.TimeLeft && late.DueAt == early.DueAt,
    };
}
