using Engagement.Sdk.Journeys;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Samples.Attribution;

/// <summary>
/// Turns the clickstream into touches and conversions: each session's first event is a touch on the customer's
/// acquisition channel (<c>session_start</c>), four on-site events are touches on channels of their own, and a purchase
/// is a conversion. Every other event (page views, the checkout steps) is dropped.
/// </summary>
internal static class ClickstreamTouches
{
    /// <summary>The name of the event that marks a session's entry, on the acquisition channel.</summary>
    public const string SessionStart = "session_start";

    /// <summary>The conversion event.</summary>
    public const string Purchase = "purchase";

    /// <summary>The on-site events that count as touchpoints, and their channels.</summary>
    public static readonly IReadOnlyDictionary<string, Channel> OnSite = new Dictionary<string, Channel>(StringComparer.Ordinal)
    {
        ["promo_page"] = new("promo", MediaType.Owned, ChannelKind.Web),
        ["support_chat"] = Channels.LiveChat,
        ["review_page"] = new("reviews", MediaType.Earned, ChannelKind.Web),
        ["wishlist_add"] = new("wishlist", MediaType.Owned, ChannelKind.Web),
    };

    /// <summary>Builds the log of touches and purchases from the clickstream's log (which keeps <c>session_id</c>).</summary>
    public static EventLog From(EventLog clicks)
    {
        var sessions = clicks.GetProperty("session_id").ValueIds;
        var seen = new bool[clicks.GetProperty("session_id").Values.Count];
        var customers = clicks.CustomerIndexes;
        var builder = new EventLogBuilder(clicks.Count / 4);
        for (var row = 0; row < clicks.Count; row++)
        {
            var customer = clicks.Customers[customers[row]];
            var time = new DateTimeOffset(clicks.Timestamps[row], TimeSpan.Zero);
            var name = clicks.EventNames[clicks.EventNameIds[row]];
            if (sessions[row] >= 0 && !seen[sessions[row]])
            {
                // Rows are in time order per customer, so the first row of a session seen is its first event.
                seen[sessions[row]] = true;
                builder.Add(customer, time, SessionStart, clicks.Channels[clicks.ChannelIds[row]]);
            }

            if (OnSite.TryGetValue(name, out var channel))
            {
                builder.Add(customer, time, name, channel);
            }
            else if (name == Purchase)
            {
                builder.Add(customer, time, Purchase, Channel.Unspecified);
            }
        }

        return builder.Build();
    }
}
