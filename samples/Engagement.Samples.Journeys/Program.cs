using System.Globalization;
using Engagement.Samples;
using Engagement.Samples.Journeys;
using Engagement.Sdk.Journeys;

// Engagement.Sdk journeys: the checkout funnel, top paths, weekly retention, lifecycle, cart abandonment and session
// metrics of an e-commerce clickstream.
//   dotnet run --project samples/Engagement.Samples.Journeys                 (the embedded retentioneering data)
//   dotnet run --project samples/Engagement.Samples.Journeys -- clicks.csv.gz (your own file, same columns)
if (!SampleInput.TryRead(
    args, "Engagement.Samples.Journeys [clickstream.csv | clickstream.csv.gz]", EcommerceFile.Read, EcommerceFile.ReadEmbedded, out EventLog log))
{
    return 1;
}

var output = Console.Out;
if (log.Count == 0)
{
    output.WriteLine("The clickstream holds no events.");
    return 0;
}

var first = new DateTimeOffset(log.Timestamps[0], TimeSpan.Zero);
var last = first;
foreach (var ticks in log.Timestamps)
{
    var time = new DateTimeOffset(ticks, TimeSpan.Zero);
    first = time < first ? time : first;
    last = time > last ? time : last;
}

output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Engagement.Sdk journeys: {log.Count:N0} events of {log.CustomerCount:N0} customers, {first:yyyy-MM-dd} to {last:yyyy-MM-dd}"));
output.WriteLine();

// 1. The checkout funnel: each step within 14 days of the customer's catalog visit, steps in order.
string[] checkout = ["catalog", "product_view", "add_to_cart", "cart", "shipping_details", "payment_details", "purchase"];
var funnel = FunnelAccumulator.Compute(log, FunnelDefinition.OfEvents(checkout));
var funnelTable = new Table("Checkout funnel (ordered, 14-day window)", "step", "customers", "from previous", "from first", "dropped", "median time");
foreach (var step in funnel.Steps)
{
    funnelTable.Add(
        step.Step.EventName, step.Customers, Table.Percent(step.FromPrevious.Value), Table.Percent(step.FromFirst.Value), step.DropOff, Table.Duration(step.MedianTimeToConvert));
}

funnelTable.Print(output);
if (funnel.LargestDropOff is { } worst)
{
    // The pain point of the funnel, with the customers a host could follow up with.
    output.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Largest drop-off: {worst.DropOff} customers stopped before {worst.Step.EventName}, e.g. {string.Join(", ", worst.DroppedIds.Take(3))}"));
    output.WriteLine();
}

// 2. Where customers go: the most frequent paths of up to five events, repeats collapsed, starting at the home page.
var paths = PathAccumulator.Compute(log, new PathDefinition(collapseRepeats: true, startNode: "home", maxLength: 5));
var pathTable = new Table("Top paths from home (repeats collapsed, up to 5 events)", "path", "customers");
foreach (var path in paths.TopPaths(5))
{
    pathTable.Add(string.Join(" > ", path.Nodes), path.Customers);
}

pathTable.Print(output);

// 3. Weekly retention: cohorts by the week of a customer's first catalog visit; who comes back to buy in week k.
var weeks = new RetentionDefinition("catalog", "purchase", CalendarPeriod.Week, Monday(first), Monday(last).AddDays(7));
var retention = RetentionAccumulator.Compute(log, weeks);
const int ShownWeeks = 6;
var retentionTable = new Table(
    "Weekly retention: first catalog visit, then purchase in week k (first 8 cohorts)",
    ["cohort week", "size", .. Enumerable.Range(1, ShownWeeks).Select(k => $"week {k}")]);
foreach (var cohort in retention.Cohorts.Take(8))
{
    retentionTable.Add(
        [cohort.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cohort.Size,
            .. Enumerable.Range(1, ShownWeeks).Select(k => k < cohort.Rates.Count ? Table.Percent(cohort.Rates[k].Value) : string.Empty)]);
}

retentionTable.Print(output);

// 4. Lifecycle per month: new, returning, resurrecting and dormant product viewers.
var months = new LifecycleDefinition("product_view", CalendarPeriod.Month, FirstOfMonth(first), FirstOfMonth(last).AddMonths(1));
var lifecycle = LifecycleAccumulator.Compute(log, months);
var lifecycleTable = new Table("Lifecycle of product viewers per month", "month", "new", "returning", "resurrecting", "dormant");
foreach (var period in lifecycle.Periods)
{
    lifecycleTable.Add(period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture), period.New, period.Returning, period.Resurrecting, -period.Dormant);
}

lifecycleTable.Print(output);

// 5. Sessions by the file's session ids: views are page-like events, a purchase is a key event.
var sessions = SessionAccumulator.Compute(log, new SessionDefinition
{
    SessionIdProperty = "session_id",
    ViewEvents = ["home", "catalog", "product_view", "search", "promo_page", "review_page", "cart", "account_page"],
    KeyEvents = ["purchase"],
});
new Table("Sessions (GA4 definitions, by session id)", "metric", "value")
    .Add("sessions", sessions.Sessions)
    .Add("engaged sessions", sessions.EngagedSessions)
    .Add("engagement rate", Table.Percent(sessions.EngagementRate.Value))
    .Add("bounce rate", Table.Percent(sessions.BounceRate.Value))
    .Add("mean time on site", Table.Duration(sessions.MeanDuration))
    .Add("median time on site", Table.Duration(sessions.MedianDuration))
    .Add("views per session", sessions.ViewsPerSession)
    .Print(output);

// 6. Pain points: abandoned carts (no purchase within 24 h of an add-to-cart) and sessions that end on an error.
var abandonment = PainPointAccumulator.Compute(log, PainPointDefinition.ForCartAbandonment(
    new CartAbandonmentDefinition(["add_to_cart"], ["purchase"], TimeSpan.FromHours(24))));
var errors = PainPointAccumulator.Compute(log, PainPointDefinition.ForErrorExit(
    new ErrorExitDefinition(["payment_error", "checkout_bug", "error_page"], new SessionDefinition { SessionIdProperty = "session_id" })));
var painTable = new Table("Pain points", "pain point", "occurrences", "of", "rate", "customers");
foreach (var pain in new[] { abandonment, errors })
{
    painTable.Add(pain.Name, pain.Occurrences, pain.Candidates, Table.Percent(pain.Rate.Value), pain.CustomerCount);
}

painTable.Print(output);
return 0;

static DateTimeOffset Monday(DateTimeOffset time) =>
    new DateTimeOffset(time.Date, TimeSpan.Zero).AddDays(-(((int)time.DayOfWeek + 6) % 7));

static DateTimeOffset FirstOfMonth(DateTimeOffset time) => new(time.Year, time.Month, 1, 0, 0, 0, TimeSpan.Zero);
