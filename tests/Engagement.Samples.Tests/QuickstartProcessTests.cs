namespace Engagement.Samples.Tests;

/// <summary>Runs the quickstart as a user would, as a process, and checks what it prints and returns.</summary>
public class QuickstartProcessTests
{
    [Fact]
    public void EmbeddedData_ExitsZero_AndPrintsTheTables()
    {
        var (exit, output, _) = Run();

        Assert.Equal(0, exit);
        Assert.Contains("617 survey answers from 150 customers", output, StringComparison.Ordinal);
        Assert.Contains("Live chat vs chatbot: ΔNPS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectory_IsReportedWithExitCodeOne()
    {
        // The review's reproduction: a directory crashed the sample with exit code 134.
        var (exit, _, error) = Run(Path.GetTempPath());

        Assert.Equal(1, exit);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsReportedWithExitCodeOne()
    {
        var (exit, _, error) = Run(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl"));

        Assert.Equal(1, exit);
        Assert.Contains("Could not find file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraArguments_AreRejectedWithUsage()
    {
        var (exit, _, error) = Run("a.jsonl", "b.jsonl");

        Assert.Equal(1, exit);
        Assert.StartsWith("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALineWithOnlyACustomer_IsReportedByLine()
    {
        // The review's reproduction: {"customerId":"c"} was read as an NPS 0 answer and moved the NPS with exit code 0.
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"customerId":"c1","timestamp":"2026-01-05T08:08:00+00:00","kind":"Nps","score":9,"channel":null}
                {"customerId":"c"}
                """);

            var (exit, _, error) = Run(path);

            Assert.Equal(1, exit);
            Assert.StartsWith("Line 2:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int Exit, string Output, string Error) Run(params string[] arguments) =>
        SampleProcess.Run("Engagement.Samples.Quickstart", arguments);
}
