using System.Text.Json;
using Engagement.Sdk.IO;

namespace Engagement.Samples.HelpDesk;

/// <summary>
/// Reads and writes JSON Lines of Engagement.Sdk models (one object a line, read strictly through
/// <see cref="EngagementJson"/>), reporting the file, line and field of any record it cannot read.
/// </summary>
internal static class JsonLinesFile
{
    public static List<T> Read<T>(TextReader reader, string fileName, Func<T, string?>? check = null)
        where T : class
    {
        var items = new List<T>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T item;
            try
            {
                item = JsonSerializer.Deserialize(line, EngagementJson.GetTypeInfo<T>())
                    ?? throw new JsonException($"null is not a {typeof(T).Name}.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{fileName}, line {lineNumber}, field '{Field(e)}': {Message(e)}", e);
            }

            if (check?.Invoke(item) is { } problem)
            {
                throw new InvalidDataException($"{fileName}, line {lineNumber}, {problem}");
            }

            items.Add(item);
        }

        return items;
    }

    public static void Write<T>(string path, IEnumerable<T> items)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        foreach (var item in items)
        {
            writer.WriteLine(JsonSerializer.Serialize(item, EngagementJson.GetTypeInfo<T>()));
        }
    }

    // The innermost exception says what failed: a value a model's constructor refused names its parameter, which is
    // the camelCase member name; a value the reader refused has the JSON path of the member ($.messages[0].author).
    private static string Field(JsonException e)
    {
        var failed = Innermost(e);
        if (failed is ArgumentException { ParamName: { } parameter })
        {
            return parameter;
        }

        var path = (failed as JsonException)?.Path;
        return string.IsNullOrEmpty(path) || path == "$" ? "(record)" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }

    private static string Message(JsonException e) => Innermost(e).Message.ReplaceLineEndings(" ");

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner && inner is JsonException or ArgumentException)
        {
            e = inner;
        }

        return e;
    }
}
