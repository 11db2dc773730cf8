using Engagement.Sdk.IO;
using Engagement.Sdk.Tests.Support;
using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Value;

/// <summary>BG/NBD and Pareto/NBD predictions against published figures and the reference, properties and bad input.</summary>
public class RepeatPurchaseModelTests
{
    private static readonly BgNbdModel Published = new(
        PublishedEstimates.BgNbd.R, PublishedEstimates.BgNbd.Alpha, PublishedEstimates.BgNbd.A, PublishedEstimates.BgNbd.B, TimeUnit.Week);

    private static readonly ParetoNbdModel Btyd = new(
        PublishedEstimates.ParetoNbd.Btyd.R, PublishedEstimates.ParetoNbd.Btyd.Alpha, PublishedEstimates.ParetoNbd.Btyd.S, PublishedEstimates.ParetoNbd.Btyd.Beta, TimeUnit.Week);

    [Theory]
    [InlineData(double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity)] // log(0 + 0)
    [InlineData(double.NegativeInfinity, 0.0, 0.0)] // log(0 + 1)
    [InlineData(0.0, double.NegativeInfinity, 0.0)]
    [InlineData(double.PositiveInfinity, 1.0, double.PositiveInfinity)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(0.0, 0.0, 0.69314718055994531)] // log 2
    [InlineData(1000.0, 1000.0, 1000.69314718055994531)] // 1000 + log 2, without overflow
    public void LogSumExp_WithInfiniteOrLargeTerms_IsTheLogOfTheSum(double a, double b, double expected) =>
        Assert.Equal(expected, RepeatPurchase.LogSumExp(a, b), 12);

    [Fact]
    public void BgNbd_Predictions_MatchHardiesSpreadsheet()
    {
        // The spreadsheet's E[X(t)] comes at its unrounded estimates; lifetimes compares with atol 0.01, so do we, and
        // hold the closed form to the reference's independent Σ n·P(X(t) = n) tightly.
        foreach (var (t, expected) in PublishedEstimates.BgNbd.ExpectedPurchases)
        {
            Assert.Equal(expected, Published.ExpectedPurchases(t), 0.01);
            var naive = NaiveLikelihoods.BgNbdExpectedPurchases(Published.R, Published.Alpha, Published.A, Published.B, t);
            Assert.Equal(naive, Published.ExpectedPurchases(t), 1e-9 * naive);
        }

        var (x, tx, age, horizon, conditional) = PublishedEstimates.BgNbd.ConditionalExpectation;
        Assert.Equal(conditional, Published.ConditionalExpectedPurchases(horizon, x, tx, age), 3);
        foreach (var (t, n, probability) in PublishedEstimates.BgNbd.PurchaseProbabilities)
        {
            Assert.Equal(probability, Published.ProbabilityOfPurchases(n, t), 5);
        }
    }

    [Fact]
    public void BgNbd_ProbabilityAlive_WorkedByHand()
    {
        // x = 2, t_x = 30.43, T = 38.86: 1 / (1 + a/(b+1) · ((α+T)/(α+t_x))^(r+2)).
        var (r, alpha, a, b) = (0.243, 4.414, 0.793, 2.426);
        var expected = 1 / (1 + (a / (b + 1) * Math.Pow((alpha + 38.86) / (alpha + 30.43), r + 2)));
        Assert.Equal(expected, Published.ProbabilityAlive(2, 30.43, 38.86), 12);
        Assert.Equal(1, Published.ProbabilityAlive(0, 0, 38.86));
        Assert.Equal(0, Published.ExpectedPurchases(0));
        Assert.Equal(0, Published.ConditionalExpectedPurchases(0, 2, 30.43, 38.86));
    }

    [Fact]
    public void ParetoNbd_Predictions_MatchBtyd()
    {
        var (x, tx, age, probability) = PublishedEstimates.ParetoNbd.ProbabilityAlive;
        Assert.Equal(probability, Btyd.ProbabilityAlive(x, tx, age), 3);
        var (cx, ctx, cage, horizon, expected) = PublishedEstimates.ParetoNbd.ConditionalExpectation;
        Assert.Equal(expected, Btyd.ConditionalExpectedPurchases(horizon, cx, ctx, cage), 1);
        var (r, alpha, s, beta) = PublishedEstimates.ParetoNbd.ExpectationParameters;
        var model = new ParetoNbdModel(r, alpha, s, beta, TimeUnit.Week);
        for (var t = 0; t < PublishedEstimates.ParetoNbd.ExpectedPurchases.Length; t++)
        {
            Assert.Equal(PublishedEstimates.ParetoNbd.ExpectedPurchases[t], model.ExpectedPurchases(t), 6);
        }

        // BTYD's −9,594.976 was computed on its own (unrounded) CBS; the summary CSV rounds times to 2 decimals.
        Assert.Equal(PublishedEstimates.ParetoNbd.BtydLogLikelihood, Btyd.LogLikelihood(CdnowSummaries.Sample), 0.01);
    }

    [Fact]
    public void ParetoNbd_AtSEqualOne_TakesTheLogarithmicLimit()
    {
        // s = 1: E[X(t)] = (rβ/α) ln(1 + t/β) = (0.5·10/5) ln 2.
        var model = new ParetoNbdModel(0.5, 5, 1, 10, TimeUnit.Day);
        Assert.Equal(Math.Log(2), model.ExpectedPurchases(10), 14);
        Assert.Equal(model.ExpectedPurchases(10), new ParetoNbdModel(0.5, 5, 1 + 1e-12, 10, TimeUnit.Day).ExpectedPurchases(10), 9);
    }

    [Fact]
    public void BgNbd_NearAEqualOne_IsContinuous()
    {
        var at = new BgNbdModel(0.5, 4, 1, 2.5, TimeUnit.Week).ExpectedPurchases(20);
        var near = new BgNbdModel(0.5, 4, 1.001, 2.5, TimeUnit.Week).ExpectedPurchases(20);
        Assert.Equal(near, at, 2);
        Assert.Equal(NaiveLikelihoods.BgNbdExpectedPurchases(0.5, 4, 1, 2.5, 20), at, 8);
    }

    [Fact]
    public void BgNbd_LogLikelihood_EqualsTheReference()
    {
        var customers = CdnowData.ReadSummary();
        var expected = NaiveLikelihoods.BgNbdLogLikelihood(0.243, 4.414, 0.793, 2.426, customers);
        Assert.Equal(expected, Published.LogLikelihood(CdnowSummaries.Sample), 1e-9 * Math.Abs(expected));
    }

    [Fact]
    public void FittedLogLikelihoods_EqualTheReference()
    {
        var customers = CdnowData.ReadSummary();
        var bg = BgNbdModel.Fit(CdnowSummaries.Sample);
        var naive = NaiveLikelihoods.BgNbdLogLikelihood(bg.Model.R, bg.Model.Alpha, bg.Model.A, bg.Model.B, customers);
        Assert.Equal(naive, bg.Diagnostics.LogLikelihood, 1e-9 * Math.Abs(naive));
        var pareto = ParetoNbdModel.Fit(CdnowSummaries.Sample);
        var naivePareto = NaiveLikelihoods.ParetoNbdLogLikelihood(pareto.Model.R, pareto.Model.Alpha, pareto.Model.S, pareto.Model.Beta, customers);
        Assert.Equal(naivePareto, pareto.Diagnostics.LogLikelihood, 1e-7 * Math.Abs(naivePareto));
    }

    [Fact]
    public void Fit_SameBitsWhateverTheParallelism()
    {
        var one = BgNbdModel.Fit(CdnowSummaries.Sample, new ModelFitOptions(maxDegreeOfParallelism: 1));
        var two = BgNbdModel.Fit(CdnowSummaries.Sample, new ModelFitOptions(maxDegreeOfParallelism: 2));
        Assert.Equal(one, two);
        Assert.NotNull(one.Diagnostics["r"].StandardError);
    }

    [Fact]
    public void Properties_BgNbd_AliveInUnitInterval_OneWithoutRepeats_ExpectationIncreasing_LogLikelihoodFinite() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var (model, x, tx, age, t) = c;
            var alive = model.ProbabilityAlive(x, tx, age);
            var naive = NaiveLikelihoods.BgNbdProbabilityAlive(model.R, model.Alpha, model.A, model.B, x, tx, age);
            var ll = NaiveLikelihoods.BgNbdLogLikelihood(model.R, model.Alpha, model.A, model.B, x, tx, age);
            var ours = model.LogLikelihood(CustomerSummaries.FromColumns(TimeUnit.Week, [x], [tx], [age]));
            Assert.InRange(alive, 0, 1);
            Assert.True(x != 0 || alive == 1);
            Assert.Equal(naive, alive, 1e-9);
            Assert.True(model.ExpectedPurchases(t + 1) > model.ExpectedPurchases(t), $"E[X({t + 1})] = {model.ExpectedPurchases(t + 1)} <= E[X({t})] = {model.ExpectedPurchases(t)}");
            Assert.True(double.IsFinite(ours));
            Assert.Equal(ll, ours, 1e-9 * Math.Abs(ll));
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Properties_ParetoNbd_AliveInUnitInterval_ExpectationIncreasing_LogLikelihoodMatchesTheReference() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var (bg, x, tx, age, t) = c;
            var model = new ParetoNbdModel(bg.R, bg.Alpha, bg.A, bg.B, TimeUnit.Week);
            var alive = model.ProbabilityAlive(x, tx, age);
            var ll = NaiveLikelihoods.ParetoNbdLogLikelihood(model.R, model.Alpha, model.S, model.Beta, x, tx, age);
            var ours = model.LogLikelihood(CustomerSummaries.FromColumns(TimeUnit.Week, [x], [tx], [age]));
            Assert.InRange(alive, 0, 1);
            Assert.True(model.ExpectedPurchases(t + 1) > model.ExpectedPurchases(t));
            Assert.True(double.IsFinite(ours));
            Assert.Equal(ll, ours, 1e-7 * Math.Abs(ll));
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Properties_ParetoNbd_ProbabilityOfPurchases_EqualsTheReferenceIntegral() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            // The reference integrates over the dropout time (no ₂F₁); the closed form takes either branch of α ≥ β.
            var (bg, x, _, _, t) = c;
            var model = new ParetoNbdModel(bg.R, bg.Alpha, bg.A, bg.B, TimeUnit.Week);
            var expected = NaiveLikelihoods.ParetoNbdProbabilityOfPurchases(model.R, model.Alpha, model.S, model.Beta, t, x);
            Assert.Equal(expected, model.ProbabilityOfPurchases(x, t), 1e-8);
            return true;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0.5534, 10.58, 0.6061, 11.67, 39.0)] // BTYD's CDNOW estimates (α < β)
    [InlineData(0.5534, 10.58, 0.6061, 11.67, 78.0)]
    [InlineData(0.55, 12.0, 0.6, 5.0, 52.0)] // α > β
    [InlineData(2.0, 3.0, 1.5, 3.0, 10.0)] // α = β
    public void ParetoNbd_ProbabilityOfPurchases_SumsToOne(double r, double alpha, double s, double beta, double t)
    {
        // Σₓ P(X(t) = x) = 1, and Σₓ x P(X(t) = x) = E[X(t)], summed until the terms are negligible.
        var model = new ParetoNbdModel(r, alpha, s, beta, TimeUnit.Week);
        var (total, mean) = (0.0, 0.0);
        for (var x = 0; x < 400; x++)
        {
            var p = model.ProbabilityOfPurchases(x, t);
            Assert.InRange(p, 0, 1);
            total += p;
            mean += x * p;
        }

        Assert.Equal(1, total, 1e-7);
        Assert.Equal(model.ExpectedPurchases(t), mean, 1e-5);
        Assert.Equal(1, model.ProbabilityOfPurchases(0, 0));
        Assert.Equal(0, model.ProbabilityOfPurchases(3, 0));
    }

    [Fact]
    public void ProbabilityOfPurchases_BadInput_ThrowsNamingTheArgument()
    {
        foreach (IRepeatPurchaseModel model in new IRepeatPurchaseModel[] { Published, Btyd })
        {
            var purchases = Assert.Throws<ArgumentOutOfRangeException>(() => model.ProbabilityOfPurchases(-2, 1));
            Assert.Equal("purchases", purchases.ParamName);
            Assert.Equal(-2, purchases.ActualValue);
            var t = Assert.Throws<ArgumentOutOfRangeException>(() => model.ProbabilityOfPurchases(1, double.NaN));
            Assert.Equal("t", t.ParamName);
            Assert.Equal(double.NaN, t.ActualValue);
        }
    }

    [Theory]
    [InlineData(-1.0, 1, 1.0, 2.0, "t")]
    [InlineData(double.NaN, 1, 1.0, 2.0, "t")]
    [InlineData(1.0, -1, 1.0, 2.0, "frequency")]
    [InlineData(1.0, 1, 3.0, 2.0, "recency")]
    [InlineData(1.0, 0, 1.0, 2.0, "recency")]
    [InlineData(1.0, 2, 0.0, 39.0, "recency")] // repeat purchases come after the first: recency 0 is refused, as CustomerSummary does
    [InlineData(1.0, 1, 1.0, -2.0, "age")]
    public void Predictions_BadInput_ThrowNamingTheArgument(double t, int x, double tx, double age, string name)
    {
        foreach (IRepeatPurchaseModel model in new IRepeatPurchaseModel[] { Published, Btyd })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.ConditionalExpectedPurchases(t, x, tx, age));
            Assert.Equal(name, e.ParamName);
        }

        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Published.ExpectedPurchases(-1)).ParamName);
        Assert.Equal(-1.0, Assert.Throws<ArgumentOutOfRangeException>(() => Btyd.ExpectedPurchases(-1)).ActualValue);
    }

    [Theory]
    [InlineData(0.0, "r")]
    [InlineData(double.NaN, "alpha")]
    [InlineData(-1.0, "a")]
    [InlineData(double.PositiveInfinity, "b")]
    public void Models_BadParameters_Throw(double value, string name)
    {
        double P(string n) => n == name ? value : 1;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(P("r"), P("alpha"), P("a"), P("b"), TimeUnit.Week));
        Assert.Equal(name, e.ParamName);
        Assert.Equal(value, e.ActualValue);
    }

    [Fact]
    public void Models_OtherUnit_IsRejectedNamingBothUnits()
    {
        var days = CustomerSummaries.FromColumns(TimeUnit.Day, [1], [2.0], [3.0]);
        var e = Assert.Throws<ArgumentException>(() => Published.ConditionalExpectedPurchases(days, 10));
        Assert.Equal("data", e.ParamName);
        Assert.Contains("Day", e.Message, StringComparison.Ordinal);
        Assert.Contains("Week", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Btyd.ProbabilityAlive(days));
        Assert.Throws<ArgumentException>(() => Btyd.LogLikelihood(days));
        Assert.Equal("data", Assert.Throws<ArgumentException>(
            () => BgNbdModel.Fit(CustomerSummaries.FromColumns(TimeUnit.Day, [], [], []))).ParamName);
    }

    [Fact]
    public void Batch_EqualsOneByOne()
    {
        var data = CdnowSummaries.Sample;
        var conditional = Published.ConditionalExpectedPurchases(data, 39);
        var alive = Btyd.ProbabilityAlive(data);
        var rows = data.Customers;
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(Published.ConditionalExpectedPurchases(39, rows[i].Frequency, rows[i].Recency, rows[i].T), conditional[i]);
            Assert.Equal(Btyd.ProbabilityAlive(rows[i].Frequency, rows[i].Recency, rows[i].T), alive[i]);
        }
    }

    [Fact]
    public void Json_ModelsAndFitsRoundTrip()
    {
        Assert.Equal(Published, Json.RoundTrip(Published, EngagementJson.GetTypeInfo<BgNbdModel>()).Value);
        Assert.Equal(Btyd, Json.RoundTrip(Btyd, EngagementJson.GetTypeInfo<ParetoNbdModel>()).Value);
        var fit = BgNbdModel.Fit(CdnowSummaries.Sample);
        var (read, text) = Json.RoundTrip(fit, EngagementJson.GetTypeInfo<BgNbdFit>());
        Assert.Equal(fit, read);
        Assert.Contains("\"unit\":\"Week\"", text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BgNbdFit(Published, fit.Diagnostics));
    }

    /// <summary>r, a, b in [0.01, 5], α in [0.1, 50], x ≤ 40, 0 &lt; t_x ≤ T ≤ 100 for a repeat buyer, a horizon in [0, 100].</summary>
    private static Gen<(BgNbdModel Model, int X, double Tx, double T, double Horizon)> Cases =>
        from h in HistoryCases.Generate(1, 500, (100, 10, 100, 100), maxFrequency: 40, minAge: 1, maxAge: 1000, ageScale: 10)
        from t in Gen.Choose(0, 200)
        select (new BgNbdModel(h.P1, h.P2, h.P3, h.P4, TimeUnit.Week), h.X, h.Tx, h.T, t / 2.0);
}
