using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Interns strings as dense ids in order of first sight, compared ordinally: the <see cref="EventLogBuilder"/>'s table
/// of customer ids, where hundreds of thousands of ids arrive in time order and nearly every lookup misses the caches.
/// </summary>
/// <remarks>
/// <para>
/// One open-addressing array of slots (key, hash, id), probed linearly and kept at most half full, so that a lookup
/// usually touches one cache line where a <see cref="Dictionary{TKey, TValue}"/> touches a bucket and then an entry. A
/// slot's key is compared by reference first: a reader that interns its strings never pays for comparing characters.
/// <see cref="GetOrAddRange"/> hashes a batch of keys and prefetches their slots before looking any of them up, so that
/// the core waits for many cache misses at once instead of one after another.
/// </para>
/// <para>
/// Keys are hashed with a fast hash of their characters that is not randomised, like <see cref="Dictionary{TKey, TValue}"/>
/// does for ordinal strings; should a probe ever run longer than <see cref="MaxProbe"/> slots (keys chosen to collide,
/// or very bad luck), the table switches for good to the randomised <see cref="string.GetHashCode()"/> and rehashes,
/// as <see cref="Dictionary{TKey, TValue}"/> does. This type is mutable and is not thread-safe.
/// </para>
/// </remarks>
internal sealed class StringIdTable
{
    /// <summary>The longest probe tolerated before switching to randomised hashing.</summary>
    internal const int MaxProbe = 100;

    private const int MinSlots = 16;

    private readonly List<string> _keys = [];
    private Slot[] _slots = new Slot[MinSlots];
    private bool _randomized;

    /// <summary>Gets how many distinct strings the table holds.</summary>
    public int Count => _keys.Count;

    /// <summary>Gets the strings, by id.</summary>
    public List<string> Keys => _keys;

    /// <summary>Gets whether the table has switched to randomised hashing.</summary>
    internal bool IsRandomized => _randomized;

    /// <summary>Gets the id of a string, adding it with the next id on first sight.</summary>
    /// <param name="key">The string.</param>
    /// <returns>The id.</returns>
    public int GetOrAdd(string key) => GetOrAdd(key, Hash(key));

    /// <summary>Gets the ids of a batch of strings, adding each on first sight, in order.</summary>
    /// <param name="keys">The strings; at most a few hundred, so that their hashes fit on the stack.</param>
    /// <param name="ids">Receives the ids; as long as <paramref name="keys"/>.</param>
    public void GetOrAddRange(ReadOnlySpan<string> keys, Span<int> ids)
    {
        Span<int> hashes = stackalloc int[keys.Length];
        var randomized = _randomized;
        for (var j = 0; j < keys.Length; j++)
        {
            // A row that repeats the previous key (exports grouped by customer) needs no hash.
            if (j == 0 || !ReferenceEquals(keys[j], keys[j - 1]))
            {
                hashes[j] = Hash(keys[j]);
                Prefetch(hashes[j]);
            }
        }

        for (var j = 0; j < keys.Length; j++)
        {
            if (j > 0 && ReferenceEquals(keys[j], keys[j - 1]))
            {
                ids[j] = ids[j - 1];
            }
            else
            {
                // A switch to randomised hashing in mid-batch makes the hashes computed above stale.
                ids[j] = GetOrAdd(keys[j], randomized == _randomized ? hashes[j] : Hash(keys[j]));
            }
        }
    }

    // A 64-bit multiply–xorshift over the UTF-16 code units, four at a time, then a full-avalanche finaliser.
    internal static int FastHash(string key)
    {
        ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(key.AsSpan()));
        var length = (nuint)key.Length * sizeof(char);
        var hash = 0x9E3779B97F4A7C15UL ^ length;
        nuint i = 0;
        for (; i + sizeof(ulong) <= length; i += sizeof(ulong))
        {
            hash = Mix(hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)));
        }

        if (i < length)
        {
            ulong tail = 0;
            for (; i < length; i += sizeof(char))
            {
                tail = (tail << 16) | Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i));
            }

            hash = Mix(hash ^ tail);
        }

        // MurmurHash3's 64-bit finaliser, so that every bit of the state reaches the low bits that pick a slot.
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return (int)hash;
    }

    // One step per 8 bytes: injective (odd multiplier, then xorshift), so no input bits are lost before the finaliser.
    private static ulong Mix(ulong x)
    {
        x *= 0xBF58476D1CE4E5B9UL;
        return x ^ (x >> 31);
    }

    private int Hash(string key) => _randomized ? key.GetHashCode() : FastHash(key);

    private unsafe void Prefetch(int hash)
    {
        if (Sse.IsSupported)
        {
            // Only a hint: a slot the garbage collector moves meanwhile is simply fetched again when read.
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[hash & (_slots.Length - 1)]));
        }
    }

    private int GetOrAdd(string key, int hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = hash & mask;
        for (var probe = 0; ; probe++)
        {
            ref var slot = ref slots[i];
            if (slot.Key is null)
            {
                if (probe > MaxProbe && !_randomized)
                {
                    return Randomize(key);
                }

                var id = _keys.Count;
                _keys.Add(key);
                slot = new Slot(key, hash, id);
                if (_keys.Count * 2 > slots.Length)
                {
                    Rehash(slots.Length * 2, rehashKeys: false);
                }

                return id;
            }

            if (ReferenceEquals(slot.Key, key) || (slot.Hash == hash && string.Equals(slot.Key, key, StringComparison.Ordinal)))
            {
                return slot.Id;
            }

            i = (i + 1) & mask;
        }
    }

    // Switches to randomised hashing and adds the key that found the long probe.
    private int Randomize(string key)
    {
        _randomized = true;
        Rehash(_slots.Length, rehashKeys: true);
        return GetOrAdd(key, Hash(key));
    }

    // Moves every key to a new array of slots, hashing them again when the hashing has changed.
    private void Rehash(int size, bool rehashKeys)
    {
        var slots = new Slot[size];
        var mask = size - 1;
        foreach (var old in _slots)
        {
            if (old.Key is null)
            {
                continue;
            }

            var hash = rehashKeys ? Hash(old.Key) : old.Hash;
            var i = hash & mask;
            while (slots[i].Key is not null)
            {
                i = (i + 1) & mask;
            }

            slots[i] = new Slot(old.Key, hash, old.Id);
        }

        _slots = slots;
    }

    private readonly struct Slot(string? key, int hash, int id)
    {
        public readonly string? Key = key;
        public readonly int Hash = hash;
        public readonly int Id = id;
    }
}
