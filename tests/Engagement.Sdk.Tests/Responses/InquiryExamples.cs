using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Tests.Responses;

/// <summary>Short ways to write hand-worked inquiries: times in March 2026 in Amsterdam winter time (+01:00, before the
/// spring-forward on the 29th), and messages and status changes by who and what.</summary>
internal static class InquiryExamples
{
    /// <summary>Business hours 09:00–17:00 Monday to Friday in Europe/Amsterdam.</summary>
    public static readonly BusinessCalendar OfficeHours = BusinessCalendar.Weekdays("Europe/Amsterdam", TimeSpan.FromHours(9), TimeSpan.FromHours(17));

    /// <summary>A time on a day of March 2026, Amsterdam winter time. 2 March is a Monday; 6 March a Friday.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(1));

    public static InquiryMessage CustomerAt(DateTimeOffset time) => new(time, MessageAuthor.Customer);

    public static InquiryMessage AgentAt(DateTimeOffset time) => new(time, MessageAuthor.Agent, ResponseType.Manual);

    public static InquiryMessage BotAt(DateTimeOffset time) => new(time, MessageAuthor.Bot, ResponseType.Automated);

    public static InquiryMessage ProactiveAt(DateTimeOffset time) => new(time, MessageAuthor.Agent, ResponseType.Proactive);

    public static InquiryMessage NoteAt(DateTimeOffset time) => new(time, MessageAuthor.Agent, ResponseType.Manual, isPublic: false);

    public static InquiryStatusChange Status(DateTimeOffset time, InquiryStatus status) => new(time, status);

    public static Inquiry Inquiry(
        DateTimeOffset openedAt,
        InquiryMessage[] messages,
        InquiryStatusChange[]? changes = null,
        InquiryInitiator initiator = InquiryInitiator.Customer,
        Channel? channel = null,
        InquiryPriority priority = InquiryPriority.Normal,
        string id = "i1") =>
        new(id, "c1", channel ?? Channels.Email, priority, openedAt, messages, changes ?? [], initiator);
}
