using System.Globalization;
using System.IO.Compression;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Samples.Journeys;

/// <summary>
/// Reads the retentioneering e-commerce clickstream (CSV, optionally gzip-compressed) straight into an
/// <see cref="EventLogBuilder"/>, keeping each event's session id and platform, and reporting the line and field of any
/// record it cannot read.
/// </summary>
internal static class EcommerceFile
{
    public const string Header = "user_id,session_id,event,timestamp,platform,acquisition_channel,user_cohort,user_lifecycle";

    /// <summary>The properties kept in the log, in the order <see cref="Read(TextReader)"/> gives them.</summary>
    public static readonly string[] PropertyKeys = ["session_id", "platform"];

    private const int FieldCount = 8;

    public static EventLog Read(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header != Header)
        {
            throw new InvalidDataException($"Line 1: expected the header '{Header}'; got '{header}'.");
        }

        var builder = new EventLogBuilder(PropertyKeys);
        var channels = new Dictionary<string, Channel>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = line.Split(',');
            if (fields.Length != FieldCount)
            {
                throw new InvalidDataException($"Line {lineNumber}: expected {FieldCount} comma-separated fields; got {fields.Length}.");
            }

            if (!DateTime.TryParseExact(
                fields[3], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                throw new InvalidDataException($"Line {lineNumber}, field 'timestamp': '{fields[3]}' is not a yyyy-MM-dd HH:mm:ss time.");
            }

            try
            {
                // Acquisition channels are snake_case (paid_search); channel names are kebab-case by convention.
                if (!channels.TryGetValue(fields[5], out var channel))
                {
                    channel = new Channel(fields[5].Replace('_', '-'), MediaType.Unspecified, ChannelKind.Other);
                    channels.Add(fields[5], channel);
                }

                builder.Add(null, fields[0], new DateTimeOffset(time, TimeSpan.Zero), fields[2], channel, null, [fields[1], fields[4]]);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Line {lineNumber}, field '{Field(e.ParamName)}': {e.Message}", e);
            }
        }

        return builder.Build();
    }

    /// <summary>Reads a file, gzip-compressed when its name ends in .gz; a missing, unreadable or directory path fails
    /// with <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, which the caller reports.</summary>
    public static EventLog Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a directory; give the path of an e-commerce clickstream CSV (.csv or .csv.gz).");
        }

        using var file = File.OpenRead(path);
        return Read(file, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
    }

    public static EventLog ReadEmbedded()
    {
        using var stream = typeof(EcommerceFile).Assembly.GetManifestResourceStream("ecom.csv.gz")
            ?? throw new InvalidOperationException("The embedded resource ecom.csv.gz is missing.");
        return Read(stream, compressed: true);
    }

    private static EventLog Read(Stream stream, bool compressed)
    {
        using var input = compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(input);
        return Read(reader);
    }

    // The builder names its parameters; the file names its columns.
    private static string Field(string? paramName) => paramName switch
    {
        "customerId" => "user_id",
        "eventName" => "event",
        "properties" => "session_id",
        _ => paramName ?? "?",
    };
}
