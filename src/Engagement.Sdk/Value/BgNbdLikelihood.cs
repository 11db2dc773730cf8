using MathNet.Numerics;

namespace Engagement.Sdk.Value;

/// <summary>
/// The BG/NBD log-likelihood of a set of customers and its analytic gradient in (r, α, a, b), summed in parallel over
/// fixed blocks (<see cref="BlockSum"/>) so that the result does not depend on the number of threads.
/// </summary>
/// <remarks>
/// <para>Per customer (Fader, Hardie &amp; Lee 2005, eq. 6, in logs):</para>
/// <code>
/// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
///      + ln[ (α+T)^−(r+x) + 1{x&gt;0} · a/(b+x−1) · (α+t_x)^−(r+x) ]
/// </code>
/// <para>
/// (using B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1)); the last term is a log-sum-exp. The terms that depend on x alone are
/// tabled once per evaluation for x = 0 … max x by recurrence (ln Γ(r+x) − ln Γ(r) = Σₖ₌₀ˣ⁻¹ ln(r+k), and likewise for
/// the digamma differences of the gradient) and weighted by the number of customers with each x, so the loop over
/// customers computes only the log-sum-exp: two logarithms and one exponential per repeat buyer. The table stops at
/// x = 2^16; the few customers above it (any x up to <see cref="int.MaxValue"/>) get their x-only terms from ln Γ and
/// ψ directly, once per distinct x.
/// </para>
/// </remarks>
internal sealed class BgNbdLikelihood
{
    private const int Width = 5;

    /// <summary>The largest x whose terms are tabled by recurrence.</summary>
    private const int TableLimit = 1 << 16;

    private readonly int[] _frequency;
    private readonly double[] _recency;
    private readonly double[] _age;
    private readonly long[] _countByFrequency;
    private readonly (int X, long Count)[] _beyondTable;
    private readonly double[] _constant;
    private readonly double[] _dConstantR;
    private readonly double[] _dConstantA;
    private readonly double[] _dConstantB;
    private readonly double[] _logB1;
    private readonly BlockSum _sum;
    private readonly double[] _totals = new double[Width];
    private double _r;
    private double _alpha;
    private double _a;
    private double _b;
    private bool _withGradient;

    public BgNbdLikelihood(CustomerSummaries data, int threads)
    {
        _frequency = data.Frequency.ToArray();
        _recency = data.Recency.ToArray();
        _age = data.T.ToArray();
        var maxFrequency = 0;
        foreach (var x in _frequency)
        {
            maxFrequency = Math.Max(maxFrequency, x);
        }

        var tabled = Math.Min(maxFrequency, TableLimit) + 1;
        _countByFrequency = new long[tabled];
        var beyond = new SortedDictionary<int, long>();
        foreach (var x in _frequency)
        {
            if (x < tabled)
            {
                _countByFrequency[x]++;
            }
            else
            {
                beyond[x] = beyond.GetValueOrDefault(x) + 1;
            }
        }

        _beyondTable = [.. beyond.Select(pair => (pair.Key, pair.Value))];
        _constant = new double[tabled];
        _dConstantR = new double[tabled];
        _dConstantA = new double[tabled];
        _dConstantB = new double[tabled];
        _logB1 = new double[tabled];
        _sum = new BlockSum(_frequency.Length, Width, threads, Terms);
    }

    /// <summary>Gets the number of customers.</summary>
    public int Count => _frequency.Length;

    /// <summary>The total log-likelihood at θ = (r, α, a, b).</summary>
    public double Evaluate(double[] theta) => Evaluate(theta, null);

    /// <summary>The total log-likelihood at θ = (r, α, a, b), writing its gradient when <paramref name="gradient"/> is given.</summary>
    public double Evaluate(double[] theta, double[]? gradient)
    {
        (_r, _alpha, _a, _b) = (theta[0], theta[1], theta[2], theta[3]);
        _withGradient = gradient is not null;
        Tabulate();
        _sum.Sum(_totals);

        // The x-only terms, weighted by how many customers have each x, and N·r ln α.
        var n = (double)Count;
        double constant = 0, dr = 0, da = 0, db = 0;
        for (var x = 0; x < _countByFrequency.Length; x++)
        {
            var count = _countByFrequency[x];
            if (count != 0)
            {
                constant += count * _constant[x];
                dr += count * _dConstantR[x];
                da += count * _dConstantA[x];
                db += count * _dConstantB[x];
            }
        }

        foreach (var (x, count) in _beyondTable)
        {
            // The same differences as the table's, from ln Γ and ψ at x directly.
            var (r, a, b) = (_r, _a, _b);
            constant += count * (SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r)
                + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(b)
                - SpecialFunctions.GammaLn(a + b + x) + SpecialFunctions.GammaLn(a + b));
            if (gradient is not null)
            {
                var dAb = SpecialFunctions.DiGamma(a + b + x) - SpecialFunctions.DiGamma(a + b);
                dr += count * (SpecialFunctions.DiGamma(r + x) - SpecialFunctions.DiGamma(r));
                da -= count * dAb;
                db += count * (SpecialFunctions.DiGamma(b + x) - SpecialFunctions.DiGamma(b) - dAb);
            }
        }

        var logAlpha = Math.Log(_alpha);
        if (gradient is not null)
        {
            gradient[0] = dr + (n * logAlpha) + _totals[1];
            gradient[1] = (n * _r / _alpha) + _totals[2];
            gradient[2] = da + _totals[3];
            gradient[3] = db + _totals[4];
        }

        return constant + (n * _r * logAlpha) + _totals[0];
    }

    /// <summary>Tables the terms that depend on x alone, by recurrence from x = 0.</summary>
    private void Tabulate()
    {
        double constant = 0, dr = 0, da = 0, db = 0;
        _constant[0] = 0;
        _dConstantR[0] = 0;
        _dConstantA[0] = 0;
        _dConstantB[0] = 0;
        for (var x = 1; x < _constant.Length; x++)
        {
            var k = x - 1;
            var logB = Math.Log(_b + k);
            _logB1[x] = logB;

            // ln Γ(r+x) − ln Γ(r) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x) + ln Γ(a+b).
            constant += Math.Log(_r + k) + logB - Math.Log(_a + _b + k);
            _constant[x] = constant;
            if (_withGradient)
            {
                var inverseAb = 1 / (_a + _b + k);
                dr += 1 / (_r + k);
                da -= inverseAb;
                db += (1 / (_b + k)) - inverseAb;
                _dConstantR[x] = dr;
                _dConstantA[x] = da;
                _dConstantB[x] = db;
            }
        }
    }

    /// <summary>The log-sum-exp term of customers [first, end) and its derivatives.</summary>
    private void Terms(int first, int end, Span<double> sums)
    {
        double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
        var (r, alpha, a) = (_r, _alpha, _a);
        var logA = Math.Log(a);
        var withGradient = _withGradient;
        for (var i = first; i < end; i++)
        {
            var x = _frequency[i];
            var rx = r + x;
            var logAge = Math.Log(alpha + _age[i]);
            var e1 = -rx * logAge;
            if (x == 0)
            {
                ll += e1;
                if (withGradient)
                {
                    dr -= logAge;
                    dAlpha -= rx / (alpha + _age[i]);
                }

                continue;
            }

            var logRecency = Math.Log(alpha + _recency[i]);
            var e2 = logA - (x < _logB1.Length ? _logB1[x] : Math.Log(_b + x - 1)) - (rx * logRecency);
            double lse, w2;
            if (e1 >= e2)
            {
                var ratio = Math.Exp(e2 - e1);
                lse = e1 + Math.Log(1 + ratio);
                w2 = ratio / (1 + ratio);
            }
            else
            {
                var ratio = Math.Exp(e1 - e2);
                lse = e2 + Math.Log(1 + ratio);
                w2 = 1 / (1 + ratio);
            }

            ll += lse;
            if (withGradient)
            {
                var w1 = 1 - w2;
                dr -= (w1 * logAge) + (w2 * logRecency);
                dAlpha -= rx * ((w1 / (alpha + _age[i])) + (w2 / (alpha + _recency[i])));
                da += w2 / a;
                db -= w2 / (_b + x - 1);
            }
        }

        sums[0] = ll;
        sums[1] = dr;
        sums[2] = dAlpha;
        sums[3] = da;
        sums[4] = db;
    }
}
