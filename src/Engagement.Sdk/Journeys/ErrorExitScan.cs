namespace Engagement.Sdk.Journeys;

/// <summary>An <see cref="ErrorExitDefinition"/> bound to one log: walks each customer's sessions and counts the error
/// events, and those at the last instant of their session.</summary>
internal sealed class ErrorExitScan
{
    private readonly SessionRules _sessions;
    private readonly byte[] _errors;

    private ErrorExitScan(SessionRules sessions, byte[] errors)
    {
        _sessions = sessions;
        _errors = errors;
    }

    /// <exception cref="ArgumentException">The sessions come from a property the log does not keep (names <c>log</c>).</exception>
    public static ErrorExitScan For(ErrorExitDefinition definition, EventLog log)
    {
        var errors = new byte[log.EventNames.Count];
        EventNameSet.Mark(errors, log, definition.ErrorEvents, 1);
        return new ErrorExitScan(SessionRules.For(definition.Sessions, log), errors);
    }

    /// <summary>Scans customers [first, end).</summary>
    public PainPointTally Scan(int first, int end)
    {
        var tally = new PainPointTally();
        var log = _sessions.Log;
        var ticks = log.Timestamps;
        var names = log.EventNameIds;
        int customer = -1, errors = 0, exits = 0;
        foreach (var session in new SessionEnumerable(_sessions, first, end))
        {
            if (session.Customer != customer)
            {
                Flush(tally, log, customer, errors, exits);
                (customer, errors, exits) = (session.Customer, 0, 0);
            }

            var exit = session.End.UtcTicks;
            foreach (var row in session.Rows)
            {
                if (_errors[names[row]] != 0)
                {
                    errors++;
                    exits += ticks[row] == exit ? 1 : 0;
                }
            }
        }

        Flush(tally, log, customer, errors, exits);
        return tally;
    }

    private static void Flush(PainPointTally tally, EventLog log, int customer, int errors, int exits)
    {
        if (customer >= 0)
        {
            tally.AddCustomer(log.Customers[customer], errors, exits);
        }
    }
}
