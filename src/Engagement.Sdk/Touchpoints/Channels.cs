namespace Engagement.Sdk.Touchpoints;

/// <summary>
/// The built-in channels: the touchpoints of the paid / owned / earned media model that most hosts share.
/// </summary>
/// <remarks>
/// Organic search is counted as earned media (the search engine grants the visibility) and the brand's own social
/// profiles as owned media; hosts that classify them otherwise define their own channels. Names are lower-case
/// kebab-case and are the keys of <see cref="ChannelCatalog.Default"/>.
/// </remarks>
public static class Channels
{
    /// <summary>Gets <c>paid-search</c> (Paid Search): paid search ads (search engine marketing).</summary>
    public static Channel PaidSearch { get; } = new("paid-search", MediaType.Paid, ChannelKind.Search);

    /// <summary>Gets <c>paid-social</c> (Paid Social): paid social ads.</summary>
    public static Channel PaidSocial { get; } = new("paid-social", MediaType.Paid, ChannelKind.Social);

    /// <summary>Gets <c>display</c> (Paid Display): display and banner advertising.</summary>
    public static Channel Display { get; } = new("display", MediaType.Paid, ChannelKind.Display);

    /// <summary>Gets <c>organic-search</c> (Earned Search): unpaid search results: visibility the search engine grants rather than sells.</summary>
    public static Channel OrganicSearch { get; } = new("organic-search", MediaType.Earned, ChannelKind.Search);

    /// <summary>Gets <c>organic-social</c> (Owned Social): the brand's own, unpaid social profiles and posts.</summary>
    public static Channel OrganicSocial { get; } = new("organic-social", MediaType.Owned, ChannelKind.Social);

    /// <summary>Gets <c>website</c> (Owned Web): the brand's website or blog.</summary>
    public static Channel Website { get; } = new("website", MediaType.Owned, ChannelKind.Web);

    /// <summary>Gets <c>email</c> (Owned Email): email to the brand's list.</summary>
    public static Channel Email { get; } = new("email", MediaType.Owned, ChannelKind.Email);

    /// <summary>Gets <c>sms</c> (Owned Sms): text messages.</summary>
    public static Channel Sms { get; } = new("sms", MediaType.Owned, ChannelKind.Sms);

    /// <summary>Gets <c>push</c> (Owned Push): push notifications.</summary>
    public static Channel Push { get; } = new("push", MediaType.Owned, ChannelKind.Push);

    /// <summary>Gets <c>chatbot</c> (Owned Chat): an automated chat assistant.</summary>
    public static Channel Chatbot { get; } = new("chatbot", MediaType.Owned, ChannelKind.Chat);

    /// <summary>Gets <c>live-chat</c> (Owned Chat): live chat with a person.</summary>
    public static Channel LiveChat { get; } = new("live-chat", MediaType.Owned, ChannelKind.Chat);

    /// <summary>Gets <c>phone</c> (Owned Voice): phone calls.</summary>
    public static Channel Phone { get; } = new("phone", MediaType.Owned, ChannelKind.Voice);

    /// <summary>Gets <c>customer-service</c> (Owned Service): the customer service desk: tickets, returns, complaints.</summary>
    public static Channel CustomerService { get; } = new("customer-service", MediaType.Owned, ChannelKind.Service);

    /// <summary>Gets <c>review-sites</c> (Earned Review): review sites and ratings.</summary>
    public static Channel ReviewSites { get; } = new("review-sites", MediaType.Earned, ChannelKind.Review);

    /// <summary>Gets <c>press</c> (Earned Press): press and editorial coverage.</summary>
    public static Channel Press { get; } = new("press", MediaType.Earned, ChannelKind.Press);

    /// <summary>Gets <c>community</c> (Earned Community): customer communities and forums.</summary>
    public static Channel Community { get; } = new("community", MediaType.Earned, ChannelKind.Community);

    /// <summary>Gets <c>referral</c> (Earned Referral): referrals and word of mouth.</summary>
    public static Channel Referral { get; } = new("referral", MediaType.Earned, ChannelKind.Referral);

    /// <summary>Gets <c>loyalty-programme</c> (Owned Loyalty): the brand's loyalty programme.</summary>
    public static Channel LoyaltyProgramme { get; } = new("loyalty-programme", MediaType.Owned, ChannelKind.Loyalty);

    /// <summary>Gets <c>in-store</c> (Owned Store): physical stores.</summary>
    public static Channel InStore { get; } = new("in-store", MediaType.Owned, ChannelKind.Store);

    /// <summary>Gets <c>mobile-app</c> (Owned App): the brand's mobile app.</summary>
    public static Channel MobileApp { get; } = new("mobile-app", MediaType.Owned, ChannelKind.App);

    /// <summary>Gets every built-in channel, in the order declared here.</summary>
    public static IReadOnlyList<Channel> All { get; } =
    [
        PaidSearch,
        PaidSocial,
        Display,
        OrganicSearch,
        OrganicSocial,
        Website,
        Email,
        Sms,
        Push,
        Chatbot,
        LiveChat,
        Phone,
        CustomerService,
        ReviewSites,
        Press,
        Community,
        Referral,
        LoyaltyProgramme,
        InStore,
        MobileApp,
    ];
}
