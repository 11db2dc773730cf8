using System.IO.Compression;

namespace Engagement.Samples.Tests;

/// <summary>Runs the journeys sample as a user would, as a process, and checks what it prints and returns.</summary>
public class JourneysProcessTests
{
    private const string Header = "user_id,session_id,event,timestamp,platform,acquisition_channel,user_cohort,user_lifecycle";

    [Fact]
    public void EmbeddedData_ExitsZero_AndPrintsEveryTable()
    {
        var (exit, output, error) = Run();

        Assert.True(exit == 0, error);

        // The data's README: 31,106 events by 600 users from 2024-01-04 to 2024-06-29.
        Assert.Contains("31,106 events of 600 customers, 2024-01-04 to 2024-06-29", output, StringComparison.Ordinal);
        foreach (var title in new[]
        {
            "Checkout funnel (ordered, 14-day window)",
            "Top paths from home",
            "Weekly retention",
            "Lifecycle of product viewers per month",
            "Sessions (GA4 definitions, by session id)",
            "Pain points",
            "Largest drop-off:",
        })
        {
            Assert.Contains(title, output, StringComparison.Ordinal);
        }

        // The file has 3,605 distinct (user, session_id) pairs (zcat ecom.csv.gz | cut -d, -f1,2 | sort -u | wc -l,
        // less the header), so the sessions by id number as many.
        Assert.Matches(@"sessions\s+3605\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AFileOfTheSameColumns_IsRead_PlainOrCompressed()
    {
        var lines = new[]
        {
            Header,
            "u1,s1,catalog,2024-03-04 10:00:00,desktop,email,2024-03,new",
            "u1,s1,product_view,2024-03-04 10:01:00,desktop,email,2024-03,new",
            "u2,s2,catalog,2024-03-05 09:00:00,mobile,organic,2024-03,new",
        };
        var plain = Path.GetTempFileName();
        var compressed = plain + ".gz";
        try
        {
            File.WriteAllLines(plain, lines);
            using (var file = File.Create(compressed))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gzip))
            {
                foreach (var line in lines)
                {
                    writer.WriteLine(line);
                }
            }

            foreach (var path in new[] { plain, compressed })
            {
                var (exit, output, error) = Run(path);
                Assert.True(exit == 0, error);
                Assert.Contains("3 events of 2 customers, 2024-03-04 to 2024-03-05", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(plain);
            File.Delete(compressed);
        }
    }

    [Theory]
    [InlineData("u1,s1,catalog,2024-13-04 10:00:00,desktop,email,2024-03,new", "Line 2, field 'timestamp'")]
    [InlineData("u1,s1,catalog,2024-03-04 10:00:00,desktop", "Line 2: expected 8 comma-separated fields; got 5.")]
    [InlineData(" ,s1,catalog,2024-03-04 10:00:00,desktop,email,2024-03,new", "Line 2, field 'user_id'")]
    public void ABadLine_IsReportedByLineAndField_WithExitCodeOne(string line, string expected)
    {
        var (exit, _, error) = SampleProcess.RunOnFile(Sample, Header, line);

        Assert.Equal(1, exit);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongHeader_ADirectory_AndExtraArguments_AreRejected()
    {
        var (exit, _, error) = SampleProcess.RunOnFile(Sample, "user,event,time");
        Assert.Equal(1, exit);
        Assert.StartsWith("Line 1: expected the header", error, StringComparison.Ordinal);

        var directory = Run(Path.GetTempPath());
        Assert.Equal(1, directory.Exit);
        Assert.Contains("is a directory", directory.Error, StringComparison.Ordinal);

        var extra = Run("a.csv", "b.csv");
        Assert.Equal(1, extra.Exit);
        Assert.StartsWith("usage:", extra.Error, StringComparison.Ordinal);
    }

    private const string Sample = "Engagement.Samples.Journeys";

    private static (int Exit, string Output, string Error) Run(params string[] arguments) =>
        SampleProcess.Run(Sample, arguments);
}
