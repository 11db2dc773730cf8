using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.IO;

/// <summary>
/// Reads and writes an enum as the name of one defined value, and nothing else: no numbers, no flags-style lists such
/// as <c>"Nps, Csat"</c>, no undefined values, and names exactly as written (<c>"Csat"</c>, not <c>"csat"</c>).
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = [.. Values.Select(value => value.ToString())];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            for (var i = 0; i < Names.Length; i++)
            {
                if (string.Equals(Names[i], text, StringComparison.Ordinal))
                {
                    return Values[i];
                }
            }

            throw new JsonException($"'{Validation.Echo(text)}' is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", Names)}.");
        }

        throw new JsonException($"A {typeof(TEnum).Name} must be a JSON string, one of {string.Join(", ", Names)}; got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        var i = Array.IndexOf(Values, value);
        if (i < 0)
        {
            throw new JsonException($"{value} is not a defined {typeof(TEnum).Name} and cannot be written.");
        }

        writer.WriteStringValue(Names[i]);
    }
}
