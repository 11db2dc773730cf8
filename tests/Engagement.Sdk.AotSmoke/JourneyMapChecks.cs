using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Stages, paths and journey maps: computed on a small log, their states, results and models through JSON.</summary>
internal static class JourneyMapChecks
{
    public static void Run(SmokeCheck check)
    {
        var t0 = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var builder = new EventLogBuilder();
        builder.Add("a", t0, "home", Channels.Website);
        builder.Add("a", t0.AddMinutes(5), "add_to_cart", Channels.Website);
        builder.Add("a", t0.AddDays(1), "purchase", Channels.Email);
        builder.Add("b", t0, "catalog", Channels.PaidSearch);
        var log = builder.Build();

        var definition = new StageDefinition(StageRules.Default, t0.AddDays(-1), t0.AddDays(3), CalendarPeriod.Day, "Europe/Berlin");
        var stages = new StageAccumulator(definition);
        stages.Add(log);
        check.That(stages.ToResult().Reached(JourneyStage.PostPurchase).Successes == 1, "stages: one customer reached PostPurchase", $"got {stages.ToResult()}");
        check.RoundTrip("stage state", stages.GetState());
        check.RoundTrip("stage result", stages.ToResult());

        var paths = new PathAccumulator(new PathDefinition(PathNodeKind.Stage, StageRules.Default, collapseRepeats: true));
        paths.Add(log);
        check.That(paths.ToResult().TotalTransitions == 2, "paths: two stage transitions", $"got {paths.ToResult()}");
        check.RoundTrip("path state", paths.GetState());
        check.RoundTrip("path result", paths.ToResult());
        check.RoundTrip("path Sankey", paths.ToResult().ToSankey(5), (x, y) => x.Links.SequenceEqual(y.Links) && x.Nodes.SequenceEqual(y.Nodes));

        var map = new JourneyMap(
            "buyer",
            StageModel.Default,
            [new Touchpoint(Channels.Email, JourneyStage.PostPurchase, "receipt")],
            [new JourneyMapPainPoint(JourneyStage.Decision, "payment fails", "payment_error")]);
        check.That(map.Compare(log, StageRules.Default).Missing.Count == 0, "journey map: the receipt was used", map.ToMermaid());
        check.RoundTrip("journey map", map);
    }
}
