using MathNet.Numerics;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// The seeded generator of the bootstrap and of the Shapley permutations: xoshiro256** (Blackman &amp; Vigna 2018),
/// seeded through SplitMix64 from a seed and a stream number, so that each resample has its own stream and the results
/// do not depend on how the work is spread over threads. Our own code, so the bits do not change with the runtime
/// (<see cref="Random"/>'s seeded algorithm is not guaranteed across versions).
/// </summary>
internal struct BootstrapRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public BootstrapRandom(int seed, long stream)
    {
        var x = unchecked(((ulong)(long)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without bias (Lemire 2019).</summary>
    public int NextInt(int bound)
    {
        var product = (NextUInt64() >> 32) * (ulong)bound;
        var low = (uint)product;
        if (low < (uint)bound)
        {
            var threshold = unchecked((uint)-bound) % (uint)bound;
            while (low < threshold)
            {
                product = (NextUInt64() >> 32) * (ulong)bound;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>
    /// A Poisson variate of the mean (finite, 0 or more): by multiplying uniforms below a mean of 10, by Hörmann's
    /// transformed rejection (PTRS, "The transformed rejection method for generating Poisson random variables", 1993)
    /// from 10 on.
    /// </summary>
    public double Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean < 10)
        {
            var limit = Math.Exp(-mean);
            var count = 0;
            var product = NextDouble();
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }

            return count;
        }

        var root = Math.Sqrt(mean);
        var logMean = Math.Log(mean);
        var b = 0.931 + (2.53 * root);
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var acceptance = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = NextDouble() - 0.5;
            var v = NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= acceptance)
            {
                return k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b) <= -mean + (k * logMean) - SpecialFunctions.GammaLn(k + 1))
            {
                return k;
            }
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
