using System.Globalization;
using Engagement.Samples.Quickstart;
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

List<SurveyResponse> responses;
try
{
    responses = args is [var path] ? SurveyFile.Read(File.OpenText(path), ScaleOf) : SurveyFile.ReadEmbedded(ScaleOf);
}
catch (Exception e) when (e is InvalidDataException or IOException)
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

// Per channel: one accumulator per channel and metric, filled in a single pass over the answers.
var byChannel = new SortedDictionary<string, (NpsAccumulator Nps, RatingAccumulator Csat, RatingAccumulator Ces)>(StringComparer.Ordinal);
foreach (var response in responses)
{
    var name = response.Channel?.Name ?? "(none)";
    if (!byChannel.TryGetValue(name, out var row))
    {
        row = (nps.CreateAccumulator(), csat.CreateAccumulator(), ces.CreateAccumulator());
    }

    switch (response.Kind)
    {
        case SurveyKind.Nps: row.Nps.Add(response.Score); break;
        case SurveyKind.Csat: row.Csat.Add(response.Score); break;
        case SurveyKind.Ces: row.Ces.Add(response.Score); break;
    }

    byChannel[name] = row;
}

Report.ByChannel(byChannel.Select(pair => (pair.Key, pair.Value.Nps.ToResult(), pair.Value.Csat.ToResult(), pair.Value.Ces.ToResult())));

// Is live chat's NPS really above the chatbot's? A two-sample comparison answers with a p-value.
if (byChannel.TryGetValue("live-chat", out var chat) && byChannel.TryGetValue("chatbot", out var bot))
{
    var comparison = NpsResult.Compare(chat.Nps.ToResult(), bot.Nps.ToResult());
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Live chat vs chatbot: {comparison}"));
}

return 0;

static int[] Scores(IEnumerable<SurveyResponse> responses, SurveyKind kind) =>
    [.. responses.Where(r => r.Kind == kind).Select(r => r.Score)];
