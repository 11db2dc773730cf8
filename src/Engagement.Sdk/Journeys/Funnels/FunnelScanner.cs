using System.Numerics;
using System.Runtime.CompilerServices;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The per-customer funnel scan over one <see cref="EventLog"/>. Steps and exclusions become bits in tables indexed by
/// event-name id, built once per log; a scan of a run of customers reuses its scratch buffers for every customer, so the
/// hot loop allocates only when a customer is listed (amortised list growth) or a new time is seen.
/// </summary>
/// <remarks>
/// <para>
/// Ordered mode. A customer's events that match a step or an exclusion are copied into compact arrays (rows, times,
/// masks), in log order: by time, ties in input order. For each step <c>j</c>, <c>next[j][p]</c> is the first compact
/// entry at or after <c>p</c> that matches step <c>j</c>, and <c>tieStart[p]</c> the first entry with the time of entry
/// <c>p</c>. The definition's next step — "the earliest not-yet-used occurrence of the step's event whose timestamp is
/// ≥ the previous step's and ≤ anchor + window" — is then <c>next[j][tieStart[previous]]</c>, skipping entries used by
/// the attempt: every entry from <c>tieStart[previous]</c> on has a time ≥ the previous step's, entries are in time
/// order, so the first match is the earliest (ties: first in log order, as the reference takes it). An entry matching
/// only step <c>j</c> cannot have been used by another step of the attempt, so the used check runs only for an entry
/// that matches several steps (a repeated step, overlapping conditions), against at most 31 earlier steps. Each step of
/// each attempt is O(1) apart from that check: O(anchors × steps) per customer after an O(entries × steps) setup.
/// </para>
/// <para>
/// Why "earliest not-yet-used" is the rule and why greedy is exact: taking the earliest candidate for each step leaves
/// every later candidate available and gives the smallest possible time to each step, so no other choice lets the
/// attempt reach further within the window (exchange argument: replace, in any deeper chain, the step-<c>j</c> event
/// by the greedy one, which is no later; the rest of the chain still follows it). ClickHouse's <c>windowFunnel</c>
/// differs: it keeps one chain per step level, extended by the latest events, and without <c>strict_deduplication</c>
/// one event may fill two steps with the same condition; here one event fills at most one step.
/// </para>
/// <para>
/// Attempts are tried in anchor order. Once an untainted attempt has reached the last step at time <c>t</c>, an anchor
/// after <c>t</c> can neither go deeper nor reach the last step earlier, so the scan of that customer stops.
/// </para>
/// </remarks>
internal sealed class FunnelScanner
{
    private readonly EventLog _log;
    private readonly FunnelDefinition _funnel;
    private readonly int _steps;
    private readonly long _window;
    private readonly uint[] _stepMasks;
    private readonly uint[] _exclusionMasks;
    private readonly uint _conditionalSteps;
    private readonly int[] _stepChannel;
    private readonly int[] _stepPropertyValue;
    private readonly EventLogProperty?[] _stepProperty;
    private readonly int[] _classOf;
    private readonly int[] _classSize;
    private readonly EventLogProperty? _breakdownProperty;
    private readonly string?[] _breakdownValues;

    /// <exception cref="ArgumentException">The log does not keep a property the funnel needs.</exception>
    public FunnelScanner(FunnelDefinition funnel, EventLog log, string paramName)
    {
        _log = log;
        _funnel = funnel;
        _steps = funnel.Steps.Count;
        _window = funnel.Window.Ticks;
        var names = log.EventNames.Count;
        _stepMasks = new uint[names];
        _stepChannel = new int[_steps];
        _stepPropertyValue = new int[_steps];
        _stepProperty = new EventLogProperty?[_steps];
        for (var j = 0; j < _steps; j++)
        {
            var step = funnel.Steps[j];
            _stepChannel[j] = -1;
            _stepPropertyValue[j] = -1;
            var matchable = true;
            if (step.PropertyKey is not null)
            {
                // Checked whether or not the log has the step's event: a log without the property is a mistake.
                var property = Property(log, step.PropertyKey, paramName);
                _stepProperty[j] = property;
                matchable = property.TryGetValueId(step.PropertyValue!, out _stepPropertyValue[j]);
            }

            if (step.Channel is not null)
            {
                _stepChannel[j] = FindChannel(log, step.Channel);
                matchable &= _stepChannel[j] >= 0;
            }

            if (matchable && log.TryGetEventNameId(step.EventName, out var nameId))
            {
                _stepMasks[nameId] |= 1u << j;
                _conditionalSteps |= step.IsEventNameOnly ? 0 : 1u << j;
            }
        }

        _exclusionMasks = new uint[funnel.Exclusions.Count == 0 ? 0 : names];
        for (var x = 0; x < funnel.Exclusions.Count; x++)
        {
            if (log.TryGetEventNameId(funnel.Exclusions[x].EventName, out var nameId))
            {
                _exclusionMasks[nameId] |= 1u << x;
            }
        }

        // Any order: equal steps form a class; a window fills min(class size, occurrences) steps of each class.
        _classOf = new int[_steps];
        var classes = new List<FunnelStep>();
        var sizes = new List<int>();
        for (var j = 0; j < _steps; j++)
        {
            var c = classes.IndexOf(funnel.Steps[j]);
            if (c < 0)
            {
                c = classes.Count;
                classes.Add(funnel.Steps[j]);
                sizes.Add(0);
            }

            _classOf[j] = c;
            sizes[c]++;
        }

        _classSize = [.. sizes];
        switch (funnel.Breakdown)
        {
            case FunnelBreakdown.Channel:
                _breakdownValues = [.. log.Channels.Select(channel => channel.Name)];
                break;
            case FunnelBreakdown.Property:
                _breakdownProperty = Property(log, funnel.BreakdownProperty!, paramName);
                _breakdownValues = [.. _breakdownProperty.Values];
                break;
            default:
                _breakdownValues = [];
                break;
        }
    }

    /// <summary>Scans customers [<paramref name="first"/>, <paramref name="end"/>) into new totals.</summary>
    public FunnelTotals Scan(int first, int end)
    {
        var scratch = new Scratch(this);
        for (var customer = first; customer < end; customer++)
        {
            var range = _log.GetCustomerRange(customer);
            var outcome = _funnel.Mode switch
            {
                FunnelMode.Ordered => Ordered(scratch, range.Start, range.End),
                FunnelMode.Strict => Strict(scratch, range.Start, range.End),
                _ => AnyOrder(scratch, range.Start, range.End),
            };
            scratch.Record(customer, outcome);
        }

        scratch.Totals.Seal();
        return scratch.Totals;
    }

    private static int FindChannel(EventLog log, string name)
    {
        for (var id = 0; id < log.Channels.Count; id++)
        {
            if (string.Equals(log.Channels[id].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
        }

        return -1;
    }

    private static EventLogProperty Property(EventLog log, string key, string paramName) =>
        log.TryGetProperty(key, out var property)
            ? property
            : throw new ArgumentException(
                $"The funnel reads the property '{Validation.Echo(key)}', which the log does not keep; name it when building the log.", paramName);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint StepMask(int row, int nameId)
    {
        var mask = _stepMasks[nameId];
        return (mask & _conditionalSteps) == 0 ? mask : ApplyConditions(row, mask);
    }

    private uint ApplyConditions(int row, uint mask)
    {
        var conditional = mask & _conditionalSteps;
        while (conditional != 0)
        {
            var j = BitOperations.TrailingZeroCount(conditional);
            conditional &= conditional - 1;
            var fits = (_stepChannel[j] < 0 || _log.ChannelIds[row] == _stepChannel[j])
                && (_stepProperty[j] is not { } property || property.ValueIds[row] == _stepPropertyValue[j]);
            if (!fits)
            {
                mask &= ~(1u << j);
            }
        }

        return mask;
    }

    // The latest tick within the window of an anchor, saturating instead of overflowing.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Deadline(long anchor) => anchor > long.MaxValue - _window ? long.MaxValue : anchor + _window;

    private Outcome Ordered(Scratch s, int start, int end)
    {
        var ticks = _log.Timestamps;
        var names = _log.EventNameIds;
        var hasExclusions = _exclusionMasks.Length > 0;
        var m = 0;
        uint seen = 0;
        s.Ensure(end - start);
        // Locals, so that the loop reads no field of this object or of the scratch.
        var t = s.Ticks;
        var tieStart = s.TieStart;
        var rows = s.Rows;
        var masks = s.Masks;
        var exclusionMasks = s.ExclusionMasks;
        var stepMasks = _stepMasks;
        var byName = _exclusionMasks;
        var conditional = _conditionalSteps;
        // Slices indexed from 0 to their length, so that the JIT drops the bounds checks of the two column reads.
        var customerNames = names.Slice(start, end - start);
        var customerTicks = ticks.Slice(start, customerNames.Length);
        for (var i = 0; i < customerNames.Length; i++)
        {
            var name = customerNames[i];
            var mask = stepMasks[name];
            if ((mask & conditional) != 0)
            {
                mask = ApplyConditions(start + i, mask);
            }

            var excluded = hasExclusions ? byName[name] : 0;
            if ((mask | excluded) != 0)
            {
                var at = customerTicks[i];
                rows[m] = start + i;
                t[m] = at;
                tieStart[m] = m > 0 && t[m - 1] == at ? tieStart[m - 1] : m;
                masks[m] = mask;
                exclusionMasks[m] = excluded;
                seen |= mask;
                m++;
            }
        }

        if ((seen & 1) == 0)
        {
            return default;
        }

        if (hasExclusions)
        {
            s.BuildTieEnd(m);
        }

        // Most customers have at most 64 matching events: one bit set per step then answers "the next entry at or
        // after p with step j" with a shift and a trailing-zero count. Longer journeys use tables of next entries.
        if (m <= 64)
        {
            return Ordered(s, m, Scratch.BitNext(m, _steps, s.Masks, s.StepBits), hasExclusions ? Scratch.BitNext(m, _funnel.Exclusions.Count, s.ExclusionMasks, s.ExclusionBits) : default);
        }

        return Ordered(s, m, Scratch.TableNext(m, _steps, s.Masks, ref s.StepTable), hasExclusions ? Scratch.TableNext(m, _funnel.Exclusions.Count, s.ExclusionMasks, ref s.ExclusionTable) : default);
    }

    private Outcome Ordered<TNext>(Scratch s, int m, TNext next, TNext exclusions)
        where TNext : struct, INextEntry
    {
        var t = s.Ticks;
        var tieStart = s.TieStart;
        var chain = s.Chain;
        var best = s.Best;
        var hasExclusions = _exclusionMasks.Length > 0;
        int depth = 0, chosenLength = 0, fallbackAnchor = -1;
        long chosenReach = 0, fallbackReach = 0;
        for (var a = next.Next(0, 0); a < m; a = next.Next(0, a + 1))
        {
            var anchorTicks = t[a];
            if (depth == _steps && chosenLength > 0 && anchorTicks > chosenReach)
            {
                break;
            }

            var deadline = Deadline(anchorTicks);
            chain[0] = a;
            var length = 1;
            for (var j = 1; j < _steps; j++)
            {
                var c = next.Next(j, tieStart[chain[j - 1]]);
                while (c < m && IsUsed(s.Masks[c], chain, j, c))
                {
                    c = next.Next(j, c + 1);
                }

                if (c == m || t[c] > deadline)
                {
                    break;
                }

                chain[length++] = c;
            }

            if (length < depth)
            {
                continue;
            }

            if (length > depth)
            {
                depth = length;
                chosenLength = 0;
                fallbackAnchor = -1;
            }

            var reach = t[chain[length - 1]];
            if (hasExclusions && IsTainted(s, m, exclusions, chain, length, anchorTicks))
            {
                if (fallbackAnchor < 0 || reach <= fallbackReach)
                {
                    fallbackAnchor = a;
                    fallbackReach = reach;
                }
            }
            else if (chosenLength == 0 || reach <= chosenReach)
            {
                chain.AsSpan(0, length).CopyTo(best);
                chosenLength = length;
                chosenReach = reach;
            }
        }

        return chosenLength > 0
            ? new Outcome(depth, s.Rows[best[0]], Excluded: false, Timed: true)
            : new Outcome(depth, s.Rows[fallbackAnchor], Excluded: true, Timed: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUsed(uint mask, int[] chain, int steps, int entry)
    {
        if ((mask & (mask - 1)) == 0)
        {
            return false;
        }

        for (var i = 0; i < steps; i++)
        {
            if (chain[i] == entry)
            {
                return true;
            }
        }

        return false;
    }

    // "tainted when the event occurs strictly after the attempt's fromStep event and strictly before its toStep event
    // (or, if the attempt never reaches toStep, before anchor + window)": the first exclusion event after the fromStep
    // event's tie group is the earliest one strictly after it.
    private bool IsTainted<TNext>(Scratch s, int m, TNext exclusions, int[] chain, int length, long anchorTicks)
        where TNext : struct, INextEntry
    {
        var t = s.Ticks;
        for (var x = 0; x < _funnel.Exclusions.Count; x++)
        {
            var exclusion = _funnel.Exclusions[x];
            if (length <= exclusion.FromStep)
            {
                continue;
            }

            var c = exclusions.Next(x, s.TieEnd[chain[exclusion.FromStep]]);
            if (c == m)
            {
                continue;
            }

            var tainted = length > exclusion.ToStep ? t[c] < t[chain[exclusion.ToStep]] : t[c] - anchorTicks < _window;
            if (tainted)
            {
                return true;
            }
        }

        return false;
    }

    private Outcome Strict(Scratch s, int start, int end)
    {
        var ticks = _log.Timestamps;
        var names = _log.EventNameIds;
        var length = end - start;
        s.Ensure(length);
        var masks = s.Masks;
        uint seen = 0;
        for (var i = 0; i < length; i++)
        {
            masks[i] = StepMask(start + i, names[start + i]);
            seen |= masks[i];
        }

        if ((seen & 1) == 0)
        {
            return default;
        }

        int depth = 0, anchor = -1;
        long bestReach = 0;
        for (var a = 0; a < length; a++)
        {
            if ((masks[a] & 1) == 0)
            {
                continue;
            }

            var anchorTicks = ticks[start + a];
            if (depth == _steps && anchorTicks > bestReach)
            {
                break;
            }

            var deadline = Deadline(anchorTicks);
            int reached = 1;
            var reach = anchorTicks;
            for (var i = a + 1; i < length && reached < _steps; i++)
            {
                var mask = masks[i];
                if ((mask & (1u << reached)) != 0 && ticks[start + i] <= deadline)
                {
                    reached++;
                    reach = ticks[start + i];
                }
                else if ((mask & (1u << (reached - 1))) == 0)
                {
                    break;
                }
            }

            if (reached > depth || (reached == depth && reach <= bestReach))
            {
                depth = reached;
                anchor = start + a;
                bestReach = reach;
            }
        }

        return new Outcome(depth, anchor, Excluded: false, Timed: false);
    }

    private Outcome AnyOrder(Scratch s, int start, int end)
    {
        var ticks = _log.Timestamps;
        var names = _log.EventNameIds;
        s.Ensure(end - start);
        var m = 0;
        for (var row = start; row < end; row++)
        {
            var mask = StepMask(row, names[row]);
            if (mask != 0)
            {
                uint classes = 0;
                while (mask != 0)
                {
                    classes |= 1u << _classOf[BitOperations.TrailingZeroCount(mask)];
                    mask &= mask - 1;
                }

                s.Rows[m] = row;
                s.Ticks[m] = ticks[row];
                s.Masks[m] = classes;
                m++;
            }
        }

        if (m == 0)
        {
            return default;
        }

        var counts = s.ClassCounts;
        Array.Clear(counts, 0, _classSize.Length);
        int filled = 0, depth = 0, anchor = -1, e = 0;
        for (var start2 = 0; start2 < m; start2++)
        {
            var deadline = Deadline(s.Ticks[start2]);
            for (; e < m && s.Ticks[e] <= deadline; e++)
            {
                for (var bits = s.Masks[e]; bits != 0; bits &= bits - 1)
                {
                    var c = BitOperations.TrailingZeroCount(bits);
                    if (++counts[c] <= _classSize[c])
                    {
                        filled++;
                    }
                }
            }

            if (filled > depth)
            {
                depth = filled;
                anchor = s.Rows[start2];
            }

            for (var bits = s.Masks[start2]; bits != 0; bits &= bits - 1)
            {
                var c = BitOperations.TrailingZeroCount(bits);
                if (counts[c]-- <= _classSize[c])
                {
                    filled--;
                }
            }
        }

        return new Outcome(depth, anchor, Excluded: false, Timed: false);
    }

    /// <summary>Finds, for a step (or exclusion) bit and a compact entry <c>p</c>, the first entry at or after <c>p</c>
    /// with that bit, or the number of entries when there is none.</summary>
    private interface INextEntry
    {
        int Next(int bit, int p);
    }

    /// <summary>One 64-bit set of entries per bit: for journeys of at most 64 matching events.</summary>
    private readonly struct BitNext(ulong[] bits, int m) : INextEntry
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Next(int bit, int p)
        {
            var following = p < 64 ? bits[bit] >> p : 0;
            return following == 0 ? m : p + BitOperations.TrailingZeroCount(following);
        }
    }

    /// <summary>A table of next entries: for longer journeys.</summary>
    private readonly struct TableNext(int[] table, int width) : INextEntry
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Next(int bit, int p) => table[(bit * width) + p];
    }

    /// <summary>One customer's outcome: its depth (0 = not in the funnel), the row of the anchor that gives its
    /// breakdown value, whether it is excluded, and whether <see cref="Scratch.Best"/> holds its timed attempt.</summary>
    private readonly record struct Outcome(int Depth, int AnchorRow, bool Excluded, bool Timed);

    /// <summary>Buffers reused for every customer of one scan, and the totals it fills.</summary>
    private sealed class Scratch
    {
        private readonly FunnelScanner _scanner;
        private readonly FunnelTally?[] _byValueId;
        private FunnelTally? _none;

        public Scratch(FunnelScanner scanner)
        {
            _scanner = scanner;
            _byValueId = new FunnelTally?[scanner._breakdownValues.Length];
            Totals = new FunnelTotals(scanner._steps);
            Chain = new int[scanner._steps];
            Best = new int[scanner._steps];
            ClassCounts = new int[scanner._steps];
            StepBits = new ulong[FunnelDefinition.MaxSteps];
            ExclusionBits = new ulong[FunnelDefinition.MaxExclusions];
        }

        public FunnelTotals Totals { get; }

        public int[] Rows { get; private set; } = [];

        public long[] Ticks { get; private set; } = [];

        public uint[] Masks { get; private set; } = [];

        public uint[] ExclusionMasks { get; private set; } = [];

        public int[] TieStart { get; private set; } = [];

        public int[] TieEnd { get; private set; } = [];

        public ulong[] StepBits { get; }

        public ulong[] ExclusionBits { get; }

#pragma warning disable SA1401, CA1051 // passed by ref to grow in place
        public int[] StepTable = [];

        public int[] ExclusionTable = [];
#pragma warning restore SA1401, CA1051

        public int[] Chain { get; }

        public int[] Best { get; }

        public int[] ClassCounts { get; }

        public void Ensure(int length)
        {
            if (Rows.Length < length)
            {
                var size = Math.Max(length, Rows.Length * 2);
                Rows = new int[size];
                Ticks = new long[size];
                Masks = new uint[size];
                ExclusionMasks = new uint[size];
                TieStart = new int[size];
                TieEnd = new int[size + 1];
            }
        }

        public static BitNext BitNext(int m, int bits, uint[] masks, ulong[] store)
        {
            Array.Clear(store, 0, bits);
            for (var p = 0; p < m; p++)
            {
                for (var mask = masks[p]; mask != 0; mask &= mask - 1)
                {
                    store[BitOperations.TrailingZeroCount(mask)] |= 1UL << p;
                }
            }

            return new BitNext(store, m);
        }

        /// <summary>Fills a table whose entry <c>b × (m + 1) + p</c> is the first entry at or after <c>p</c> with bit
        /// <c>b</c>, or <paramref name="m"/>.</summary>
        public static TableNext TableNext(int m, int bits, uint[] masks, ref int[] table)
        {
            var width = m + 1;
            if (table.Length < bits * width)
            {
                table = new int[Math.Max(bits * width, table.Length * 2)];
            }

            for (var b = 0; b < bits; b++)
            {
                var row = b * width;
                var bit = 1u << b;
                var following = m;
                table[row + m] = m;
                for (var p = m - 1; p >= 0; p--)
                {
                    if ((masks[p] & bit) != 0)
                    {
                        following = p;
                    }

                    table[row + p] = following;
                }
            }

            return new TableNext(table, width);
        }

        /// <summary>Fills <see cref="TieEnd"/>: the first entry whose time is later than entry <c>p</c>'s.</summary>
        public void BuildTieEnd(int m)
        {
            var t = Ticks;
            TieEnd[m] = m;
            for (var p = m - 1; p >= 0; p--)
            {
                TieEnd[p] = p + 1 < m && t[p + 1] == t[p] ? TieEnd[p + 1] : p + 1;
            }
        }

        public void Record(int customer, Outcome outcome)
        {
            Totals.Customers++;
            if (outcome.Depth == 0)
            {
                return;
            }

            var id = _scanner._log.Customers[customer];
            var tally = TallyOf(outcome.AnchorRow);
            if (outcome.Excluded)
            {
                tally.Excluded.Add(id);
                return;
            }

            tally.ByDepth[outcome.Depth - 1].Add(id);
            if (outcome.Timed)
            {
                for (var k = 1; k < outcome.Depth; k++)
                {
                    tally.AddTime(k - 1, Ticks[Best[k]] - Ticks[Best[k - 1]]);
                }
            }
        }

        private FunnelTally TallyOf(int anchorRow)
        {
            var valueId = _scanner._funnel.Breakdown switch
            {
                FunnelBreakdown.Channel => _scanner._log.ChannelIds[anchorRow],
                FunnelBreakdown.Property => _scanner._breakdownProperty!.ValueIds[anchorRow],
                _ => -1,
            };
            if (valueId < 0)
            {
                return _none ??= Totals.Get(null);
            }

            return _byValueId[valueId] ??= Totals.Get(_scanner._breakdownValues[valueId]);
        }
    }
}
