namespace Engagement.Sdk.Journeys;

/// <summary>The rows of one <see cref="Session"/>'s events, in time order, for <c>foreach</c>; a struct that allocates
/// nothing.</summary>
/// <remarks>Immutable; each <see cref="GetEnumerator"/> starts afresh.</remarks>
public readonly struct SessionRows
{
    private readonly EventLogProperty? _sessionIds;
    private readonly int _memberId;
    private readonly int _start;
    private readonly int _end;

    internal SessionRows(EventLogProperty? sessionIds, int memberId, int start, int end)
    {
        _sessionIds = sessionIds;
        _memberId = memberId;
        _start = start;
        _end = end;
    }

    /// <summary>Returns an enumerator over the rows.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_sessionIds, _memberId, _start, _end);

    /// <summary>Walks the rows one by one.</summary>
    public struct Enumerator
    {
        private readonly EventLogProperty? _sessionIds;
        private readonly int _memberId;
        private readonly int _end;

        internal Enumerator(EventLogProperty? sessionIds, int memberId, int start, int end)
        {
            _sessionIds = sessionIds;
            _memberId = memberId;
            _end = end;
            Current = start - 1;
        }

        /// <summary>Gets the row at the enumerator's position.</summary>
        public int Current { readonly get; private set; }

        /// <summary>Moves to the next row of the session.</summary>
        /// <returns><see langword="true"/> when there is one; <see langword="false"/> after the last.</returns>
        public bool MoveNext()
        {
            var row = Current + 1;
            if (_memberId != SessionRules.AllRows && _sessionIds is { } ids)
            {
                var values = ids.ValueIds;
                while (row < _end && values[row] != _memberId)
                {
                    row++;
                }
            }

            Current = row;
            return row < _end;
        }
    }
}
