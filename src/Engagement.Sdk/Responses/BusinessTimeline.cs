using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The open instants of a <see cref="BusinessCalendar"/> as UTC tick intervals, cut into blocks of
/// <see cref="BlockDays"/> UTC days that are built on first use and cached. Each block holds its open intervals in time
/// order, the open ticks before each interval (a prefix sum), and per UTC day the first interval still open then; so the
/// open time up to an instant is a table lookup, a step over at most a day's intervals and an addition, and a business
/// duration within a block is two of those and a subtraction.
/// </summary>
/// <remarks>
/// The open set is the union over local dates that are not holidays of the UTC images of that weekday's opening
/// intervals, each local bound mapped by <see cref="CalendarPeriods.LocalToUtc"/> (the start to the earlier instant of an
/// ambiguous time, the end to the later one, a time in a gap to the transition). Blocks are immutable once built and
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

        // Offsets lie within ±14 h, so the local dates two days either side cover the block. The first and last dates
        // of DateTime's range are left out (always closed): their neighbours, which the conversions look at, do not exist.
        var firstDay = Math.Max(1, (int)(from / TimeSpan.TicksPerDay) - 2);
        var lastDay = Math.Min(DateOnly.MaxValue.DayNumber - 1, (int)((to - 1) / TimeSpan.TicksPerDay) + 2);
        var intervals = new List<(long Start, long End)>();
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
                var start = Math.Max(from, CalendarPeriods.LocalToUtc(new DateTime(midnight + hours[i]), _zone));
                var end = Math.Min(to, CalendarPeriods.LocalToUtc(new DateTime(midnight + hours[i + 1]), _zone, latest: true));
                if (end > start)
                {
                    intervals.Add((start, end));
                }
            }
        }

        // Intervals of neighbouring days, or of one day around a repeated hour, may touch or overlap once in UTC.
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
