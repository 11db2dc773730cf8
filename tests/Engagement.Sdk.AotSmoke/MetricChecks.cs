using Engagement.Sdk.Rates;
using Engagement.Sdk.Social;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Every metric: its accumulator against its one-shot computation, and its state and result through JSON.</summary>
internal static class MetricChecks
{
    private static readonly int[] NpsAnswers = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0];

    public static void Run(SmokeCheck check)
    {
        var nps = NpsCalculator.Default.Compute(NpsAnswers);
        check.That(nps.Score == 20.0 && nps.Count == 10, "NPS of the README's answers is 20", $"got {nps}");
        var npsAccumulator = new NpsAccumulator();
        npsAccumulator.AddRange(NpsAnswers.AsSpan(0, 4));
        foreach (var answer in NpsAnswers.AsSpan(4))
        {
            npsAccumulator.Add(answer);
        }

        Accumulator(check, "NPS", npsAccumulator, nps);
        check.RoundTrip("NPS comparison", NpsResult.Compare(nps, new NpsResult(promoters: 30, passives: 10, detractors: 5)));

        int[] csatAnswers = [5, 4, 2, 5, 3];
        var csat = new CsatCalculator();
        var csatAccumulator = csat.CreateAccumulator();
        csatAccumulator.AddRange(csatAnswers);
        var csatResult = csat.Compute(csatAnswers);
        check.That(csatResult.FavourableShare == new Proportion(3, 5) && csatResult.Mean == 3.8,
            "CSAT of 5, 4, 2, 5, 3 is 3/5 satisfied, mean 3.8", $"got {csatResult}");
        Accumulator(check, "CSAT", csatAccumulator, csatResult);

        int[] cesAnswers = [7, 6, 5, 2, 4, 6];
        var ces = new CesCalculator();
        var cesAccumulator = ces.CreateAccumulator();
        foreach (var answer in cesAnswers)
        {
            cesAccumulator.Add(answer);
        }

        Accumulator(check, "CES", cesAccumulator, ces.Compute(cesAnswers));

        var conversion = new ProportionAccumulator(MetricDefinition.Rate("conversion"));
        conversion.Add(success: true);
        conversion.Add(success: false);
        conversion.Add(successes: 40, trials: 998);
        Accumulator(check, "conversion rate", conversion, Rate.Conversion(conversions: 41, visitors: 1_000));

        Sentiment[] sentiments = [Sentiment.Positive, Sentiment.Negative, Sentiment.Neutral, Sentiment.Positive, Sentiment.Positive];
        var mentions = new MentionAccumulator();
        mentions.Add(Sentiment.Positive);
        mentions.Add(Sentiment.Negative);
        mentions.Add(Sentiment.Neutral);
        mentions.Add(Sentiment.Positive, count: 2);
        Accumulator(check, "mentions", mentions, MentionResult.Compute(sentiments));

        var shareOfVoice = new ShareOfVoiceAccumulator();
        shareOfVoice.Add("acme", mentions: 6);
        shareOfVoice.Add("globex");
        shareOfVoice.Add("initech", mentions: 3);
        var brands = new Dictionary<string, long>(StringComparer.Ordinal) { ["acme"] = 6, ["globex"] = 1, ["initech"] = 3 };
        Accumulator(check, "share of voice", shareOfVoice, new ShareOfVoiceResult(brands));
        check.That(shareOfVoice.ToResult().GetShare("acme") == new Proportion(6, 10), "share of voice of acme is 6/10",
            $"got {shareOfVoice.ToResult().GetShare("acme")}");

        Groups(check);
    }

    /// <summary>The accumulator gives the one-shot result; its state survives JSON; <c>FromState</c> of the state read
    /// back gives the same state and result; and the result itself survives JSON.</summary>
    private static void Accumulator<TAccumulator, TResult, TState>(
        SmokeCheck check, string metric, IMetricAccumulator<TAccumulator, TResult, TState> accumulator, TResult expected)
        where TAccumulator : class, IMetricAccumulator<TAccumulator, TResult, TState>
        where TState : MetricState
    {
        var result = accumulator.ToResult();
        check.That(EqualityComparer<TResult>.Default.Equals(result, expected),
            $"{metric}: the accumulator agrees with the one-shot computation", $"{result} against {expected}");

        var state = accumulator.GetState();
        var read = check.RoundTrip($"{metric} state", state);
        var restored = TAccumulator.FromState(read);
        check.That(restored.GetState().Equals(state), $"{metric}: FromState restores the state", $"{restored.GetState()} against {state}");
        check.That(EqualityComparer<TResult>.Default.Equals(restored.ToResult(), result),
            $"{metric}: the restored accumulator gives the same result", $"{restored.ToResult()} against {result}");

        check.RoundTrip($"{metric} result", result);
    }

    private static void Groups(SmokeCheck check)
    {
        var byChannel = MetricGroups.Create(NpsCalculator.Default.CreateAccumulator(), StringComparer.Ordinal);
        byChannel["email"].AddRange(NpsAnswers.AsSpan(0, 6));
        byChannel["chat"].AddRange(NpsAnswers.AsSpan(6));
        var results = byChannel.ToResults();
        check.That(results.Count == 2 && results[0].Key == "email" && results[0].Value.Count == 6 && results[1].Value.Count == 4,
            "MetricGroups keeps one NPS accumulator per channel, in first-use order",
            string.Join(", ", results.Select(pair => $"{pair.Key}: {pair.Value}")));

        var all = new NpsAccumulator().MergeAll(byChannel.Select(pair => pair.Value));
        check.That(all.ToResult() == NpsCalculator.Default.Compute(NpsAnswers), "merging the groups gives the NPS of all answers",
            $"got {all.ToResult()}");
    }
}
