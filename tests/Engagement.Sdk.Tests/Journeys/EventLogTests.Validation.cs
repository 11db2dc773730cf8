using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

public partial class EventLogTests
{
    [Fact]
    public void Add_NullStrings_ThrowArgumentNullNamingTheArgument()
    {
        var builder = new EventLogBuilder();

        Assert.Equal("customerId", Assert.Throws<ArgumentNullException>(() => builder.Add(null!, T0, "n", Channels.Email)).ParamName);
        Assert.Equal("eventName", Assert.Throws<ArgumentNullException>(() => builder.Add("c", T0, null!, Channels.Email)).ParamName);
        Assert.Equal("eventId", Assert.Throws<ArgumentNullException>(() => builder.Add(null!, "c", T0, "n", Channels.Email)).ParamName);
    }

    [Theory]
    [InlineData("", "c", "n", "eventId")]
    [InlineData("e", " ", "n", "customerId")]
    [InlineData("e", "c", "\t", "eventName")]
    public void Add_BlankStrings_ThrowArgumentExceptionNamingTheArgument(string eventId, string customerId, string eventName, string expected)
    {
        var builder = new EventLogBuilder();

        var e = Assert.Throws<ArgumentException>(() => builder.Add(eventId, customerId, T0, eventName, Channels.Email));

        Assert.Equal(expected, e.ParamName);
        Assert.StartsWith("The value must not be empty or white space; got '", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void Add_WhiteSpaceCustomer_IsEscapedInTheMessage() =>
        Assert.Equal(
            "The value must not be empty or white space; got '\\u0009 \\u000D\\u000A'. (Parameter 'customerId')",
            Assert.Throws<ArgumentException>(() => new EventLogBuilder().Add("\t \r\n", T0, "n", Channels.Email)).Message);

    [Fact]
    public void Add_DefaultTimestamp_ThrowsArgumentOutOfRangeNamingTimestamp()
    {
        var builder = new EventLogBuilder();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add("c", default, "n", Channels.Email));
        var withId = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add("e", "c", default, "n", Channels.Email));

        Assert.Equal("timestamp", e.ParamName);
        Assert.Equal("timestamp", withId.ParamName);
        Assert.Contains("default(DateTimeOffset)", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, builder.Count);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Add_NonFiniteValue_ThrowsArgumentOutOfRangeNamingValue(double value)
    {
        var builder = new EventLogBuilder();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add("c", T0, "n", Channels.Email, value));

        Assert.Equal("value", e.ParamName);
        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void Add_RejectedRow_InternsNothing_AndAnInvalidDuplicateStillThrows()
    {
        var builder = new EventLogBuilder();
        Assert.True(builder.Add("e1", "c1", T0, "view", Channels.Website));

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add("e2", "c2", default, "buy", Channels.Email));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add("e1", "c1", default, "view", Channels.Website));
        var log = builder.Build();

        Assert.Equal(["c1"], log.Customers);
        Assert.Equal(["view"], log.EventNames);
        Assert.Equal([Channels.Website], log.Channels);
        Assert.Equal(1, log.BuildReport.EventsRead);
        Assert.True(builder.Add("e2", "c2", T0, "buy", Channels.Email)); // the rejected id was not remembered
    }

    [Fact]
    public void Create_NullOrNullElement_Throws()
    {
        Assert.Equal("events", Assert.Throws<ArgumentNullException>(() => EventLog.Create(null!)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => EventLog.Create([new("e", "c", T0, "n", Channels.Email), null!]));
        Assert.Equal("events", e.ParamName);
        Assert.Equal("The event at index 1 is null. (Parameter 'events')", e.Message);
    }

    [Fact]
    public void Create_EventWithDefaultTimestamp_ThrowsArgumentOutOfRangeNamingTimestamp() =>
        Assert.Equal(
            "timestamp",
            Assert.Throws<ArgumentOutOfRangeException>(() => EventLog.Create([new("e", "c", default, "n", Channels.Email)])).ParamName);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Partition_NotPositive_ThrowsArgumentOutOfRangeNamingPartitions(int partitions)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EventLogBuilder().Build().Partition(partitions));

        Assert.Equal("partitions", e.ParamName);
        Assert.Equal(partitions, e.ActualValue);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void GetCustomerRange_OutOfRange_ThrowsArgumentOutOfRangeNamingCustomer(int customer)
    {
        var builder = new EventLogBuilder();
        builder.Add("c", T0, "n", Channels.Email);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build().GetCustomerRange(customer));

        Assert.Equal("customer", e.ParamName);
        Assert.StartsWith($"A customer index must be from 0 to 0; got {customer}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_Null_ThrowArgumentNull()
    {
        var log = new EventLogBuilder().Build();

        Assert.Equal("customerId", Assert.Throws<ArgumentNullException>(() => log.TryGetCustomerIndex(null!, out _)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => log.TryGetEventNameId(null!, out _)).ParamName);
    }
}
