using System.Globalization;
using Engagement.Samples;
using Engagement.Samples.Attribution;
using Engagement.Samples.Journeys;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.Journeys;

// Engagement.Sdk attribution: which touchpoints earn the purchases of an e-commerce clickstream, under every built-in
// model side by side, with the Markov removal effects and bootstrap intervals that show which differences are noise.
//   dotnet run --project samples/Engagement.Samples.Attribution                 (the embedded retentioneering data)
//   dotnet run --project samples/Engagement.Samples.Attribution -- clicks.csv.gz (your own file, same columns)
if (!SampleInput.TryRead(
    args, "Engagement.Samples.Attribution [clickstream.csv | clickstream.csv.gz]", EcommerceFile.Read, EcommerceFile.ReadEmbedded, out EventLog clicks))
{
    return 1;
}

var output = Console.Out;
var invariant = CultureInfo.InvariantCulture;
output.WriteLine(string.Create(invariant, $"Engagement.Sdk attribution: {clicks.Count:N0} events of {clicks.CustomerCount:N0} customers"));
output.WriteLine();

// 1. Touches and conversions: each session's entry on the customer's acquisition channel, four on-site touchpoints,
//    and purchases; a purchase looks back 30 days for its touches, and repeats of a channel collapse.
var touches = ClickstreamTouches.From(clicks);
var definition = new ConversionPathDefinition([ClickstreamTouches.Purchase], TimeSpan.FromDays(30), collapseRepeats: true);
var paths = ConversionPaths.FromEventLog(touches, definition);
var journeys = paths.Conversions + paths.Nulls;
output.WriteLine("Touches: each session's first event on the customer's acquisition channel; promo_page > promo,");
output.WriteLine("support_chat > live-chat, review_page > reviews, wishlist_add > wishlist. Conversions: purchase.");
output.WriteLine();
new Table("Conversion paths (" + definition + ")", "measure", "value")
    .Add("session entries", CountOf(touches, ClickstreamTouches.SessionStart))
    .Add("on-site touches", ClickstreamTouches.OnSite.Keys.Sum(name => CountOf(touches, name)))
    .Add("purchases", CountOf(touches, ClickstreamTouches.Purchase))
    .Add("journeys", (long)journeys)
    .Add("converting (purchases with a touch in their lookback)", (long)paths.Conversions)
    .Add("not converting", (long)paths.Nulls)
    .Add("distinct paths (channels and touch ages)", paths.Count)
    .Print(output);

// 2. Every model of the default catalogue, side by side: conversions credited, then shares.
var catalog = AttributionModelCatalog.Default;
var results = catalog.AttributeAll(paths);
var credited = new Table("Conversions credited by model", ["channel", .. results.Select(r => r.Model)]);
var shares = new Table("Share of conversions by model", ["channel", .. results.Select(r => r.Model)]);
for (var c = 0; c < paths.Channels.Count; c++)
{
    credited.Add([paths.Channels[c], .. results.Select(r => (object)r.Channels[c].Conversions)]);
    shares.Add([paths.Channels[c], .. results.Select(r => (object)Table.Percent(r.Channels[c].Share))]);
}

credited.Add(["total", .. results.Select(r => (object)r.Conversions)]);
credited.Print(output);
shares.Print(output);

// 3. The first-order Markov chain: how much of the conversion probability is lost when a channel is removed.
var markov = new MarkovModel().Analyse(paths);
var effects = new Table(
    string.Create(invariant, $"Markov removal effects (order {markov.Order}, {markov.States.Count} states, P(conversion) = {markov.ConversionProbability:0.0000})"),
    "channel", "removal effect", "conversions credited");
foreach (var effect in markov.RemovalEffects)
{
    effects.Add(effect.Channel, effect.Effect.ToString("0.0000", invariant), markov.Attribution[effect.Channel].Conversions);
}

effects.Print(output);

// 4. Bootstrap intervals for the Markov credits: 200 Poisson resamples of the journeys, seeded.
var intervals = AttributionBootstrap.Run(new MarkovModel(), paths, resamples: 200, confidence: 0.95, seed: 2026);
var bootstrap = new Table(
    string.Create(invariant, $"Markov credits with {intervals.Confidence * 100:0}% bootstrap intervals ({intervals.Resamples} resamples, seed {intervals.Seed})"),
    "channel", "credited", "lower", "upper");
foreach (var interval in intervals.Channels)
{
    bootstrap.Add(interval.Channel, markov.Attribution[interval.Channel].Conversions, interval.ConversionsLower, interval.ConversionsUpper);
}

bootstrap.Print(output);
return 0;

static int CountOf(EventLog log, string name)
{
    if (!log.TryGetEventNameId(name, out var id))
    {
        return 0;
    }

    var count = 0;
    foreach (var nameId in log.EventNameIds)
    {
        count += nameId == id ? 1 : 0;
    }

    return count;
}
