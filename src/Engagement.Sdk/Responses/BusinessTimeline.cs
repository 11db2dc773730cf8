namespace Engagement.Sdk.Responses;

/// <summary>
/// The open instants of a <see cref="BusinessCalendar"/> as UTC tick intervals, cut into blocks of
/// <see cref="BlockDays"/> UTC days that are built on first use and cached. Each block holds its open intervals in time
/// order, the open ticks before each interval (a prefix sum), and per UTC day the first interval still open then; so the
/// open time up to an instant is a table lookup, a step over at most a day's intervals and an addition, and a business
/// duration within a block is two of those and a subtraction.
/// </summary>
/// <remarks>
/// An instant is open when its local wall-clock time, on a local date that is not a holiday, lies in one of that
/// weekday's opening intervals. Within a stretch of one UTC offset that is a plain shift of the local interval; the
/// block builder finds the zone's offset changes and cuts each local interval at them. Blocks are immutable once built and
/// published with a compare-exchange, so readers on any thread see a whole block or build their own copy; a race only
/// costs a duplicate build.
/// </remarks>
internal sealed class BusinessTimeline
{
    /// <summary>The UTC days one block covers.</summary>
    internal const int BlockDays = 512;

    private const long BlockTicks = BlockDays * TimeSpan.TicksPerDay;

    // The instants run from tick 0 to DateTime.MaxValue.Ticks; a block past the last holds none.
    private const long EndTicks = 3155378975999999999 + 1;

    // No zone is further than 14 h from UTC; the margin makes sure every stretch an interval can touch is visited.
    private const long MaxOffset = 15 * TimeSpan.TicksPerHour;

    private const long SampleTicks = 6 * TimeSpan.TicksPerHour;

    private static readonly int BlockCount = (int)((EndTicks + BlockTicks - 1) / BlockTicks);

    private readonly TimeZoneInfo _zone;
    private readonly long[][] _hours;
    private readonly HashSet<int> _holidays;
    private Block?[]? _blocks;

    /// <param name="zone">The calendar's time zone.</param>
    /// <param name="hours">Per <see cref="DayOfWeek"/>, the local opening intervals as start, end pairs of ticks after
    /// local midnight: sorted, disjoint and not touching.</param>
    /// <param name="holidays">The closed local dates.</param>
    internal BusinessTimeline(TimeZoneInfo zone, long[][] hours, IEnumerable<DateOnly> holidays)
    {
        _zone = zone;
        _hours = hours;
        _holidays = [.. holidays.Select(day => day.DayNumber)];
    }

    /// <summary>The open ticks in [from, to), for 0 ≤ from ≤ to ≤ <see cref="EndTicks"/> − 1.</summary>
    internal long Duration(long from, long to)
    {
        var first = (int)(from / BlockTicks);
        var last = (int)(to / BlockTicks);
        var block = GetBlock(first);
        if (first == last)
        {
            return block.OpenBefore(to) - block.OpenBefore(from);
        }

        var total = checked(block.Total - block.OpenBefore(from));
        for (var index = first + 1; index < last; index++)
        {
            total = checked(total + GetBlock(index).Total);
        }

        return checked(total + GetBlock(last).OpenBefore(to));
    }

    /// <summary>Whether the instant lies in an open interval.</summary>
    internal bool IsOpen(long ticks)
    {
        var block = GetBlock((int)(ticks / BlockTicks));
        var index = block.Locate(ticks);
        return index < block.Count && block.Starts[index] <= ticks;
    }

    /// <summary>The instant itself when open, else the start of the next open interval; −1 when none starts before the
    /// end of the range of instants.</summary>
    internal long NextOpening(long ticks)
    {
        var blockIndex = (int)(ticks / BlockTicks);
        var block = GetBlock(blockIndex);
        var index = block.Locate(ticks);
        if (index < block.Count)
        {
            return Math.Max(ticks, block.Starts[index]);
        }

        while (++blockIndex < BlockCount)
        {
            block = GetBlock(blockIndex);
            if (block.Count > 0)
            {
                return block.Starts[0];
            }
        }

        return -1;
    }

    /// <summary>The earliest instant whose open ticks after <paramref name="start"/> reach <paramref name="duration"/>
    /// (positive); −1 when that lies beyond the range of instants.</summary>
    internal long Add(long start, long duration)
    {
        var blockIndex = (int)(start / BlockTicks);
        var block = GetBlock(blockIndex);
        var target = block.OpenBefore(start);
        var remaining = duration;
        while (remaining > block.Total - target)
        {
            remaining -= block.Total - target;
            if (++blockIndex >= BlockCount)
            {
                return -1;
            }

            block = GetBlock(blockIndex);
            target = 0;
        }

        return block.InstantAt(target + remaining);
    }

    private Block GetBlock(int index)
    {
        var blocks = Volatile.Read(ref _blocks);
        if (blocks is null)
        {
            Interlocked.CompareExchange(ref _blocks, new Block?[BlockCount], null);
            blocks = _blocks!;
        }

        var block = Volatile.Read(ref blocks[index]);
        if (block is null)
        {
            block = Build(index);
            block = Interlocked.CompareExchange(ref blocks[index], block, null) ?? block;
        }

        return block;
    }

    private Block Build(int index)
    {
        var from = index * BlockTicks;
        var to = Math.Min(from + BlockTicks, EndTicks);

        // Offsets lie within ±14 h, so the local dates two days either side cover the block, and the offsets three days
        // either side cover those dates. The first and last dates of DateTime's range are left out (always closed).
        var firstDay = Math.Max(1, (int)(from / TimeSpan.TicksPerDay) - 2);
        var lastDay = Math.Min(DateOnly.MaxValue.DayNumber - 1, (int)((to - 1) / TimeSpan.TicksPerDay) + 2);
        var offsets = Offsets(Math.Max(0, from - (3 * TimeSpan.TicksPerDay)), Math.Min(EndTicks, to + (3 * TimeSpan.TicksPerDay)));
        var intervals = new List<(long Start, long End)>();
        var period = 0;
        for (var day = firstDay; day <= lastDay; day++)
        {
            if (_holidays.Contains(day))
            {
                continue;
            }

            var midnight = day * TimeSpan.TicksPerDay;
            var hours = _hours[(int)DateOnly.FromDayNumber(day).DayOfWeek];
            for (var i = 0; i < hours.Length; i += 2)
            {
                // The instants whose local time lies in [localStart, localEnd): within each stretch of one offset,
                // [localStart − offset, localEnd − offset). A skipped hour gives no instants; a repeated one, two stretches.
                var localStart = midnight + hours[i];
                var localEnd = midnight + hours[i + 1];
                while (period + 1 < offsets.Count && offsets[period + 1].Start <= localStart - MaxOffset)
                {
                    period++;
                }

                for (var k = period; k < offsets.Count && offsets[k].Start < localEnd + MaxOffset; k++)
                {
                    var stretchEnd = k + 1 < offsets.Count ? offsets[k + 1].Start : long.MaxValue;
                    var start = Math.Max(Math.Max(from, offsets[k].Start), localStart - offsets[k].Offset);
                    var end = Math.Min(Math.Min(to, stretchEnd), localEnd - offsets[k].Offset);
                    if (end > start)
                    {
                        intervals.Add((start, end));
                    }
                }
            }
        }

        // Intervals of neighbouring days, or the two stretches of a repeated hour, may touch or overlap in UTC.
        intervals.Sort();
        var starts = new List<long>(intervals.Count);
        var ends = new List<long>(intervals.Count);
        foreach (var (start, end) in intervals)
        {
            if (ends.Count > 0 && start <= ends[^1])
            {
                ends[^1] = Math.Max(ends[^1], end);
            }
            else
            {
                starts.Add(start);
                ends.Add(end);
            }
        }

        return new Block(from, to, [.. starts], [.. ends]);
    }

    /// <summary>The zone's UTC offset over [from, to) as stretches: each from its start instant to the next one's.
    /// The first stretch is taken to reach back before <paramref name="from"/>.</summary>
    /// <remarks>Samples every <see cref="SampleTicks"/> and finds each change to the tick by bisection; offsets that
    /// change and change back within one sample step (no zone does) would be missed.</remarks>
    private List<(long Start, long Offset)> Offsets(long from, long to)
    {
        var stretches = new List<(long Start, long Offset)> { (from, OffsetAt(from)) };
        var known = from;
        while (known < to - 1)
        {
            var sample = Math.Min(known + SampleTicks, to - 1);
            while (OffsetAt(sample) != stretches[^1].Offset)
            {
                // The first tick in (known, sample] with another offset.
                var low = known;
                var high = sample;
                while (high - low > 1)
                {
                    var mid = low + ((high - low) / 2);
                    (low, high) = OffsetAt(mid) == stretches[^1].Offset ? (mid, high) : (low, mid);
                }

                stretches.Add((high, OffsetAt(high)));
                known = high;
            }

            known = sample;
        }

        return stretches;
    }

    private long OffsetAt(long utcTicks) => _zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    /// <summary>One block's open intervals and their prefix sums; immutable.</summary>
    private sealed class Block
    {
        private readonly long _from;
        private readonly long[] _ends;
        private readonly long[] _before;
        private readonly int[] _dayFirst;

        internal Block(long from, long to, long[] starts, long[] ends)
        {
            _from = from;
            Starts = starts;
            _ends = ends;
            _before = new long[starts.Length + 1];
            for (var i = 0; i < starts.Length; i++)
            {
                _before[i + 1] = _before[i] + (ends[i] - starts[i]);
            }

            var days = (int)((to - from + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay);
            _dayFirst = new int[days];
            var index = 0;
            for (var day = 0; day < days; day++)
            {
                var dayStart = from + (day * TimeSpan.TicksPerDay);
                while (index < ends.Length && ends[index] <= dayStart)
                {
                    index++;
                }

                _dayFirst[day] = index;
            }
        }

        internal long[] Starts { get; }

        internal int Count => Starts.Length;

        internal long Total => _before[^1];

        /// <summary>The first interval that ends after the instant (it holds the instant when it starts at or before
        /// it); <see cref="Count"/> when none.</summary>
        internal int Locate(long ticks)
        {
            var index = _dayFirst[(int)((ticks - _from) / TimeSpan.TicksPerDay)];
            var ends = _ends;
            while (index < ends.Length && ends[index] <= ticks)
            {
                index++;
            }

            return index;
        }

        /// <summary>The open ticks of the block before the instant.</summary>
        internal long OpenBefore(long ticks)
        {
            var index = Locate(ticks);
            return index < Starts.Length && Starts[index] < ticks ? _before[index] + (ticks - Starts[index]) : _before[index];
        }

        /// <summary>The earliest instant before which the block has the given open ticks, 0 &lt; open ≤ <see cref="Total"/>.</summary>
        internal long InstantAt(long open)
        {
            var found = Array.BinarySearch(_before, 1, Starts.Length, open);
            var index = (found >= 0 ? found : ~found) - 1;
            return Starts[index] + (open - _before[index]);
        }
    }
}
