using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Engagement.Sdk.Tests.Support;

internal static class Json
{
    /// <summary>Serialises with the library's source-generated metadata and reads the text back.</summary>
    public static (T Value, string Text) RoundTrip<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var text = JsonSerializer.Serialize(value, typeInfo);
        return (JsonSerializer.Deserialize(text, typeInfo)!, text);
    }
}
