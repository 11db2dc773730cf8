using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Metrics;

namespace Engagement.Samples.Quickstart;

/// <summary>Reads survey responses from JSON Lines, reporting the line of any record it cannot read.</summary>
internal static class SurveyFile
{
    public static List<SurveyResponse> Read(TextReader reader)
    {
        var responses = new List<SurveyResponse>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                responses.Add(JsonSerializer.Deserialize(line, EngagementJsonContext.Default.SurveyResponse)
                    ?? throw new InvalidDataException($"Line {lineNumber}: null is not a survey response."));
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                throw new InvalidDataException($"Line {lineNumber}: {e.Message}", e);
            }
        }

        return responses;
    }

    public static List<SurveyResponse> ReadEmbedded()
    {
        using var stream = typeof(SurveyFile).Assembly.GetManifestResourceStream("survey-responses.jsonl")
            ?? throw new InvalidOperationException("The embedded resource survey-responses.jsonl is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }
}
