using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Statistics;

/// <summary>The quantile sketch example of docs/responses.md: it prints what the docs show.</summary>
public class QuantileSketchDocsExamples
{
    [Fact]
    public void SketchExample_PrintsWhatTheDocsShow()
    {
        var chat = new QuantileSketch();
        chat.Add([42, 95, 130, 610, 3_600, 75, 18]);
        chat.Add(240, count: 3);
        var email = new QuantileSketch();
        email.Add([30, 45, 7_200]);

        chat.Merge(email);
        var all = chat.ToResult();
        var p75 = chat.Quantile(0.75);
        var json = JsonSerializer.Serialize(chat.GetState(), EngagementJson.GetTypeInfo<QuantileSketchState>());
        var restored = QuantileSketch.FromState(JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<QuantileSketchState>())!);

        // Sorted: 18 30 42 45 75 95 130 240 240 240 610 3600 7200; n − 1 = 12. p50: rank 6 → 130, bucket
        // ⌈ln 130 · 49.99833⌉ = 244, estimate 0.99·γ^244 = 130.34. p90: rank 10.8 → 610, bucket 321 → 607.99. p95 and
        // p99: ranks 11.4 and 11.88 → 3600, bucket 410 → 3605.5. Mean 12,565 / 13 = 966.54. p75: rank 9 → 240, bucket
        // 275 → 242.29.
        Assert.Equal("13 values: min 18, p50 130.3, p90 608, p95 3606, p99 3606 (quantiles ±1%), max 7200, mean 966.5", all.ToString());
        // p75 from the definition: 2·γ^i / (γ + 1) with γ = 1.01 / 0.99 and i = ⌈ln 240 / ln γ⌉ = ⌈274.02⌉ = 275.
        Assert.Equal(2 * Math.Pow(1.01 / 0.99, 275) / ((1.01 / 0.99) + 1), p75!.Value, 1e-9);
        Assert.Equal(chat.GetState(), restored.GetState());
    }

    [Fact]
    public void ClickHouseQuantileDD_PublishedExample_IsReproduced()
    {
        // ClickHouse's quantileDD docs: quantileDD(0.01, 0.75) over the integers 1, 2, 3, 4 is 2.974233423476717. Rank
        // 0.75·3 = 2.25 → the value 3, bucket ⌈ln 3 · 49.99833⌉ = 55, estimate 0.99·γ^55.
        var sketch = new QuantileSketch(0.01);
        sketch.Add([1, 2, 3, 4]);

        Assert.Equal(2.974233423476717, sketch.Quantile(0.75)!.Value, 1e-12);
    }
}
