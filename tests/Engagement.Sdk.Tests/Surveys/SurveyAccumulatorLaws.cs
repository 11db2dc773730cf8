using System.Text.Json.Nodes;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Surveys;

public class NpsAccumulatorLaws : AccumulatorLawTests<NpsAccumulator, NpsResult, NpsState, int>
{
    protected override Gen<int> Observation => Gen.Choose(0, 10);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates =>
    [
        (StateWith("promoters", -1), "promoters"),
        (StateWith("passives", -1), "passives"),
        (StateWith("detractors", long.MinValue), "detractors"),
    ];

    protected override NpsAccumulator CreateEmpty() => new();

    protected override void Add(NpsAccumulator accumulator, int observation) => accumulator.Add(observation);

    protected override bool HasValue(NpsResult result) => result.HasValue;
}

public class CsatAccumulatorLaws : DefinedAccumulatorLawTests<CsatAccumulator, RatingResult, RatingState, int>
{
    protected override Gen<int> Observation => Gen.Choose(1, 5);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates => RatingStates.Impossible(StateWith);

    protected override CsatAccumulator CreateEmpty() => new();

    protected override CsatAccumulator CreateOfAnotherDefinition() => new(MetricDefinition.Csat(satisfiedThreshold: 5));

    protected override void Add(CsatAccumulator accumulator, int observation) => accumulator.Add(observation);

    protected override bool HasValue(RatingResult result) => result.HasValue;
}

public class CesAccumulatorLaws : DefinedAccumulatorLawTests<CesAccumulator, RatingResult, RatingState, int>
{
    protected override Gen<int> Observation => Gen.Choose(1, 7);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates => RatingStates.Impossible(StateWith);

    protected override CesAccumulator CreateEmpty() => new();

    protected override CesAccumulator CreateOfAnotherDefinition() => new(MetricDefinition.Ces(1, 7, 6));

    protected override void Add(CesAccumulator accumulator, int observation) => accumulator.Add(observation);

    protected override bool HasValue(RatingResult result) => result.HasValue;
}

/// <summary>Rating states no answers could produce; each breaks one inequality of <see cref="RatingState"/>, worked by hand.</summary>
internal static class RatingStates
{
    public static IEnumerable<(string Json, string Field)> Impossible(Func<string, JsonNode?, string> stateWith)
    {
        // The base state comes from five answers; each case below changes one member of it. Five answers on any of the
        // scales used (1–5, 1–7) sum to at least 5 and at most 35, so 1 and 1000 are impossible sums.
        yield return (stateWith("count", -1), "count");
        yield return (stateWith("favourable", -1), "favourable");
        yield return (stateWith("favourable", 6), "favourable");
        yield return (stateWith("sum", 1), "sum");
        yield return (stateWith("sum", 1000), "sum");
        yield return (stateWith("sumOfSquares", -1), "sumOfSquares");
        yield return (stateWith("sumOfSquares", long.MaxValue), "sumOfSquares");
    }
}
