using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>
/// BG/BB at the edges of the parameter space, where a difference of two ln B cancels or a tiny β rounds away: every
/// probability lies in [0, 1], P(X(n) = x) sums to 1 over x, the log-likelihood is at most 0, E[X(n)] lies in
/// [0, n α/(α+β)] and does not fall as n grows, and E[X(n, n+n*) | history] ≤ n* · P(alive at n+1) (a transaction needs
/// the customer alive, and alive at any later opportunity means alive at n+1).
/// </summary>
public class BgBbExtremeTests
{
    private static readonly double[] Values = [1e-300, 1e-20, 1e-3, 1, 1e3, 1e17, 1e300];

    private static readonly (int X, int Tx, int N)[] Histories = [(0, 0, 6), (3, 5, 6), (6, 6, 6), (1, 1, 60)];

    public static TheoryData<double> Alphas() => [.. Values];

    [Fact]
    public void Fit_HistoryAboveMaxOpportunities_ThrowsNamingTheCollection()
    {
        // The docs cap a history's n at MaxOpportunities; the fit accepted n = 10⁶ + 1 and returned a fit.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BgBbModel.Fit([new DiscreteHistory(0, 0, BgBbModel.MaxOpportunities + 1)]));

        Assert.Equal("histories", e.ParamName);
        Assert.Equal(BgBbModel.MaxOpportunities + 1, e.ActualValue);
        Assert.Contains("index 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogLikelihood_HistoryAboveMaxOpportunities_ThrowsNamingTheCollection()
    {
        // n = 10⁷ took 2 s per evaluation, n = int.MaxValue minutes; now refused before any term is summed.
        var model = new BgBbModel(1, 1, 1, 1);
        var histories = new[] { new DiscreteHistory(1, 2, 3), new DiscreteHistory(1, 2, int.MaxValue) };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.LogLikelihood(histories));

        Assert.Equal("histories", e.ParamName);
        Assert.Equal(int.MaxValue, e.ActualValue);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogLikelihood_HistoryAtMaxOpportunities_IsAccepted()
    {
        // The cap itself is allowed: one never-buyer over 10⁶ opportunities, α = β = γ = δ = 1. Dying with no purchase
        // at each opportunity (or never) sums to P(X(n) = 0) ≤ 1, so ln L ≤ 0.
        var model = new BgBbModel(1, 1, 1, 1);

        var log = model.LogLikelihood([new DiscreteHistory(0, 0, BgBbModel.MaxOpportunities)]);

        Assert.True(double.IsFinite(log) && log <= 0, $"ln L = {log}");
    }

    [Theory]
    [InlineData(1e15)]
    [InlineData(1e17)]
    [InlineData(1e300)]
    public void ProbabilityOfTransactions_HugeBeta_SumsToOne_AndTendsToNoTransaction(double beta)
    {
        // β = 10¹⁷ gave P(X(6) = 3) = 3.28 and Σ = 12.0. As β → ∞, p → 0: no transaction at all, P(X(6) = 0) → 1,
        // with P(X(6) ≥ 1) ≤ 6 E[p] = 6/(1+β).
        var model = new BgBbModel(1, beta, 1, 1);
        double sum = 0;
        for (var x = 0; x <= 6; x++)
        {
            var p = model.ProbabilityOfTransactions(x, 6);
            Assert.InRange(p, 0, 1 + 1e-15); // the log-sum of n + 1 terms may round a probability of 1 up by an ulp
            sum += p;
        }

        Assert.Equal(1, sum, 1e-12);
        Assert.Equal(1, model.ProbabilityOfTransactions(0, 6), 6 / (1 + beta) + 1e-14);
    }

    [Fact]
    public void ProbabilityOfTransactions_TinyBeta_IsEveryLiveOpportunity()
    {
        // β = 10⁻²⁰ threw MathNet's ArgumentException "w": β + 3 − 3 rounded to 0. As β → 0, p → 1: a customer transacts
        // at every opportunity alive, so X(6) = 3 means alive for exactly 3 opportunities, P = B(γ+1, δ+3)/B(γ,δ); at
        // γ = δ = 1 that is B(2, 4) = Γ(2)Γ(4)/Γ(6) = 6/120 = 0.05.
        var model = new BgBbModel(1, 1e-20, 1, 1);

        Assert.Equal(0.05, model.ProbabilityOfTransactions(3, 6), 1e-12);
    }

    [Fact]
    public void LogLikelihood_HugeBetaAndDelta_EqualsTheHandValue()
    {
        // It gave +0.693. With δ = 10³⁰⁰ nobody dies (the dead terms carry γ/(γ+δ) = 10⁻³⁰⁰), so
        // L = B(1+3, β+3)/B(1, β) = 3! Γ(β+3)/Γ(β+7) · β = 6β/((β+3)(β+4)(β+5)(β+6)) = 6/β³ to 1 part in 10²⁹⁹:
        // ln L = ln 6 − 3 ln 10³⁰⁰.
        var model = new BgBbModel(1, 1e300, 1, 1e300);
        var expected = Math.Log(6) - (900 * Math.Log(10));

        Assert.Equal(expected, model.LogLikelihood(3, 5, 6), 1e-12 * Math.Abs(expected));
    }

    [Theory]
    [InlineData(1e15)]
    [InlineData(1e17)]
    [InlineData(1e300)]
    public void ProbabilityAlive_HugeDelta_TendsToOne(double delta)
    {
        // δ = 10¹⁷ gave 0.30. As δ → ∞, θ → 0 and everyone stays alive: 1 − P(alive) is at most the weight of the dead
        // terms, each carrying γ/(γ+δ) < 1/δ, times the n − t_x = 1 of them over the alive term's 1 − γ/(γ+δ+n).
        var model = new BgBbModel(1, 1, 1, delta);

        Assert.Equal(1, model.ProbabilityAlive(3, 5, 6), 10 / delta + 1e-15);
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    public void Predictions_AcrossTheGrid_AreFiniteAndWithinTheirBounds(double alpha)
    {
        var failures = new List<string>();
        foreach (var beta in Values)
        {
            foreach (var gamma in Values)
            {
                foreach (var delta in Values)
                {
                    var model = new BgBbModel(alpha, beta, gamma, delta);
                    Check(model, failures);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)) + $"{Environment.NewLine}({failures.Count} in all)");
    }

    private static void Check(BgBbModel model, List<string> failures)
    {
        foreach (var n in (int[])[1, 6, 40])
        {
            double sum = 0;
            for (var x = 0; x <= n; x++)
            {
                var p = model.ProbabilityOfTransactions(x, n);
                Within(p, 0, 1, $"P(X({n}) = {x})");
                sum += p;
            }

            Within(sum, 1 - 1e-9, 1 + 1e-9, $"Σ P(X({n}) = x)");
        }

        var share = model.Alpha / (model.Alpha + model.Beta);
        double previous = 0;
        foreach (var n in (int[])[0, 1, 10, 2000, 100_000])
        {
            var expected = model.ExpectedTransactions(n);
            Within(expected, previous, n * share, $"E[X({n})]");
            previous = Math.Max(previous, expected);
        }

        foreach (var (x, tx, n) in Histories)
        {
            var log = model.LogLikelihood(x, tx, n);
            Within(log, double.MinValue, 0, $"ln L({x}, {tx}, {n})");
            var alive = model.ProbabilityAlive(x, tx, n);
            Within(alive, 0, 1, $"P(alive | {x}, {tx}, {n})");
            foreach (var future in (int[])[1, 10, 5000])
            {
                var conditional = model.ConditionalExpectedTransactions(future, x, tx, n);
                Within(conditional, 0, future * alive, $"E[X({n}, {n} + {future}) | {x}, {tx}, {n}]");
            }
        }

        void Within(double value, double lower, double upper, string what)
        {
            var slack = 1e-12 * Math.Max(Math.Abs(lower), Math.Abs(upper));
            if (!(double.IsFinite(value) && value >= lower - slack && value <= upper + slack))
            {
                failures.Add($"{model}: {what} = {value:R}, outside [{lower:R}, {upper:R}]");
            }
        }
    }
}
