using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.IO;

/// <summary>
/// Reads and writes a local wall-clock time of day as people write it: <c>"09:00"</c>, <c>"17:30:00"</c>, and
/// <c>"24:00"</c> for the end of the day. .NET's own <see cref="TimeSpan"/> text (<c>"1.00:00:00"</c> for a day) is read
/// too. Writes <c>hh:mm:ss</c> (with fractions only when there are any) and <c>24:00:00</c> for a whole day.
/// </summary>
internal sealed class WallClockTimeConverter : JsonConverter<TimeSpan>
{
    private static readonly string[] Formats = [@"hh\:mm", @"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF"];

    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A time of day must be a JSON string such as \"09:00\" or \"24:00\"; got {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        if (text is "24:00" or "24:00:00")
        {
            return TimeSpan.FromDays(1);
        }

        if (TimeSpan.TryParseExact(text, Formats, CultureInfo.InvariantCulture, out var time)
            || TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out time))
        {
            return time;
        }

        throw new JsonException($"'{Validation.Echo(text)}' is not a time of day; write it as \"hh:mm\" or \"hh:mm:ss\" from \"00:00\" to \"24:00\".");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value == TimeSpan.FromDays(1)
            ? "24:00:00"
            : value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.FFFFFFF", CultureInfo.InvariantCulture));
}
