namespace Engagement.Sdk.Tests.Journeys.Reference;

/// <summary>
/// A naive funnel, written plainly from the definitions of issue 6 (the quoted rules below), for optimised funnels to
/// be compared with. Brute force on purpose: every anchor is tried, every candidate is scanned.
/// </summary>
/// <remarks>
/// Decisions the issue leaves open, taken here:
/// <list type="bullet">
/// <item>A customer with no step-1 event has no attempt, so it is never excluded (its depth is 0).</item>
/// <item>Time to convert with exclusions: the attempt is chosen among the <em>untainted</em> attempts that reach the
/// customer's depth (a kept customer has at least one).</item>
/// <item>Strict mode: an event of the next step outside the window ends the attempt (nothing could advance it after
/// the window anyway, so this cannot change a depth).</item>
/// <item>Any order with a step name repeated (view → view → buy): one occurrence fills at most one step, as in the
/// ordered mode, so a window holding one view and one buy has 2 steps, not 3.</item>
/// <item>Exclusions apply to the ordered mode only; other modes refuse them.</item>
/// </list>
/// </remarks>
internal static class NaiveFunnel
{
    /// <summary>
    /// Each customer that has at least one event → its depth (0 = never did step 1; n = completed all n steps).
    /// Customers excluded by <paramref name="exclusions"/> are not in the dictionary.
    /// </summary>
    public static Dictionary<string, int> Depths(
        IReadOnlyList<RefEvent> events,
        IReadOnlyList<string> steps,
        TimeSpan window,
        RefFunnelMode mode,
        IReadOnlyList<(string Event, int FromStep, int ToStep)> exclusions)
    {
        Validate(steps, window, mode, exclusions);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (customer, journey) in RefJourneys.ByCustomer(events))
        {
            switch (mode)
            {
                case RefFunnelMode.Ordered:
                    var outcome = Ordered(journey, steps, window, exclusions);
                    if (!outcome.Excluded)
                    {
                        depths.Add(customer, outcome.Depth);
                    }

                    break;
                case RefFunnelMode.Strict:
                    depths.Add(customer, StrictDepth(journey, steps, window));
                    break;
                default:
                    depths.Add(customer, AnyOrderDepth(journey, steps, window));
                    break;
            }
        }

        return depths;
    }

    /// <summary>The customers the exclusion rule removes from the funnel (always none outside the ordered mode).</summary>
    public static HashSet<string> Excluded(
        IReadOnlyList<RefEvent> events,
        IReadOnlyList<string> steps,
        TimeSpan window,
        RefFunnelMode mode,
        IReadOnlyList<(string Event, int FromStep, int ToStep)> exclusions)
    {
        Validate(steps, window, mode, exclusions);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        if (mode != RefFunnelMode.Ordered)
        {
            return excluded;
        }

        foreach (var (customer, journey) in RefJourneys.ByCustomer(events))
        {
            if (Ordered(journey, steps, window, exclusions).Excluded)
            {
                excluded.Add(customer);
            }
        }

        return excluded;
    }

    /// <summary>
    /// Ordered mode: for each kept customer of depth ≥ 2, the ticks between consecutive steps (depth − 1 of them) of
    /// the attempt chosen for time to convert: the one that reaches the customer's depth earliest (tie: the latest
    /// anchor).
    /// </summary>
    public static Dictionary<string, long[]> Gaps(
        IReadOnlyList<RefEvent> events,
        IReadOnlyList<string> steps,
        TimeSpan window,
        IReadOnlyList<(string Event, int FromStep, int ToStep)> exclusions)
    {
        Validate(steps, window, RefFunnelMode.Ordered, exclusions);
        var gaps = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (customer, journey) in RefJourneys.ByCustomer(events))
        {
            var outcome = Ordered(journey, steps, window, exclusions);
            if (outcome.Excluded || outcome.Depth < 2)
            {
                continue;
            }

            var chosen = outcome.Chosen!;
            var customerGaps = new long[chosen.Count - 1];
            for (var i = 1; i < chosen.Count; i++)
            {
                customerGaps[i - 1] = journey[chosen[i]].Time.UtcTicks - journey[chosen[i - 1]].Time.UtcTicks;
            }

            gaps.Add(customer, customerGaps);
        }

        return gaps;
    }

    /// <summary>
    /// Ordered mode, per step index i ≥ 1 (entry 0 is (null, null)): the mean and the exact median (midpoint of the two
    /// middle values for an even count), in ticks, of gap i − 1 over the kept customers that reached step i; (null,
    /// null) when none did.
    /// </summary>
    public static (double? Mean, double? Median)[] TimeToConvert(
        IReadOnlyList<RefEvent> events,
        IReadOnlyList<string> steps,
        TimeSpan window,
        IReadOnlyList<(string Event, int FromStep, int ToStep)> exclusions)
    {
        var gaps = Gaps(events, steps, window, exclusions);
        var result = new (double? Mean, double? Median)[steps.Count];
        for (var step = 1; step < steps.Count; step++)
        {
            // "over customers that reached the later step": a customer reached step i iff it has a gap i − 1.
            var values = new List<long>();
            foreach (var customerGaps in gaps.Values)
            {
                if (customerGaps.Length >= step)
                {
                    values.Add(customerGaps[step - 1]);
                }
            }

            if (values.Count == 0)
            {
                result[step] = (null, null);
                continue;
            }

            values.Sort();
            decimal sum = 0; // decimal: a sum of many gaps of years in ticks overflows a long
            foreach (var value in values)
            {
                sum += value;
            }

            var middle = values.Count / 2;
            decimal median = values.Count % 2 == 1 ? values[middle] : ((decimal)values[middle - 1] + values[middle]) / 2;
            result[step] = ((double)(sum / values.Count), (double)median);
        }

        return result;
    }

    /// <summary>
    /// The ordered-mode outcome of one customer: its depth, whether it is excluded, and the positions (in the journey)
    /// of the events filling the steps of the attempt chosen for time to convert.
    /// </summary>
    private static (int Depth, bool Excluded, List<int>? Chosen) Ordered(
        List<RefEvent> journey,
        IReadOnlyList<string> steps,
        TimeSpan window,
        IReadOnlyList<(string Event, int FromStep, int ToStep)> exclusions)
    {
        // "every occurrence of step 1 anchors an attempt"
        var attempts = new List<List<int>>();
        for (var anchor = 0; anchor < journey.Count; anchor++)
        {
            if (journey[anchor].Name == steps[0])
            {
                attempts.Add(OrderedAttempt(journey, steps, window, anchor));
            }
        }

        // "The customer's depth is the deepest step any attempt reaches."
        var depth = 0;
        foreach (var attempt in attempts)
        {
            depth = Math.Max(depth, attempt.Count);
        }

        // "If every attempt that reaches the customer's deepest depth is tainted, the customer is excluded."
        // A customer with no attempt at all (depth 0) has nothing to taint, so it is kept.
        var untaintedDeepest = new List<List<int>>();
        foreach (var attempt in attempts)
        {
            if (attempt.Count == depth && !IsTainted(journey, window, attempt, exclusions))
            {
                untaintedDeepest.Add(attempt);
            }
        }

        var excluded = depth > 0 && untaintedDeepest.Count == 0;

        // Time to convert: "the attempt that reaches the customer's depth earliest (tie: the latest anchor)".
        // Attempts are in anchor order, so on a tie the later one (>=) wins.
        List<int>? chosen = null;
        foreach (var attempt in untaintedDeepest)
        {
            if (chosen is null || journey[attempt[^1]].Time.UtcTicks <= journey[chosen[^1]].Time.UtcTicks)
            {
                chosen = attempt;
            }
        }

        return (depth, excluded, chosen);
    }

    /// <summary>
    /// One ordered attempt from the step-1 event at <paramref name="anchor"/>: the journey positions of the events that
    /// fill steps 1, 2, … (as many as the attempt reaches).
    /// </summary>
    private static List<int> OrderedAttempt(List<RefEvent> journey, IReadOnlyList<string> steps, TimeSpan window, int anchor)
    {
        var filled = new List<int> { anchor };
        for (var step = 1; step < steps.Count; step++)
        {
            var previous = journey[filled[^1]].Time;

            // "each next step is the earliest not-yet-used occurrence of that step's event whose timestamp is ≥ the
            // previous step's timestamp and ≤ anchor + window". Every event is a candidate, even one given earlier in
            // the input with an equal timestamp: "Equal timestamps may be taken in funnel order whatever their input
            // order".
            var chosen = -1;
            for (var candidate = 0; candidate < journey.Count; candidate++)
            {
                var e = journey[candidate];
                if (e.Name != steps[step])
                {
                    continue; // not this step's event
                }

                if (filled.Contains(candidate))
                {
                    continue; // "One occurrence fills at most one step"
                }

                if (e.Time.UtcTicks < previous.UtcTicks)
                {
                    continue; // before the previous step
                }

                if (!RefJourneys.WithinClosedWindow(journey[anchor].Time, e.Time, window))
                {
                    continue; // after anchor + window ("the window is closed at its end")
                }

                if (chosen == -1 || e.Time.UtcTicks < journey[chosen].Time.UtcTicks)
                {
                    chosen = candidate; // the earliest; among equal times the first in the journey
                }
            }

            if (chosen == -1)
            {
                break; // the attempt stops at the previous step
            }

            filled.Add(chosen);
        }

        return filled;
    }

    /// <summary>
    /// "An attempt is tainted when the event occurs strictly after the attempt's fromStep event and strictly before its
    /// toStep event (or, if the attempt never reaches toStep, before anchor + window)."
    /// </summary>
    private static bool IsTainted(
        List<RefEvent> journey,
        TimeSpan window,
        List<int> attempt,
        IReadOnlyList<(string Event, int FromStep, int ToStep)> exclusions)
    {
        var anchor = journey[attempt[0]].Time;
        foreach (var (excludedEvent, fromStep, toStep) in exclusions)
        {
            if (attempt.Count <= fromStep)
            {
                continue; // an attempt that never reaches fromStep cannot be tainted
            }

            var fromTime = journey[attempt[fromStep]].Time;
            var reachesTo = attempt.Count > toStep;
            foreach (var e in journey)
            {
                if (e.Name != excludedEvent || e.Time.UtcTicks <= fromTime.UtcTicks)
                {
                    continue; // not the excluded event, or not strictly after the fromStep event
                }

                var beforeEnd = reachesTo
                    ? e.Time.UtcTicks < journey[attempt[toStep]].Time.UtcTicks // strictly before the toStep event
                    : e.Time.UtcTicks - anchor.UtcTicks < window.Ticks; // strictly before anchor + window
                if (beforeEnd)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Strict mode: "after an attempt's step-1 event, each later event of the customer must be the next step (advance,
    /// within the window) or a repeat of the current step (stay); any other event ends that attempt. Every step-1
    /// occurrence starts a new attempt; depth is the best attempt's."
    /// </summary>
    private static int StrictDepth(List<RefEvent> journey, IReadOnlyList<string> steps, TimeSpan window)
    {
        var best = 0;
        for (var anchor = 0; anchor < journey.Count; anchor++)
        {
            if (journey[anchor].Name != steps[0])
            {
                continue;
            }

            var reached = 1; // steps completed by this attempt; the current step is steps[reached - 1]
            // "each later event": later in the journey's order (time, then input order for ties).
            for (var later = anchor + 1; later < journey.Count && reached < steps.Count; later++)
            {
                var e = journey[later];
                if (e.Name == steps[reached] && RefJourneys.WithinClosedWindow(journey[anchor].Time, e.Time, window))
                {
                    reached++; // the next step, within the window: advance
                }
                else if (e.Name == steps[reached - 1])
                {
                    // A repeat of the current step: stay. (When the next step has the current step's name and lies
                    // outside the window, this keeps the attempt alive, but nothing can advance it any more.)
                }
                else
                {
                    // Any other event ends the attempt; so does an event of the next step outside the window.
                    break;
                }
            }

            best = Math.Max(best, reached);
        }

        return best;
    }

    /// <summary>
    /// Any order: "depth = the largest number of distinct steps seen inside any closed window of the given length",
    /// trying every event time t as the window [t, t + window]. A step counts when an occurrence of its event inside
    /// the window is left for it: one occurrence fills at most one step, so for each event name the steps filled are
    /// min(steps with that name, occurrences of it in the window).
    /// </summary>
    private static int AnyOrderDepth(List<RefEvent> journey, IReadOnlyList<string> steps, TimeSpan window)
    {
        var best = 0;
        foreach (var start in journey)
        {
            var filled = 0;
            foreach (var name in steps.Distinct(StringComparer.Ordinal))
            {
                var stepsWithName = steps.Count(s => s == name);
                var occurrences = journey.Count(e => e.Name == name && RefJourneys.WithinClosedWindow(start.Time, e.Time, window));
                filled += Math.Min(stepsWithName, occurrences);
            }

            best = Math.Max(best, filled);
        }

        return best;
    }

    private static void Validate(
        IReadOnlyList<string> steps,
        TimeSpan window,
        RefFunnelMode mode,
        IReadOnlyList<(string Event, int FromStep, int ToStep)> exclusions)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(exclusions);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A funnel needs at least one step.", nameof(steps));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (mode != RefFunnelMode.Ordered && exclusions.Count > 0)
        {
            throw new ArgumentException($"Exclusions apply to the ordered mode only, not to {mode}.", nameof(exclusions));
        }

        foreach (var (_, fromStep, toStep) in exclusions)
        {
            if (fromStep < 0 || fromStep >= toStep || toStep >= steps.Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(exclusions), (fromStep, toStep), $"An exclusion needs 0 ≤ fromStep < toStep < {steps.Count}.");
            }
        }
    }
}
