using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>
/// sBG at the edges of the parameter space: S(t) lies in [0, 1] and never rises, P(T = t) = S(t−1) − S(t) lies in
/// [0, S(t−1)], retention and churn rates in [0, 1], and the discounted expected residual lifetime in
/// [r(n), (1 + d)/d], since its terms S(t)/S(n−1) (1+d)^−(t−n) are at most (1+d)^−(t−n) and the first is r(n).
/// </summary>
public class ShiftedBetaGeometricExtremeTests
{
    private static readonly double[] Values = [1e-300, 1e-20, 1e-3, 1, 1e3, 1e6, 1e17, 1e300];

    private static readonly int[] Periods = [0, 1, 2, 10, 1000, 1_000_000, int.MaxValue];

    public static TheoryData<double> Alphas() => [.. Values];

    [Theory]
    [InlineData(1e-20)]
    [InlineData(1e-300)]
    public void Survival_TinyAlpha_NeverExceedsOne(double alpha)
    {
        // α = 10⁻²⁰ gave S(10⁶) = 1.0000000006 and S(int.MaxValue) = 1.0000025. As α → 0, θ → 0 and nobody cancels:
        // 1 − S(t) = 1 − Π (β+i)/(α+β+i) ≤ α Σ 1/(β+i) ≤ α (1 + ln t) < 10⁻¹⁸ here, so S(t) is 1 in doubles.
        var model = new ShiftedBetaGeometricModel(alpha, 1, TimeUnit.Year);

        Assert.Equal(1.0, model.Survival(1_000_000));
        Assert.Equal(1.0, model.Survival(int.MaxValue));
    }

    [Fact]
    public void DiscountedExpectedResidualLifetime_ManyRenewals_IsTheGeometricSeriesOfTheRetentionRate()
    {
        // It gave 11.0566 (renewals + 1 overflowed int). After n − 1 = int.MaxValue renewals, n = 2³¹, the retention
        // r = (β+n−1)/(α+β+n−1) = 2³¹/(2³¹ + 10⁶) = 0.99953 moves by at most α k/n² ≈ 10⁻¹¹ over the k ≈ 400 terms that
        // matter, so DERL = r Σ (r/(1+d))^k = r/(1 − r/1.1) ≈ 10.946.
        var model = new ShiftedBetaGeometricModel(1e6, 1, TimeUnit.Year);
        const double R = 2147483648.0 / (2147483648.0 + 1e6);

        Assert.Equal(R / (1 - (R / 1.1)), model.DiscountedExpectedResidualLifetime(0.1, int.MaxValue), 1e-8);
    }

    [Fact]
    public void DiscountedExpectedResidualLifetime_ManyRenewals_StaysBelowTheBound()
    {
        // α = β = 1 gave 11.000000056 > (1 + d)/d = 11. Here r = 2³¹/(2³¹ + 1) and the retention only rises towards 1,
        // so DERL lies in [r/(1 − r/1.1), 11].
        var model = new ShiftedBetaGeometricModel(1, 1, TimeUnit.Year);
        const double R = 2147483648.0 / 2147483649.0;

        var derl = model.DiscountedExpectedResidualLifetime(0.1, int.MaxValue);

        Assert.InRange(derl, (R / (1 - (R / 1.1))) * (1 - 1e-12), 11 * (1 + 1e-15));
    }

    [Fact]
    public void RetentionRate_TinyParameters_IsTheMeanShareThatStays()
    {
        // β + 1 − 1 rounded to 0, so r(1) was 0/0 = NaN and DERL never stopped summing. r(1) = β/(α+β) = 1/2 for α = β.
        var model = new ShiftedBetaGeometricModel(1e-20, 1e-20, TimeUnit.Month);

        Assert.Equal(0.5, model.RetentionRate(1), 1e-15);
        Assert.Equal(0.5, model.ChurnRate(1), 1e-15);
    }

    [Fact]
    public void LogLikelihood_TinyParameters_IsTheHandValue()
    {
        // A cohort of 2, one gone after period 1, one after period 2. P(T = 1) = α/(α+β) = 1/2 and
        // P(T = 2) = α/(α+β) · β/(α+β+1) = 1/2 · 10⁻²⁰/(1 + 2·10⁻²⁰): ln L = 2 ln(1/2) + ln 10⁻²⁰. β + 2 − 2 rounded to 0: −∞.
        var model = new ShiftedBetaGeometricModel(1e-20, 1e-20, TimeUnit.Month);
        var expected = (2 * Math.Log(0.5)) + Math.Log(1e-20);

        Assert.Equal(expected, model.LogLikelihood([2, 1, 0]), 1e-12 * Math.Abs(expected));
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    public void Predictions_AcrossTheGrid_AreFiniteAndWithinTheirBounds(double alpha)
    {
        var failures = new List<string>();
        foreach (var beta in Values)
        {
            var model = new ShiftedBetaGeometricModel(alpha, beta, TimeUnit.Month);
            double previous = 1;
            foreach (var t in Periods)
            {
                var survival = model.Survival(t);
                Within(survival, 0, previous, $"S({t})");
                previous = Math.Min(previous, survival);
                if (t > 0)
                {
                    var before = model.Survival(t - 1);
                    Within(model.CancellationProbability(t), 0, before, $"P(T = {t})");
                    var retention = model.RetentionRate(t);
                    Within(retention, 0, 1, $"r({t})");
                    Within(model.ChurnRate(t), 0, 1, $"1 − r({t})");
                }
            }

            foreach (var discount in (double[])[1e-3, 0.1, 10])
            {
                foreach (var renewals in (int[])[0, 10, 1_000_000, int.MaxValue])
                {
                    var first = model.RetentionRate(renewals == int.MaxValue ? int.MaxValue : renewals + 1);
                    double derl;
                    try
                    {
                        derl = model.DiscountedExpectedResidualLifetime(discount, renewals);
                    }
                    catch (ArgumentOutOfRangeException e)
                    {
                        failures.Add($"{model}: DERL({discount}, {renewals}) threw {e.Message}");
                        continue;
                    }

                    Within(derl, renewals == int.MaxValue ? 0 : first, (1 + discount) / discount, $"DERL({discount}, {renewals})");
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

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)) + $"{Environment.NewLine}({failures.Count} in all)");
    }
}
