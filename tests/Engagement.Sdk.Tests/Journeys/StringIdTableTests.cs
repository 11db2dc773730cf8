using Engagement.Sdk.Journeys;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>The builder's open-addressing string table against a plain dictionary.</summary>
public class StringIdTableTests
{
    [Fact]
    public void GetOrAdd_GivesIdsInOrderOfFirstSight_ComparingContentNotReference()
    {
        var table = new StringIdTable();
        Assert.Equal(0, table.GetOrAdd("b"));
        Assert.Equal(1, table.GetOrAdd("a"));

        // A different instance with the same characters is the same key.
        Assert.Equal(0, table.GetOrAdd(new string('b', 1)));
        Assert.Equal(2, table.GetOrAdd("ab"));
        Assert.Equal(["b", "a", "ab"], table.Keys);
    }

    [Fact]
    public void GetOrAddRange_EqualsOneByOne_ThroughGrowthAndRepeats() =>
        Prop.ForAll(
            Gen.Choose(0, 400).ArrayOf().Select(ks => ks.Select(k => k.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArbitrary(),
            Gen.Choose(1, 300).ToArbitrary(),
            (keys, batch) =>
            {
                var expected = new Dictionary<string, int>(StringComparer.Ordinal);
                var ids = new int[keys.Length];
                var table = new StringIdTable();
                for (var start = 0; start < keys.Length; start += batch)
                {
                    var length = Math.Min(batch, keys.Length - start);
                    table.GetOrAddRange(keys.AsSpan(start, length), ids.AsSpan(start, length));
                }

                for (var i = 0; i < keys.Length; i++)
                {
                    expected.TryAdd(keys[i], expected.Count);
                }

                return keys.Select(k => expected[k]).SequenceEqual(ids)
                    && table.Count == expected.Count
                    && table.Keys.SequenceEqual(expected.Keys)
                    && keys.All(k => table.GetOrAdd(new string(k.AsSpan())) == expected[k]);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Fact]
    public void GetOrAdd_KeysThatCollide_SwitchesToRandomisedHashingAndKeepsEveryId()
    {
        // Keys whose fast hashes agree in their low 12 bits fill one run of slots in any table of up to 4096 slots: the
        // probe exceeds the limit well before 150 keys.
        var colliding = new List<string>();
        for (var n = 0; colliding.Count < 150; n++)
        {
            var key = "k" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if ((StringIdTable.FastHash(key) & 0xFFF) == 0)
            {
                colliding.Add(key);
            }
        }

        var table = new StringIdTable();
        for (var i = 0; i < colliding.Count; i++)
        {
            Assert.Equal(i, table.GetOrAdd(colliding[i]));
        }

        Assert.True(table.IsRandomized);
        var ids = new int[colliding.Count];
        table.GetOrAddRange([.. colliding], ids);
        Assert.Equal(Enumerable.Range(0, colliding.Count), ids);
        Assert.Equal(colliding.Count, table.GetOrAdd("new"));
    }

    [Fact]
    public void GetOrAdd_OrdinaryKeys_StaysOnTheFastHash()
    {
        var table = new StringIdTable();
        for (var i = 0; i < 100_000; i++)
        {
            table.GetOrAdd("c" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(100_000, table.Count);
        Assert.False(table.IsRandomized);
    }
}
