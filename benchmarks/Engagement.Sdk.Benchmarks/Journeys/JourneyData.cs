using System.Globalization;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Benchmarks.Journeys;

/// <summary>
/// The synthetic clickstream of the Journeys benchmarks: a fixed-seed export of <see cref="DefaultEventCount"/> events
/// by <see cref="DefaultCustomerCount"/> customers over six months (<see cref="Start"/> to <see cref="End"/>), in
/// global time order, as columns that every benchmark feeds unchanged to the <see cref="EventLogBuilder"/> and to DuckDB.
/// </summary>
/// <remarks>
/// <para>
/// Shape. Each customer's number of events is log-normal (σ = 1.1), scaled so that the total is <em>exactly</em> the
/// requested count, with at least one event per customer (mean 20 at the default size, a long tail of heavy users).
/// A customer's events come in sessions: each session walks the checkout flow <see cref="CheckoutFlow"/>
/// (home → catalog → product_view → add_to_cart → cart → checkout → delivery_choice → payment_choice → payment_done),
/// dropping off at each step with a step-specific probability, repeating product views, retrying after a
/// payment_error, and mixing in noise events (search, filter_results, promo_page, page_view, ...); 20 event names in
/// all (<see cref="EventNameTable"/>). Events of a session are 1 s to 5 min apart (log-uniform), except that about 2% of
/// them share the previous event's second (ties); sessions are 30 min plus an exponential gap of mean 6 days apart,
/// compressed for the heaviest customers so that every customer fits in the six months. A session arrives on one
/// channel (<see cref="ChannelTable"/>, five channels): the first on the customer's acquisition channel, later ones on
/// it half the time. Timestamps are whole seconds, UTC.
/// </para>
/// <para>
/// Rows are sorted by timestamp; equal timestamps keep each customer's generated order (so a tie never reorders a
/// customer's flow) and are otherwise in a fixed order. Customer ids are <c>c0000000</c> … <c>c0499999</c>, one interned
/// string per customer; event names are the strings of <see cref="EventNameTable"/>. Generation is deterministic for a
/// given size and seed. The default data is generated once per process (<see cref="Default"/>).
/// </para>
/// </remarks>
public sealed class JourneyData
{
    /// <summary>The number of events of <see cref="Default"/>: 10M.</summary>
    public const int DefaultEventCount = 10_000_000;

    /// <summary>The number of customers of <see cref="Default"/>: 500k.</summary>
    public const int DefaultCustomerCount = 500_000;

    /// <summary>The seed of <see cref="Default"/>.</summary>
    public const int DefaultSeed = 20260105;

    private const double EventsSigma = 1.1;
    // Ties within sessions; sessions' first events are never ties, so about 2% of all events are.
    private const double TieShare = 0.0275;
    private const double NoiseShare = 0.2;
    private const int MaxGapSeconds = 300;
    private const long MinSessionGapSeconds = 30 * 60;
    private const double MeanSessionGapSeconds = 6 * 86_400.0;

    private static readonly Lazy<JourneyData> DefaultData = new(() => Generate(DefaultCustomerCount, DefaultEventCount, DefaultSeed));

    // Indexes into EventNameTable.
    private const byte Home = 0, Catalog = 1, ProductView = 2, AddToCart = 3, Cart = 4, Checkout = 5, DeliveryChoice = 6,
        PaymentChoice = 7, PaymentDone = 8, PaymentError = 9, Search = 10, FilterResults = 11, PromoPage = 12;

    private static readonly string[] Names =
    [
        "home", "catalog", "product_view", "add_to_cart", "cart", "checkout", "delivery_choice", "payment_choice",
        "payment_done", "payment_error", "search", "filter_results", "promo_page", "page_view", "wishlist_add",
        "review_page", "account_page", "support_chat", "compare", "error_page",
    ];

    // The probability of going on from flow step i to step i + 1 (the last step ends the session).
    private static readonly double[] ContinueProbability = [0.8, 0.75, 0.35, 0.7, 0.6, 0.8, 0.85, 0.85];

    // Noise events (indexes into Names) by weight: the cumulative weights are the thresholds of one uniform draw.
    private static readonly byte[] NoiseEvents = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    private static readonly double[] NoiseCumulative = Cumulative([20, 15, 12, 18, 8, 7, 6, 4, 5, 5]);

    private static readonly Channel[] ChannelValues =
        [Channels.OrganicSearch, Channels.PaidSearch, Channels.Email, Channels.PaidSocial, Channels.Website];

    private static readonly double[] AcquisitionCumulative = Cumulative([35, 28, 15, 16, 6]);

    private JourneyData(string[] customers, string[] customerIds, long[] utcTicks, byte[] eventNameIndexes, byte[] channelIndexes)
    {
        Customers = customers;
        CustomerIds = customerIds;
        UtcTicks = utcTicks;
        EventNameIndexes = eventNameIndexes;
        ChannelIndexes = channelIndexes;
        EventNames = new string[eventNameIndexes.Length];
        for (var i = 0; i < EventNames.Length; i++)
        {
            EventNames[i] = Names[eventNameIndexes[i]];
        }
    }

    /// <summary>Gets the first instant of the data's range, 2026-01-05T00:00:00Z (a Monday); every event is at or after it.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the end of the data's range, 2026-07-05T00:00:00Z; every event is before it.</summary>
    public static DateTimeOffset End { get; } = new(2026, 7, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the 20 event names; <see cref="EventNameIndexes"/> points into this list.</summary>
    public static IReadOnlyList<string> EventNameTable { get; } = Array.AsReadOnly(Names);

    /// <summary>Gets the checkout flow the sessions walk, in order: the first nine names of <see cref="EventNameTable"/>.</summary>
    public static IReadOnlyList<string> CheckoutFlow { get; } = Array.AsReadOnly(Names[..(PaymentDone + 1)]);

    /// <summary>Gets the five channels; <see cref="ChannelIndexes"/> points into this list.</summary>
    public static IReadOnlyList<Channel> ChannelTable { get; } = Array.AsReadOnly(ChannelValues);

    /// <summary>Gets the default data (10M events, 500k customers, seed <see cref="DefaultSeed"/>), generated on first
    /// use and kept for the life of the process.</summary>
    public static JourneyData Default => DefaultData.Value;

    /// <summary>Gets the number of events (rows).</summary>
    public int Count => UtcTicks.Length;

    /// <summary>Gets the distinct customer ids, by customer number: <c>Customers[k]</c> is <c>"c" + k</c> in seven
    /// digits. Each is the very string instance that <see cref="CustomerIds"/> holds for that customer.</summary>
    public string[] Customers { get; }

    /// <summary>Gets each row's customer id (one interned string per customer).</summary>
    public string[] CustomerIds { get; }

    /// <summary>Gets each row's timestamp as UTC ticks (whole seconds); non-decreasing.</summary>
    public long[] UtcTicks { get; }

    /// <summary>Gets each row's event name, one of the strings of <see cref="EventNameTable"/>.</summary>
    public string[] EventNames { get; }

    /// <summary>Gets each row's event name as an index into <see cref="EventNameTable"/>.</summary>
    public byte[] EventNameIndexes { get; }

    /// <summary>Gets each row's channel as an index into <see cref="ChannelTable"/>.</summary>
    public byte[] ChannelIndexes { get; }

    /// <summary>Generates data of a given size.</summary>
    /// <param name="customers">The number of customers; at least 1.</param>
    /// <param name="events">The number of events; at least <paramref name="customers"/>, less than 2²⁸.</param>
    /// <param name="seed">The seed of the random generator.</param>
    /// <returns>The data: exactly <paramref name="events"/> rows by exactly <paramref name="customers"/> customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static JourneyData Generate(int customers, int events, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(events, customers);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(events, 1 << 28);
        var random = new Random(seed);
        var perCustomer = EventsPerCustomer(random, customers, events);

        // Customer-major rows: customer k's events are rows [start_k, start_k + perCustomer[k]), in generated order.
        var customerOf = new int[events];
        var seconds = new long[events];
        var names = new byte[events];
        var channels = new byte[events];
        var window = (End - Start).Ticks / TimeSpan.TicksPerSecond;
        var sessions = new List<(int Start, long Gap)>();
        var row = 0;
        for (var k = 0; k < customers; k++)
        {
            customerOf.AsSpan(row, perCustomer[k]).Fill(k);
            WriteCustomer(random, window, seconds.AsSpan(row, perCustomer[k]), names.AsSpan(row, perCustomer[k]), channels.AsSpan(row, perCustomer[k]), sessions);
            row += perCustomer[k];
        }

        // Global time order: sort (second, generated row) keys, unique, so the order is fixed and a customer's ties keep
        // their generated order. Seconds fit in 25 bits (six months), rows in 28.
        var keys = new long[events];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (seconds[i] << 28) | (uint)i;
        }

        Array.Sort(keys);
        var ids = new string[customers];
        for (var k = 0; k < ids.Length; k++)
        {
            ids[k] = "c" + k.ToString("D7", CultureInfo.InvariantCulture);
        }

        var customerIds = new string[events];
        var ticks = new long[events];
        var sortedNames = new byte[events];
        var sortedChannels = new byte[events];
        for (var i = 0; i < keys.Length; i++)
        {
            var source = (int)(keys[i] & ((1 << 28) - 1));
            customerIds[i] = ids[customerOf[source]];
            ticks[i] = Start.UtcTicks + (seconds[source] * TimeSpan.TicksPerSecond);
            sortedNames[i] = names[source];
            sortedChannels[i] = channels[source];
        }

        return new JourneyData(ids, customerIds, ticks, sortedNames, sortedChannels);
    }

    /// <summary>Gets a row's timestamp.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The timestamp, with offset zero.</returns>
    public DateTimeOffset GetTimestamp(int row) => new(UtcTicks[row], TimeSpan.Zero);

    /// <summary>Gets a row's channel.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The channel.</returns>
    public Channel GetChannel(int row) => ChannelValues[ChannelIndexes[row]];

    /// <summary>Adds every row, in order, to a builder through its allocation-free path
    /// (<see cref="EventLogBuilder.Add(string, DateTimeOffset, string, Channel)"/>).</summary>
    /// <param name="builder">The builder.</param>
    public void AddTo(EventLogBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var customerIds = CustomerIds;
        var ticks = UtcTicks;
        var eventNames = EventNames;
        var channels = ChannelIndexes;
        for (var i = 0; i < ticks.Length; i++)
        {
            builder.Add(customerIds[i], new DateTimeOffset(ticks[i], TimeSpan.Zero), eventNames[i], ChannelValues[channels[i]]);
        }
    }

    /// <summary>Builds the event log of the data through the builder path: a builder sized for <see cref="Count"/>
    /// rows, <see cref="AddTo"/>, then <see cref="EventLogBuilder.Build"/>.</summary>
    /// <returns>The log.</returns>
    public EventLog Build()
    {
        var builder = new EventLogBuilder(Count);
        AddTo(builder);
        return builder.Build();
    }

    // Log-normal weights scaled so that the counts sum exactly to the total: one event each, the rest shared in
    // proportion to the weights (rounded down), and what rounding leaves goes one by one to the first customers.
    private static int[] EventsPerCustomer(Random random, int customers, int events)
    {
        var weights = new double[customers];
        var sum = 0.0;
        for (var k = 0; k < customers; k++)
        {
            weights[k] = Math.Exp(EventsSigma * Normal(random));
            sum += weights[k];
        }

        var counts = new int[customers];
        var spare = events - customers;
        long given = 0;
        for (var k = 0; k < customers; k++)
        {
            counts[k] = 1 + (int)(weights[k] / sum * spare);
            given += counts[k];
        }

        for (var k = 0; given < events; k++, given++)
        {
            counts[k]++;
        }

        return counts;
    }

    // One customer's events, in generated order: sessions walking the flow until the customer's count is reached, each
    // with its events' offsets from the session's start; then the sessions are laid out with their gaps (shrunk, if the
    // whole history would not fit the window, which only the heaviest customers need) from a uniform start that leaves
    // room for the whole history.
    private static void WriteCustomer(Random random, long window, Span<long> seconds, Span<byte> names, Span<byte> channels, List<(int Start, long Gap)> sessions)
    {
        sessions.Clear();
        var acquisition = (byte)Pick(random, AcquisitionCumulative);
        var written = 0;
        long inSessions = 0, gaps = 0;
        while (written < names.Length)
        {
            var gap = written == 0 ? 0 : MinSessionGapSeconds + (long)(-MeanSessionGapSeconds * Math.Log(1 - random.NextDouble()));
            sessions.Add((written, gap));
            gaps += gap;
            var channel = written == 0 || random.NextDouble() < 0.5 ? acquisition : (byte)Pick(random, AcquisitionCumulative);
            var first = written;
            written = WriteSession(random, names, written);
            long offset = 0;
            for (var i = first; i < written; i++)
            {
                if (i > first)
                {
                    offset += random.NextDouble() < TieShare ? 0 : (long)Math.Exp(random.NextDouble() * Math.Log(MaxGapSeconds));
                }

                seconds[i] = offset;
                channels[i] = channel;
            }

            inSessions += offset;
        }

        // A history longer than the window is shrunk to a random 30–100% of it, so that the heaviest customers do not
        // all start at the window's first second.
        var scale = 1.0;
        if (inSessions + gaps > window - 1)
        {
            var target = (long)((window - 1) * (0.3 + (0.7 * random.NextDouble())));
            scale = Math.Max(0, target - inSessions) / (double)gaps;
        }

        long sessionEnd = 0;
        for (var s = 0; s < sessions.Count; s++)
        {
            var end = s + 1 < sessions.Count ? sessions[s + 1].Start : seconds.Length;
            var sessionStart = sessionEnd + (long)(sessions[s].Gap * scale);
            for (var i = sessions[s].Start; i < end; i++)
            {
                seconds[i] += sessionStart;
            }

            sessionEnd = seconds[end - 1];
        }

        var start = (long)(random.NextDouble() * Math.Max(0, window - sessionEnd));
        for (var i = 0; i < seconds.Length; i++)
        {
            seconds[i] += start;
        }
    }

    // One session's event names from position `at`, up to the end of the span; returns the position after the session.
    private static int WriteSession(Random random, Span<byte> names, int at)
    {
        var entry = random.NextDouble();
        int step = entry < 0.7 ? Home : entry < 0.85 ? Catalog : ProductView;
        if (entry is >= 0.7 and < 0.78)
        {
            // Some sessions land on a search or a promotion before the catalog.
            at = Put(names, at, entry < 0.75 ? Search : PromoPage);
        }

        while (at < names.Length)
        {
            at = Put(names, at, (byte)step);
            if (random.NextDouble() < NoiseShare)
            {
                at = Put(names, at, NoiseEvents[Pick(random, NoiseCumulative)]);
            }

            if (step == ProductView && random.NextDouble() < 0.4)
            {
                continue; // another product viewed
            }

            if (step == Catalog && random.NextDouble() < 0.15)
            {
                at = Put(names, at, FilterResults);
            }

            if (step == PaymentChoice && random.NextDouble() < 0.1)
            {
                at = Put(names, at, PaymentError);
                if (random.NextDouble() < 0.5)
                {
                    continue; // retries the payment choice
                }

                break;
            }

            if (step == PaymentDone || random.NextDouble() >= ContinueProbability[step])
            {
                break;
            }

            step++;
        }

        return Math.Min(at, names.Length);
    }

    private static int Put(Span<byte> names, int at, byte name)
    {
        if (at < names.Length)
        {
            names[at] = name;
        }

        return at + 1;
    }

    private static int Pick(Random random, double[] cumulative)
    {
        var u = random.NextDouble();
        var i = 0;
        while (i < cumulative.Length - 1 && u >= cumulative[i])
        {
            i++;
        }

        return i;
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            cumulative[i] = running / total;
        }

        return cumulative;
    }

    // A standard normal draw (Box–Muller).
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
