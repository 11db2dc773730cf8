using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The parameters of a <see cref="ResponseTimeAccumulator"/>: the <see cref="BusinessCalendar"/> business time is
/// measured on, and the relative accuracy of the quantile sketches that hold the distributions.
/// </summary>
/// <remarks>Accumulators merge only with an equal definition (equal calendar, equal accuracy). Immutable and
/// thread-safe; serialises to JSON as <c>{"calendar":{…},"relativeAccuracy":0.01}</c>.</remarks>
public sealed class ResponseTimeDefinition : IEquatable<ResponseTimeDefinition>
{
    /// <summary>The default relative accuracy of the sketches: 0.01 (1%).</summary>
    public const double DefaultRelativeAccuracy = 0.01;

    /// <summary>Creates a definition.</summary>
    /// <param name="calendar">The calendar business time is measured on.</param>
    /// <param name="relativeAccuracy">The relative accuracy of the quantiles, strictly between 0 and 1; the default is
    /// <see cref="DefaultRelativeAccuracy"/> (1%).</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relativeAccuracy"/> is not strictly between 0 and 1.</exception>
    [JsonConstructor]
    public ResponseTimeDefinition(BusinessCalendar calendar, double relativeAccuracy = DefaultRelativeAccuracy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(relativeAccuracy),
                relativeAccuracy,
                $"The relative accuracy must lie strictly between 0 and 1; got {relativeAccuracy.ToString(CultureInfo.InvariantCulture)}.");
        }

        Calendar = calendar;
        RelativeAccuracy = relativeAccuracy;
    }

    /// <summary>Gets the calendar business time is measured on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets the relative accuracy of the quantile sketches.</summary>
    public double RelativeAccuracy { get; }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ResponseTimeDefinition? left, ResponseTimeDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ResponseTimeDefinition? left, ResponseTimeDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(ResponseTimeDefinition? other) =>
        other is not null && Calendar.Equals(other.Calendar) && RelativeAccuracy.Equals(other.RelativeAccuracy);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseTimeDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Calendar, RelativeAccuracy);

    /// <summary>Returns the definition as <c>response times on {calendar}, relative accuracy 0.01</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"response times on {Calendar}, relative accuracy {RelativeAccuracy}");
}
