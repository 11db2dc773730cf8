using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Samples.Quickstart;

/// <summary>
/// Makes the quickstart's synthetic survey data: 150 customers answering NPS, CSAT and CES questions after contacts on
/// six channels between 5 January and 29 March 2026. Seeded, so every run writes the same file.
/// </summary>
/// <remarks>
/// Each channel has its own leaning (live chat and in-store answers run high, the chatbot's low) so that the
/// per-channel table has something to show. Scores are drawn from fixed per-channel weights; nothing here is real
/// customer data.
/// </remarks>
internal static class SurveyDataGenerator
{
    public const int Seed = 20261123;

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    // Relative weights of scores 0..10 (NPS), 1..5 (CSAT) and 1..7 (CES) per channel.
    private static readonly (Channel Channel, int[] Nps, int[] Csat, int[] Ces)[] Profiles =
    [
        (Channels.LiveChat, [1, 1, 1, 1, 1, 2, 3, 6, 10, 14, 16], [1, 1, 3, 9, 12], [1, 1, 2, 3, 6, 10, 9]),
        (Channels.Chatbot, [3, 3, 3, 4, 5, 6, 7, 9, 8, 5, 4], [4, 5, 7, 7, 4], [4, 5, 6, 6, 5, 4, 2]),
        (Channels.Phone, [1, 1, 2, 2, 3, 4, 5, 8, 10, 9, 8], [2, 2, 5, 10, 8], [2, 3, 4, 5, 7, 7, 4]),
        (Channels.Email, [2, 1, 2, 3, 3, 5, 6, 9, 9, 8, 6], [2, 3, 6, 9, 6], [2, 3, 4, 6, 7, 5, 3]),
        (Channels.Website, [2, 2, 2, 3, 4, 5, 7, 9, 9, 7, 6], [3, 3, 6, 8, 6], [3, 3, 5, 6, 6, 5, 3]),
        (Channels.InStore, [1, 1, 1, 1, 2, 3, 4, 7, 10, 13, 14], [1, 1, 3, 8, 13], [1, 1, 2, 4, 6, 9, 10]),
    ];

    /// <summary>Generates the responses, ordered by time.</summary>
    public static IReadOnlyList<SurveyResponse> Generate()
    {
        var random = new Random(Seed);
        var responses = new List<SurveyResponse>();
        for (var customer = 1; customer <= 150; customer++)
        {
            var id = $"c{customer:D4}";
            var contacts = 1 + random.Next(3);
            for (var contact = 0; contact < contacts; contact++)
            {
                var (channel, nps, csat, ces) = Profiles[random.Next(Profiles.Length)];
                var at = Start.AddMinutes(random.Next(84 * 24 * 60));
                responses.Add(new SurveyResponse(id, at, SurveyKind.Csat, 1 + Weights.Draw(random, csat), channel));
                if (random.NextDouble() < 0.6)
                {
                    responses.Add(new SurveyResponse(id, at.AddMinutes(1), SurveyKind.Ces, 1 + Weights.Draw(random, ces), channel));
                }

                if (contact == 0)
                {
                    responses.Add(new SurveyResponse(id, at.AddMinutes(2), SurveyKind.Nps, Weights.Draw(random, nps), channel));
                }
            }
        }

        return [.. responses.OrderBy(r => r.Timestamp).ThenBy(r => r.CustomerId, StringComparer.Ordinal)];
    }

    /// <summary>Writes the responses as JSON Lines, one <see cref="SurveyResponse"/> per line.</summary>
    public static void Write(string path)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        foreach (var response in Generate())
        {
            writer.WriteLine(JsonSerializer.Serialize(response, EngagementJson.GetTypeInfo<SurveyResponse>()));
        }
    }
}
