using System.Diagnostics;

namespace Engagement.Samples.Tests;

/// <summary>Runs a sample as a user would, as a process, and captures what it prints and returns.</summary>
internal static class SampleProcess
{
    /// <summary>Runs <c>dotnet {sample}.dll {arguments}</c> from the test's output folder.</summary>
    public static (int Exit, string Output, string Error) Run(string sample, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, sample + ".dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>Writes <paramref name="lines"/> to a temporary file, runs the sample on it, and deletes it.</summary>
    public static (int Exit, string Output, string Error) RunOnFile(string sample, params string[] lines)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, lines);
            return Run(sample, path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
