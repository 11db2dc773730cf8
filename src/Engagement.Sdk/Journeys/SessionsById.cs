namespace Engagement.Sdk.Journeys;

/// <summary>
/// Finds the sessions of one customer when they come from a session-id property: one session per distinct id, and the
/// events without an id cut among themselves by the timeout. The buffers are reused from customer to customer, so an
/// enumeration allocates them once and then nothing per event.
/// </summary>
internal sealed class SessionsById
{
    private readonly SessionRules _rules;
    private readonly Dictionary<int, int> _slotOfId = [];
    private Slot[] _slots = new Slot[8];
    private int _count;
    private int _taken;
    private int _customer;

    public SessionsById(SessionRules rules) => _rules = rules;

    /// <summary>Whether sessions found by <see cref="Fill"/> remain to be taken.</summary>
    public bool HasMore => _taken < _count;

    /// <summary>Finds the sessions of a customer whose rows are [start, end), in order of their first events; a
    /// session with an id comes before a session without one that starts at the same instant.</summary>
    public void Fill(int customer, int start, int end)
    {
        _customer = customer;
        var log = _rules.Log;
        var ticks = log.Timestamps;
        var names = log.EventNameIds;
        var ids = _rules.SessionIds!.ValueIds;
        var kinds = _rules.Kinds;
        var timeout = _rules.TimeoutTicks;
        if (_slotOfId.Count > 0)
        {
            _slotOfId.Clear();
        }

        _count = 0;
        _taken = 0;
        var withoutId = -1; // the slot of the session of id-less events in progress
        for (var row = start; row < end; row++)
        {
            var id = ids[row];
            int slot;
            if (id >= 0)
            {
                if (!_slotOfId.TryGetValue(id, out slot))
                {
                    slot = Open(id, row, ticks[row]);
                    _slotOfId.Add(id, slot);
                }
            }
            else if (withoutId >= 0 && ticks[row] - _slots[withoutId].EndTicks <= timeout)
            {
                slot = withoutId;
            }
            else
            {
                slot = withoutId = Open(SessionRules.WithoutId, row, ticks[row]);
            }

            ref var s = ref _slots[slot];
            var kind = kinds[names[row]];
            s.LastRow = row;
            s.EndTicks = ticks[row];
            s.Events++;
            s.Views += kind & SessionRules.View;
            s.Key |= kind & SessionRules.Key;
        }

        // Slots open in time order of their first events; move a session without an id behind the id sessions that
        // start at the same instant (insertion sort: the slots are sorted but for such ties).
        for (var i = 1; i < _count; i++)
        {
            var moving = _slots[i];
            var j = i - 1;
            while (j >= 0 && _slots[j].StartTicks == moving.StartTicks && _slots[j].Id == SessionRules.WithoutId && moving.Id >= 0)
            {
                _slots[j + 1] = _slots[j];
                j--;
            }

            _slots[j + 1] = moving;
        }
    }

    /// <summary>Takes the next session found.</summary>
    public Session Take()
    {
        ref readonly var s = ref _slots[_taken++];
        var duration = s.EndTicks - s.StartTicks;
        return new Session(_rules, _customer, s.Id, s.FirstRow, s.LastRow, s.Events, s.StartTicks, duration, s.Views, _rules.IsEngaged(duration, s.Key, s.Views));
    }

    private int Open(int id, int row, long ticks)
    {
        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _count * 2);
        }

        _slots[_count] = new Slot { Id = id, FirstRow = row, StartTicks = ticks };
        return _count++;
    }

    private struct Slot
    {
        public int Id;
        public int FirstRow;
        public int LastRow;
        public long StartTicks;
        public long EndTicks;
        public int Events;
        public int Views;
        public int Key;
    }
}
