using System.Globalization;
using Engagement.Samples;
using Engagement.Samples.HelpDesk;
using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;

// Engagement.Sdk help desk: a week of inquiries on a business calendar — SLA compliance per channel and priority,
// response-time percentiles in business and calendar time, automation and proactive shares, and the responses the
// presets plan, including proactive help for customers who dropped out of the checkout funnel.
//   dotnet run --project samples/Engagement.Samples.HelpDesk                  (the embedded synthetic week)
//   dotnet run --project samples/Engagement.Samples.HelpDesk -- my-desk/      (a folder with the same three files)
//   dotnet run --project samples/Engagement.Samples.HelpDesk -- --generate samples/Engagement.Samples.HelpDesk/data
if (args is ["--generate", var target])
{
    var generated = HelpDeskGenerator.Generate();
    generated.Write(target);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Wrote {generated.Inquiries.Count} inquiries, {generated.Events.Count} events and {generated.Answers.Count} NPS answers (seed {HelpDeskGenerator.Seed}) to {target}."));
    return 0;
}

if (!SampleInput.TryRead(
    args, "Engagement.Samples.HelpDesk [data-folder | --generate data-folder]", HelpDeskData.Read, HelpDeskData.ReadEmbedded, out HelpDeskData data))
{
    return 1;
}

var output = Console.Out;
if (data.Inquiries.Count == 0)
{
    output.WriteLine("The help desk holds no inquiries.");
    return 0;
}

// The desk: Monday to Friday 09:00–17:30 in Amsterdam, closed on the generated week's holiday (Ascension Day). Every
// business-time figure below is measured on this calendar; open inquiries are judged at the end of the data's week.
var calendar = DeskPolicy.Calendar;
var zone = calendar.TimeZone;
var asOf = data.AsOf(zone);
var inquiries = data.Inquiries;
var first = inquiries.Min(i => i.OpenedAt);
var last = inquiries.Max(i => i.OpenedAt);
output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Engagement.Sdk help desk: {inquiries.Count:N0} inquiries ({inquiries.Count(i => i.Initiator == InquiryInitiator.Brand):N0} proactive) of {inquiries.Select(i => i.CustomerId).Distinct(StringComparer.Ordinal).Count():N0} customers, opened {Local(first):yyyy-MM-dd} to {Local(last):yyyy-MM-dd}"));
output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Desk open Mon-Fri {HelpDeskGenerator.Opens:HH:mm}-{HelpDeskGenerator.Closes:HH:mm} {zone.Id}, closed {HelpDeskGenerator.Holiday:yyyy-MM-dd}: {calendar.BusinessDuration(WeekBefore(asOf), asOf).TotalHours:0.#} business hours in the week to {Local(asOf):yyyy-MM-dd HH:mm}, when open inquiries are evaluated"));
output.WriteLine();

// 1. The week at a glance: where inquiries came in and where they stand.
var glance = new Table("Inquiries by channel", "channel", "inquiries", "proactive", "solved", "reopened", "unanswered");
foreach (var group in inquiries.GroupBy(i => i.Channel.Name, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
{
    glance.Add(
        group.Key,
        group.Count(),
        group.Count(i => i.Initiator == InquiryInitiator.Brand),
        group.Count(i => i.IsSolved),
        group.Count(i => i.Reopens > 0),
        group.Count(i => !i.IsSolved && i.Initiator == InquiryInitiator.Customer && i.FirstResponse is null));
}

glance.Print(output);

// 2. How the desk responds: answered, first answered by the bot, started by us, reopened, settled in one response.
var rates = ResponseRateAccumulator.Compute(inquiries);
var ratesTable = new Table(
    "Response rates (automation: first response by a bot, of customer-started inquiries answered)",
    "channel", "inquiries", "response rate", "automation", "proactive share", "reopen rate", "one-touch");
foreach (var (name, summary) in rates.ByChannel.OrderBy(c => c.Key, StringComparer.Ordinal).Append(new("all", rates.Overall)))
{
    ratesTable.Add(
        name,
        summary.Inquiries,
        Table.Percent(summary.ResponseRate.Value),
        Table.Percent(summary.AutomationRate.Value),
        Table.Percent(summary.ProactiveShare.Value),
        Table.Percent(summary.ReopenRate.Value),
        Table.Percent(summary.OneTouchResolutionRate.Value));
}

ratesTable.Print(output);

// 3. Response times (Zendesk's ticket metrics) in business time on the desk's calendar and in elapsed calendar time,
// from quantile sketches (1% relative accuracy): overall, then first responses by channel and by the type of response.
var times = ResponseTimeAccumulator.Compute(inquiries, new ResponseTimeDefinition(calendar));
var timesTable = new Table(
    "Response times: p50 and p90 in business time (desk hours) and calendar time",
    "metric", "values", "p50 business", "p90 business", "p50 calendar", "p90 calendar");
foreach (var (metric, label) in new[]
{
    (ResponseTimeMetric.FirstResponse, "first response"),
    (ResponseTimeMetric.NextResponse, "next response"),
    (ResponseTimeMetric.FullResolution, "full resolution"),
    (ResponseTimeMetric.RequesterWait, "requester wait"),
    (ResponseTimeMetric.AgentWait, "agent wait"),
    (ResponseTimeMetric.OnHold, "on hold"),
})
{
    AddTimes(label, times.Overall, metric);
}

foreach (var (channel, summary) in times.ByChannel.OrderBy(c => c.Key, StringComparer.Ordinal))
{
    AddTimes($"first response, {channel}", summary, ResponseTimeMetric.FirstResponse);
}

foreach (var type in new[] { ResponseType.Automated, ResponseType.Manual })
{
    AddTimes($"first response, {type.ToString().ToLowerInvariant()}", times.ForResponseType(type), ResponseTimeMetric.FirstResponse);
}

timesTable.Print(output);

// 4. SLA compliance per channel and priority (Zendesk's policy model): a target met exactly on time is achieved; a
// first reply, next reply or update still owed counts against compliance once it is overdue.
var sla = SlaAccumulator.Compute(inquiries, new SlaDefinition(DeskPolicy.Sla, asOf));
SlaMetric[] slaMetrics = [SlaMetric.FirstReply, SlaMetric.NextReply, SlaMetric.PeriodicUpdate, SlaMetric.Resolution];
var slaTable = new Table(
    "SLA compliance (achieved / achieved + breached + open breached) per channel and priority",
    "channel", "priority", "first reply", "next reply", "periodic update", "resolution", "open breached", "open in time");
foreach (var (channel, priority) in sla.Groups.Select(g => (g.Channel, g.Priority)).Distinct().OrderBy(g => g.Channel.Name, StringComparer.Ordinal).ThenByDescending(g => g.Priority))
{
    var counts = slaMetrics.Select(m => sla.For(channel, priority, m)).ToArray();
    slaTable.Add(
        [channel.Name, priority.ToString(), .. counts.Select(Compliance), counts.Sum(c => c.OpenBreached), counts.Sum(c => c.OpenWithinTarget)]);
}

slaTable.Print(output);
var overall = sla.Overall;
output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Overall compliance {Compliance(overall)} (95% CI {Table.Percent(overall.Compliance.Interval?.Lower)}-{Table.Percent(overall.Compliance.Interval?.Upper)}): {overall.Achieved} achieved, {overall.Breached} breached, {overall.OpenBreached} open and overdue ({overall.TotalBreach.TotalHours:0.0} h over target in all, each in its target's basis), {overall.OpenWithinTarget} open in time"));
var owed = sla.ByMetric.TryGetValue(SlaMetric.FirstReply, out var firstReplies) ? firstReplies : SlaCounts.Empty;
output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"First reply still owed: {owed.OpenBreached + owed.OpenWithinTarget} inquiries ({owed.OpenBreached} already overdue); {owed.NotApplicable} solved without one (not applicable)"));
output.WriteLine();

// 5. What to answer next: the open targets by due time, overdue first.
var queue = new Table("What to answer next (open targets by due time)", "inquiry", "customer", "channel", "priority", "target", "due", "time left");
foreach (var entry in sla.OpenQueue.Take(10))
{
    queue.Add(entry.InquiryId, entry.CustomerId, entry.Channel.Name, entry.Priority, entry.Metric, When(entry.DueAt), Signed(entry.TimeLeft));
}

queue.Print(output);

// 6. The checkout funnel of the same customers' shop events: who dropped out where, for proactive help.
var weekStart = WeekBefore(asOf);
var funnel = FunnelAccumulator.Compute(EventLog.Create(data.Events.Where(e => e.Timestamp >= weekStart)), DeskPlan.CheckoutFunnel);
var funnelTable = new Table("Checkout funnel (ordered, 7-day window)", "step", "customers", "from previous", "dropped");
foreach (var step in funnel.Steps)
{
    funnelTable.Add(step.Step.EventName, step.Customers, Table.Percent(step.FromPrevious.Value), step.DropOff);
}

funnelTable.Print(output);

// 7. The plan: the presets and the desk's checkout-help rule over the week's events and NPS answers, on the desk's
// calendar (a person's response due outside hours moves to the next opening).
var (plan, statistics) = DeskPlan.ForWeek(data, funnel, calendar, weekStart, asOf);
var planTable = new Table("Responses planned for the week (presets, and help for checkout drop-outs)", "rule", "type", "channel", "planned", "capped", "first due");
foreach (var (rule, counts) in DeskPlan.Policy.Rules.OfType<ResponseRule>().Zip(statistics))
{
    var due = plan.Where(p => p.RuleName == rule.Name).Select(p => p.DueAt).DefaultIfEmpty().Min();
    planTable.Add(rule.Name, rule.Action.Type, rule.Action.Channel.Name, counts.Planned, counts.Capped, counts.Planned > 0 ? When(due) : null);
}

planTable.Print(output);
foreach (var name in new[] { ResponsePresets.DetractorFollowUpName, DeskPlan.CheckoutHelpName, ResponsePresets.SlaEscalationName })
{
    output.WriteLine($"First {name} responses:");
    foreach (var response in plan.Where(p => p.RuleName == name).Take(3))
    {
        output.WriteLine($"  {response.CustomerId}, triggered {When(response.TriggeredAt)}, due {When(response.DueAt)}: {response.Text}");
    }

    output.WriteLine();
}

return 0;

void AddTimes(string label, ResponseTimeSummary summary, ResponseTimeMetric metric)
{
    var (business, elapsed) = (summary.Get(metric, TimeBasis.Business), summary.Get(metric, TimeBasis.Calendar));
    timesTable.Add(label, business.Count, Seconds(business.P50), Seconds(business.P90), Seconds(elapsed.P50), Seconds(elapsed.P90));
}

static string Seconds(double? seconds) => Table.Duration(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

static string Compliance(SlaCounts counts) => counts.Compliance.HasValue
    ? string.Create(CultureInfo.InvariantCulture, $"{Table.Percent(counts.Compliance.Value)} of {counts.Compliance.Trials}")
    : "-";

static string Signed(TimeSpan duration) => (duration < TimeSpan.Zero ? "-" : string.Empty) + Table.Duration(duration.Duration());

DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

string When(DateTimeOffset instant) => Local(instant).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

// Seven local days back, so that a week with a daylight-saving change still starts at local midnight.
DateTimeOffset WeekBefore(DateTimeOffset end)
{
    var start = Local(end).DateTime.AddDays(-7);
    return new DateTimeOffset(start, zone.GetUtcOffset(start));
}
