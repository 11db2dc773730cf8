namespace Engagement.Sdk.Value;

/// <summary>
/// Sums per-customer terms (a log-likelihood and its gradient) over fixed blocks of contiguous customers, in parallel,
/// adding the blocks' partial sums in block order: the result does not depend on the number of threads or on
/// scheduling, only on the data.
/// </summary>
/// <remarks>
/// The blocks are fixed by the customer count alone (<see cref="BlockSize"/> customers each), so one thread and many
/// give the same bits. The partial sums live in one buffer allocated with the instance, and the block delegate is
/// created once, so an evaluation allocates nothing on one thread and only the scheduler's bookkeeping on several.
/// Not thread-safe: one fit uses one instance.
/// </remarks>
internal sealed class BlockSum
{
    /// <summary>The customers per block.</summary>
    internal const int BlockSize = 8192;

    private readonly int _count;
    private readonly int _width;
    private readonly int _blocks;
    private readonly double[] _partials;
    private readonly ParallelOptions _parallel;
    private readonly Action<int> _runBlock;
    private readonly RangeTerms _terms;

    /// <summary>The terms of customers [first, end), added into <paramref name="sums"/> (zeroed on entry).</summary>
    public delegate void RangeTerms(int first, int end, Span<double> sums);

    /// <summary>Creates a summer over <paramref name="count"/> customers of <paramref name="width"/> sums each.</summary>
    public BlockSum(int count, int width, int threads, RangeTerms terms)
    {
        _count = count;
        _width = width;
        _blocks = Math.Max(1, (count + BlockSize - 1) / BlockSize);
        _partials = new double[_blocks * width];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        _terms = terms;
        _runBlock = RunBlock;
    }

    /// <summary>Sums the terms of every customer into <paramref name="total"/> (of length width).</summary>
    public void Sum(Span<double> total)
    {
        if (_blocks == 1 || _parallel.MaxDegreeOfParallelism == 1)
        {
            for (var block = 0; block < _blocks; block++)
            {
                RunBlock(block);
            }
        }
        else
        {
            Parallel.For(0, _blocks, _parallel, _runBlock);
        }

        total.Clear();
        for (var block = 0; block < _blocks; block++)
        {
            var partial = _partials.AsSpan(block * _width, _width);
            for (var k = 0; k < _width; k++)
            {
                total[k] += partial[k];
            }
        }
    }

    private void RunBlock(int block)
    {
        var sums = _partials.AsSpan(block * _width, _width);
        sums.Clear();
        var first = block * BlockSize;
        _terms(first, Math.Min(_count, first + BlockSize), sums);
    }
}
