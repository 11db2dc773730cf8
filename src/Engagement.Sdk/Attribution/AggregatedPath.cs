using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>
/// A path in the common export format: a sequence of channels with the number of journeys that followed it and
/// converted, their total value, and the number that followed it and did not convert ("nulls").
/// </summary>
/// <remarks>
/// <para>
/// Counts are doubles, as exports of data-driven tools carry fractional conversions; they must be finite and 0 or
/// more, and a path with no conversions has no value. <see cref="Parse"/> reads the usual text form
/// <c>email > paid_search > direct</c>.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class AggregatedPath
{
    /// <summary>The separator of <see cref="Parse"/> and <see cref="ToString"/>: <c>&gt;</c>, with the white space around
    /// it trimmed.</summary>
    public const char Separator = '>';

    /// <summary>Creates an aggregated path.</summary>
    /// <param name="channels">The channels in order; at least one, each a valid channel name.</param>
    /// <param name="conversions">The journeys along this path that converted; finite, 0 or more.</param>
    /// <param name="value">Their total conversion value; finite, 0 or more, and 0 without conversions.</param>
    /// <param name="nulls">The journeys along this path that did not convert; finite, 0 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> or one of its names is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channels"/> is empty, or a name is not valid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the value is negative or not finite, or the value is
    /// above 0 without conversions.</exception>
    public AggregatedPath(IEnumerable<string> channels, double conversions, double value, double nulls)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var list = channels.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A conversion path needs at least one channel; got none (an empty path).", nameof(channels));
        }

        for (var i = 0; i < list.Length; i++)
        {
            list[i] = AttributionChecks.ChannelName(list[i], nameof(channels));
        }

        Conversions = AttributionChecks.Amount(conversions, nameof(conversions));
        Value = AttributionChecks.Amount(value, nameof(value));
        Nulls = AttributionChecks.Amount(nulls, nameof(nulls));
        if (conversions == 0 && value > 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, AttributionChecks.Text($"A path without conversions has no conversion value; got {value}."));
        }

        Channels = list;
    }

    /// <summary>Creates an aggregated path from JSON, where the channels are a list (as <see cref="Channels"/>).</summary>
    [JsonConstructor]
    internal AggregatedPath(IReadOnlyList<string> channels, double conversions, double value, double nulls)
        : this((IEnumerable<string>)channels, conversions, value, nulls)
    {
    }

    /// <summary>Gets the channels, in order.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>Gets the journeys along this path that converted.</summary>
    public double Conversions { get; }

    /// <summary>Gets the total value of those conversions.</summary>
    public double Value { get; }

    /// <summary>Gets the journeys along this path that did not convert.</summary>
    public double Nulls { get; }

    /// <summary>Reads a path in the form <c>email &gt; paid_search &gt; direct</c>.</summary>
    /// <param name="path">The channels separated by <see cref="Separator"/>; white space around each name is trimmed.</param>
    /// <param name="conversions">The journeys along this path that converted.</param>
    /// <param name="value">Their total conversion value.</param>
    /// <param name="nulls">The journeys along this path that did not convert.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space, or a name between separators
    /// is empty or not valid; the message quotes the path.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for the constructor.</exception>
    public static AggregatedPath Parse(string path, double conversions, double value, double nulls)
    {
        ArgumentNullException.ThrowIfNull(path);
        var names = path.Split(Separator, StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(path) || Array.Exists(names, n => n.Length == 0))
        {
            throw new ArgumentException(
                AttributionChecks.Text($"'{Validation.Echo(path)}' is not a path: it needs channel names separated by '{Separator}', none empty."),
                nameof(path));
        }

        try
        {
            return new AggregatedPath(names, conversions, value, nulls);
        }
        catch (ArgumentException e) when (e.ParamName == "channels")
        {
            throw new ArgumentException(AttributionChecks.Text($"The path '{Validation.Echo(path)}' has a bad channel name: {e.Message}"), nameof(path), e);
        }
    }

    /// <summary>Returns the path as <c>email &gt; paid_search &gt; direct (3 conversions, value 120, 7 nulls)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        AttributionChecks.Text($"{string.Join(" > ", Channels)} ({Conversions} conversions, value {Value}, {Nulls} nulls)");
}
