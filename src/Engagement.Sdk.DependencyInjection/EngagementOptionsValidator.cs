using System.Globalization;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk;

/// <summary>
/// Checks at start-up that each metric's scale is well formed and its threshold lies on it, using the calculators' own
/// rules, and that the response rules (the options' and the <see cref="IResponseRule"/> services) and templates make a
/// planner, and that the host's attribution models have distinct names. Each failure names the options section and
/// all its values, since a bad threshold may as well be a bad scale.
/// </summary>
/// <param name="services">The provider the host rules are resolved from, as the policy resolves them.</param>
internal sealed class EngagementOptionsValidator(IServiceProvider services) : IValidateOptions<EngagementOptions>
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
            // The policy as AddEngagement builds it, service rules included: unique names, one cap per group, a template
            // for every declarative rule, an SLA policy for SLA rules, a calendar that opens when one is needed.
            var policy = new ResponsePolicy(responses.Rules.Concat(services.GetServices<IResponseRule>()));
            _ = new ResponsePlanner(policy, responses.Templates, responses.Calendar, slaPolicy: responses.SlaPolicy);
        }
        catch (ArgumentException e)
        {
            failures.Add($"EngagementOptions.Responses: {e.Message}");
        }

        try
        {
            _ = AttributionModels.Catalog(services.GetServices<IAttributionModel>());
        }
        catch (ArgumentException e)
        {
            failures.Add($"Attribution models: {e.Message}");
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
