namespace Engagement.Sdk.Tests.Support;

/// <summary>Confidence levels every interval entry point must refuse: the ends of (0, 1), NaN and values beyond.</summary>
public static class ConfidenceLevels
{
    public static TheoryData<double> Invalid => [0.0, 1.0, double.NaN, -0.1, 1.1];
}
