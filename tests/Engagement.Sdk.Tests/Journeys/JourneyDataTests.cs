using System.Text.RegularExpressions;
using Engagement.Sdk.Benchmarks.Journeys;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>Smoke tests of the benchmarks' synthetic journey data (<c>benchmarks/…/Journeys/JourneyData.cs</c>, compiled
/// into this project), at a small size: the shape the funnel, retention, session and build benchmarks rely on.</summary>
public sealed partial class JourneyDataTests
{
    private const int Customers = 2_000;
    private const int Events = 40_000;
    private static readonly Lazy<JourneyData> Small = new(() => JourneyData.Generate(Customers, Events, 7));

    [Fact]
    public void Generate_SmallSize_HasExactlyTheRequestedRowsAndCustomers()
    {
        var data = Small.Value;
        Assert.Equal(Events, data.Count);
        Assert.Equal(Events, data.CustomerIds.Length);
        Assert.Equal(Events, data.EventNames.Length);
        Assert.Equal(Events, data.EventNameIndexes.Length);
        Assert.Equal(Events, data.ChannelIndexes.Length);
        Assert.Equal(Customers, data.Customers.Length);
        Assert.Equal(Customers, new HashSet<string>(data.CustomerIds, StringComparer.Ordinal).Count);
    }

    [Fact]
    public void Generate_SmallSize_RowsAreInTimeOrderInsideTheWindow()
    {
        var data = Small.Value;
        for (var i = 0; i < data.Count; i++)
        {
            Assert.InRange(data.UtcTicks[i], JourneyData.Start.UtcTicks, JourneyData.End.UtcTicks - 1);
            Assert.Equal(0, data.UtcTicks[i] % TimeSpan.TicksPerSecond);
            if (i > 0)
            {
                Assert.True(data.UtcTicks[i] >= data.UtcTicks[i - 1], $"row {i} is earlier than row {i - 1}");
            }
        }
    }

    [Fact]
    public void Generate_SmallSize_IdsAreInternedAndNamesComeFromTheTables()
    {
        var data = Small.Value;
        Assert.Equal(20, JourneyData.EventNameTable.Count);
        Assert.Equal(20, new HashSet<string>(JourneyData.EventNameTable, StringComparer.Ordinal).Count);
        for (var k = 0; k < data.Customers.Length; k++)
        {
            Assert.Matches(CustomerId(), data.Customers[k]);
            Assert.Equal(k, int.Parse(data.Customers[k].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < data.Count; i++)
        {
            var customer = int.Parse(data.CustomerIds[i].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Same(data.Customers[customer], data.CustomerIds[i]);
            Assert.Same(JourneyData.EventNameTable[data.EventNameIndexes[i]], data.EventNames[i]);
            Assert.InRange(data.ChannelIndexes[i], 0, JourneyData.ChannelTable.Count - 1);
        }
    }

    [Fact]
    public void Generate_SmallSize_HasTiesSessionsAndCheckouts()
    {
        var data = Small.Value;
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        int ties = 0, sessions = 0;
        for (var i = 0; i < data.Count; i++)
        {
            if (!last.TryGetValue(data.CustomerIds[i], out var previous) || data.UtcTicks[i] - previous > TimeSpan.TicksPerMinute * 30)
            {
                sessions++;
            }
            else if (previous == data.UtcTicks[i])
            {
                ties++;
            }

            last[data.CustomerIds[i]] = data.UtcTicks[i];
        }

        // About 2% ties; sessions of a few events each (3.6 at the default size); every flow step occurs, fewer at
        // each step of the checkout than at home.
        Assert.InRange(ties / (double)Events, 0.01, 0.03);
        Assert.InRange(Events / (double)sessions, 2.5, 5.0);
        var counts = new int[JourneyData.EventNameTable.Count];
        foreach (var name in data.EventNameIndexes)
        {
            counts[name]++;
        }

        Assert.All(counts, count => Assert.True(count > 0));
        Assert.True(counts[8] > 0 && counts[8] < counts[0], "payment_done should be rarer than home");
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameRows()
    {
        var again = JourneyData.Generate(Customers, Events, 7);
        Assert.Equal(Small.Value.CustomerIds, again.CustomerIds);
        Assert.Equal(Small.Value.UtcTicks, again.UtcTicks);
        Assert.Equal(Small.Value.EventNameIndexes, again.EventNameIndexes);
        Assert.Equal(Small.Value.ChannelIndexes, again.ChannelIndexes);
    }

    [Fact]
    public void Build_SmallSize_HoldsEveryRow()
    {
        var log = Small.Value.Build();
        Assert.Equal(Events, log.Count);
        Assert.Equal(Customers, log.CustomerCount);
    }

    [GeneratedRegex("^c[0-9]{7}$")]
    private static partial Regex CustomerId();
}
