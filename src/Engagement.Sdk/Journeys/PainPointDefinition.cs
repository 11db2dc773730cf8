using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// Which pain point a <see cref="PainPointAccumulator"/> counts, with its parameters: cart abandonment
/// (<see cref="CartAbandonment"/>) or errors before exit (<see cref="ErrorExit"/>); exactly one is set.
/// </summary>
/// <remarks>
/// Obtain one with <see cref="ForCartAbandonment"/> or <see cref="ForErrorExit"/>. Every pain point has the same shape
/// (candidate events, occurrences, customers affected), so one accumulator, state and result serve them all. Equal when
/// the set member is equal. Immutable and thread-safe.
/// </remarks>
public sealed class PainPointDefinition : IEquatable<PainPointDefinition>
{
    /// <summary>Creates a definition; prefer <see cref="ForCartAbandonment"/> and <see cref="ForErrorExit"/>.</summary>
    /// <param name="cartAbandonment">The cart-abandonment parameters, or <see langword="null"/>.</param>
    /// <param name="errorExit">The error-before-exit parameters, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Both or neither are given; the exception names <paramref name="cartAbandonment"/>.</exception>
    [JsonConstructor]
    public PainPointDefinition(CartAbandonmentDefinition? cartAbandonment, ErrorExitDefinition? errorExit)
    {
        if ((cartAbandonment is null) == (errorExit is null))
        {
            throw new ArgumentException(
                $"A pain point is exactly one of cart abandonment and error before exit; got {(cartAbandonment is null ? "neither" : "both")}.",
                nameof(cartAbandonment));
        }

        cartAbandonment?.RequireDisjoint(nameof(cartAbandonment));
        CartAbandonment = cartAbandonment;
        ErrorExit = errorExit;
    }

    /// <summary>Gets the cart-abandonment parameters, or <see langword="null"/> for another pain point.</summary>
    public CartAbandonmentDefinition? CartAbandonment { get; }

    /// <summary>Gets the error-before-exit parameters, or <see langword="null"/> for another pain point.</summary>
    public ErrorExitDefinition? ErrorExit { get; }

    /// <summary>Gets the pain point's name, as results carry it: <c>cart abandonment</c> or <c>error before exit</c>.</summary>
    [JsonIgnore]
    public string Name => CartAbandonment is not null ? "cart abandonment" : "error before exit";

    /// <summary>Returns a cart-abandonment definition.</summary>
    /// <param name="cartAbandonment">The parameters, or <see langword="null"/> for the defaults
    /// (<see cref="CartAbandonmentDefinition()"/>).</param>
    /// <returns>The definition.</returns>
    public static PainPointDefinition ForCartAbandonment(CartAbandonmentDefinition? cartAbandonment = null) =>
        new(cartAbandonment ?? new CartAbandonmentDefinition(), null);

    /// <summary>Returns an error-before-exit definition.</summary>
    /// <param name="errorExit">The parameters, or <see langword="null"/> for the defaults
    /// (<see cref="ErrorExitDefinition()"/>).</param>
    /// <returns>The definition.</returns>
    public static PainPointDefinition ForErrorExit(ErrorExitDefinition? errorExit = null) => new(null, errorExit ?? new ErrorExitDefinition());

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(PainPointDefinition? left, PainPointDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PainPointDefinition? left, PainPointDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(PainPointDefinition? other) =>
        other is not null && CartAbandonment == other.CartAbandonment && ErrorExit == other.ErrorExit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PainPointDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CartAbandonment, ErrorExit);

    /// <summary>Returns the set member's description, such as <c>pain points: cart abandonment (…)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => CartAbandonment?.ToString() ?? ErrorExit!.ToString();

    /// <summary>The scan of this pain point over one log: customers [first, end) into a partial tally.</summary>
    /// <exception cref="ArgumentException">Error exits by a session-id property the log does not keep (names <c>log</c>).</exception>
    internal Func<int, int, PainPointTally> ScanFor(EventLog log) =>
        CartAbandonment is { } carts ? CartAbandonmentScan.For(carts, log).Scan : ErrorExitScan.For(ErrorExit!, log).Scan;
}
