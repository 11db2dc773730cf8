using System.Text.Json;
using Engagement.Sdk.IO;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.AotSmoke;

/// <summary>Strict reading still holds in the native binary: its converters and validation were not trimmed away.</summary>
internal static class StrictnessChecks
{
    public static void Run(SmokeCheck check)
    {
        var state = new NpsAccumulator();
        state.AddRange([10, 9, 3]);
        var json = JsonSerializer.Serialize(state.GetState(), EngagementJson.GetTypeInfo<NpsState>());

        check.Rejects<NpsState>("an NPS state with an unknown member is rejected", json.Insert(1, "\"surprise\":1,"));
        check.Rejects<NpsState>("an NPS state without its promoters is rejected", json.Replace("\"promoters\":2,", string.Empty, StringComparison.Ordinal));
        var negative = check.Rejects<NpsState>("an NPS state with a negative count is rejected",
            json.Replace("\"promoters\":2", "\"promoters\":-2", StringComparison.Ordinal));
        check.That(negative?.InnerException is ArgumentException, "the rejection of a negative count keeps the constructor's error",
            $"inner exception: {negative?.InnerException}");

        check.Rejects<Channel>("a channel whose media type is a number is rejected", """{"name":"email","mediaType":2,"kind":"Email"}""");
        check.Rejects<Channel>("a channel whose kind is undefined is rejected", """{"name":"email","mediaType":"Owned","kind":"Carrier pigeon"}""");
        check.Rejects<SurveyResponse>("a survey response with a null customer id is rejected",
            """{"customerId":null,"timestamp":"2026-11-02T09:30:00+01:00","kind":"Nps","score":9,"channel":null}""");
    }
}
