using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>The catalogue of models: names, look-up, duplicates, and running them all.</summary>
public class AttributionModelCatalogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Default_HoldsTheBuiltInModelsInOrder()
    {
        var catalog = AttributionModelCatalog.Default;

        Assert.Equal(["first-touch", "last-touch", "last-non-direct", "linear", "time-decay", "position-based"], catalog.Names.Take(6));
        Assert.Equal(new TimeDecayModel(TimeSpan.FromDays(7)), catalog.Get("time-decay"));
        Assert.Equal(new PositionBasedModel(0.4, 0.4), catalog.Get("position-based"));
        Assert.Equal(catalog.Names, catalog.Models.Select(m => m.Name));
    }

    [Fact]
    public void Get_UnknownName_ListsTheKnownNames()
    {
        var catalog = new AttributionModelCatalog([new FirstTouchModel(), new LinearModel(name: "even")]);

        var e = Assert.Throws<KeyNotFoundException>(() => catalog.Get("markov"));

        Assert.Contains("'markov'", e.Message, StringComparison.Ordinal);
        Assert.Contains("first-touch, even", e.Message, StringComparison.Ordinal);
        Assert.False(catalog.TryGet("markov", out var missing));
        Assert.Null(missing);
        Assert.True(catalog.TryGet("even", out var even));
        Assert.Equal(new LinearModel(name: "even"), even);
        Assert.Throws<ArgumentNullException>(() => catalog.Get(null!));
    }

    [Fact]
    public void Create_DuplicateName_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new AttributionModelCatalog([new FirstTouchModel(), new LinearModel(), new LastTouchModel("linear")]));

        Assert.Equal("models", e.ParamName);
        Assert.Contains("'linear'", e.Message, StringComparison.Ordinal);
        Assert.Contains("indexes 1 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullModel_ThrowsNamingItsIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new AttributionModelCatalog([new FirstTouchModel(), null!]));

        Assert.Equal("models", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("models", Assert.Throws<ArgumentNullException>(() => new AttributionModelCatalog(null!)).ParamName);
    }

    [Fact]
    public void AttributeAll_Journeys_RunsEveryModel()
    {
        var paths = ConversionPaths.Create(
        [
            new ConversionPath([new("email", T0), new("search", T0.AddDays(7))], converted: true, value: 30),
            new ConversionPath([new("direct", T0)], converted: true, value: 5),
        ]);

        var results = AttributionModelCatalog.Default.AttributeAll(paths);

        Assert.Equal(AttributionModelCatalog.Default.Names, results.Select(r => r.Model));
        Assert.All(results, r => Assert.Equal(2, r.Conversions));
        // Time decay: email 7 days before, search at the end: 1/3 and 2/3 of the first journey.
        Assert.Equal(1.0 / 3, results.Single(r => r.Model == "time-decay")["email"].Conversions, 1e-12);
    }

    [Fact]
    public void AttributeAll_AggregatedPaths_SkipsTimeDecay()
    {
        var paths = ConversionPaths.Create([AggregatedPath.Parse("email > search", 3, 30, 1)]);
        var catalog = new AttributionModelCatalog(
            [new FirstTouchModel(), new TimeDecayModel(TimeSpan.FromDays(7)), new TimeDecayModel(TimeSpan.FromDays(1), "decay-1d"), new LastTouchModel()]);

        var results = catalog.AttributeAll(paths);

        Assert.Equal(["first-touch", "last-touch"], results.Select(r => r.Model));
        Assert.Equal(3, results[0]["email"].Conversions);
        Assert.Equal(3, results[1]["search"].Conversions);
    }

    [Fact]
    public void AttributeAll_NullOrCancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var paths = ConversionPaths.Create([AggregatedPath.Parse("email", 1, 0, 0)]);

        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => AttributionModelCatalog.Default.AttributeAll(null!)).ParamName);
        Assert.Throws<OperationCanceledException>(() => AttributionModelCatalog.Default.AttributeAll(paths, cancelled.Token));
    }
}
