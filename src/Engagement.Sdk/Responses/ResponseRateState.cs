using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The saved state of a <see cref="ResponseRateAccumulator"/>: per group the eight counts behind the rates, versioned.
/// Validated when created, from code or from JSON.
/// </summary>
/// <remarks>
/// <para>JSON: <c>{"version":1,"definition":{"kind":"ResponseRates",…},"overall":[8 counts],"byChannel":{"email":[…]},
/// "byPriority":[4 × […]]}</c>. The eight counts, in order: inquiries, customer-started, answered (customer-started
/// with a response), automated (customer-started first answered by a bot), ever solved, reopened, solved now, one-touch
/// (solved now with one response).</para>
/// <para>Checks, each naming the member: every count 0 or more and at most the count it is part of (answered ≤
/// customer-started ≤ inquiries, automated ≤ answered, reopened and solved ≤ ever solved ≤ inquiries, one-touch ≤
/// solved), and solved + reopened ≥ ever solved (an inquiry solved and never reopened is still solved); every channel holds an inquiry; the channels and the priorities each add up to <c>overall</c>, count by
/// count. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ResponseRateState : MetricState, IEquatable<ResponseRateState>
{
    /// <summary>The state format version this library writes and reads: 1.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a state.</summary>
    /// <param name="version">The format version; must be <see cref="CurrentVersion"/>.</param>
    /// <param name="definition">The definition; must be <see cref="MetricDefinition.ResponseRates"/>.</param>
    /// <param name="overall">The eight counts of all inquiries.</param>
    /// <param name="byChannel">The eight counts of each channel, by name.</param>
    /// <param name="byPriority">The eight counts of each priority, in the order Low, Normal, High, Urgent.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition is not of response rates, or the groups are inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is unknown, or a count is negative or exceeds its whole.</exception>
    /// <exception cref="OverflowException">The groups' counts add up to more than <see cref="long.MaxValue"/>.</exception>
    [JsonConstructor]
    public ResponseRateState(
        int version,
        MetricDefinition definition,
        IReadOnlyList<long> overall,
        IReadOnlyDictionary<string, IReadOnlyList<long>> byChannel,
        IReadOnlyList<IReadOnlyList<long>> byPriority)
        : base(version, CurrentVersion, definition, MetricKind.ResponseRates)
    {
        var total = ResponseRateTally.Check(overall, nameof(overall), "all inquiries");
        var channels = ResponseBreakdowns.Channels(byChannel, nameof(byChannel));
        var channelSums = new long[ResponseRateTally.Length];
        var checkedChannels = new Dictionary<string, IReadOnlyList<long>>(channels.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, counts) in channels)
        {
            var copy = ResponseRateTally.Check(counts, nameof(byChannel), $"the channel '{Validation.Echo(name)}'");
            if (copy[ResponseRateTally.Inquiries] == 0)
            {
                throw new ArgumentException($"The channel '{Validation.Echo(name)}' holds no inquiry; a channel is kept only once one comes.", nameof(byChannel));
            }

            Sum(channelSums, copy);
            checkedChannels.Add(name, copy);
        }

        var priorities = ResponseBreakdowns.Fixed(byPriority, ResponseBreakdowns.Priorities, nameof(byPriority));
        var prioritySums = new long[ResponseRateTally.Length];
        for (var i = 0; i < priorities.Length; i++)
        {
            var copy = ResponseRateTally.Check(priorities[i], nameof(byPriority), ((InquiryPriority)i).ToString());
            Sum(prioritySums, copy);
            priorities[i] = copy;
        }

        AddsUp(channelSums, total, nameof(byChannel));
        AddsUp(prioritySums, total, nameof(byPriority));
        Overall = total;
        ByChannel = checkedChannels;
        ByPriority = priorities;
    }

    /// <summary>Gets the eight counts of all inquiries.</summary>
    public IReadOnlyList<long> Overall { get; }

    /// <summary>Gets the eight counts of each channel, by name (looked up ignoring case).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<long>> ByChannel { get; }

    /// <summary>Gets the eight counts of each priority, indexed by <see cref="InquiryPriority"/>.</summary>
    public IReadOnlyList<IReadOnlyList<long>> ByPriority { get; }

    /// <inheritdoc />
    public bool Equals(ResponseRateState? other)
    {
        if (!HeaderEquals(other) || !Overall.SequenceEqual(other.Overall)
            || !ResponseBreakdowns.SameChannels(ByChannel, other.ByChannel, static (a, b) => a.SequenceEqual(b)))
        {
            return false;
        }

        for (var i = 0; i < ByPriority.Count; i++)
        {
            if (!ByPriority[i].SequenceEqual(other.ByPriority[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseRateState);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Overall[0], Overall[1], Overall[6], ByChannel.Count);

    /// <summary>Returns the state as <c>response rates state v1: 120 inquiries in 3 channels</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"response rates state v{Version}: {Overall[0]} inquiries in {ByChannel.Count} channels");

    private static void Sum(long[] sums, long[] counts)
    {
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] = checked(sums[i] + counts[i]);
        }
    }

    private static void AddsUp(long[] sums, long[] total, string paramName)
    {
        for (var i = 0; i < sums.Length; i++)
        {
            if (sums[i] != total[i])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The groups add up to {sums[i]} {ResponseRateTally.NameOf(i)} but overall holds {total[i]}."), paramName);
            }
        }
    }
}
