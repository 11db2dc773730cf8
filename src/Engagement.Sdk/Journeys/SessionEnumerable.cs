namespace Engagement.Sdk.Journeys;

/// <summary>
/// The sessions of an <see cref="EventLog"/> under a <see cref="SessionDefinition"/>, customer by customer (in the
/// log's customer order) and by start time within a customer, for <c>foreach</c>; obtained from
/// <see cref="SessionDefinition.EnumerateSessions"/>.
/// </summary>
/// <remarks>
/// Enumerating allocates nothing per event or per session: the enumerator is a struct that reads the log's columns. The
/// lookup of view and key events is made once, when the enumerable is obtained; with sessions by id, each enumeration
/// also makes one small buffer for a customer's sessions, reused from customer to customer. Every event of the log lies
/// in exactly one session. Immutable; each <see cref="GetEnumerator"/> starts afresh, so it may be enumerated many times
/// and from several threads.
/// </remarks>
public readonly struct SessionEnumerable
{
    private readonly SessionRules? _rules;
    private readonly int _start;
    private readonly int _end;

    internal SessionEnumerable(SessionRules rules, int start, int end)
    {
        _rules = rules;
        _start = start;
        _end = end;
    }

    /// <summary>Returns an enumerator over the sessions.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_rules, _start, _end);

    /// <summary>Counts the sessions by enumerating them.</summary>
    /// <returns>The number of sessions; 0 for an empty log.</returns>
    public int Count()
    {
        var count = 0;
        foreach (var _ in this)
        {
            count++;
        }

        return count;
    }

    /// <summary>Walks the sessions one by one; a struct, so that <c>foreach</c> allocates nothing.</summary>
    public struct Enumerator
    {
        private readonly SessionRules? _rules;
        private readonly SessionsById? _byId;
        private readonly int _end;
        private int _next;

        internal Enumerator(SessionRules? rules, int start, int end)
        {
            _rules = rules;
            _byId = rules?.SessionIds is null ? null : new SessionsById(rules);
            _next = start;
            _end = end;
            Current = default;
        }

        /// <summary>Gets the session at the enumerator's position.</summary>
        public Session Current { readonly get; private set; }

        /// <summary>Moves to the next session.</summary>
        /// <returns><see langword="true"/> when there is one; <see langword="false"/> after the last.</returns>
        public bool MoveNext()
        {
            if (_byId is { } byId)
            {
                if (!byId.HasMore)
                {
                    if (_next >= _end)
                    {
                        return false;
                    }

                    var customerEnd = Math.Min(_rules!.CustomerEnd(_next), _end);
                    byId.Fill(_next, customerEnd);
                    _next = customerEnd;
                }

                Current = byId.Take();
                return true;
            }

            if (_rules is null || _next >= _end)
            {
                return false;
            }

            Current = _rules.NextByTimeout(_next, _end);
            _next = Current.LastRow + 1;
            return true;
        }
    }
}
