using Engagement.Sdk.Attribution;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Attribution: conversion paths from aggregated paths and from an event log, and the JSON of the path
/// definition, in the native binary.</summary>
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
    }
}
