using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;

namespace Engagement.Sdk.Tests.Statistics;

public class MetricGroupsTests
{
    [Fact]
    public void Indexer_CreatesOnFirstUse_AndKeepsUpdates()
    {
        var byChannel = MetricGroups.Create(NpsCalculator.Default.CreateAccumulator(), StringComparer.OrdinalIgnoreCase);

        byChannel["web"].Add(10);
        byChannel["WEB"].Add(0);
        byChannel["email"].Add(8);

        // web: one promoter and one detractor (keys ignore case here); email: one passive.
        Assert.Equal(["web", "email"], byChannel.Keys);
        Assert.Equal(new NpsResult(1, 0, 1), byChannel["web"].ToResult());
        Assert.Equal(new NpsResult(0, 1, 0), byChannel.ToResults()[1].Value);
        Assert.Equal(2, byChannel.Count);
        Assert.Equal(MetricDefinition.Nps, byChannel.Definition);
        Assert.False(byChannel.TryGetValue("sms", out _));
        Assert.Equal(["web", "email"], byChannel.Select(pair => pair.Key));
    }

    [Fact]
    public void Create_WithANonEmptyTemplate_Throws()
    {
        var template = new CsatAccumulator();
        template.Add(5);

        Assert.Equal("template", Assert.Throws<ArgumentException>(() => MetricGroups.Create(template, StringComparer.Ordinal)).ParamName);
        Assert.Throws<ArgumentNullException>(() => MetricGroups.Create(new CsatAccumulator(), (IEqualityComparer<string?>)null!));
    }

    [Fact]
    public void Merge_AddsKeyByKey_AndKeepsTheAccumulatorsCallersHold()
    {
        var left = MetricGroups.Create(new CsatAccumulator(), StringComparer.Ordinal);
        var right = MetricGroups.Create(new CsatAccumulator(), StringComparer.Ordinal);
        var web = left["web"];
        web.Add(5);
        right["web"].Add(1);
        right["sms"].Add(4);

        left.Merge(right);

        Assert.Same(web, left["web"]);
        Assert.Equal(2, web.Count);
        Assert.Equal(6, web.Sum);
        Assert.Equal(["web", "sms"], left.Keys);
        Assert.Equal(1, right["web"].Count);
    }

    [Fact]
    public void Merge_OverflowInOneGroup_ChangesNoGroup()
    {
        var left = MetricGroups.Create(new NpsAccumulator(), StringComparer.Ordinal);
        var right = MetricGroups.Create(new NpsAccumulator(), StringComparer.Ordinal);
        left["a"].Add(10);
        left["b"].Merge(NpsAccumulator.FromState(new NpsState(1, MetricDefinition.Nps, long.MaxValue, 0, 0)));
        right["a"].Add(0);
        right["b"].Add(0);
        right["c"].Add(5);

        Assert.Throws<OverflowException>(() => left.Merge(right));

        Assert.Equal(new NpsResult(1, 0, 0), left["a"].ToResult());
        Assert.Equal(long.MaxValue, left["b"].Count);
        Assert.Equal(["a", "b"], left.Keys);
    }

    [Fact]
    public void Merge_OfGroupsWhoseKeysCompareDifferently_IsRefusedAndChangesNothing()
    {
        // The hostile pass's reproduction: "a" and "A" of an ordinal group both fell into one ignore-case group, which
        // threw half-way with the dictionary's own error.
        var ignoreCase = MetricGroups.Create(new NpsAccumulator(), StringComparer.OrdinalIgnoreCase);
        var ordinal = MetricGroups.Create(new NpsAccumulator(), StringComparer.Ordinal);
        ordinal["a"].Add(10);
        ordinal["A"].Add(10);

        Assert.Equal("other", Assert.Throws<ArgumentException>(() => ignoreCase.Merge(ordinal)).ParamName);

        Assert.Equal(0, ignoreCase.Count);
    }

    [Fact]
    public void Keys_IsAReadOnlyView()
    {
        var groups = MetricGroups.Create(new NpsAccumulator(), StringComparer.Ordinal);
        groups["a"].Add(1);

        Assert.Throws<NotSupportedException>(() => ((IList<string>)groups.Keys).Add("ghost"));
        Assert.Equal(StringComparer.Ordinal, groups.KeyComparer);
    }

    [Fact]
    public void Indexer_NullKey_Throws()
    {
        var groups = MetricGroups.Create(new NpsAccumulator(), StringComparer.Ordinal);

        Assert.Throws<ArgumentNullException>(() => groups[null!]);
        Assert.Throws<ArgumentNullException>(() => groups.TryGetValue(null!, out _));
        Assert.Throws<ArgumentNullException>(() => groups.Merge(null!));
    }
}
