using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Engagement.Sdk.Value;

/// <summary>
/// Numbers the customers of a run of transactions in the order of their first appearance and places each customer's
/// times and values in one contiguous run (a counting sort), with the work split by a hash of the id over
/// <c>partitions</c> threads: each thread owns the ids whose hash falls in its partition, so no table is shared.
/// </summary>
/// <remarks>
/// Every pass reads the whole input but touches only its own partition's ids, table and runs, so the threads write
/// disjoint memory. The global numbering by first appearance is recovered after the partitions are interned, from a
/// mark at each transaction that is its customer's first. One partition is the plain sequential algorithm.
/// </remarks>
internal sealed class CustomerInterning
{
    private const int CancellationStride = 1 << 16;

    // 64-bit golden-ratio multiplier (Fibonacci hashing).
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    // A fresh seed per process, so crafted ids cannot force collisions across runs.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();

    private readonly int _count;
    private readonly int _partitions;
    private readonly int _shift;
    private readonly int[] _hashes;
    private readonly int[] _local;
    private readonly bool[] _first;
    private readonly Table[] _tables;

    private CustomerInterning(int count, int partitions)
    {
        _count = count;
        _partitions = partitions;
        _shift = 32 - BitOperations.Log2((uint)partitions);
        _hashes = new int[count];
        _local = new int[count];
        _first = new bool[count];
        _tables = new Table[partitions];
    }

    /// <summary>Gets the customers' ids in order of first appearance.</summary>
    public string[] Names { get; private set; } = [];

    /// <summary>Gets where each customer's run starts; the last entry is the number of transactions.</summary>
    public int[] Starts { get; private set; } = [];

    /// <summary>Gets the transactions' UTC ticks, grouped by customer in input order within each customer.</summary>
    public long[] Ticks { get; private set; } = [];

    /// <summary>Gets the transactions' values, in the order of <see cref="Ticks"/>.</summary>
    public decimal[] Values { get; private set; } = [];

    /// <summary>The number of partitions to use for <paramref name="count"/> transactions: the cores, rounded down to a
    /// power of two and at most 8, from 2^16 transactions; otherwise one.</summary>
    public static int PartitionsFor(int count) =>
        count < (1 << 16) ? 1 : 1 << BitOperations.Log2((uint)Math.Min(8, Environment.ProcessorCount));

    /// <summary>Interns and groups valid transactions (the caller has checked them) over the given number of partitions,
    /// a power of two.</summary>
    public static unsafe CustomerInterning Run(ReadOnlySpan<Transaction> transactions, int partitions, CancellationToken cancellationToken)
    {
        var interning = new CustomerInterning(transactions.Length, partitions);
        if (partitions == 1)
        {
            interning.Hash(transactions, 0, transactions.Length, cancellationToken);
            interning.Intern(transactions, 0, cancellationToken);
            interning.Number();
            interning.Scatter(transactions, 0, cancellationToken);
            return interning;
        }

        // The threads need the span; it is pinned (as bytes: the struct holds a reference) for the synchronous loops.
        fixed (byte* pinned = &Unsafe.As<Transaction, byte>(ref MemoryMarshal.GetReference(transactions)))
        {
            var address = (nint)pinned;
            var count = transactions.Length;
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = partitions };
            var chunk = (count + partitions - 1) / partitions;
            Parallel.For(0, partitions, options, p => interning.Hash(Span(address, count), p * chunk, Math.Min(count, (p + 1) * chunk), cancellationToken));
            Parallel.For(0, partitions, options, p => interning.Intern(Span(address, count), p, cancellationToken));
            interning.Number();
            Parallel.For(0, partitions, options, p => interning.Scatter(Span(address, count), p, cancellationToken));
        }

        return interning;
    }

    /// <summary>A hash of the id's characters, seeded per process; equal ids hash equally.</summary>
    internal static int HashOf(string id)
    {
        ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(id.AsSpan()));
        var bytes = id.Length * sizeof(char);
        var hash = Seed ^ ((ulong)bytes * Multiplier);
        var i = 0;
        for (; i + sizeof(ulong) <= bytes; i += sizeof(ulong))
        {
            hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i))) * Multiplier;
            hash ^= hash >> 29;
        }

        ulong tail = 0;
        for (; i < bytes; i += sizeof(char))
        {
            tail = (tail << 16) | Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i));
        }

        hash = (hash ^ tail) * Multiplier;
        return (int)(hash ^ (hash >> 32));
    }

    private static unsafe ReadOnlySpan<Transaction> Span(nint address, int count) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef<Transaction>((void*)address), count);

    private int PartitionOf(int hash) => _partitions == 1 ? 0 : (int)((uint)hash >> _shift);

    private void Hash(ReadOnlySpan<Transaction> transactions, int from, int to, CancellationToken cancellationToken)
    {
        string? previous = null;
        var previousHash = 0;
        for (var i = from; i < to; i++)
        {
            if ((i & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var id = transactions[i].CustomerId;
            if (!ReferenceEquals(id, previous))
            {
                previous = id;
                previousHash = HashOf(id);
            }

            _hashes[i] = previousHash;
        }
    }

    /// <summary>Numbers partition <paramref name="partition"/>'s customers in order of first appearance, marks each
    /// first appearance and counts each customer's transactions.</summary>
    private void Intern(ReadOnlySpan<Transaction> transactions, int partition, CancellationToken cancellationToken)
    {
        var table = new Table(_partitions == 1 ? _count : _count / _partitions);
        string? previous = null;
        var previousLocal = -1;
        for (var i = 0; i < _count; i++)
        {
            if ((i & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var hash = _hashes[i];
            if (PartitionOf(hash) != partition)
            {
                continue;
            }

            var id = transactions[i].CustomerId;
            if (!ReferenceEquals(id, previous))
            {
                previous = id;
                previousLocal = table.Find(id, hash, out var added);
                _first[i] = added;
            }

            table.Counts[previousLocal]++;
            _local[i] = previousLocal;
        }

        _tables[partition] = table;
    }

    /// <summary>Gives every customer its global number (order of first appearance) and its run's start.</summary>
    private void Number()
    {
        var customers = 0;
        foreach (var table in _tables)
        {
            customers += table.Count;
            table.Global = new int[table.Count];
        }

        var names = new string[customers];
        var starts = new int[customers + 1];
        var next = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_first[i])
            {
                var table = _tables[PartitionOf(_hashes[i])];
                var local = _local[i];
                table.Global[local] = next;
                names[next] = table.Keys[local];
                starts[next + 1] = starts[next] + table.Counts[local];
                next++;
            }
        }

        Names = names;
        Starts = starts;
        Ticks = new long[_count];
        Values = new decimal[_count];
    }

    /// <summary>Places partition <paramref name="partition"/>'s times and values in their customers' runs, in input
    /// order; the runs of different partitions are disjoint.</summary>
    private void Scatter(ReadOnlySpan<Transaction> transactions, int partition, CancellationToken cancellationToken)
    {
        var table = _tables[partition];
        var next = table.Counts; // reused: the next free place of each local customer
        for (var local = 0; local < table.Count; local++)
        {
            next[local] = Starts[table.Global[local]];
        }

        var ticks = Ticks;
        var values = Values;
        for (var i = 0; i < _count; i++)
        {
            if ((i & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (PartitionOf(_hashes[i]) != partition)
            {
                continue;
            }

            var at = next[_local[i]]++;
            ref readonly var transaction = ref transactions[i];
            ticks[at] = transaction.Time.UtcTicks;
            values[at] = transaction.Value;
        }
    }

    /// <summary>An open-addressing table from id to local number, linear probing, at most half full.</summary>
    private sealed class Table
    {
        private Entry[] _entries;
        private int _mask;

        public Table(int expected)
        {
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(expected / 2, 16, 1 << 22));
            _entries = new Entry[capacity];
            _mask = capacity - 1;
            Keys = new string[Math.Max(16, capacity / 4)];
            Counts = new int[Keys.Length];
        }

        public int Count { get; private set; }

        public string[] Keys { get; private set; }

        public int[] Counts { get; private set; }

        public int[] Global { get; set; } = [];

        /// <summary>Gets the local number of the id, adding it if it is new.</summary>
        public int Find(string id, int hash, out bool added)
        {
            var slot = hash & _mask;
            while (true)
            {
                ref var entry = ref _entries[slot];
                if (entry.Key is null)
                {
                    added = true;
                    return Add(ref entry, id, hash);
                }

                if (entry.Hash == hash && (ReferenceEquals(entry.Key, id) || string.Equals(entry.Key, id, StringComparison.Ordinal)))
                {
                    added = false;
                    return entry.Local;
                }

                slot = (slot + 1) & _mask;
            }
        }

        private int Add(ref Entry entry, string id, int hash)
        {
            var local = Count;
            if (local == Keys.Length)
            {
                Keys = GrowTo(Keys, local * 2);
                Counts = GrowTo(Counts, local * 2);
            }

            entry = new Entry(id, hash, local);
            Keys[local] = id;
            Count = local + 1;
            if (Count * 2 > _entries.Length)
            {
                Grow();
            }

            return local;
        }

        private void Grow()
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            _mask = _entries.Length - 1;
            foreach (var entry in old)
            {
                if (entry.Key is not null)
                {
                    var slot = entry.Hash & _mask;
                    while (_entries[slot].Key is not null)
                    {
                        slot = (slot + 1) & _mask;
                    }

                    _entries[slot] = entry;
                }
            }
        }

        private static T[] GrowTo<T>(T[] array, int length)
        {
            Array.Resize(ref array, length);
            return array;
        }
    }

    private readonly record struct Entry(string? Key, int Hash, int Local);
}
