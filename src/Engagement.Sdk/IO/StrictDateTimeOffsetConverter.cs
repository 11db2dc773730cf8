using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.IO;

/// <summary>
/// Reads a <see cref="DateTimeOffset"/> only from an ISO 8601 string that states its offset (<c>Z</c> or <c>±hh:mm</c>):
/// System.Text.Json reads a time without one in the reading machine's time zone, so the same document would mean
/// different instants on different servers. Writes the round-trip form, which always carries the offset.
/// </summary>
internal sealed class StrictDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A time must be a JSON string such as \"2026-01-05T10:00:00+00:00\"; got {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        var time = text.IndexOf('T', StringComparison.Ordinal);
        if (time < 0 || text.AsSpan(time).IndexOfAny("Zz+-") < 0)
        {
            throw new JsonException(
                $"The time '{Validation.Echo(text)}' has no offset; write it with one (Z or ±hh:mm), since a time without one would be read in this machine's time zone.");
        }

        return reader.GetDateTimeOffset();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
