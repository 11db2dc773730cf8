using System.Text.Json;
using Engagement.Sdk.IO;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Records checks, printing one line for each: <c>ok</c> or <c>FAIL</c> with what was seen.</summary>
/// <param name="output">Where the lines go.</param>
internal sealed class SmokeCheck(TextWriter output)
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public void That(bool condition, string name, string detail)
    {
        if (condition)
        {
            Passed++;
            output.WriteLine($"ok    {name}");
        }
        else
        {
            Failed++;
            output.WriteLine($"FAIL  {name}: {detail}");
        }
    }

    /// <summary>Writes a value with the library's metadata for its type, reads it back, and checks that the copy equals
    /// the original and writes the same JSON.</summary>
    /// <returns>The copy read back.</returns>
    public T RoundTrip<T>(string name, T value, Func<T, T, bool>? equal = null)
    {
        var info = EngagementJson.GetTypeInfo<T>();
        var json = JsonSerializer.Serialize(value, info);
        var copy = JsonSerializer.Deserialize(json, info);
        if (copy is null)
        {
            That(false, $"{name} round-trips through JSON", $"wrote {json}, read back null");
            return value;
        }

        var again = JsonSerializer.Serialize(copy, info);
        var same = (equal ?? EqualityComparer<T>.Default.Equals)(value, copy) && json == again;
        That(same, $"{name} round-trips through JSON", $"wrote {json}, read back {again} ({copy})");
        return copy;
    }

    /// <summary>Checks that reading <paramref name="json"/> as <typeparamref name="T"/> fails with a
    /// <see cref="JsonException"/>.</summary>
    /// <returns>The exception, or <see langword="null"/> when none was thrown.</returns>
    public JsonException? Rejects<T>(string name, string json)
    {
        try
        {
            var read = JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<T>());
            That(false, name, $"{json} was read as {read}");
            return null;
        }
        catch (JsonException e)
        {
            That(true, $"{name} ({e.Message.ReplaceLineEndings(" ")})", string.Empty);
            return e;
        }
    }
}
