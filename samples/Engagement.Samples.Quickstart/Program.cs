using System.Globalization;
using Engagement.Samples.Quickstart;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;

// Engagement.Sdk quickstart: NPS, CSAT and CES with intervals, overall and per channel, from survey answers.
//   dotnet run --project samples/Engagement.Samples.Quickstart                  (the embedded data)
//   dotnet run --project samples/Engagement.Samples.Quickstart -- answers.jsonl (your own JSON Lines file)
//   dotnet run --project samples/Engagement.Samples.Quickstart -- --generate samples/Engagement.Samples.Quickstart/data/survey-responses.jsonl
if (args is ["--generate", var target])
{
    SurveyDataGenerator.Write(target);
    Console.WriteLine($"Wrote {SurveyDataGenerator.Generate().Count} responses (seed {SurveyDataGenerator.Seed}) to {target}.");
    return 0;
}

var nps = NpsCalculator.Default;
var csat = new CsatCalculator();                 // 1–5, satisfied = 4 or 5
var ces = new CesCalculator();                   // 1–7, low effort = 5, 6 or 7
RatingScale ScaleOf(SurveyKind kind) => kind switch
{
    SurveyKind.Nps => nps.Scale,
    SurveyKind.Csat => csat.Scale,
    _ => ces.Scale,
};

if (args.Length > 1 || (args is [var flag] && flag.StartsWith('-')))
{
    Console.Error.WriteLine("usage: Engagement.Samples.Quickstart [answers.jsonl | --generate path]");
    return 1;
}

List<SurveyResponse> responses;
try
{
    responses = args is [var path] ? SurveyFile.Read(path, ScaleOf) : SurveyFile.ReadEmbedded(ScaleOf);
}
catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

Console.WriteLine($"Engagement.Sdk quickstart: {responses.Count} survey answers from {responses.Select(r => r.CustomerId).Distinct().Count()} customers");
Console.WriteLine();
Report.Overall(
    nps.Compute(Scores(responses, SurveyKind.Nps)),
    csat.Compute(Scores(responses, SurveyKind.Csat)),
    ces.Compute(Scores(responses, SurveyKind.Ces)));
Console.WriteLine();

// Per channel: one accumulator per channel and metric, filled in a single pass over the answers. Accumulators are
// classes, so npsByChannel[name].Add(score) updates the stored one.
var npsByChannel = MetricGroups.Create(nps.CreateAccumulator(), StringComparer.Ordinal);
var csatByChannel = MetricGroups.Create(csat.CreateAccumulator(), StringComparer.Ordinal);
var cesByChannel = MetricGroups.Create(ces.CreateAccumulator(), StringComparer.Ordinal);
foreach (var response in responses)
{
    string name = response.Channel?.Name ?? "(none)";
    switch (response.Kind)
    {
        case SurveyKind.Nps: npsByChannel[name].Add(response.Score); break;
        case SurveyKind.Csat: csatByChannel[name].Add(response.Score); break;
        case SurveyKind.Ces: cesByChannel[name].Add(response.Score); break;
    }
}

var channels = npsByChannel.Keys.Union(csatByChannel.Keys).Union(cesByChannel.Keys).Order(StringComparer.Ordinal);
Report.ByChannel(channels.Select(name =>
    (name, npsByChannel[name].ToResult(), csatByChannel[name].ToResult(), cesByChannel[name].ToResult())));

// Is live chat's NPS really above the chatbot's? A two-sample comparison answers with a p-value.
if (npsByChannel.TryGetValue("live-chat", out var chat) && npsByChannel.TryGetValue("chatbot", out var bot))
{
    var comparison = NpsResult.Compare(chat.ToResult(), bot.ToResult());
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Live chat vs chatbot: {comparison}"));
}

return 0;

static int[] Scores(IEnumerable<SurveyResponse> responses, SurveyKind kind) =>
    [.. responses.Where(r => r.Kind == kind).Select(r => r.Score)];
