using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>A change of an inquiry's status: from this instant on, the inquiry has <see cref="Status"/>.</summary>
/// <remarks>Equal when the instants and statuses are equal. Immutable and thread-safe.</remarks>
public sealed class InquiryStatusChange : IEquatable<InquiryStatusChange>
{
    /// <summary>Creates a status change.</summary>
    /// <param name="timestamp">When the status changed.</param>
    /// <param name="status">The status from then on.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    [JsonConstructor]
    public InquiryStatusChange(DateTimeOffset timestamp, InquiryStatus status)
    {
        Timestamp = timestamp;
        Status = Validation.Defined(status, nameof(status));
    }

    /// <summary>Gets when the status changed.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the status from then on.</summary>
    public InquiryStatus Status { get; }

    /// <inheritdoc />
    public bool Equals(InquiryStatusChange? other) => other is not null && Timestamp.Equals(other.Timestamp) && Status == other.Status;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InquiryStatusChange);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Timestamp, Status);

    /// <summary>Returns the change as <c>timestamp → Status</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Timestamp:O} → {Status}");
}
