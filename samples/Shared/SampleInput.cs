namespace Engagement.Samples;

/// <summary>The command line every data sample shares: no argument for its embedded data, one path for the user's own
/// file; anything else prints the usage, and a file that cannot be read prints why. Either way the sample exits 1.</summary>
internal static class SampleInput
{
    public static bool TryRead<T>(string[] args, string usage, Func<string, T> read, Func<T> readEmbedded, out T data)
    {
        data = default!;
        if (args.Length > 1 || (args is [var flag] && flag.StartsWith('-')))
        {
            Console.Error.WriteLine($"usage: {usage}");
            return false;
        }

        try
        {
            data = args is [var path] ? read(path) : readEmbedded();
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return false;
        }
    }
}
