namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>Naive path transitions, written plainly from the definitions of issue 6.</summary>
internal static class NaivePaths
{
    /// <summary>
    /// How often each event follows another: consecutive events of one customer in time order (ties in input order),
    /// every pair counted; a customer's last event starts no pair, and no pair spans two customers.
    /// </summary>
    public static Dictionary<(string From, string To), long> Transitions(IReadOnlyList<RefEvent> events)
    {
        var transitions = new Dictionary<(string From, string To), long>();
        foreach (var journey in RefJourneys.ByCustomer(events).Values)
        {
            for (var i = 1; i < journey.Count; i++)
            {
                var pair = (journey[i - 1].Name, journey[i].Name);
                transitions[pair] = transitions.GetValueOrDefault(pair) + 1;
            }
        }

        return transitions;
    }
}
