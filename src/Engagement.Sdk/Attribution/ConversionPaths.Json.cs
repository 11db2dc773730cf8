using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <content>
/// The JSON form: the columns themselves, <c>{"channels": [...], "offsets": [...], "steps": [...], "ages": [...] or
/// null, "pathConversions": [...], "pathValues": [...], "pathNulls": [...], "channelCosts": [...] or null,
/// "conversions": …, "value": …, "nulls": …}</c>; the three totals are written for readers and checked on reading.
/// </content>
public sealed partial class ConversionPaths
{
    /// <summary>Reads conversion paths from their columns, checking that they are what <c>Create</c> would build:
    /// channels valid, distinct and in ordinal order; every path at least one step, its steps indexes of channels; the
    /// paths distinct and in canonical order; ages (when given) finite and 0 or more; counts finite and 0 or more, and no
    /// value without conversions; one cost per channel (when given), finite and 0 or more.</summary>
    /// <exception cref="ArgumentNullException">A required column is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The columns disagree in length, or a channel, step or order is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An age, count or cost is negative or not finite.</exception>
    [JsonConstructor]
    internal ConversionPaths(
        IReadOnlyList<string> channels,
        int[] offsets,
        int[] steps,
        double[]? ages,
        double[] pathConversions,
        double[] pathValues,
        double[] pathNulls,
        double[]? channelCosts)
        : this(CheckChannels(channels), CheckColumns(channels, offsets, steps, ages, pathConversions, pathValues, pathNulls), CheckCosts(channels, channelCosts))
    {
    }

    private static string[] CheckChannels(IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var names = new string[channels.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = AttributionChecks.ChannelName(channels[i], nameof(channels));
            if (i > 0 && string.CompareOrdinal(names[i - 1], names[i]) >= 0)
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"The channels must be distinct and in ordinal order; '{Validation.Echo(names[i])}' at index {i} comes after '{Validation.Echo(names[i - 1])}'."),
                    nameof(channels));
            }
        }

        return names;
    }

    private static PathColumns CheckColumns(
        IReadOnlyList<string> channels, int[] offsets, int[] steps, double[]? ages, double[] pathConversions, double[] pathValues, double[] pathNulls)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(pathConversions);
        ArgumentNullException.ThrowIfNull(pathValues);
        ArgumentNullException.ThrowIfNull(pathNulls);
        var count = pathConversions.Length;
        SameLength(pathValues.Length, count, nameof(pathValues), "paths");
        SameLength(pathNulls.Length, count, nameof(pathNulls), "paths");
        SameLength(offsets.Length, count + 1, nameof(offsets), "paths + 1");
        if (ages is not null)
        {
            SameLength(ages.Length, steps.Length, nameof(ages), "steps");
        }

        if (offsets[0] != 0 || offsets[^1] != steps.Length)
        {
            throw new ArgumentException(
                AttributionChecks.Text($"The offsets must start at 0 and end at the number of steps, {steps.Length}; got {offsets[0]} … {offsets[^1]}."),
                nameof(offsets));
        }

        for (var i = 0; i < count; i++)
        {
            if (offsets[i + 1] <= offsets[i])
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"Every path needs at least one step; path {i} runs from offset {offsets[i]} to {offsets[i + 1]}."), nameof(offsets));
            }
        }

        for (var i = 0; i < steps.Length; i++)
        {
            if ((uint)steps[i] >= (uint)channels.Count)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(steps), steps[i], AttributionChecks.Text($"The step at index {i} is {steps[i]}, not the index of one of the {channels.Count} channels."));
            }

            if (ages is not null)
            {
                AttributionChecks.Amount(ages[i], nameof(ages));
            }
        }

        // Within a path the touches are in time order, so their ages (time before the path's end) never grow.
        for (var path = 0; ages is not null && path < count; path++)
        {
            for (var i = offsets[path] + 1; i < offsets[path + 1]; i++)
            {
                if (ages[i] > ages[i - 1])
                {
                    throw new ArgumentException(
                        AttributionChecks.Text($"The ages of path {path} grow from {ages[i - 1]} to {ages[i]} at index {i}; touches are in time order, so ages never grow along a path."),
                        nameof(ages));
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            AttributionChecks.Amount(pathConversions[i], nameof(pathConversions));
            AttributionChecks.Amount(pathValues[i], nameof(pathValues));
            AttributionChecks.Amount(pathNulls[i], nameof(pathNulls));
            if (pathConversions[i] == 0 && pathValues[i] > 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(pathValues), pathValues[i], AttributionChecks.Text($"Path {i} has value {pathValues[i]} without conversions."));
            }

            if (i > 0 && PathTable.Compare(Span(steps, offsets, i - 1), Span(ages, offsets, i - 1), Span(steps, offsets, i), Span(ages, offsets, i)) >= 0)
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"The paths must be distinct and in canonical order (by steps, then ages); path {i} does not come after path {i - 1}."),
                    nameof(steps));
            }
        }

        return new PathColumns(offsets, steps, ages, pathConversions, pathValues, pathNulls);

        static ReadOnlySpan<T> Span<T>(T[]? column, int[] offsets, int path) =>
            column is null ? default : column.AsSpan(offsets[path], offsets[path + 1] - offsets[path]);
    }

    private static double[]? CheckCosts(IReadOnlyList<string> channels, double[]? channelCosts)
    {
        if (channelCosts is null)
        {
            return null;
        }

        SameLength(channelCosts.Length, channels.Count, nameof(channelCosts), "channels");
        foreach (var cost in channelCosts)
        {
            AttributionChecks.Amount(cost, nameof(channelCosts));
        }

        return channelCosts;
    }

    private static void SameLength(int length, int expected, string paramName, string what)
    {
        if (length != expected)
        {
            throw new ArgumentException(AttributionChecks.Text($"The column has {length} entries, not one per {what} ({expected})."), paramName);
        }
    }
}
