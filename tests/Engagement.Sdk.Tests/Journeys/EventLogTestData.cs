using System.Globalization;
using System.IO.Compression;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Journeys;

/// <summary>One line of <c>TestData/ecommerce/ecom.csv.gz</c>, with its 1-based line number.</summary>
internal sealed record EcommerceRow(int Line, string UserId, string SessionId, string Event, DateTimeOffset Timestamp, string Platform, Channel Channel);

/// <summary>Reads the retentioneering e-commerce clickstream (see <c>TestData/ecommerce/README.md</c>) for tests.</summary>
internal static class EventLogTestData
{
    public const string Header = "user_id,session_id,event,timestamp,platform,acquisition_channel,user_cohort,user_lifecycle";

    public static string EcommercePath => Path.Combine(AppContext.BaseDirectory, "TestData", "ecommerce", "ecom.csv.gz");

    /// <summary>Reads every line of the file; no field is quoted, so splitting on commas is exact.</summary>
    public static List<EcommerceRow> ReadEcommerce()
    {
        using var file = File.OpenRead(EcommercePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = reader.ReadLine();
        Assert.Equal(Header, header);
        var rows = new List<EcommerceRow>(32_000);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            Assert.True(fields.Length == 8, $"line {line}: expected 8 fields, got {fields.Length}");
            var timestamp = DateTime.ParseExact(
                fields[3], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            rows.Add(new EcommerceRow(line, fields[0], fields[1], fields[2], new DateTimeOffset(timestamp, TimeSpan.Zero), fields[4], ToChannel(fields[5])));
        }

        return rows;
    }

    /// <summary>Feeds the rows to a builder in file order, without event ids (the file has none).</summary>
    public static EventLogBuilder ToBuilder(IEnumerable<EcommerceRow> rows)
    {
        var builder = new EventLogBuilder();
        foreach (var row in rows)
        {
            builder.Add(row.UserId, row.Timestamp, row.Event, row.Channel);
        }

        return builder;
    }

    // Acquisition channels are snake_case (paid_search); channel names are kebab-case by convention.
    private static Channel ToChannel(string acquisitionChannel) =>
        new(acquisitionChannel.Replace('_', '-').ToLowerInvariant(), MediaType.Unspecified, ChannelKind.Other);
}
