namespace Engagement.Sdk.Tests.Responses.Reference;

public partial class ReferenceTests
{
    [Fact]
    public void Quantiles_LowerOrderStatistic_NoInterpolation()
    {
        double[] values = [40, 10, 50, 30, 20]; // sorted: 10 20 30 40 50, n − 1 = 4

        Assert.Equal(10, NaiveQuantiles.Exact(values, 0));    // ⌊0⌋ = 0 → 10, the minimum
        Assert.Equal(10, NaiveQuantiles.Exact(values, 0.24)); // ⌊0.96⌋ = 0 → 10
        Assert.Equal(20, NaiveQuantiles.Exact(values, 0.25)); // ⌊1⌋ = 1 → 20
        Assert.Equal(30, NaiveQuantiles.Exact(values, 0.5));  // ⌊2⌋ = 2 → 30
        Assert.Equal(40, NaiveQuantiles.Exact(values, 0.9));  // ⌊3.6⌋ = 3 → 40, not 46 by interpolation
        Assert.Equal(40, NaiveQuantiles.Exact(values, 0.99)); // ⌊3.96⌋ = 3 → 40
        Assert.Equal(50, NaiveQuantiles.Exact(values, 1));    // ⌊4⌋ = 4 → 50, the maximum
        Assert.Equal([40, 10, 50, 30, 20], values);           // the input is not sorted in place
    }

    [Fact]
    public void Quantiles_EvenCount_OneValue_DuplicatesAndNegatives()
    {
        Assert.Equal(2, NaiveQuantiles.Exact([4, 3, 2, 1], 0.5));      // ⌊0.5 × 3⌋ = ⌊1.5⌋ = 1 → 2, the lower median
        Assert.Equal(7, NaiveQuantiles.Exact([7], 0.99));              // n − 1 = 0: every quantile is the one value
        Assert.Equal(5, NaiveQuantiles.Exact([5, 5, 5, 9], 0.6));      // ⌊1.8⌋ = 1 → 5
        Assert.Equal(0, NaiveQuantiles.Exact([5, -5, 0], 0.5));        // sorted −5 0 5; ⌊1⌋ → 0
        Assert.Equal(-5, NaiveQuantiles.Exact([5, -5, 0], 0.49));      // ⌊0.98⌋ = 0 → −5
    }

    [Fact]
    public void Quantiles_RankIsComputedInDoubleAsTheFormulaReads()
    {
        // 101 values 0..100: q(n − 1) = 0.29 × 100 = 28.999999999999996 in binary floating point → index 28.
        var values = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();

        Assert.Equal(28, NaiveQuantiles.Exact(values, 0.29));
        Assert.Equal(99, NaiveQuantiles.Exact(values, 0.99)); // 0.99 × 100 = 99 exactly
    }

    [Fact]
    public void Quantiles_WithinRelativeError()
    {
        // α = 1%: |e − x| ≤ 0.01·|x|.
        Assert.True(NaiveQuantiles.WithinRelativeError(101, 100, 0.01));    // 1 ≤ 1, the bound itself
        Assert.True(NaiveQuantiles.WithinRelativeError(99, 100, 0.01));
        Assert.False(NaiveQuantiles.WithinRelativeError(101.01, 100, 0.01)); // 1.01 > 1
        Assert.True(NaiveQuantiles.WithinRelativeError(-100.5, -100, 0.01)); // relative to |x| for negatives
        Assert.False(NaiveQuantiles.WithinRelativeError(-100, 100, 0.01));
        Assert.True(NaiveQuantiles.WithinRelativeError(0, 0, 0.01));          // 0 must be exactly 0
        Assert.False(NaiveQuantiles.WithinRelativeError(1e-300, 0, 0.01));
        Assert.False(NaiveQuantiles.WithinRelativeError(double.NaN, 1, 0.01));
    }

    [Fact]
    public void Quantiles_BadInput_IsRefused()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => NaiveQuantiles.Exact([], 0.5)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => NaiveQuantiles.Exact([1, double.NaN], 0.5)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveQuantiles.Exact([1], 1.01)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveQuantiles.Exact([1], double.NaN)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => NaiveQuantiles.WithinRelativeError(1, 1, 0)).ParamName);
    }
}
