using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Statistics;

/// <summary>Values and states for the quantile sketch tests.</summary>
internal static class QuantileSketchValues
{
    /// <summary>The smallest normal double: the smallest magnitude with a bucket.</summary>
    public const double MinIndexable = 2.2250738585072014E-308;

    /// <summary>Small integers (zeros and duplicates), m·2^e over the whole double range of both signs, and extremes.</summary>
    public static Gen<double> Any { get; } =
        Gen.OneOf(
            Gen.Choose(-5, 5).Select(i => (double)i),
            Wide(-1074, 1023),
            Gen.Elements(double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, MinIndexable, -MinIndexable, -0.0, 1e-300, 1e300));

    /// <summary>Positive and negative values from about 10⁻¹² to 10¹² with heavy tails: the range the guarantee is
    /// tested on without collapsing.</summary>
    public static Gen<double> Realistic { get; } =
        Gen.OneOf(
            Gen.Choose(-5, 5).Select(i => (double)i),
            Wide(-40, 39),
            Gen.Choose(1, 1_000_000).Select(u => 1e6 / u),
            Gen.Choose(1, 1000).Select(u => Math.Exp(u / 40.0)));

    /// <summary>The JSON of the state of a sketch (α = 1%) of the given values, as a mutable object.</summary>
    public static JsonObject StateOf(params double[] values)
    {
        var sketch = new QuantileSketch();
        sketch.Add(values);
        return JsonNode.Parse(JsonSerializer.Serialize(sketch.GetState(), EngagementJson.GetTypeInfo<QuantileSketchState>()))!.AsObject();
    }

    // ±(1 + f)·2^e with a fraction f of 1 to 52 random bits and e in [minExponent, maxExponent]: magnitudes in
    // [2^minExponent, 2^(maxExponent + 1)), subnormals where 2^e is one.
    private static Gen<double> Wide(int minExponent, int maxExponent) =>
        from sign in Gen.Elements(-1.0, 1.0)
        from bits in Gen.Choose(1, 52)
        from high in Gen.Choose(0, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        from exponent in Gen.Choose(minExponent, maxExponent)
        let fraction = Math.ScaleB((((long)high << 31) | (uint)low) & ((1L << bits) - 1), -bits)
        select sign * Math.ScaleB(1 + fraction, exponent);
}
