using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk.DependencyInjection.Tests;

// A stand-in for a feature package (Journeys, Attribution, ...): its own options, its own service and an AddXxx
// extension on IEngagementBuilder written the way IEngagementBuilder's documentation asks.

internal sealed class SampleFeatureOptions
{
    public int WindowDays { get; set; } = 30;
}

internal sealed class SampleFeatureService(IOptions<SampleFeatureOptions> options, TimeProvider time)
{
    public int WindowDays { get; } = options.Value.WindowDays;

    public TimeProvider Time { get; } = time;
}

internal static class SampleFeatureEngagementBuilderExtensions
{
    public static IEngagementBuilder AddSampleFeature(this IEngagementBuilder builder, Action<SampleFeatureOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SampleFeatureOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton<SampleFeatureService>();
        return builder;
    }
}
