using System.Globalization;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value;

/// <summary>The CDNOW sample summary (2,357 customers, weeks, 39-week calibration) from TestData/cdnow.</summary>
internal static class CdnowSummaries
{
    private static readonly Lazy<CustomerSummaries> Weeks = new(Load);

    /// <summary>Gets cdnow_customers_summary.csv as summaries in weeks.</summary>
    public static CustomerSummaries Sample => Weeks.Value;

    private static CustomerSummaries Load()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "cdnow", "cdnow_customers_summary.csv"));
        var frequency = new int[lines.Length - 1];
        var recency = new double[lines.Length - 1];
        var t = new double[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            frequency[i - 1] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            recency[i - 1] = double.Parse(fields[2], CultureInfo.InvariantCulture);
            t[i - 1] = double.Parse(fields[3], CultureInfo.InvariantCulture);
        }

        return CustomerSummaries.FromColumns(TimeUnit.Week, frequency, recency, t);
    }
}
