using System.Globalization;
using Engagement.Sdk.Value;

namespace Engagement.Samples.Clv;

/// <summary>
/// Reads CDNOW purchase files in the shape of <c>CDNOW_sample.txt</c>: one purchase a line, five whitespace-separated
/// fields (master customer id, sample customer id, date <c>yyyyMMdd</c>, number of CDs, dollar value), no header. The
/// customer is the sample id; the time is the date at 00:00 UTC (the file has days only); the value is the dollars.
/// Reports the line and field of any record it cannot read.
/// </summary>
internal static class CdnowFile
{
    /// <summary>The file shipped with the sample, copied next to the program.</summary>
    public const string SampleFile = "data/CDNOW_sample.txt";

    private const int FieldCount = 5;
    private static readonly char[] Separators = [' ', '\t'];

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, SampleFile);

    public static List<Transaction> Read(TextReader reader)
    {
        var purchases = new List<Transaction>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != FieldCount)
            {
                throw new InvalidDataException($"Line {lineNumber}: expected {FieldCount} whitespace-separated fields; got {fields.Length}.");
            }

            if (!DateTime.TryParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidDataException($"Line {lineNumber}, field 'date': '{fields[2]}' is not a yyyyMMdd date.");
            }

            // No thousands separators: "29,33" is more likely a decimal comma than 2,933 dollars.
            if (!decimal.TryParse(fields[4], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"Line {lineNumber}, field 'dollar_value': '{fields[4]}' is not a number.");
            }

            try
            {
                purchases.Add(new Transaction(fields[1], new DateTimeOffset(date, TimeSpan.Zero), value));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Line {lineNumber}, field '{Field(e.ParamName)}': {e.Message}", e);
            }
        }

        return purchases;
    }

    /// <summary>Reads a file; a missing, unreadable or directory path fails with <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/>, which the caller reports.</summary>
    public static List<Transaction> Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a directory; give the path of a CDNOW purchase file.");
        }

        using var reader = new StreamReader(path);
        return Read(reader);
    }

    // The transaction names its parameters; the file names its columns.
    private static string Field(string? paramName) => paramName switch
    {
        "customerId" => "customer_id",
        "value" => "dollar_value",
        _ => paramName ?? "?",
    };
}
