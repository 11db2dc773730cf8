using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>One customer journey: the touches that led up to a conversion, or to nothing.</summary>
/// <remarks>
/// <para>
/// The touches are kept in time order, stably: touches at the same instant keep the order given, which is the journey's
/// order (so relabelling channels never reorders a path). The path ends at <see cref="End"/>: the conversion's time, or for a path that did not convert the end of observation; by default the
/// last touch's time. Time-decay attribution measures each touch's age back from it.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ConversionPath
{
    /// <summary>Creates a journey.</summary>
    /// <param name="touches">The touches; at least one, none <c>default</c>.</param>
    /// <param name="converted">Whether the journey ended in a conversion.</param>
    /// <param name="value">The conversion's value; finite, 0 or more, and 0 when <paramref name="converted"/> is
    /// <see langword="false"/>.</param>
    /// <param name="end">When the journey ended (the conversion, or the end of observation); not before the last touch.
    /// <see langword="null"/> for the last touch's time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="touches"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="touches"/> is empty or holds a <c>default</c> touch (its index
    /// is named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, not finite, or above 0
    /// without a conversion; or <paramref name="end"/> comes before the last touch.</exception>
    public ConversionPath(IEnumerable<AttributionTouch> touches, bool converted, double value = 0, DateTimeOffset? end = null)
    {
        ArgumentNullException.ThrowIfNull(touches);
        var list = touches.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A conversion path needs at least one touch; got none (an empty path).", nameof(touches));
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Channel is null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The touch at index {i} is default(AttributionTouch), which has no channel."),
                    nameof(touches));
            }
        }

        // A stable sort by time: touches at one instant keep the order given, which is the journey's own order.
        var order = new int[list.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => list[x].Time != list[y].Time ? list[x].Time.CompareTo(list[y].Time) : x.CompareTo(y));
        var sorted = new AttributionTouch[list.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = list[order[i]];
        }

        AttributionChecks.Amount(value, nameof(value));
        if (!converted && value > 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, AttributionChecks.Text($"A path that did not convert has no conversion value; got {value}."));
        }

        var last = sorted[^1].Time;
        if (end is { } e && e < last)
        {
            throw new ArgumentOutOfRangeException(
                nameof(end), e, AttributionChecks.Text($"The path's end {e:O} comes before its last touch at {last:O}."));
        }

        Touches = sorted;
        Converted = converted;
        Value = value;
        End = end ?? last;
    }

    /// <summary>Creates a journey from JSON, where the touches are a list; a missing value is 0 and a missing end the
    /// last touch's time.</summary>
    [JsonConstructor]
    internal ConversionPath(IReadOnlyList<AttributionTouch> touches, bool converted, double value = 0, DateTimeOffset end = default)
        : this((IEnumerable<AttributionTouch>)touches, converted, value, end == default ? null : end)
    {
    }

    /// <summary>Gets the touches, in time order.</summary>
    public IReadOnlyList<AttributionTouch> Touches { get; }

    /// <summary>Gets whether the journey ended in a conversion.</summary>
    public bool Converted { get; }

    /// <summary>Gets the conversion's value (0 without a conversion).</summary>
    public double Value { get; }

    /// <summary>Gets when the journey ended: the conversion, or the end of observation.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Returns the path as <c>email > paid_search > direct → conversion (value 120)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => AttributionChecks.Text(
        $"{string.Join(" > ", Touches.Select(t => t.Channel))} → {(Converted ? $"conversion (value {Value})" : "no conversion")}");
}
