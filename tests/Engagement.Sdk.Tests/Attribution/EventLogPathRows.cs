using System.Globalization;
using Engagement.Sdk.Attribution;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Attribution;

/// <summary>One event of a hand-written or generated log for the event-log path tests: a customer, a time in hours
/// after <see cref="EventLogPathRows.T0"/>, a name, a channel name (null for <see cref="Channel.Unspecified"/>), a value
/// and a property value.</summary>
internal sealed record EventLogRow(string Customer, double Hours, string Name, string? Channel, double? Value = null, string? Source = null);

/// <summary>Builds logs from rows and writes paths out as text the tests can compare with hand-worked lines.</summary>
internal static class EventLogPathRows
{
    /// <summary>Monday 2026-01-05 10:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The key of the property that names a channel in the tests.</summary>
    public const string SourceKey = "utm_source";

    public static EventLogRow Day(string customer, double days, string name, string? channel, double? value = null, string? source = null) =>
        new(customer, days * 24, name, channel, value, source);

    public static EventLog Log(params IEnumerable<EventLogRow> rows)
    {
        var builder = new EventLogBuilder([SourceKey]);
        foreach (var row in rows)
        {
            var channel = row.Channel is null ? Channel.Unspecified : new Channel(row.Channel, MediaType.Unspecified, ChannelKind.Other);
            builder.Add(null, row.Customer, T0.AddHours(row.Hours), row.Name, channel, row.Value, [row.Source]);
        }

        return builder.Build();
    }

    /// <summary>Each path as <c>a > b: 1 conversion, value 50, 0 nulls, ages 10 5</c> (ages in days), in the paths'
    /// canonical order.</summary>
    public static string[] Describe(ConversionPaths paths)
    {
        var lines = new string[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            var steps = paths.StepsOf(i).ToArray().Select(s => paths.Channels[s]);
            var ages = paths.AgesOf(i).ToArray().Select(a => a.ToString(CultureInfo.InvariantCulture));
            lines[i] = string.Create(
                CultureInfo.InvariantCulture,
                $"{string.Join(" > ", steps)}: {paths.PathConversions[i]} conversions, value {paths.PathValues[i]}, {paths.PathNulls[i]} nulls, ages {string.Join(" ", ages)}");
        }

        return lines;
    }

    /// <summary>The paths' lines in ordinal order, for comparing with lines written in any order.</summary>
    public static string[] Sorted(ConversionPaths paths) => [.. Describe(paths).Order(StringComparer.Ordinal)];
}
