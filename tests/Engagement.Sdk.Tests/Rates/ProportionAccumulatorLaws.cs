using Engagement.Sdk.Rates;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Rates;

public class ProportionAccumulatorLaws : DefinedAccumulatorLawTests<ProportionAccumulator, Proportion, ProportionState, bool>
{
    protected override Gen<bool> Observation => Gen.Elements(true, false);

    protected override IEnumerable<(string Json, string Field)> ImpossibleStates =>
    [
        (StateWith("successes", -1), "successes"),
        (StateWith("trials", -1), "trials"),
        (StateWith("successes", 6), "successes"),
    ];

    protected override ProportionAccumulator CreateEmpty() => new(MetricDefinition.Rate("conversion"));

    protected override ProportionAccumulator CreateOfAnotherDefinition() => new(MetricDefinition.Rate("churn"));

    protected override void Add(ProportionAccumulator accumulator, bool observation) => accumulator.Add(observation);

    protected override bool HasValue(Proportion result) => result.HasValue;
}
