using Engagement.Sdk.Tests.Value.Reference;
using Engagement.Sdk.Value;
using FsCheck;
using FsCheck.Fluent;
using static Engagement.Sdk.Tests.Value.Reference.NaiveLikelihoods;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The spend, BG/BB and sBG models against the naive reference, which follows the papers' formulas directly.</summary>
public class SpendReferenceProperties
{
    private static readonly Gen<(int X, int Tx, int N)> Histories =
        from n in Gen.Choose(0, 20)
        from tx in Gen.Choose(0, n)
        from x in tx == 0 ? Gen.Constant(0) : Gen.Choose(1, tx)
        select (x, tx, n);

    [Fact]
    public void GammaGamma_EqualsTheReference() =>
        Prop.ForAll(SpendTestData.Parameters(3), Arb.From(Gen.Choose(1, 100)), Arb.From(Gen.Choose(1, 100_000)), (theta, x, cents) =>
        {
            var (p, q, gamma, zbar) = (theta[0], theta[1], theta[2], cents / 100.0);
            var model = new GammaGammaModel(p, q, gamma);
            // Where px + q ≤ 1 the posterior mean does not exist: the reference's formula goes negative, the model says +∞.
            var exists = (p * x) + q > 1;
            return Close(model.LogLikelihood(x, zbar), GammaGammaLogLikelihood(p, q, gamma, x, zbar))
                && (exists
                    ? Close(model.ConditionalExpectedAverageValue(x, zbar), GammaGammaConditionalExpectedAverageValue(p, q, gamma, x, zbar))
                    : double.IsPositiveInfinity(model.ConditionalExpectedAverageValue(x, zbar)));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GammaGamma_CdnowLogLikelihood_EqualsTheReference()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);

        Assert.Equal(GammaGammaLogLikelihood(6.25, 3.74, 15.44, CdnowData.ReadSummaryWithValues()), model.LogLikelihood(SpendTestData.Cdnow), 1e-8);
    }

    [Fact]
    public void BgBb_EqualsTheReference() =>
        Prop.ForAll(SpendTestData.Parameters(4), Arb.From(Histories), Arb.From(Gen.Choose(0, 12)), (theta, history, future) =>
        {
            var (a, b, g, d) = (theta[0], theta[1], theta[2], theta[3]);
            var (x, tx, n) = history;
            var model = new BgBbModel(a, b, g, d);
            return Close(model.LogLikelihood(x, tx, n), BgBbLogLikelihood(a, b, g, d, x, tx, n))
                && Close(model.ProbabilityAlive(x, tx, n), BgBbProbabilityAlive(a, b, g, d, x, tx, n))
                && Close(model.ConditionalExpectedTransactions(future, x, tx, n), BgBbConditionalExpectedPurchases(a, b, g, d, future, x, tx, n))
                && Close(model.ProbabilityOfTransactions(x, n), BgBbProbabilityOfPurchases(a, b, g, d, x, n));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void BgBb_DonationsLogLikelihood_EqualsTheReference()
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);

        Assert.Equal(BgBbLogLikelihood(1.204, 0.750, 0.657, 2.783, CdnowData.ReadDonations()), model.LogLikelihood(SpendTestData.Donations()), 1e-6);
    }

    [Fact]
    public void ShiftedBetaGeometric_EqualsTheReference() =>
        Prop.ForAll(SpendTestData.Parameters(2), Arb.From(Gen.Choose(1, 60)), (theta, t) =>
        {
            var model = new ShiftedBetaGeometricModel(theta[0], theta[1], TimeUnit.Month);
            return Close(model.CancellationProbability(t), ShiftedBetaGeometricChurn(theta[0], theta[1], t))
                && Close(model.Survival(t), ShiftedBetaGeometricSurvival(theta[0], theta[1], t))
                && Close(model.LogLikelihood(SpendTestData.Regular), ShiftedBetaGeometricLogLikelihood(theta[0], theta[1], SpendTestData.Regular));
        }).QuickCheckThrowOnFailure();

    private static bool Close(double actual, double expected) =>
        actual == expected || Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected));
}
