using System.Globalization;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk;

/// <summary>
/// Checks at start-up that each metric's scale is well formed and its threshold lies on it, using the calculators' own
/// rules, and that the response rules and templates make a planner. Each failure names the options section and all its values, since a bad threshold may as well be a bad scale.
/// </summary>
internal sealed class EngagementOptionsValidator : IValidateOptions<EngagementOptions>
{
    public ValidateOptionsResult Validate(string? name, EngagementOptions options)
    {
        var failures = new List<string>();
        var csat = options.Csat;
        Check(
            () => new CsatCalculator(csat),
            Describe(nameof(EngagementOptions.Csat), csat.MinScore, csat.MaxScore, nameof(csat.SatisfiedThreshold), csat.SatisfiedThreshold),
            failures);
        var ces = options.Ces;
        Check(
            () => new CesCalculator(ces),
            Describe(nameof(EngagementOptions.Ces), ces.MinScore, ces.MaxScore, nameof(ces.LowEffortThreshold), ces.LowEffortThreshold),
            failures);
        var responses = options.Responses;
        try
        {
            // The rules registered as services join the policy later; these are checked now: unique names, one cap per
            // group, and a template for every declarative rule.
            _ = new ResponsePlanner(new ResponsePolicy(responses.Rules), responses.Templates, responses.Calendar, slaPolicy: responses.SlaPolicy);
        }
        catch (ArgumentException e)
        {
            failures.Add($"EngagementOptions.Responses: {e.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(string section, int min, int max, string thresholdName, int? threshold) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"EngagementOptions.{section} (MinScore = {min}, MaxScore = {max}, {thresholdName} = {threshold?.ToString(CultureInfo.InvariantCulture) ?? "null"})");

    private static void Check(Func<RatingCalculator> create, string description, List<string> failures)
    {
        try
        {
            _ = create();
        }
        catch (ArgumentException e)
        {
            failures.Add($"{description}: {e.Message}");
        }
    }
}
