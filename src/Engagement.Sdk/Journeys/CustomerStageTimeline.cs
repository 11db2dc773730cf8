using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// One customer's way through the journey stages: its visits in time order, current and furthest stage, and time in
/// each stage. <see cref="Enumerate"/> streams them for a whole log, one customer at a time.
/// </summary>
/// <remarks>The rules are those of <see cref="StageAccumulator"/>. Immutable and thread-safe.</remarks>
public sealed class CustomerStageTimeline
{
    private readonly StageModel _model;

    private CustomerStageTimeline(string customerId, StageModel model, StageVisit[] visits, JourneyStage furthest)
    {
        CustomerId = customerId;
        _model = model;
        Visits = Array.AsReadOnly(visits);
        FurthestStage = furthest;
    }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets the visits, in time order; empty when no event of the customer had a stage.</summary>
    public IReadOnlyList<StageVisit> Visits { get; }

    /// <summary>Gets the stage of the customer's last event with a stage, or <see cref="JourneyStage.Unspecified"/>.</summary>
    public JourneyStage CurrentStage => Visits.Count == 0 ? JourneyStage.Unspecified : Visits[^1].Stage;

    /// <summary>Gets the latest stage, in model order, of any of the customer's events, or
    /// <see cref="JourneyStage.Unspecified"/>.</summary>
    public JourneyStage FurthestStage { get; }

    /// <summary>Streams the timeline of every customer of a log with an event before the definition's end, in customer
    /// order. Lazy: each customer is read when it is reached.</summary>
    /// <param name="log">The log.</param>
    /// <param name="definition">The rules and range (only its end is used: later events are ignored).</param>
    /// <param name="cancellationToken">Checked before each customer.</param>
    /// <returns>The timelines.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IEnumerable<CustomerStageTimeline> Enumerate(EventLog log, StageDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(definition);
        return Iterate(log, definition, cancellationToken);
    }

    /// <summary>Returns the total time of the customer's completed visits to a stage.</summary>
    /// <param name="stage">A stage of the model.</param>
    /// <returns>The sum of the durations of completed visits; <see cref="TimeSpan.Zero"/> without any.</returns>
    /// <exception cref="ArgumentException">The model does not hold <paramref name="stage"/>.</exception>
    public TimeSpan TimeIn(JourneyStage stage)
    {
        if (!_model.Contains(stage))
        {
            throw new ArgumentException($"The stage model ({Validation.Echo(_model.ToString())}) has no stage '{Validation.Echo(stage.Name)}'.", nameof(stage));
        }

        var total = TimeSpan.Zero;
        foreach (var visit in Visits)
        {
            if (visit.Stage == stage && visit.Duration is { } duration)
            {
                total += duration;
            }
        }

        return total;
    }

    /// <summary>Returns the timeline as <c>c42: Awareness → Decision (now Decision, furthest Decision)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CustomerId}: {string.Join(" → ", Visits.Select(v => v.Stage))} (now {CurrentStage}, furthest {FurthestStage})");

    private static IEnumerable<CustomerStageTimeline> Iterate(EventLog log, StageDefinition definition, CancellationToken cancellationToken)
    {
        var classifier = new StageClassifier(log, definition.Rules);
        var model = definition.Rules.Model;
        var endTicks = definition.EndTicks;
        var visits = new List<StageClassifier.Visit>();
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var range = log.GetCustomerRange(customer);
            if (log.Timestamps[range.Start] >= endTicks)
            {
                continue;
            }

            var furthest = classifier.Walk(log, range, endTicks, visits);
            var result = new StageVisit[visits.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var visit = visits[i];
                result[i] = new StageVisit(
                    model.Stages[visit.Stage],
                    new DateTimeOffset(visit.Entered, TimeSpan.Zero),
                    visit.Exited == long.MaxValue ? null : new DateTimeOffset(visit.Exited, TimeSpan.Zero));
            }

            yield return new CustomerStageTimeline(log.Customers[customer], model, result, furthest < 0 ? JourneyStage.Unspecified : model.Stages[furthest]);
        }
    }
}
