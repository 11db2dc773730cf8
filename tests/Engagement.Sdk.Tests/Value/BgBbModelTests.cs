using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

public class BgBbModelTests
{
    private static readonly BgBbModel Uniform = new(1, 1, 1, 1);

    /// <summary>Possible histories (x, t_x, n) with n ≤ 30.</summary>
    private static readonly Gen<(int X, int Tx, int N)> Histories =
        from n in Gen.Choose(0, 30)
        from tx in Gen.Choose(0, n)
        from x in tx == 0 ? Gen.Constant(0) : Gen.Choose(1, tx)
        select (x, tx, n);

    [Fact]
    public void Fit_Donations_ReproducesFaderHardieShang2010()
    {
        // Fader, Hardie & Shang (2010), Marketing Science 29(6), the 1995 cohort of 11,104 donors over 6 opportunities:
        // α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.6 (the BTYD R package's bgbb examples use these
        // estimates on the same donationsSummary).
        var fit = BgBbModel.Fit(SpendTestData.Donations());

        Assert.Equal(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.Equal(11_104, fit.Diagnostics.Observations);
        Assert.Equal(1.204, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.750, fit.Model.Beta, 0.0005);
        Assert.Equal(0.657, fit.Model.Gamma, 0.0005);
        Assert.Equal(2.783, fit.Model.Delta, 0.0005);
        Assert.Equal(-33_225.6, fit.Diagnostics.LogLikelihood, 0.05);
        Assert.Equal(fit.Diagnostics.LogLikelihood, fit.Model.LogLikelihood(SpendTestData.Donations()), 1e-6);
    }

    [Fact]
    public void Predictions_Donations_ReproduceThePublishedTables()
    {
        var fit = BgBbModel.Fit(SpendTestData.Donations());
        var model = fit.Model;

        // FHS (2010) Table 6: P(alive in 2002) after 6 opportunities, to 2 decimals.
        foreach (var (x, tx, probability) in PublishedEstimates.BgBb.ProbabilityAlive)
        {
            Assert.Equal(probability, model.ProbabilityAlive(x, tx, 6), 0.005);
        }

        // Hardie's spreadsheet: expected donors with 0 and with 6 donations in 1996–2001, 11,104 · P(X(6) = x).
        Assert.Equal(PublishedEstimates.BgBb.ExpectedWithNone, PublishedEstimates.BgBb.Donors * model.ProbabilityOfTransactions(0, 6), 0.05);
        Assert.Equal(PublishedEstimates.BgBb.ExpectedWithSix, PublishedEstimates.BgBb.Donors * model.ProbabilityOfTransactions(6, 6), 0.05);

        // ... and expected donations 2002–2006: Σ count · E[X(6, 6 + 5) | x, t_x, 6].
        double total = 0;
        foreach (var row in SpendTestData.Donations())
        {
            total += row.Count * model.ConditionalExpectedTransactions(5, row.Frequency, row.Recency, row.Periods);
        }

        Assert.Equal(PublishedEstimates.BgBb.ExpectedHoldoutDonations, total, 0.05);
    }

    [Fact]
    public void ProbabilityOfTransactions_HandWorked_AndSumsToOne()
    {
        // Uniform priors, one opportunity: ¼ and ¾ (see LogLikelihood_OneOpportunity_HandWorked); two opportunities:
        // x = 2 is the sequence 1,1 (1/9); x = 1 is 1,0 and 0,1 (5/36 + 1/18 = 7/36).
        Assert.Equal(0.25, Uniform.ProbabilityOfTransactions(1, 1), 1e-12);
        Assert.Equal(0.75, Uniform.ProbabilityOfTransactions(0, 1), 1e-12);
        Assert.Equal(1.0 / 9, Uniform.ProbabilityOfTransactions(2, 2), 1e-12);
        Assert.Equal(7.0 / 36, Uniform.ProbabilityOfTransactions(1, 2), 1e-12);
        Assert.Equal(0, Uniform.ProbabilityOfTransactions(3, 2));
        Assert.Equal(1, Uniform.ProbabilityOfTransactions(0, 0), 1e-12);

        Prop.ForAll(SpendTestData.Parameters(4), Arb.From(Gen.Choose(0, 40)), (theta, n) =>
        {
            var model = new BgBbModel(theta[0], theta[1], theta[2], theta[3]);
            double total = 0, mean = 0;
            for (var x = 0; x <= n; x++)
            {
                var probability = model.ProbabilityOfTransactions(x, n);
                total += probability;
                mean += x * probability;
            }

            return Math.Abs(total - 1) < 1e-9 && Math.Abs(mean - model.ExpectedTransactions(n)) < 1e-9 * Math.Max(1, mean);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void LogLikelihood_OneOpportunity_HandWorked()
    {
        // α = β = γ = δ = 1: p and θ uniform. At one opportunity a customer transacts when alive (1 − θ) and buying (p):
        // P(x = 1) = E[p] E[1 − θ] = ½ · ½ = ¼, and P(x = 0) = ¾.
        Assert.Equal(Math.Log(0.25), Uniform.LogLikelihood(1, 1, 1), 1e-12);
        Assert.Equal(Math.Log(0.75), Uniform.LogLikelihood(0, 0, 1), 1e-12);
        Assert.Equal(Math.Log(0.25) + (3 * Math.Log(0.75)), Uniform.LogLikelihood([new(1, 1, 1), new(0, 0, 1, 3)]), 1e-12);

        // n = 0: nothing observed, probability 1.
        Assert.Equal(0, Uniform.LogLikelihood(0, 0, 0), 1e-12);
    }

    [Fact]
    public void LogLikelihood_TwoOpportunities_HandWorked()
    {
        // Uniform p and θ. Sequence 1,0 (x = 1, t_x = 1, n = 2): either alive at both with p(1 − p)(1 − θ)², or alive at 1
        // and gone at 2 with p(1 − θ)θ. E[p(1 − p)] = 1/6, E[(1 − θ)²] = 1/3, E[p] = ½, E[θ(1 − θ)] = 1/6:
        // 1/6 · 1/3 + ½ · 1/6 = 1/18 + 1/12 = 5/36.
        Assert.Equal(Math.Log(5.0 / 36), Uniform.LogLikelihood(1, 1, 2), 1e-12);

        // Sequence 0,1 (x = 1, t_x = 2): alive at both, (1 − p) p (1 − θ)²: 1/6 · 1/3 = 1/18.
        Assert.Equal(Math.Log(1.0 / 18), Uniform.LogLikelihood(1, 2, 2), 1e-12);

        // Sequence 1,1: p²(1 − θ)²: 1/3 · 1/3 = 1/9.
        Assert.Equal(Math.Log(1.0 / 9), Uniform.LogLikelihood(2, 2, 2), 1e-12);
    }

    [Fact]
    public void Predictions_HandWorked()
    {
        // After one transaction at one opportunity (uniform priors), θ's posterior is ∝ (1 − θ): Beta(1, 2), so
        // P(alive at 2) = E[1 − θ] = 2/3; p's posterior is ∝ p: Beta(2, 1), E[p] = 2/3; the next opportunity brings
        // 2/3 · 2/3 = 4/9 transactions.
        Assert.Equal(2.0 / 3, Uniform.ProbabilityAlive(1, 1, 1), 1e-12);
        Assert.Equal(4.0 / 9, Uniform.ConditionalExpectedTransactions(1, 1, 1, 1), 1e-12);

        // A new customer: E[X(n)] = E[p] Σ_{t=1..n} E[(1 − θ)^t] = ½ Σ 1/(t + 1): ½ · ½ = ¼ at n = 1, ½ (½ + ⅓) = 5/12 at n = 2.
        Assert.Equal(0, Uniform.ExpectedTransactions(0));
        Assert.Equal(0.25, Uniform.ExpectedTransactions(1), 1e-12);
        Assert.Equal(5.0 / 12, Uniform.ExpectedTransactions(2), 1e-12);
        Assert.Equal(0, Uniform.ConditionalExpectedTransactions(0, 1, 1, 1));
    }

    [Fact]
    public void ProbabilityAlive_WithoutTransactions_BelowTheNewCustomers()
    {
        // No transaction at one opportunity (uniform): P(x = 0, alive at 2) = E[1 − p] E[(1 − θ)²] = ½ · ⅓ = 1/6 over
        // P(x = 0) = ¾: 2/9.
        Assert.Equal(2.0 / 9, Uniform.ProbabilityAlive(0, 0, 1), 1e-12);
    }

    [Fact]
    public void LogLikelihood_SumsToOneOverEveryHistory() =>
        // For n opportunities, a history with x ≥ 1 transactions, the last at t_x, stands for C(t_x − 1, x − 1)
        // sequences of equal probability; with the empty history they exhaust the outcomes.
        Prop.ForAll(SpendTestData.Parameters(4), Arb.From(Gen.Choose(0, 12)), (theta, n) =>
        {
            var model = new BgBbModel(theta[0], theta[1], theta[2], theta[3]);
            var total = Math.Exp(model.LogLikelihood(0, 0, n));
            for (var tx = 1; tx <= n; tx++)
            {
                for (var x = 1; x <= tx; x++)
                {
                    total += MathNet.Numerics.Combinatorics.Combinations(tx - 1, x - 1) * Math.Exp(model.LogLikelihood(x, tx, n));
                }
            }

            return Math.Abs(total - 1) < 1e-9;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Predictions_AreProbabilitiesAndGrowWithTheHorizon() =>
        Prop.ForAll(SpendTestData.Parameters(4), Arb.From(Histories), (theta, history) =>
        {
            var model = new BgBbModel(theta[0], theta[1], theta[2], theta[3]);
            var (x, tx, n) = history;
            var alive = model.ProbabilityAlive(x, tx, n);
            var now = model.ConditionalExpectedTransactions(5, x, tx, n);
            var later = model.ConditionalExpectedTransactions(6, x, tx, n);
            return alive is >= 0 and <= 1
                && double.IsFinite(model.LogLikelihood(x, tx, n))
                && model.ExpectedTransactions(n + 1) > model.ExpectedTransactions(n)
                && later > now && now <= 5;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0.657)]
    [InlineData(1.0)]
    [InlineData(1 + 1e-9)]
    [InlineData(3.5)]
    public void ExpectedTransactions_ClosedFormBeyondTheSummedHorizon_AgreesWithTheDefinition(double gamma)
    {
        // Beyond 1,000 opportunities the model uses eq. 13's closed form (or its γ → 1 limit); the definition is
        // E[X(n)] = α/(α+β) · Σ_{t=1..n} B(γ, δ+t)/B(γ, δ), summed here term by term from the Beta function.
        var model = new BgBbModel(1.204, 0.750, gamma, 2.783);
        double sum = 0;
        for (var t = 1; t <= 2500; t++)
        {
            sum += Math.Exp(MathNet.Numerics.SpecialFunctions.BetaLn(gamma, 2.783 + t) - MathNet.Numerics.SpecialFunctions.BetaLn(gamma, 2.783));
        }

        var expected = 1.204 / (1.204 + 0.750) * sum;

        Assert.Equal(expected, model.ExpectedTransactions(2500), 1e-9 * expected);
    }

    [Theory]
    [InlineData(-1, 0, 1, "frequency")]
    [InlineData(0, -1, 1, "recency")]
    [InlineData(0, 0, -1, "periods")]
    [InlineData(1, 3, 2, "recency")]
    [InlineData(3, 2, 4, "frequency")]
    [InlineData(0, 2, 4, "recency")]
    [InlineData(1, 0, 4, "frequency")]
    public void DiscreteHistory_Impossible_Throws(int x, int tx, int n, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteHistory(x, tx, n));

        Assert.Equal(name, e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.ProbabilityAlive(x, tx, n));
    }

    [Fact]
    public void DiscreteHistory_CountBelowOne_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteHistory(1, 2, 3, 0));

        Assert.Equal(("count", (object)0L), (e.ParamName, e.ActualValue));
    }

    [Fact]
    public void Fit_BadInput_Throws()
    {
        Assert.Equal("histories", Assert.Throws<ArgumentException>(() => BgBbModel.Fit([])).ParamName);
        var e = Assert.Throws<ArgumentNullException>(() => BgBbModel.Fit([new(0, 0, 1), null!]));
        Assert.Equal("histories", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("futureOpportunities", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.ConditionalExpectedTransactions(-1, 0, 0, 1)).ParamName);
        Assert.Equal("opportunities", Assert.Throws<ArgumentOutOfRangeException>(() => Uniform.ExpectedTransactions(-1)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => new BgBbModel(1, 1, 1, double.NaN)).ParamName);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var (model, text) = Json.RoundTrip(new BgBbModel(1.204, 0.75, 0.657, 2.783), EngagementJson.GetTypeInfo<BgBbModel>());
        Assert.Equal(new BgBbModel(1.204, 0.75, 0.657, 2.783), model);
        Assert.Equal("""{"alpha":1.204,"beta":0.75,"gamma":0.657,"delta":2.783}""", text);

        var (history, historyText) = Json.RoundTrip(new DiscreteHistory(2, 5, 6, 173), EngagementJson.GetTypeInfo<DiscreteHistory>());
        Assert.Equal(new DiscreteHistory(2, 5, 6, 173), history);
        Assert.Equal("""{"frequency":2,"recency":5,"periods":6,"count":173}""", historyText);

        var e = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(
            """{"frequency":3,"recency":2,"periods":6,"count":1}""", EngagementJson.GetTypeInfo<DiscreteHistory>()));
        Assert.Equal("frequency", Assert.IsType<ArgumentOutOfRangeException>(e.InnerException).ParamName);

        var fit = BgBbModel.Fit(SpendTestData.Donations());
        var (fitBack, _) = Json.RoundTrip(fit, EngagementJson.GetTypeInfo<BgBbFit>());
        Assert.Equal(fit, fitBack);
        Assert.True(fit == fitBack && !(fit != fitBack));
        Assert.Equal(fit.GetHashCode(), fitBack.GetHashCode());
        Assert.Equal($"{fit.Model}; {fit.Diagnostics}", fit.ToString());
    }

    [Fact]
    public void Fit_DiagnosticsOfAnotherModel_AreRefused()
    {
        var fit = BgBbModel.Fit(SpendTestData.Donations());
        var other = new BgBbModel(fit.Model.Alpha, fit.Model.Beta, fit.Model.Gamma, fit.Model.Delta + 1);

        SpendTestData.AssertMismatchRefused((model, diagnostics) => new BgBbFit(model, diagnostics), other, fit.Diagnostics, "delta = ");
    }

    [Fact]
    public void Equality_IsByFields()
    {
        Assert.Equal(new DiscreteHistory(1, 2, 3, 4), new DiscreteHistory(1, 2, 3, 4));
        Assert.NotEqual(new DiscreteHistory(1, 2, 3, 4), new DiscreteHistory(1, 2, 3, 5));
        Assert.True(new BgBbModel(1, 2, 3, 4) == new BgBbModel(1, 2, 3, 4));
        Assert.True(new BgBbModel(1, 2, 3, 4) != new BgBbModel(1, 2, 3, 5));
        Assert.Equal("x = 1, t_x = 2, n = 3 (× 4)", new DiscreteHistory(1, 2, 3, 4).ToString());
        Assert.Equal("BG/BB(α = 1.204, β = 0.75, γ = 0.657, δ = 2.783)", new BgBbModel(1.204, 0.75, 0.657, 2.783).ToString());
    }
}
