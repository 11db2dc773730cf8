using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>
/// The laws run against a last-touch model written plainly here from the definition (every conversion and its value to
/// the path's last channel), so that the law base is known to pass for a correct model before any library model
/// inherits it.
/// </summary>
public class ReferenceLastTouchLaws : AttributionLawTests
{
    protected override IAttributionModel Model { get; } = new ReferenceLastTouch();

    private sealed class ReferenceLastTouch : IAttributionModel
    {
        public string Name => "reference-last-touch";

        public AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(paths);
            var conversions = new double[paths.Channels.Count];
            var value = new double[paths.Channels.Count];
            for (var i = 0; i < paths.Count; i++)
            {
                var last = paths.StepsOf(i)[^1];
                conversions[last] += paths.PathConversions[i];
                value[last] += paths.PathValues[i];
            }

            return AttributionResult.FromCredits(Name, paths, conversions, value);
        }
    }
}
