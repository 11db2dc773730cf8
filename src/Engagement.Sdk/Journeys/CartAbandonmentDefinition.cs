using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// What counts as an abandoned cart: an add-to-cart event that no purchase event of the same customer follows within a
/// window. Counted per occurrence (each add-to-cart event), with the customers who abandoned at least one cart.
/// </summary>
/// <remarks>
/// <para>
/// An add-to-cart event at time t is abandoned when the customer has no purchase event at a time in [t, t +
/// <see cref="Window"/>] (closed at both ends). A purchase at the same instant follows it: the log cannot order ties
/// reliably, so the rule uses the time alone and does not depend on input order. One purchase may rescue several
/// add-to-cart events before it, as a purchase buys the whole cart.
/// </para>
/// <para>
/// Counted per occurrence rather than per customer, because each add-to-cart event is a cart a host can respond to,
/// and a customer who abandons often is a stronger signal; <see cref="PainPointResult.Customers"/> lists each customer
/// once. An add-to-cart event less than a window before the end of the data is judged on the data there is: a later
/// purchase beyond the data is not seen.
/// </para>
/// <para>Create with <c>new CartAbandonmentDefinition()</c> and change parts with initialisers; each part is checked
/// when set. Equal when every part is equal, the event-name lists compared as sets. Immutable and thread-safe.</para>
/// </remarks>
public sealed class CartAbandonmentDefinition : IEquatable<CartAbandonmentDefinition>
{
    /// <summary>The default window: 24 hours.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    private readonly IReadOnlyList<string> _addToCartEvents = [];
    private readonly IReadOnlyList<string> _purchaseEvents = [];
    private readonly TimeSpan _window;

    /// <summary>Creates the default definition: <c>add_to_cart</c> not followed by <c>purchase</c> within 24 hours.</summary>
    public CartAbandonmentDefinition()
        : this(["add_to_cart"], ["purchase"], DefaultWindow)
    {
    }

    /// <summary>Creates a definition with every part given.</summary>
    /// <param name="addToCartEvents">The names of add-to-cart events; at least one, distinct, none blank.</param>
    /// <param name="purchaseEvents">The names of purchase events; at least one, distinct, none blank, none an
    /// add-to-cart event.</param>
    /// <param name="window">How long after an add-to-cart event a purchase still follows it; greater than zero.</param>
    /// <exception cref="ArgumentNullException">A list or one of its names is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A list is empty, a name is blank or repeated, or a name is in both lists.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    [JsonConstructor]
    public CartAbandonmentDefinition(IReadOnlyList<string> addToCartEvents, IReadOnlyList<string> purchaseEvents, TimeSpan window)
    {
        AddToCartEvents = addToCartEvents;
        PurchaseEvents = purchaseEvents;
        Window = window;
        RequireDisjoint(nameof(purchaseEvents));
    }

    /// <summary>Gets the names of add-to-cart events, compared ordinally.</summary>
    /// <value>The default value is <c>add_to_cart</c>.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/> or a list holding <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty list, or a list with a blank or repeated name. A name shared
    /// with <see cref="PurchaseEvents"/> is refused when the definition is used (by <see cref="PainPointDefinition"/>),
    /// so that an initialiser may set the two lists in either order.</exception>
    public IReadOnlyList<string> AddToCartEvents
    {
        get => _addToCartEvents;
        init => _addToCartEvents = EventNameSet.Copy(value, "addToCartEvents", allowEmpty: false);
    }

    /// <summary>Gets the names of purchase events, compared ordinally.</summary>
    /// <value>The default value is <c>purchase</c>.</value>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/> or a list holding <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Set to an empty list, or a list with a blank or repeated name. A name shared
    /// with <see cref="AddToCartEvents"/> is refused when the definition is used (by <see cref="PainPointDefinition"/>),
    /// so that an initialiser may set the two lists in either order.</exception>
    public IReadOnlyList<string> PurchaseEvents
    {
        get => _purchaseEvents;
        init => _purchaseEvents = EventNameSet.Copy(value, "purchaseEvents", allowEmpty: false);
    }

    /// <summary>Gets how long after an add-to-cart event a purchase still follows it (closed at its end).</summary>
    /// <value>The default value is 24 hours.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public TimeSpan Window
    {
        get => _window;
        init => _window = SessionDefinition.Positive(value, "window");
    }

    /// <summary>Returns whether two definitions are equal.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public static bool operator ==(CartAbandonmentDefinition? left, CartAbandonmentDefinition? right) => Equals(left, right);

    /// <summary>Returns whether two definitions differ.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns><see langword="true"/> when a part differs.</returns>
    public static bool operator !=(CartAbandonmentDefinition? left, CartAbandonmentDefinition? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(CartAbandonmentDefinition? other) =>
        other is not null
        && Window == other.Window
        && EventNameSet.SetEquals(AddToCartEvents, other.AddToCartEvents)
        && EventNameSet.SetEquals(PurchaseEvents, other.PurchaseEvents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CartAbandonmentDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Window, EventNameSet.SetHash(AddToCartEvents), EventNameSet.SetHash(PurchaseEvents));

    /// <summary>Returns the definition as <c>pain points: cart abandonment (add_to_cart without purchase within
    /// 1.00:00:00)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"pain points: cart abandonment ({EventNameSet.Describe(AddToCartEvents)} without {EventNameSet.Describe(PurchaseEvents)} within {SessionDefinition.Format(Window)})");

    /// <summary>Throws unless no name is both an add-to-cart and a purchase event.</summary>
    internal void RequireDisjoint(string paramName)
    {
        foreach (var name in _purchaseEvents)
        {
            if (_addToCartEvents.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"The event '{Validation.Echo(name)}' cannot be both an add-to-cart and a purchase event (add-to-cart: {EventNameSet.Describe(_addToCartEvents)}; purchase: {EventNameSet.Describe(_purchaseEvents)}).",
                    paramName);
            }
        }
    }
}
