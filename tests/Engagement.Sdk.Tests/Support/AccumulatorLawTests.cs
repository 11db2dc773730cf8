using System.Text.Json;
using System.Text.Json.Nodes;
using Engagement.Sdk.IO;
using Engagement.Sdk.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Support;

/// <summary>
/// The laws every <see cref="IMetricAccumulator{TSelf, TResult, TState}"/> keeps, written once. A metric's tests inherit
/// them by saying how to create an empty accumulator, how to add one observation, how to draw observations, what an
/// empty result looks like, and which JSON states real data could not produce.
/// </summary>
/// <typeparam name="TAccumulator">The accumulator under test.</typeparam>
/// <typeparam name="TResult">Its result type.</typeparam>
/// <typeparam name="TState">Its state type.</typeparam>
/// <typeparam name="TObservation">What one <c>Add</c> takes.</typeparam>
public abstract class AccumulatorLawTests<TAccumulator, TResult, TState, TObservation>
    where TAccumulator : class, IMetricAccumulator<TAccumulator, TResult, TState>
    where TState : MetricState
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(200);

    /// <summary>Draws one observation.</summary>
    protected abstract Gen<TObservation> Observation { get; }

    /// <summary>
    /// JSON states no real data could produce, each with the field the error must name. They are made from a valid
    /// state's JSON, so each case changes one thing.
    /// </summary>
    protected abstract IEnumerable<(string Json, string Field)> ImpossibleStates { get; }

    /// <summary>An empty accumulator of the definition under test.</summary>
    protected abstract TAccumulator CreateEmpty();

    /// <summary>Adds one observation.</summary>
    protected abstract void Add(TAccumulator accumulator, TObservation observation);

    /// <summary>Whether a result says it has a value.</summary>
    protected abstract bool HasValue(TResult result);

    [Fact]
    public void Merge_IsCommutative() =>
        Prop.ForAll(Observations(), Observations(), (a, b) =>
        {
            var ab = Accumulate(a);
            ab.Merge(Accumulate(b));
            var ba = Accumulate(b);
            ba.Merge(Accumulate(a));
            return ab.GetState().Equals(ba.GetState());
        }).Check(Many);

    [Fact]
    public void Merge_IsAssociative() =>
        Prop.ForAll(Observations(), Observations(), Observations(), (a, b, c) =>
        {
            var left = Accumulate(a);
            left.Merge(Accumulate(b));
            left.Merge(Accumulate(c));
            var bc = Accumulate(b);
            bc.Merge(Accumulate(c));
            var right = Accumulate(a);
            right.Merge(bc);
            return left.GetState().Equals(right.GetState());
        }).Check(Many);

    [Fact]
    public void MergeOfAnySplit_EqualsTheWhole() =>
        Prop.ForAll(Observations(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (all, x, y) =>
        {
            int cut1 = Math.Min(x, y) % (all.Length + 1), cut2 = Math.Max(cut1, Math.Max(x, y) % (all.Length + 1));
            var merged = Accumulate(all[..cut1]);
            merged.Merge(Accumulate(all[cut1..cut2]));
            merged.Merge(Accumulate(all[cut2..]));
            var whole = Accumulate(all);
            return merged.GetState().Equals(whole.GetState()) && Equals(merged.ToResult(), whole.ToResult()) && merged.Count == whole.Count;
        }).Check(Many);

    [Fact]
    public void Result_DoesNotDependOnOrder() =>
        Prop.ForAll(Observations(), all =>
        {
            var forward = Accumulate(all);
            var backward = Accumulate([.. all.Reverse()]);
            var shuffled = Accumulate([.. all.OrderBy(o => o?.GetHashCode() ?? 0)]);
            return forward.GetState().Equals(backward.GetState()) && forward.GetState().Equals(shuffled.GetState());
        }).Check(Many);

    [Fact]
    public void MergeWithItself_EqualsMergingACopy() =>
        Prop.ForAll(Observations(), all =>
        {
            var self = Accumulate(all);
            self.Merge(self);
            var copy = Accumulate(all);
            copy.Merge(Accumulate(all));
            return self.GetState().Equals(copy.GetState());
        }).Check(Many);

    [Fact]
    public void MergeAll_EqualsMergingOneByOne() =>
        Prop.ForAll(Observations(), Observations(), Observations(), (a, b, c) =>
        {
            var all = Accumulate(a).MergeAll([Accumulate(b), Accumulate(c)]);
            var oneByOne = Accumulate(a);
            oneByOne.Merge(Accumulate(b));
            oneByOne.Merge(Accumulate(c));
            return all.GetState().Equals(oneByOne.GetState());
        }).Check(Many);

    [Fact]
    public void StateAndResult_RoundTripThroughFromStateAndJson() =>
        Prop.ForAll(Observations(), all =>
        {
            var accumulator = Accumulate(all);
            var state = accumulator.GetState();
            var text = JsonSerializer.Serialize(state, EngagementJson.GetTypeInfo<TState>());
            var read = JsonSerializer.Deserialize(text, EngagementJson.GetTypeInfo<TState>())!;
            var restored = TAccumulator.FromState(read);
            var result = accumulator.ToResult();
            var resultText = JsonSerializer.Serialize(result, EngagementJson.GetTypeInfo<TResult>());
            var resultRead = JsonSerializer.Deserialize(resultText, EngagementJson.GetTypeInfo<TResult>());
            return read.Equals(state)
                && Equals(resultRead, result)
                && read.GetHashCode() == state.GetHashCode()
                && restored.GetState().Equals(state)
                && Equals(restored.ToResult(), accumulator.ToResult())
                && restored.Definition == accumulator.Definition;
        }).Check(Many);

    [Fact]
    public void GetState_IsASnapshot()
    {
        var accumulator = CreateEmpty();
        var before = accumulator.GetState();

        Add(accumulator, Observation.Sample(1, 1)[0]);

        Assert.Equal(before, CreateEmpty().GetState());
        Assert.NotEqual(before, accumulator.GetState());
    }

    [Fact]
    public void Empty_HasNoValue()
    {
        var empty = CreateEmpty();

        Assert.Equal(0, empty.Count);
        Assert.False(HasValue(empty.ToResult()));
        Assert.False(HasValue(empty.MergeAll([]).ToResult()));
    }

    [Fact]
    public void Groups_UpdateTheStoredAccumulator()
    {
        var groups = MetricGroups.Create(CreateEmpty(), StringComparer.Ordinal);
        var observations = Observation.Sample(1, 3);

        foreach (var observation in observations)
        {
            Add(groups["a"], observation);
        }

        Assert.Equal(Accumulate(observations).GetState(), groups["a"].GetState());
        Assert.Equal(["a"], groups.Keys);
        Assert.Equal(groups["a"].ToResult(), groups.ToResults()[0].Value);
    }

    [Fact]
    public void Merge_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CreateEmpty().Merge(null!));
        Assert.Throws<ArgumentNullException>(() => TAccumulator.FromState(null!));
    }

    [Fact]
    public void State_OfAnotherKindsDefinition_IsRejected()
    {
        var node = StateNode();
        var foreign = CreateEmpty().Definition.Kind == MetricKind.Rate ? MetricDefinition.Nps : MetricDefinition.Rate("another");
        node["definition"] = JsonNode.Parse(JsonSerializer.Serialize(foreign, EngagementJson.GetTypeInfo<MetricDefinition>()));

        var e = Assert.Throws<JsonException>(() => Read(node.ToJsonString()));

        Assert.Equal("definition", Assert.IsAssignableFrom<ArgumentException>(e.InnerException).ParamName);
    }

    [Fact]
    public void State_UnknownVersion_IsRejectedNamingVersion()
    {
        var node = StateNode();
        node["version"] = 2;

        var e = Assert.Throws<JsonException>(() => Read(node.ToJsonString()));

        Assert.Equal("version", Assert.IsType<ArgumentOutOfRangeException>(e.InnerException).ParamName);
    }

    [Fact]
    public void State_MissingOrUnknownOrNullMember_IsRejected()
    {
        var names = StateNode().Select(pair => pair.Key).ToArray();
        foreach (var name in names)
        {
            var missing = StateNode();
            missing.Remove(name);
            Assert.Contains(name, Assert.Throws<JsonException>(() => Read(missing.ToJsonString())).Message, StringComparison.Ordinal);

            var nulled = StateNode();
            nulled[name] = null;
            Assert.Throws<JsonException>(() => Read(nulled.ToJsonString()));
        }

        var unknown = StateNode();
        unknown["surprise"] = 1;
        Assert.Contains("surprise", Assert.Throws<JsonException>(() => Read(unknown.ToJsonString())).Message, StringComparison.Ordinal);

        var text = StateNode().ToJsonString();
        var duplicated = text.Insert(1, $"\"{names[0]}\":{StateNode()[names[0]]!.ToJsonString()},");
        Assert.Throws<JsonException>(() => Read(duplicated));
    }

    [Fact]
    public void State_ImpossibleValues_AreRejectedNamingTheField()
    {
        foreach (var (json, field) in ImpossibleStates)
        {
            var e = Assert.Throws<JsonException>(() => Read(json));
            var inner = Assert.IsAssignableFrom<ArgumentException>(e.InnerException);
            Assert.True(field == inner.ParamName, $"{json}: expected the field {field}, got {inner.ParamName} ({inner.Message})");
        }
    }

    /// <summary>An accumulator of the given observations.</summary>
    protected TAccumulator Accumulate(IEnumerable<TObservation> observations)
    {
        var accumulator = CreateEmpty();
        foreach (var observation in observations)
        {
            Add(accumulator, observation);
        }

        return accumulator;
    }

    /// <summary>A valid state of a few observations, as a mutable JSON object to break one member at a time.</summary>
    protected JsonObject StateNode()
    {
        var accumulator = Accumulate(Observation.Sample(4, 5));
        return JsonNode.Parse(JsonSerializer.Serialize(accumulator.GetState(), EngagementJson.GetTypeInfo<TState>()))!.AsObject();
    }

    /// <summary>A valid state's JSON with one member set to another value.</summary>
    protected string StateWith(string member, JsonNode? value)
    {
        var node = StateNode();
        node[member] = value;
        return node.ToJsonString();
    }

    private static TState Read(string json) => JsonSerializer.Deserialize(json, EngagementJson.GetTypeInfo<TState>())!;

    private Arbitrary<TObservation[]> Observations() =>
        Arb.From(
            Gen.Choose(0, 40).SelectMany(length => Observation.ArrayOf(length)),
            values => values.Length == 0 ? [] : new[] { values[..(values.Length / 2)], values[1..] });
}

/// <summary>
/// The laws of accumulators whose type admits several definitions (CSAT and CES scales and thresholds, named rates):
/// besides the shared laws, merging across definitions is refused. Types with one definition (NPS, mentions, share of
/// voice) cannot meet another; for them the shared test that a state of another kind's definition is refused holds.
/// </summary>
/// <typeparam name="TAccumulator">The accumulator under test.</typeparam>
/// <typeparam name="TResult">Its result type.</typeparam>
/// <typeparam name="TState">Its state type.</typeparam>
/// <typeparam name="TObservation">What one <c>Add</c> takes.</typeparam>
public abstract class DefinedAccumulatorLawTests<TAccumulator, TResult, TState, TObservation>
    : AccumulatorLawTests<TAccumulator, TResult, TState, TObservation>
    where TAccumulator : class, IMetricAccumulator<TAccumulator, TResult, TState>
    where TState : MetricState
{
    /// <summary>An empty accumulator of the same type with another definition, on which any observation is valid.</summary>
    protected abstract TAccumulator CreateOfAnotherDefinition();

    [Fact]
    public void Merge_OfAnotherDefinition_ThrowsNamingBothAndChangesNothing()
    {
        var other = CreateOfAnotherDefinition();
        Add(other, Observation.Sample(1, 1)[0]);
        var accumulator = CreateEmpty();
        var before = accumulator.GetState();

        var error = Assert.Throws<ArgumentException>(() => accumulator.Merge(other));

        Assert.Equal("other", error.ParamName);
        Assert.Contains(accumulator.Definition.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(other.Definition.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, accumulator.GetState());
        var groups = MetricGroups.Create(CreateEmpty(), StringComparer.Ordinal);
        var otherGroups = MetricGroups.Create(CreateOfAnotherDefinition(), StringComparer.Ordinal);
        Assert.Throws<ArgumentException>(() => groups.Merge(otherGroups));
    }
}
