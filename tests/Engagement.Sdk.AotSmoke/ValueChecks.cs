using Engagement.Sdk.Value;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Customer value: the summary builder (time zones from the OS), the model fits (MathNet.Numerics' optimisers
/// in a native, trimmed binary), RFM and the JSON of models, fits and summaries.</summary>
internal static class ValueChecks
{
    public static void Run(SmokeCheck check)
    {
        // 400 customers from a fixed linear congruential generator: each buys on 1–6 distinct days of 1997, values
        // 5.00–54.99, so about five in six are repeat buyers and the models have something to fit.
        var transactions = new List<Transaction>();
        var start = new DateTimeOffset(1997, 1, 1, 0, 0, 0, TimeSpan.Zero);
        uint state = 20261127;
        uint Next(uint bound)
        {
            state = (state * 1664525) + 1013904223;
            return (state >> 8) % bound;
        }

        for (var customer = 1; customer <= 400; customer++)
        {
            var purchases = 1 + (int)Next(6);
            var day = (int)Next(60);
            for (var p = 0; p < purchases; p++)
            {
                transactions.Add(new Transaction($"c{customer}", start.AddDays(day), 5m + (Next(5000) / 100m)));
                day += 1 + (int)Next(40);
            }
        }

        var definition = new CustomerSummaryDefinition(TimeUnit.Week, start.AddDays(400), timeZoneId: "Europe/Amsterdam");
        var summaries = CustomerSummaryBuilder.Build(transactions, definition);
        check.That(summaries.Count == 400 && summaries.Unit == TimeUnit.Week, "summaries: 400 customers in weeks", $"got {summaries.Count} in {summaries.Unit}");
        check.RoundTrip("customer summaries", summaries, (x, y) => x.Unit == y.Unit && x.Customers.SequenceEqual(y.Customers));

        var fit = BgNbdModel.Fit(summaries);
        var model = fit.Model;
        // Uniform synthetic buyers have little of the heterogeneity BG/NBD models, so the fit may well end on the boundary
        // (Failed); what matters here is that MathNet's optimiser runs in the native binary and reports itself.
        check.That(
            fit.Diagnostics.Iterations > 0 && double.IsFinite(fit.Diagnostics.LogLikelihood) && model.R > 0 && model.Alpha > 0,
            "BG/NBD: the fit runs (MathNet BFGS under AOT)",
            $"got {fit.Diagnostics.Status} after {fit.Diagnostics.Iterations} iterations, LL {fit.Diagnostics.LogLikelihood}");
        var alive = model.ProbabilityAlive(2, 10, 30);
        check.That(alive is >= 0 and <= 1, "BG/NBD: P(alive) within [0, 1]", $"got {alive}");
        check.RoundTrip("BG/NBD fit", fit);

        var spend = GammaGammaModel.Fit(summaries);
        check.That(
            spend.Diagnostics.Iterations > 0 && double.IsFinite(spend.Diagnostics.LogLikelihood),
            "Gamma-Gamma: the fit runs",
            $"got {spend.Diagnostics.Status} after {spend.Diagnostics.Iterations} iterations");
        check.RoundTrip("Gamma-Gamma model", spend.Model);

        var rfm = RfmScorer.Score(summaries);
        check.That(rfm.HasValue && rfm.Count == 400, "RFM: every customer scored", $"got {rfm.Count}");
        check.RoundTrip("RFM segment map", RfmSegmentMap.Default);
    }
}
