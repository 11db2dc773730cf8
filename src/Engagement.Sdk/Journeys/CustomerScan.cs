namespace Engagement.Sdk.Journeys;

/// <summary>
/// Runs a per-customer scan over an <see cref="EventLog"/> in contiguous chunks of customers, on several cores when the
/// log is large, and merges the chunks' results in customer order. Every journey analysis uses it, so each one is written
/// once as "scan customers [first, end) into a partial result" plus "merge two partial results".
/// </summary>
internal static class CustomerScan
{
    /// <summary>Logs with fewer events are scanned on the calling thread: starting another costs more than it saves.</summary>
    internal const int ParallelThreshold = 1 << 16;

    // More chunks than cores, so that a core that finishes early takes another chunk instead of idling.
    private const int ChunksPerCore = 4;

    /// <summary>Scans every customer of <paramref name="log"/>.</summary>
    /// <typeparam name="T">The partial result of a run of customers.</typeparam>
    /// <param name="log">The log.</param>
    /// <param name="scan">Scans customers from the first index up to, not including, the second into a new partial result.</param>
    /// <param name="mergeInto">Merges the second partial result, which holds later customers, into the first.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    /// <returns>The merged result; <c>scan(0, 0)</c> for an empty log.</returns>
    public static T Run<T>(EventLog log, Func<int, int, T> scan, Action<T, T> mergeInto, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cores = Environment.ProcessorCount;
        if (log.Count < ParallelThreshold || cores == 1)
        {
            return scan(0, log.CustomerCount);
        }

        var bounds = Bounds(log, cores * ChunksPerCore);
        var results = new T[bounds.Length - 1];
        Parallel.For(
            0,
            results.Length,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = cores },
            chunk => results[chunk] = scan(bounds[chunk], bounds[chunk + 1]));

        var merged = results[0];
        for (var chunk = 1; chunk < results.Length; chunk++)
        {
            mergeInto(merged, results[chunk]);
        }

        return merged;
    }

    // Customer boundaries that cut the log into about equal numbers of events; a customer is never split.
    private static int[] Bounds(EventLog log, int chunks)
    {
        var offsets = log.CustomerOffsets;
        var bounds = new List<int>(chunks + 1) { 0 };
        for (var c = 1; c < chunks; c++)
        {
            var row = (long)log.Count * c / chunks;
            var customer = offsets[..^1].BinarySearch((int)row);
            customer = customer < 0 ? ~customer : customer;
            if (customer > bounds[^1] && customer < log.CustomerCount)
            {
                bounds.Add(customer);
            }
        }

        bounds.Add(log.CustomerCount);
        return [.. bounds];
    }
}
