using System.Globalization;

namespace Engagement.Sdk.Statistics;

/// <summary>The one check every state type makes of its format version.</summary>
internal static class StateVersion
{
    public static int Check(int version, int current, string paramName) =>
        version == current
            ? version
            : throw new ArgumentOutOfRangeException(
                paramName,
                version,
                string.Create(CultureInfo.InvariantCulture, $"State format version {version} is not known to this library, which reads version {current}."));
}
