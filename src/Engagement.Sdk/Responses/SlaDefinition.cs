using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// What an <see cref="SlaAccumulator"/> measures: the <see cref="SlaPolicy"/>, the evaluation instant
/// <see cref="AsOf"/>, and how many of the most urgent open targets its queue keeps.
/// </summary>
/// <remarks>
/// Accumulators merge only with accumulators of an equal definition: the same policy evaluated at the same instant with
/// the same queue limit. Equal when the three are equal (instants compared as instants). Immutable and thread-safe.
/// </remarks>
public sealed class SlaDefinition : IEquatable<SlaDefinition>
{
    /// <summary>The default <see cref="OpenQueueLimit"/>: the 1,000 most urgent open targets.</summary>
    public const int DefaultOpenQueueLimit = 1000;

    /// <summary>Creates a definition.</summary>
    /// <param name="policy">The SLA policy.</param>
    /// <param name="asOf">The evaluation instant: open targets are judged against it, and every inquiry added must be
    /// known at it (nothing in it later).</param>
    /// <param name="openQueueLimit">How many of the most urgent open targets the queue keeps, 0 or more; the default is
    /// <see cref="DefaultOpenQueueLimit"/>. The counts cover every open target whatever the limit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="openQueueLimit"/> is negative.</exception>
    [JsonConstructor]
    public SlaDefinition(SlaPolicy policy, DateTimeOffset asOf, int openQueueLimit = DefaultOpenQueueLimit)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(openQueueLimit);
        Policy = policy;
        AsOf = asOf;
        OpenQueueLimit = openQueueLimit;
    }

    /// <summary>Gets the SLA policy.</summary>
    public SlaPolicy Policy { get; }

    /// <summary>Gets the evaluation instant.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets how many of the most urgent open targets the queue keeps.</summary>
    /// <value>The default value is <see cref="DefaultOpenQueueLimit"/> (1,000).</value>
    public int OpenQueueLimit { get; }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(SlaDefinition? left, SlaDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SlaDefinition? left, SlaDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(SlaDefinition? other) =>
        other is not null && AsOf == other.AsOf && OpenQueueLimit == other.OpenQueueLimit && Policy == other.Policy;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Policy, AsOf, OpenQueueLimit);

    /// <summary>Returns the definition as <c>SLA 'support' as of 2026-03-06T12:00:00+01:00, queue of 1000</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"SLA '{Validation.Echo(Policy.Name)}' as of {AsOf:yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz}, queue of {OpenQueueLimit}");
}
