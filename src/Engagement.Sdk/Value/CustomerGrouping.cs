using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Engagement.Sdk.Value;

/// <summary>
/// Groups a run of transactions by customer: numbers the customers in the order of their first appearance and places
/// each customer's times and values in one contiguous run. The work is a radix partition by a seeded hash of the id
/// into buckets small enough that each bucket's table and runs stay in the core's cache.
/// </summary>
/// <remarks>
/// <para>
/// Three passes. The first hashes every id (one look at each string; none when a transaction has the same id instance
/// as the one before) and counts the buckets' sizes, per chunk of the input. The second places every transaction's
/// index and hash in its bucket, in input order (a counting sort by bucket). The third interns each bucket on its own
/// (an open-addressing table of at most a few thousand ids) and places its times and values, customer by customer, in
/// the bucket's stretch of the output. The chunks of the first two passes and the buckets of the third run on every
/// core, and write disjoint memory.
/// </para>
/// <para>
/// The runs are stored bucket by bucket (the storage order); <see cref="Rank"/> gives each run's customer's place in
/// the order of first appearance, which every customer's first index recovers. Within a run, purchases keep the input
/// order.
/// </para>
/// </remarks>
internal sealed class CustomerGrouping
{
    private const int CancellationStride = 1 << 16;

    // 64-bit golden-ratio multiplier (Fibonacci hashing).
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    // About this many transactions per bucket: a bucket's table, counts and runs then fit in a core's cache.
    private const int BucketSize = 1 << 12;

    // How many transactions ahead the loops that read memory in random order ask for it.
    private const int PrefetchDistance = 16;

    // A fresh seed per process, so crafted ids cannot force collisions across runs.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();

    private CustomerGrouping(string[] names, int[] starts, int[] rank, long[] ticks, decimal[] values)
    {
        Names = names;
        Starts = starts;
        Rank = rank;
        Ticks = ticks;
        Values = values;
    }

    /// <summary>Gets the customers' ids in order of first appearance.</summary>
    public string[] Names { get; }

    /// <summary>Gets where each run starts, in storage order; the last entry is the number of transactions.</summary>
    public int[] Starts { get; }

    /// <summary>Gets, for each run in storage order, its customer's place in <see cref="Names"/>.</summary>
    public int[] Rank { get; }

    /// <summary>Gets the transactions' UTC ticks, grouped in runs by customer, in input order within each run.</summary>
    public long[] Ticks { get; }

    /// <summary>Gets the transactions' values, in the order of <see cref="Ticks"/>.</summary>
    public decimal[] Values { get; }

    /// <summary>Gets the number of customers.</summary>
    public int Count => Names.Length;

    /// <summary>Groups valid transactions (the caller has checked them) in the given layout.</summary>
    public static unsafe CustomerGrouping Run(ReadOnlySpan<Transaction> transactions, Layout layout, CancellationToken cancellationToken)
    {
        var count = transactions.Length;
        var work = new Work(count, layout);
        if (layout.Parallelism == 1)
        {
            for (var chunk = 0; chunk < work.Chunks; chunk++)
            {
                work.Hash(transactions, chunk, cancellationToken);
            }

            work.PlaceBuckets();
            for (var chunk = 0; chunk < work.Chunks; chunk++)
            {
                work.Partition(chunk, cancellationToken);
            }

            var scratch = new Scratch();
            for (var bucket = 0; bucket < work.Buckets; bucket++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                work.Intern(transactions, bucket, scratch);
            }

            return work.Finish();
        }

        // The threads need the span; it is pinned (as bytes: the struct holds a reference) for the synchronous loops.
        fixed (byte* pinned = &Unsafe.As<Transaction, byte>(ref MemoryMarshal.GetReference(transactions)))
        {
            var address = (nint)pinned;
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = layout.Parallelism };
            Parallel.For(0, work.Chunks, options, chunk => work.Hash(Span(address, count), chunk, cancellationToken));
            work.PlaceBuckets();
            Parallel.For(0, work.Chunks, options, chunk => work.Partition(chunk, cancellationToken));
            Parallel.For(
                0, work.Buckets, options, () => new Scratch(), (bucket, _, scratch) => work.Intern(Span(address, count), bucket, scratch), _ => { });
        }

        return work.Finish();
    }

    /// <summary>A hash of the id's characters, seeded per process; equal ids hash equally.</summary>
    internal static uint HashOf(string id)
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
        return (uint)(hash ^ (hash >> 32));
    }

    /// <summary>Asks the processor to start loading the object's first cache line: the loop reads ids in random order,
    /// and without the hint every id costs a full trip to memory. A hint only: an address the collector has since moved
    /// is harmless.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchObject(string id)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0((void*)Unsafe.As<string, nint>(ref id));
        }
    }

    /// <summary>Asks the processor to start loading a transaction, both its cache lines when it spans two. A hint only:
    /// on the sequential path the span is not pinned, and an address the collector has since moved is harmless.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchRow(in Transaction transaction)
    {
        if (Sse.IsSupported)
        {
            var address = (byte*)Unsafe.AsPointer(ref Unsafe.AsRef(in transaction));
            Sse.Prefetch0(address);
            Sse.Prefetch0(address + (Unsafe.SizeOf<Transaction>() - 1));
        }
    }

    private static unsafe ReadOnlySpan<Transaction> Span(nint address, int count) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef<Transaction>((void*)address), count);

    /// <summary>The state of one run: the hashes, the buckets and what each bucket found.</summary>
    private sealed class Work
    {
        private readonly int _count;
        private readonly int _shift;
        private readonly int _chunkLength;
        private readonly uint[] _hashes;
        private readonly int[] _sizes; // chunk-major: how many of chunk c's transactions fall in bucket b
        private readonly int[] _bucketStarts;
        private readonly Slot[] _slots;
        private readonly BucketResult[] _results;
        private readonly long[] _ticks;
        private readonly decimal[] _values;

        public Work(int count, Layout layout)
        {
            _count = count;
            Buckets = 1 << layout.BucketBits;
            _shift = 32 - layout.BucketBits;
            Chunks = layout.Chunks;
            _chunkLength = (int)(((long)count + Chunks - 1) / Chunks);
            _hashes = GC.AllocateUninitializedArray<uint>(count);
            _sizes = new int[Chunks * Buckets];
            _bucketStarts = new int[Buckets + 1];
            _slots = GC.AllocateUninitializedArray<Slot>(count);
            _results = new BucketResult[Buckets];
            _ticks = GC.AllocateUninitializedArray<long>(count);
            _values = GC.AllocateUninitializedArray<decimal>(count);
        }

        public int Buckets { get; }

        public int Chunks { get; }

        private int BucketOf(uint hash) => _shift == 32 ? 0 : (int)(hash >> _shift);

        /// <summary>Hashes chunk <paramref name="chunk"/>'s ids and counts its transactions per bucket.</summary>
        public void Hash(ReadOnlySpan<Transaction> transactions, int chunk, CancellationToken cancellationToken)
        {
            var sizes = _sizes.AsSpan(chunk * Buckets, Buckets);
            string? previous = null;
            uint previousHash = 0;
            var to = (int)Math.Min(_count, (long)(chunk + 1) * _chunkLength);
            for (var i = (int)Math.Min(_count, (long)chunk * _chunkLength); i < to; i++)
            {
                if ((i & (CancellationStride - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (i + PrefetchDistance < to)
                {
                    PrefetchObject(transactions[i + PrefetchDistance].CustomerId);
                }

                var id = transactions[i].CustomerId;
                if (!ReferenceEquals(id, previous))
                {
                    previous = id;
                    previousHash = HashOf(id);
                }

                _hashes[i] = previousHash;
                sizes[BucketOf(previousHash)]++;
            }
        }

        /// <summary>Turns the chunks' counts into where each chunk's part of each bucket starts: bucket by bucket, and
        /// within a bucket chunk by chunk, so every bucket holds its transactions in input order.</summary>
        public void PlaceBuckets()
        {
            var at = 0;
            for (var b = 0; b < Buckets; b++)
            {
                _bucketStarts[b] = at;
                for (var c = 0; c < Chunks; c++)
                {
                    ref var size = ref _sizes[(c * Buckets) + b];
                    var length = size;
                    size = at;
                    at += length;
                }
            }

            _bucketStarts[Buckets] = at;
        }

        /// <summary>Places chunk <paramref name="chunk"/>'s transactions (index and hash) in their buckets.</summary>
        public void Partition(int chunk, CancellationToken cancellationToken)
        {
            var next = _sizes.AsSpan(chunk * Buckets, Buckets);
            var to = (int)Math.Min(_count, (long)(chunk + 1) * _chunkLength);
            for (var i = (int)Math.Min(_count, (long)chunk * _chunkLength); i < to; i++)
            {
                if ((i & (CancellationStride - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var hash = _hashes[i];
                _slots[next[BucketOf(hash)]++] = new Slot(i, hash);
            }
        }

        /// <summary>Interns bucket <paramref name="bucket"/>'s ids and places its times and values by customer.</summary>
        public Scratch Intern(ReadOnlySpan<Transaction> transactions, int bucket, Scratch scratch)
        {
            int from = _bucketStarts[bucket], length = _bucketStarts[bucket + 1] - from;
            var slots = _slots.AsSpan(from, length);
            var table = scratch.Table;
            table.Reset(length);
            var locals = scratch.Locals(length);
            var ticks = _ticks.AsSpan(from, length);
            var values = _values.AsSpan(from, length);
            var stagedTicks = scratch.StagedTicks(length);
            var stagedValues = scratch.StagedValues(length);

            string? previous = null;
            var previousLocal = -1;
            for (var k = 0; k < slots.Length; k++)
            {
                // Two stages: the row PrefetchDistance ahead, then the id of the row half as far ahead, whose row has
                // arrived by now (comparing an id with the table's is a look at both strings unless they are one instance).
                if (k + PrefetchDistance < slots.Length)
                {
                    PrefetchRow(in transactions[slots[k + PrefetchDistance].Row]);
                }

                if (k + (PrefetchDistance / 2) < slots.Length)
                {
                    PrefetchObject(transactions[slots[k + (PrefetchDistance / 2)].Row].CustomerId);
                }

                var row = slots[k].Row;
                ref readonly var transaction = ref transactions[row];
                var id = transaction.CustomerId;
                if (!ReferenceEquals(id, previous))
                {
                    previous = id;
                    previousLocal = table.Find(id, slots[k].Hash, row);
                }

                table.Counts[previousLocal]++;
                locals[k] = previousLocal;
                stagedTicks[k] = transaction.Time.UtcTicks;
                stagedValues[k] = transaction.Value;
            }

            // A counting sort of the bucket's purchases by local customer, in the bucket's stretch of the output.
            var customers = table.Count;
            var starts = new int[customers + 1];
            var counts = table.Counts;
            for (var local = 0; local < customers; local++)
            {
                starts[local + 1] = starts[local] + counts[local];
                counts[local] = starts[local];
            }

            for (var k = 0; k < locals.Length; k++)
            {
                var at = counts[locals[k]]++;
                ticks[at] = stagedTicks[k];
                values[at] = stagedValues[k];
            }

            _results[bucket] = new BucketResult(table.Keys.AsSpan(0, customers).ToArray(), table.FirstRows.AsSpan(0, customers).ToArray(), starts);
            return scratch;
        }

        /// <summary>Numbers the runs of all buckets in storage order and ranks them by their customers' first indices.</summary>
        public CustomerGrouping Finish()
        {
            var customers = 0;
            foreach (var result in _results)
            {
                customers += result.Names.Length;
            }

            // owner[first index] = storage number; the first indices, marked in a bit set and read in order, rank them.
            var owner = _hashes; // reused: the hashes are no longer needed
            var firsts = new ulong[(_count + 63) / 64];
            var starts = new int[customers + 1];
            var stored = new string[customers];
            var g = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var result = _results[b];
                var bucketStart = _bucketStarts[b];
                for (var local = 0; local < result.Names.Length; local++, g++)
                {
                    var row = result.FirstRows[local];
                    owner[row] = (uint)g;
                    stored[g] = result.Names[local];
                    firsts[row >> 6] |= 1UL << row;
                    starts[g] = bucketStart + result.Starts[local];
                }
            }

            starts[customers] = _count;
            var names = new string[customers];
            var rank = new int[customers];
            var next = 0;
            for (var word = 0; word < firsts.Length; word++)
            {
                var bitsLeft = firsts[word];
                while (bitsLeft != 0)
                {
                    var row = (word << 6) + BitOperations.TrailingZeroCount(bitsLeft);
                    bitsLeft &= bitsLeft - 1;
                    var storage = (int)owner[row];
                    rank[storage] = next;
                    names[next] = stored[storage];
                    next++;
                }
            }

            return new CustomerGrouping(names, starts, rank, _ticks, _values);
        }
    }

    /// <summary>How a run is cut up: the cores it may use, the number of buckets (2^<see cref="BucketBits"/>) and of
    /// chunks of the input for the first two passes. Every layout gives the same grouping; tests compare them.</summary>
    internal readonly record struct Layout(int Parallelism, int BucketBits, int Chunks)
    {
        /// <summary>The layout for <paramref name="count"/> transactions: buckets of about 4,096 transactions (at most
        /// 2^14 of them), and from 2^16 transactions every core, with four chunks per core.</summary>
        public static Layout For(int count)
        {
            var bits = Math.Min(14, BitOperations.Log2((uint)Math.Max(1, count / BucketSize)));
            return count < CancellationStride || Environment.ProcessorCount == 1
                ? new Layout(1, bits, 1)
                : new Layout(Environment.ProcessorCount, bits, Math.Min(Environment.ProcessorCount * 4, count / CancellationStride));
        }
    }

    /// <summary>What one bucket found: its customers' ids and first indices, and where their runs start in the bucket.</summary>
    private readonly record struct BucketResult(string[] Names, int[] FirstRows, int[] Starts);

    /// <summary>A transaction's index and its id's hash, in bucket order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Slot(int Row, uint Hash);

    /// <summary>One thread's reusable buffers for interning buckets.</summary>
    private sealed class Scratch
    {
        private int[] _locals = [];
        private long[] _ticks = [];
        private decimal[] _values = [];

        public Table Table { get; } = new();

        public Span<int> Locals(int length) => Sized(ref _locals, length);

        public Span<long> StagedTicks(int length) => Sized(ref _ticks, length);

        public Span<decimal> StagedValues(int length) => Sized(ref _values, length);

        private static Span<T> Sized<T>(ref T[] array, int length)
        {
            if (array.Length < length)
            {
                array = new T[Math.Max(length, array.Length * 2)];
            }

            return array.AsSpan(0, length);
        }
    }

    /// <summary>An open-addressing table from id to local number, linear probing, at most half full, reused bucket to
    /// bucket.</summary>
    private sealed class Table
    {
        private Entry[] _entries = new Entry[64];
        private int _mask = 63;

        public int Count { get; private set; }

        public string[] Keys { get; private set; } = new string[32];

        public uint[] Hashes { get; private set; } = new uint[32];

        public int[] Counts { get; private set; } = new int[32];

        public int[] FirstRows { get; private set; } = new int[32];

        /// <summary>Empties the table for a bucket of <paramref name="length"/> transactions (and so at most that many
        /// ids); it starts at a size for a few purchases per id, at most 2^13 slots, and grows with the ids it meets.</summary>
        public void Reset(int length)
        {
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(length / 2, 64, 1 << 13));
            if (_entries.Length < capacity)
            {
                _entries = new Entry[capacity];
            }
            else
            {
                Array.Clear(_entries, 0, capacity);
            }

            _mask = capacity - 1;
            Count = 0;
        }

        /// <summary>Gets the local number of the id, adding it (first seen at <paramref name="row"/>) if it is new.</summary>
        public int Find(string id, uint hash, int row)
        {
            var slot = (int)hash & _mask;
            while (true)
            {
                ref var entry = ref _entries[slot];
                if (entry.Key is null)
                {
                    var local = Count++;
                    if (local == Keys.Length)
                    {
                        Keys = GrowTo(Keys, local * 2);
                        Hashes = GrowTo(Hashes, local * 2);
                        Counts = GrowTo(Counts, local * 2);
                        FirstRows = GrowTo(FirstRows, local * 2);
                    }

                    entry = new Entry(id, hash, local);
                    Keys[local] = id;
                    Hashes[local] = hash;
                    Counts[local] = 0;
                    FirstRows[local] = row;
                    if (Count * 2 > _mask + 1)
                    {
                        Grow();
                    }

                    return local;
                }

                if (entry.Hash == hash && (ReferenceEquals(entry.Key, id) || string.Equals(entry.Key, id, StringComparison.Ordinal)))
                {
                    return entry.Local;
                }

                slot = (slot + 1) & _mask;
            }
        }

        private static T[] GrowTo<T>(T[] array, int length)
        {
            Array.Resize(ref array, length);
            return array;
        }

        private void Grow()
        {
            var capacity = (_mask + 1) * 2;
            if (_entries.Length < capacity)
            {
                _entries = new Entry[capacity];
            }
            else
            {
                Array.Clear(_entries, 0, capacity);
            }

            _mask = capacity - 1;
            for (var local = 0; local < Count; local++)
            {
                var key = Keys[local];
                var hash = Hashes[local];
                var slot = (int)hash & _mask;
                while (_entries[slot].Key is not null)
                {
                    slot = (slot + 1) & _mask;
                }

                _entries[slot] = new Entry(key, hash, local);
            }
        }
    }

    private readonly record struct Entry(string? Key, uint Hash, int Local);
}
