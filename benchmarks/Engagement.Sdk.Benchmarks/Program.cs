using BenchmarkDotNet.Running;

namespace Engagement.Sdk.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, e.g. <c>--filter *Nps*</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet's switcher arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
