namespace Engagement.Sdk.Tests.Journeys;

public partial class EventLogTests
{
    // `zcat ecom.csv.gz | wc -l` gives 31107: the header and 31,106 events.
    private const int EcommerceEvents = 31_106;

    // `zcat ecom.csv.gz | tail -n +2 | cut -d, -f1 | sort -u | wc -l` gives 600 (601 without `tail`, counting the header).
    private const int EcommerceUsers = 600;

    [Fact]
    public void Build_EcommerceClickstream_KeepsEveryEvent_InCustomerThenTimeOrder()
    {
        var rows = EventLogTestData.ReadEcommerce();

        var log = EventLogTestData.ToBuilder(rows).Build();

        Assert.Equal(EcommerceEvents, rows.Count);
        Assert.Equal(EcommerceEvents, log.Count);
        Assert.Equal(EcommerceUsers, log.CustomerCount);
        Assert.Equal((long)EcommerceEvents, log.BuildReport.EventsKept);
        Assert.Equal(0, log.BuildReport.DuplicatesDropped);
        Assert.Equal(19, log.EventNames.Count); // `cut -d, -f3 | sort -u` lists 19 event names
        Assert.Equal(["direct", "email", "organic", "paid-search", "social"], log.Channels.Select(c => c.Name).Order(StringComparer.Ordinal));
        AssertWellFormed(log);

        // The file repeats 162 user/timestamp pairs: those ties must keep file order, as a stable LINQ sort does.
        var expected = rows
            .OrderBy(r => r.UserId, StringComparer.Ordinal)
            .ThenBy(r => r.Timestamp.UtcTicks)
            .Select(r => (r.UserId, r.Timestamp.UtcTicks, r.Event, r.Channel, double.NaN));
        Assert.Equal(expected, Rows(log));
    }

    [Fact]
    public void Partition_EcommerceClickstream_IntoFour_CoversEveryEventOnce()
    {
        var log = EventLogTestData.ToBuilder(EventLogTestData.ReadEcommerce()).Build();

        var parts = log.Partition(4);

        Assert.Equal(EcommerceEvents, parts.Sum(p => p.Count));
        Assert.Equal(EcommerceUsers, parts.Sum(p => p.CustomerCount));
        Assert.All(parts, p => Assert.InRange(p.Count, EcommerceEvents / 4 - 500, EcommerceEvents / 4 + 500));
        Assert.Equal(Rows(log), parts.SelectMany(Rows));
    }
}
