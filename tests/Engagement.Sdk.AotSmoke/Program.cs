namespace Engagement.Sdk.AotSmoke;

/// <summary>
/// A Native AOT smoke test of Engagement.Sdk, after NodaTime's <c>NodaTime.AotCompatibilityTestApp</c>: published with
/// <c>PublishAot=true</c> by <c>.ci/aot-smoke</c>, it computes every metric, round-trips each accumulator's state, each
/// result and the main models through the library's JSON metadata, and checks that strict reading still rejects what it
/// must. The trim and AOT analysers cover what the compiler can see; this covers what only running the native binary
/// shows (a reflection fallback, a converter or a generic instantiation the trimmer removed).
/// </summary>
internal static class Program
{
    private static int Main()
    {
        var check = new SmokeCheck(Console.Out);
        try
        {
            MetricChecks.Run(check);
            ModelChecks.Run(check);
            StrictnessChecks.Run(check);
            JourneyMapChecks.Run(check);
            ResponseChecks.Run(check);
            ValueChecks.Run(check);
            AttributionChecks.Run(check);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything unexpected (a missing converter shows up as NotSupportedException or InvalidOperationException)
            // ends the run with the whole exception, so that CI shows where it came from.
            Console.Error.WriteLine($"aot smoke: unexpected {e}");
            return 1;
        }

        Console.WriteLine(check.Failed == 0
            ? $"aot smoke: all {check.Passed} checks passed"
            : $"aot smoke: {check.Failed} of {check.Passed + check.Failed} checks FAILED");
        return check.Failed == 0 ? 0 : 1;
    }
}
