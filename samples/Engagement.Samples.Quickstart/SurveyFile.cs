using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Surveys;

namespace Engagement.Samples.Quickstart;

/// <summary>
/// Reads survey responses from JSON Lines, reporting the line of any record it cannot read or whose score is off its
/// question's scale.
/// </summary>
internal static class SurveyFile
{
    public static List<SurveyResponse> Read(TextReader reader, Func<SurveyKind, RatingScale> scaleOf)
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
                var response = JsonSerializer.Deserialize(line, EngagementJson.GetTypeInfo<SurveyResponse>())
                    ?? throw new InvalidDataException($"Line {lineNumber}: null is not a survey response.");
                var scale = scaleOf(response.Kind);
                if (!scale.Contains(response.Score))
                {
                    throw new InvalidDataException($"Line {lineNumber}: the {response.Kind} score {response.Score} is outside its scale {scale}.");
                }

                responses.Add(response);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                throw new InvalidDataException($"Line {lineNumber}: {e.Message}", e);
            }
        }

        return responses;
    }

    /// <summary>Reads a file; a missing, unreadable or directory path fails with <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/>, which the caller reports.</summary>
    public static List<SurveyResponse> Read(string path, Func<SurveyKind, RatingScale> scaleOf)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a directory; give the path of a JSON Lines file of survey answers.");
        }

        using var reader = File.OpenText(path);
        return Read(reader, scaleOf);
    }

    public static List<SurveyResponse> ReadEmbedded(Func<SurveyKind, RatingScale> scaleOf)
    {
        using var stream = typeof(SurveyFile).Assembly.GetManifestResourceStream("survey-responses.jsonl")
            ?? throw new InvalidOperationException("The embedded resource survey-responses.jsonl is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader, scaleOf);
    }
}
