using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Samples.HelpDesk;

/// <summary>The desk's business calendar and SLA policy, as a help desk would set them up in Zendesk.</summary>
internal static class DeskPolicy
{
    /// <summary>Monday to Friday 09:00–17:30 in Amsterdam, closed on the generated week's holiday (Ascension Day).</summary>
    public static BusinessCalendar Calendar { get; } = BusinessCalendar.Weekdays(
        HelpDeskGenerator.TimeZoneId, HelpDeskGenerator.Opens.ToTimeSpan(), HelpDeskGenerator.Closes.ToTimeSpan(), [HelpDeskGenerator.Holiday]);

    /// <summary>
    /// The targets, first match wins: chats are answered within a minute around the clock (the bot) and by a person
    /// within ten business minutes; calls within five; urgent and high-priority inquiries fast, with periodic updates;
    /// everything else within a business day.
    /// </summary>
    public static SlaPolicy Sla { get; } = new("help-desk", Calendar,
    [
        new SlaPolicyRule(Channels.LiveChat, null,
        [
            new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromMinutes(1), TimeBasis.Calendar),
            new SlaTarget(SlaMetric.NextReply, TimeSpan.FromMinutes(10)),
            new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(8)),
        ]),
        new SlaPolicyRule(Channels.Phone, null,
        [
            new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromMinutes(5)),
            new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(4)),
        ]),
        new SlaPolicyRule(null, InquiryPriority.Urgent,
        [
            new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(1)),
            new SlaTarget(SlaMetric.NextReply, TimeSpan.FromHours(2)),
            new SlaTarget(SlaMetric.PeriodicUpdate, TimeSpan.FromHours(4)),
            new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(8)),
        ]),
        new SlaPolicyRule(null, InquiryPriority.High,
        [
            new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(2)),
            new SlaTarget(SlaMetric.NextReply, TimeSpan.FromHours(4)),
            new SlaTarget(SlaMetric.PeriodicUpdate, TimeSpan.FromHours(8)),
            new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(17)),
        ]),
        new SlaPolicyRule(null, null,
        [
            new SlaTarget(SlaMetric.FirstReply, TimeSpan.FromHours(8)),
            new SlaTarget(SlaMetric.NextReply, TimeSpan.FromHours(8)),
            new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(24)),
        ]),
    ]);
}
