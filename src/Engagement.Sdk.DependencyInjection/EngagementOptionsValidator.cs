using Engagement.Sdk.Surveys;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk;

/// <summary>Checks at start-up that each metric's threshold lies on its scale, using the calculators' own rules.</summary>
internal sealed class EngagementOptionsValidator : IValidateOptions<EngagementOptions>
{
    public ValidateOptionsResult Validate(string? name, EngagementOptions options)
    {
        var failures = new List<string>();
        Check(() => new CsatCalculator(options.Csat), "Csat", failures);
        Check(() => new CesCalculator(options.Ces), "Ces", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(Func<RatingCalculator> create, string section, List<string> failures)
    {
        try
        {
            _ = create();
        }
        catch (ArgumentException e)
        {
            failures.Add($"EngagementOptions.{section}: {e.Message}");
        }
    }
}
