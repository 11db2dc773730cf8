using BenchmarkDotNet.Attributes;
using Engagement.Sdk.Benchmarks.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Benchmarks.Responses;

/// <summary>
/// The synthetic 10M-event log (<see cref="JourneyData"/>, 500k customers, six months) streamed through six presets in
/// one <see cref="ResponsePlanner"/>, one thread: welcome email (on <c>account_page</c>, the data's stand-in for a
/// sign-up), cart reminder (<c>add_to_cart</c> without <c>payment_done</c> within 1 h), thank-you and order-confirmation
/// SMS (on <c>payment_done</c>), win-back (60 days quiet after a <c>payment_done</c>) and the detractor follow-up, fed
/// with one generated NPS answer per fourth purchase, at the purchase's time.
/// </summary>
/// <remarks>
/// <see cref="Events"/> feeds the events by their parts (<see cref="ResponsePlanner.Observe(string, string, Channel, DateTimeOffset)"/>),
/// the allocation-free path; <see cref="EngagementEvents"/> builds an <see cref="Engagement.Sdk.Journeys.EngagementEvent"/>
/// per row first, as a host reading records would, on the first million rows. Allocations include the planned
/// responses (each a <see cref="PlannedResponse"/> and its rendered text) and the per-customer state.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)] // a run takes seconds: a bounded job.
public class PlannerBenchmarks
{
    private const int EngagementEventRows = 1_000_000;

    private JourneyData _data = null!;
    private ResponsePolicy _policy = null!;
    private SurveyResponse?[] _surveys = null!;
    private Channel[] _channels = null!;

    /// <summary>Builds the data, the policy and the survey answers, and prints the plan's statistics.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = JourneyData.Default;
        _channels = [.. JourneyData.ChannelTable];
        _policy = new ResponsePolicy(
        [
            ResponsePresets.WelcomeEmail("account_page"),
            ResponsePresets.CartAbandonmentReminder("add_to_cart", "payment_done"),
            ResponsePresets.ThankYou("payment_done"),
            ResponsePresets.OrderConfirmationSms("payment_done"),
            ResponsePresets.WinBack(afterEvent: "payment_done"),
            ResponsePresets.DetractorFollowUp(),
        ]);

        // An NPS answer at every fourth purchase: the score cycles over 0-10, so 7 in 11 answers are detractors.
        _surveys = new SurveyResponse?[_data.Count];
        var purchases = 0;
        for (var i = 0; i < _data.Count; i++)
        {
            if (_data.EventNames[i] == "payment_done" && purchases++ % 4 == 0)
            {
                _surveys[i] = new SurveyResponse(_data.CustomerIds[i], _data.GetTimestamp(i), SurveyKind.Nps, (purchases / 4) % 11);
            }
        }

        var planner = NewPlanner();
        var planned = Run(planner, _data.Count);
        Console.WriteLine($"// {_data.Count} events, {planned} planned: {string.Join("; ", planner.GetStatistics())}");
    }

    /// <summary>10M events by their parts, then the clock to the end of the data.</summary>
    /// <returns>The number of planned responses.</returns>
    [Benchmark(Baseline = true)]
    public long Events() => Run(NewPlanner(), _data.Count);

    /// <summary>The first 1M rows as <see cref="Engagement.Sdk.Journeys.EngagementEvent"/>s built per row.</summary>
    /// <returns>The number of planned responses.</returns>
    [Benchmark]
    public long EngagementEvents()
    {
        var planner = NewPlanner();
        long planned = 0;
        for (var i = 0; i < EngagementEventRows; i++)
        {
            if (_surveys[i] is { } survey)
            {
                planned += planner.Observe(survey).Count;
            }

            planned += planner.Observe(new Engagement.Sdk.Journeys.EngagementEvent("e", _data.CustomerIds[i], _data.GetTimestamp(i), _data.EventNames[i], _channels[_data.ChannelIndexes[i]])).Count;
        }

        return planned;
    }

    private ResponsePlanner NewPlanner() => new(_policy, ResponsePresets.Templates);

    private long Run(ResponsePlanner planner, int rows)
    {
        var customers = _data.CustomerIds;
        var names = _data.EventNames;
        var ticks = _data.UtcTicks;
        var channels = _data.ChannelIndexes;
        long planned = 0;
        for (var i = 0; i < rows; i++)
        {
            if (_surveys[i] is { } survey)
            {
                planned += planner.Observe(survey).Count;
            }

            planned += planner.Observe(customers[i], names[i], _channels[channels[i]], new DateTimeOffset(ticks[i], TimeSpan.Zero)).Count;
        }

        return planned + planner.AdvanceTo(JourneyData.End).Count;
    }
}
