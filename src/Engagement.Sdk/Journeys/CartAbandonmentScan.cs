namespace Engagement.Sdk.Journeys;

/// <summary>A <see cref="CartAbandonmentDefinition"/> bound to one log: finds, per customer, the add-to-cart events that
/// no purchase follows within the window, in one pass with a second cursor over the purchases.</summary>
internal sealed class CartAbandonmentScan
{
    private const byte AddToCart = 1;
    private const byte Purchase = 2;

    private readonly EventLog _log;
    private readonly byte[] _kinds;
    private readonly long _window;

    private CartAbandonmentScan(EventLog log, byte[] kinds, long window)
    {
        _log = log;
        _kinds = kinds;
        _window = window;
    }

    public static CartAbandonmentScan For(CartAbandonmentDefinition definition, EventLog log)
    {
        var kinds = new byte[log.EventNames.Count];
        EventNameSet.Mark(kinds, log, definition.AddToCartEvents, AddToCart);
        EventNameSet.Mark(kinds, log, definition.PurchaseEvents, Purchase);
        return new CartAbandonmentScan(log, kinds, definition.Window.Ticks);
    }

    /// <summary>Scans customers [first, end).</summary>
    public PainPointTally Scan(int first, int end)
    {
        var tally = new PainPointTally();
        var offsets = _log.CustomerOffsets;
        var ticks = _log.Timestamps;
        var names = _log.EventNameIds;
        var kinds = _kinds;
        for (var customer = first; customer < end; customer++)
        {
            int start = offsets[customer], stop = offsets[customer + 1];
            int carts = 0, abandoned = 0;
            var purchase = start; // the first purchase at or after the current add-to-cart's time, or stop
            for (var row = start; row < stop; row++)
            {
                if (kinds[names[row]] != AddToCart)
                {
                    continue;
                }

                // Add-to-cart times never decrease, so the cursor only moves forward: skip rows that are not
                // purchases or are purchases before this time (a purchase at the same instant follows it).
                var t = ticks[row];
                while (purchase < stop && (kinds[names[purchase]] != Purchase || ticks[purchase] < t))
                {
                    purchase++;
                }

                carts++;
                abandoned += purchase == stop || ticks[purchase] - t > _window ? 1 : 0;
            }

            tally.AddCustomer(_log.Customers[customer], carts, abandoned);
        }

        return tally;
    }
}
