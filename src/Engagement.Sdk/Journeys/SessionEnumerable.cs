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
    private readonly int _firstCustomer;
    private readonly int _endCustomer;

    /// <summary>The sessions of customers [<paramref name="firstCustomer"/>, <paramref name="endCustomer"/>).</summary>
    internal SessionEnumerable(SessionRules rules, int firstCustomer, int endCustomer)
    {
        _rules = rules;
        _firstCustomer = firstCustomer;
        _endCustomer = endCustomer;
    }

    /// <summary>Returns an enumerator over the sessions.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_rules, _firstCustomer, _endCustomer);

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
        private readonly int _endCustomer;
        private int _customer;
        private int _next;
        private int _customerEnd;

        internal Enumerator(SessionRules? rules, int firstCustomer, int endCustomer)
        {
            _rules = rules;
            _byId = rules?.SessionIds is null ? null : new SessionsById(rules);
            _endCustomer = endCustomer;

            // Before the first customer: its rows are found on the first move.
            _customer = firstCustomer - 1;
            _next = _customerEnd = rules is null || firstCustomer >= endCustomer ? 0 : rules.Log.CustomerOffsets[firstCustomer];
            Current = default;
        }

        /// <summary>Gets the session at the enumerator's position.</summary>
        public Session Current { readonly get; private set; }

        /// <summary>Moves to the next session.</summary>
        /// <returns><see langword="true"/> when there is one; <see langword="false"/> after the last.</returns>
        public bool MoveNext()
        {
            if (_rules is null)
            {
                return false;
            }

            if (_byId is { } byId)
            {
                if (!byId.HasMore)
                {
                    if (!NextCustomer())
                    {
                        return false;
                    }

                    byId.Fill(_customer, _next, _customerEnd);
                    _next = _customerEnd;
                }

                Current = byId.Take();
                return true;
            }

            if (_next >= _customerEnd && !NextCustomer())
            {
                return false;
            }

            Current = _rules.NextByTimeout(_customer, _next, _customerEnd);
            _next = Current.LastRow + 1;
            return true;
        }

        // Moves to the next customer's rows; every customer of a log has at least one.
        private bool NextCustomer()
        {
            if (_customer + 1 >= _endCustomer)
            {
                return false;
            }

            _customer++;
            _next = _customerEnd;
            _customerEnd = _rules!.Log.CustomerOffsets[_customer + 1];
            return true;
        }
    }
}
