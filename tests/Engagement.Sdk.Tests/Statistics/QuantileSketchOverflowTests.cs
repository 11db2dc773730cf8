using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Tests.Statistics;

/// <summary>A count past long.MaxValue is refused with a message naming what was added and both counts, and changes
/// nothing (the hostile pass found a bare "Arithmetic operation resulted in an overflow").</summary>
public sealed class QuantileSketchOverflowTests
{
    [Fact]
    public void Every_way_of_adding_past_the_largest_count_names_it_and_changes_nothing()
    {
        var full = new QuantileSketch();
        full.Add(1, long.MaxValue);
        var before = full.GetState();
        var other = new QuantileSketch();
        other.Add(2);

        var one = Assert.Throws<OverflowException>(() => full.Add(3));
        var weighted = Assert.Throws<OverflowException>(() => full.Add(3, 2));
        var span = Assert.Throws<OverflowException>(() => full.Add([3.0, 4.0]));
        var merge = Assert.Throws<OverflowException>(() => full.Merge(other));

        Assert.Contains("(value)", one.Message, StringComparison.Ordinal);
        Assert.Contains("Adding 2 values (count)", weighted.Message, StringComparison.Ordinal);
        Assert.Contains("(values)", span.Message, StringComparison.Ordinal);
        Assert.Contains("(other)", merge.Message, StringComparison.Ordinal);
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), one.Message, StringComparison.Ordinal);
        Assert.Equal(before, full.GetState());
    }
}
