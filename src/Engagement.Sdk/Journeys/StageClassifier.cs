using System.Numerics;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The stage of every row of one <see cref="EventLog"/> under a <see cref="StageRules"/>, in O(1) per row: one bit per
/// rule for each event name and each channel of the log, so a row's stage is that of the lowest rule whose name bit
/// and channel bit are both set. Built once per log and analysis; immutable, thread-safe.
/// </summary>
internal sealed class StageClassifier
{
    private readonly ulong[] _nameMasks;
    private readonly ulong[] _channelMasks;
    private readonly int[] _ruleStages;

    public StageClassifier(EventLog log, StageRules rules)
    {
        var count = rules.Rules.Count;
        _ruleStages = new int[count];
        for (var r = 0; r < count; r++)
        {
            _ruleStages[r] = rules.Model.IndexOf(rules.Rules[r].Stage);
        }

        _nameMasks = new ulong[log.EventNames.Count];
        for (var n = 0; n < _nameMasks.Length; n++)
        {
            for (var r = 0; r < count; r++)
            {
                if (rules.Rules[r].MatchesName(log.EventNames[n]))
                {
                    _nameMasks[n] |= 1UL << r;
                }
            }
        }

        _channelMasks = new ulong[log.Channels.Count];
        for (var c = 0; c < _channelMasks.Length; c++)
        {
            for (var r = 0; r < count; r++)
            {
                if (rules.Rules[r].MatchesChannel(log.Channels[c]))
                {
                    _channelMasks[c] |= 1UL << r;
                }
            }
        }
    }

    /// <summary>Gets the stage index (in the model) of an event, or −1 when no rule matches it.</summary>
    public int StageOf(int eventNameId, int channelId)
    {
        var matches = _nameMasks[eventNameId] & _channelMasks[channelId];
        return matches == 0 ? -1 : _ruleStages[BitOperations.TrailingZeroCount(matches)];
    }

    /// <summary>
    /// Walks one customer's rows before <paramref name="endTicks"/> and writes the visits (stage index, entered, exited
    /// or <see cref="long.MaxValue"/> while current) into <paramref name="visits"/>, which is cleared first. A visit starts
    /// at the first event of a stage other than the current one; events of no stage change nothing.
    /// </summary>
    /// <returns>The furthest stage index reached, or −1 when no event had a stage.</returns>
    public int Walk(EventLog log, EventLogCustomerRange range, long endTicks, List<Visit> visits)
    {
        visits.Clear();
        var ticks = log.Timestamps;
        var names = log.EventNameIds;
        var channels = log.ChannelIds;
        var current = -1;
        var furthest = -1;
        for (var row = range.Start; row < range.End && ticks[row] < endTicks; row++)
        {
            var stage = StageOf(names[row], channels[row]);
            if (stage < 0 || stage == current)
            {
                continue;
            }

            if (current >= 0)
            {
                visits[^1] = visits[^1] with { Exited = ticks[row] };
            }

            visits.Add(new Visit(stage, ticks[row], long.MaxValue));
            current = stage;
            furthest = Math.Max(furthest, stage);
        }

        return furthest;
    }

    /// <summary>One stay in a stage: from <see cref="Entered"/> up to <see cref="Exited"/> (<see cref="long.MaxValue"/>
    /// while the customer is still there), UTC ticks.</summary>
    internal readonly record struct Visit(int Stage, long Entered, long Exited);
}
