using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// The conversion paths an attribution model reads: every distinct path once, with its conversions, value and nulls,
/// over a vocabulary of channels, and optionally the channels' costs.
/// </summary>
/// <remarks>
/// <para>
/// Built from journeys (<see cref="Create(IEnumerable{ConversionPath}, IReadOnlyDictionary{string, double}?)"/>, which
/// keeps each touch's age for time decay) or from aggregated paths (<see cref="Create(IEnumerable{AggregatedPath},
/// IReadOnlyDictionary{string, double}?)"/>, the common export format, without times). Equal paths are merged: with
/// times, paths are equal when their channels and touch ages are equal. <see cref="Channels"/> are in ordinal order
/// and the paths in a canonical order, so results do not depend on the order of the input, to the bit.
/// </para>
/// <para>
/// A channel's cost is the sum of its touches' costs plus what the costs dictionary gives it; a channel that only has
/// a cost (it reached no journey) is still a channel, credited nothing. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial class ConversionPaths
{
    private readonly string[] _channels;

    private ConversionPaths(string[] channels, PathColumns columns, double[]? costs)
    {
        _channels = channels;
        Offsets = columns.Offsets;
        Steps = columns.Steps;
        Ages = columns.Ages;
        PathConversions = columns.Conversions;
        PathValues = columns.Values;
        PathNulls = columns.Nulls;
        ChannelCosts = costs;
        for (var i = 0; i < PathConversions.Length; i++)
        {
            Conversions += PathConversions[i];
            Value += PathValues[i];
            Nulls += PathNulls[i];
        }

        FiniteTotals(Conversions, Value, Nulls, Sum(costs), "paths");
    }

    private static void FiniteTotals(double conversions, double value, double nulls, double costs, string paramName)
    {
        if (!double.IsFinite(conversions + value + nulls + costs))
        {
            throw new ArgumentException(
                AttributionChecks.Text($"The totals exceed the range of a double: conversions {conversions}, value {value}, nulls {nulls}, costs {costs}."),
                paramName);
        }
    }

    private static double Sum(double[]? values)
    {
        var sum = 0.0;
        foreach (var value in values ?? [])
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>Gets the channels, in ordinal order; a channel's index here is its index in every result.</summary>
    public IReadOnlyList<string> Channels => _channels;

    /// <summary>Gets the number of distinct paths.</summary>
    public int Count => PathConversions.Length;

    /// <summary>Gets the total conversions.</summary>
    public double Conversions { get; }

    /// <summary>Gets the total conversion value.</summary>
    public double Value { get; }

    /// <summary>Gets the total journeys that did not convert.</summary>
    public double Nulls { get; }

    /// <summary>Gets whether the paths carry the ages of their touches (built from journeys), which time decay needs.</summary>
    public bool HasTimes => Ages is not null;

    /// <summary>Gets whether costs were given (a costs dictionary, or a touch with a cost above 0).</summary>
    public bool HasCosts => ChannelCosts is not null;

    /// <summary>Gets where each path's steps start in <see cref="Steps"/>; the last entry is the number of steps.</summary>
    [JsonInclude]
    internal int[] Offsets { get; }

    /// <summary>Gets every path's channel indexes, path after path.</summary>
    [JsonInclude]
    internal int[] Steps { get; }

    /// <summary>Gets each step's age in days (from the touch to the path's end), aligned with <see cref="Steps"/>; null
    /// without times.</summary>
    [JsonInclude]
    internal double[]? Ages { get; }

    /// <summary>Gets each path's conversions.</summary>
    [JsonInclude]
    internal double[] PathConversions { get; }

    /// <summary>Gets each path's conversion value.</summary>
    [JsonInclude]
    internal double[] PathValues { get; }

    /// <summary>Gets each path's nulls.</summary>
    [JsonInclude]
    internal double[] PathNulls { get; }

    /// <summary>Gets each channel's cost, aligned with <see cref="Channels"/>; null without costs.</summary>
    [JsonInclude]
    internal double[]? ChannelCosts { get; }

    /// <summary>Gets the cost of a channel.</summary>
    /// <param name="channel">The channel's index in <see cref="Channels"/>.</param>
    /// <returns>The cost, or <see langword="null"/> when no costs were given.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not an index of <see cref="Channels"/>.</exception>
    public double? GetCost(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, _channels.Length);
        return ChannelCosts?[channel];
    }

    /// <summary>Gets a channel's index in <see cref="Channels"/>, or a negative number when there is no such channel.</summary>
    internal int IndexOf(string channel) => Array.BinarySearch(_channels, channel, StringComparer.Ordinal);

    /// <summary>Gets the steps of a path.</summary>
    internal ReadOnlySpan<int> StepsOf(int path) => Steps.AsSpan(Offsets[path], Offsets[path + 1] - Offsets[path]);

    /// <summary>Gets the ages of a path's steps; empty without times.</summary>
    internal ReadOnlySpan<double> AgesOf(int path) =>
        Ages is null ? default : Ages.AsSpan(Offsets[path], Offsets[path + 1] - Offsets[path]);

    /// <summary>Collects journeys into conversion paths.</summary>
    /// <param name="paths">The journeys; none <see langword="null"/>.</param>
    /// <param name="channelCosts">Costs to add to channels (for example a campaign's spend), by channel name; each
    /// finite and 0 or more. <see langword="null"/> for none.</param>
    /// <returns>The paths, with touch ages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A path is <see langword="null"/> (its index is named), or a cost's channel
    /// name is not valid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative or not finite.</exception>
    /// <exception cref="ArgumentException">A total (value, costs) exceeds the range of a double.</exception>
    /// <exception cref="OverflowException">There are more than <see cref="int.MaxValue"/> touches.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in the input's element type (journeys or aggregated paths); no call is ambiguous.")]
    public static ConversionPaths Create(IEnumerable<ConversionPath> paths, IReadOnlyDictionary<string, double>? channelCosts = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var table = new PathTable(withAges: true);
        var steps = new List<int>();
        var ages = new List<double>();
        var index = 0;
        foreach (var path in paths)
        {
            if (path is null)
            {
                throw new ArgumentException(AttributionChecks.Text($"The path at index {index} is null."), nameof(paths));
            }

            steps.Clear();
            ages.Clear();
            var endTicks = path.End.UtcTicks;
            foreach (var touch in path.Touches)
            {
                var channel = table.Intern(touch.Channel);
                steps.Add(channel);
                ages.Add((double)(endTicks - touch.Time.UtcTicks) / TimeSpan.TicksPerDay);
                table.AddCost(channel, touch.Cost);
            }

            table.Add(CollectionsMarshal.AsSpan(steps), CollectionsMarshal.AsSpan(ages), path.Converted ? 1 : 0, path.Value, path.Converted ? 0 : 1);
            index++;
        }

        return table.ToPaths(channelCosts, nameof(channelCosts));
    }

    /// <summary>Collects aggregated paths (the common export format) into conversion paths.</summary>
    /// <param name="paths">The aggregated paths; none <see langword="null"/>. Equal channel sequences are added up.</param>
    /// <param name="channelCosts">Costs by channel name; each finite and 0 or more. <see langword="null"/> for none.</param>
    /// <returns>The paths, without touch ages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A path is <see langword="null"/> (its index is named), or a cost's channel
    /// name is not valid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative or not finite.</exception>
    /// <exception cref="ArgumentException">A total (conversions, value, nulls, costs) exceeds the range of a double.</exception>
    /// <exception cref="OverflowException">There are more than <see cref="int.MaxValue"/> steps.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The overloads differ in the input's element type (journeys or aggregated paths); no call is ambiguous.")]
    public static ConversionPaths Create(IEnumerable<AggregatedPath> paths, IReadOnlyDictionary<string, double>? channelCosts = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var table = new PathTable(withAges: false);
        var steps = new List<int>();
        var index = 0;
        foreach (var path in paths)
        {
            if (path is null)
            {
                throw new ArgumentException(AttributionChecks.Text($"The path at index {index} is null."), nameof(paths));
            }

            steps.Clear();
            foreach (var channel in path.Channels)
            {
                steps.Add(table.Intern(channel));
            }

            table.Add(CollectionsMarshal.AsSpan(steps), default, path.Conversions, path.Value, path.Nulls);
            index++;
        }

        return table.ToPaths(channelCosts, nameof(channelCosts));
    }

    /// <summary>Creates conversion paths from columns already in canonical form (ordinal channels, sorted distinct paths);
    /// for resampling and readers that checked them.</summary>
    internal static ConversionPaths FromColumns(string[] channels, PathColumns columns, double[]? costs) => new(channels, columns, costs);

    /// <summary>The columns of a set of paths.</summary>
    internal sealed record PathColumns(int[] Offsets, int[] Steps, double[]? Ages, double[] Conversions, double[] Values, double[] Nulls);
}
