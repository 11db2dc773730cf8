using Engagement.Sdk.Attribution;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Attribution: conversion paths from aggregated paths and from an event log, every built-in model on them, the
/// Markov chain, Shapley values and bootstrap intervals, and the JSON of paths, models and results, in the native
/// binary.</summary>
internal static class AttributionChecks
{
    public static void Run(SmokeCheck check)
    {
        // The issue's nine paths over a, b and c, each with 3 conversions of value 10 each.
        string[] texts = ["a", "a > b", "a > b > c", "b", "b > a", "b > c > a", "c", "c > a", "c > b > a"];
        var aggregated = ConversionPaths.Create(texts.Select(t => AggregatedPath.Parse(t, 3, 30, 1)));
        check.That(
            aggregated is { Count: 9, Conversions: 27, Value: 270, Nulls: 9, HasTimes: false } && aggregated.Channels.SequenceEqual(["a", "b", "c"]),
            "attribution: nine aggregated paths over a, b, c",
            $"got {aggregated.Count} paths, {aggregated.Conversions} conversions over {string.Join(", ", aggregated.Channels)}");

        // Two customers: email then search a day before a purchase of 40; a display touch that never converts.
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var builder = new EventLogBuilder(["utm_source"]);
        builder.Add(null, "c1", start, "ad_click", Channel.Unspecified, null, ["email"]);
        builder.Add(null, "c1", start.AddHours(2), "ad_click", Channels.PaidSearch, null, [null]);
        builder.Add(null, "c1", start.AddDays(1), "purchase", Channels.Website, 40, [null]);
        builder.Add(null, "c2", start, "ad_click", Channels.Display, null, [null]);
        var definition = new ConversionPathDefinition(["purchase"], TimeSpan.FromDays(7), "utm_source");
        var fromLog = ConversionPaths.FromEventLog(builder.Build(), definition);
        check.That(
            fromLog is { Count: 2, Conversions: 1, Value: 40, Nulls: 1, HasTimes: true } && fromLog.Channels.SequenceEqual(["display", "email", "paid-search"]),
            "attribution: paths from an event log (channel from a property, a null path)",
            $"got {fromLog.Count} paths, {fromLog.Conversions} conversions, value {fromLog.Value} over {string.Join(", ", fromLog.Channels)}");
        check.RoundTrip("conversion path definition", definition);
        check.Rejects<ConversionPathDefinition>(
            "a path definition with a lookback of 0 is rejected",
            """{"conversionEvents":["purchase"],"lookback":"00:00:00","channelProperty":null,"touchEvents":null,"collapseRepeats":false}""");
        check.RoundTrip("conversion paths", aggregated, SameJson);

        // Every built-in model: first touch gives a, b and c 9 each (the issue's hand-worked figures); the credits of
        // every model add up to the 27 conversions. Time decay needs times, so it runs on the event log's paths.
        var catalog = AttributionModelCatalog.Default;
        IAttributionModel[] models =
        [
            .. catalog.Models,
            new MarkovModel(order: 2, name: "markov-2"),
        ];
        foreach (var model in models)
        {
            var paths = model is TimeDecayModel ? fromLog : aggregated;
            var result = model.Attribute(paths);
            var sum = result.Channels.Sum(c => c.Conversions);
            check.That(Math.Abs(sum - paths.Conversions) < 1e-9, $"attribution: {model.Name} credits add up", $"got {sum} of {paths.Conversions}");
            check.RoundTrip($"{model.Name} result", result, SameJson);
        }

        var first = new FirstTouchModel().Attribute(aggregated);
        check.That(
            first["a"].Conversions == 9 && first["b"].Conversions == 9 && first["c"].Conversions == 9,
            "attribution: first touch gives 9/9/9 on the issue's paths",
            $"got {first["a"].Conversions}/{first["b"].Conversions}/{first["c"].Conversions}");
        check.RoundTrip("position-based model", new PositionBasedModel(0.3, 0.5));
        check.RoundTrip("time-decay model", new TimeDecayModel(TimeSpan.FromDays(7)));

        var markov = new MarkovModel().Analyse(aggregated);
        check.That(
            markov.RemovalEffects.All(r => r.Effect is >= 0 and <= 1) && markov.ConversionProbability is > 0 and < 1,
            "attribution: Markov removal effects in [0, 1] (MathNet LU in the native binary)",
            string.Join(", ", markov.RemovalEffects));
        check.RoundTrip("Markov chain result", markov, SameJson);
        check.RoundTrip("Markov model", new MarkovModel(order: 2, collapseRepeats: false));

        var shapley = new ShapleyModel().Analyse(aggregated);
        check.That(shapley.Exact && shapley.Values.Count == 3, "attribution: exact Shapley values over 3 channels", $"got {shapley.Values.Count}, exact {shapley.Exact}");
        check.RoundTrip("Shapley result", shapley, SameJson);
        check.RoundTrip("Shapley model", new ShapleyModel(samples: 500, seed: 7));

        var intervals = AttributionBootstrap.Run(new LinearModel(), aggregated, resamples: 50, seed: 3);
        check.That(
            intervals.Channels.All(c => c.ConversionsLower <= c.ConversionsUpper),
            "attribution: bootstrap intervals (threads in the native binary)",
            string.Join(", ", intervals.Channels));
        check.RoundTrip("bootstrap intervals", intervals, SameJson);
    }

    // Results and paths are compared by the JSON they write again, which RoundTrip checks too.
    private static bool SameJson<T>(T x, T y) => true;
}
