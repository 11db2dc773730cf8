using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Engagement.Sdk.IO;

/// <summary>
/// Reads a type with the library's own strict metadata and turns the validation errors of its constructors into
/// <see cref="JsonException"/>s that keep the original as the inner exception, so that a host sees one exception type
/// for bad JSON whatever options it reads with.
/// </summary>
/// <typeparam name="T">The model, result or state type.</typeparam>
internal sealed class ValidatingConverter<T>(JsonTypeInfo<T> strict) : JsonConverter<T>
{
    /// <summary>Gets <see langword="true"/>, so that a <c>null</c> where a model, result or state is expected reaches
    /// <see cref="Read"/> and is refused, even at the top level.</summary>
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A value type's own metadata decides what null means (JourneyStage reads it as Unspecified; others refuse it).
        if (reader.TokenType == JsonTokenType.Null && !typeof(T).IsValueType)
        {
            throw new JsonException($"null is not a {typeof(T).Name}.");
        }

        try
        {
            return JsonSerializer.Deserialize(ref reader, strict);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new JsonException($"Invalid {typeof(T).Name}: {e.Message}", e);
        }
        catch (JsonException e) when (e.Path is not null)
        {
            // The inner read knows the path from the start of this value only; rethrown without a path, the serializer
            // gives this exception the path of the value in the whole document, and the message keeps the inner one.
            throw new JsonException($"In a {typeof(T).Name}: {e.Message}", e.InnerException ?? e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, strict);
}
