using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Touchpoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Sdk.DependencyInjection.Tests;

public class ResponsesRegistrationTests
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddEngagement_Defaults_GivesAnEmptyPolicyAndAPlanner()
    {
        using var provider = new ServiceCollection().AddEngagement().Services.BuildServiceProvider(validateScopes: true);

        Assert.Empty(provider.GetRequiredService<ResponsePolicy>().Rules);
        Assert.Empty(provider.GetRequiredService<ResponsePlanner>().Observe(Event("c1", "sign_up")));
    }

    [Fact]
    public void AddRule_BuildsThePolicy_AndEachResolutionIsANewPlanner()
    {
        using var provider = new ServiceCollection()
            .AddEngagement(o => o.Responses.AddRule(ResponsePresets.WelcomeEmail()).AddTemplates(ResponsePresets.Templates))
            .Services.BuildServiceProvider();

        var policy = provider.GetRequiredService<ResponsePolicy>();
        Assert.Equal([ResponsePresets.WelcomeEmailName], policy.Rules.Select(r => r.Name));
        var planner = provider.GetRequiredService<ResponsePlanner>();
        Assert.Same(policy, planner.Policy);
        Assert.NotSame(planner, provider.GetRequiredService<ResponsePlanner>());
        Assert.Equal("Welcome to our shop, there! We are glad you joined.", Assert.Single(planner.Observe(Event("c1", "sign_up"))).Text);
    }

    [Fact]
    public void AddResponseRule_AddsTheServiceRuleAfterTheOptionsRules_Once()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new Greeting("Hi {first_name}"));
        services.AddEngagement(o => o.Responses.AddRule(ResponsePresets.ThankYou()).AddTemplates(ResponsePresets.Templates))
            .AddResponseRule<VipCall>()
            .AddResponseRule<VipCall>();
        using var provider = services.BuildServiceProvider();

        Assert.Equal([ResponsePresets.ThankYouName, "vip-call"], provider.GetRequiredService<ResponsePolicy>().Rules.Select(r => r.Name));
        Assert.Single(services, d => d.ServiceType == typeof(IResponseRule));
        Assert.Equal([ResponsePresets.ThankYouName, "vip-call"], provider.GetRequiredService<ResponsePlanner>().Observe(Event("c1", "purchase")).Select(p => p.RuleName));
    }

    [Fact]
    public void InvalidResponses_FailAtStartNamingTheSection()
    {
        using var provider = new ServiceCollection()
            .AddEngagement(o => o.Responses.AddRule(ResponsePresets.WelcomeEmail()).AddRule(ResponsePresets.WelcomeEmail("register")))
            .Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ResponsePolicy>());
        Assert.Contains("EngagementOptions.Responses", e.Message, StringComparison.Ordinal);
        Assert.Contains("'welcome-email'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTemplate_FailsAtStart()
    {
        using var provider = new ServiceCollection()
            .AddEngagement(o => o.Responses.AddRule(ResponsePresets.ThankYou()))
            .Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ResponsePlanner>());
        Assert.Contains("'thank-you'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceRule_CollidingWithAnOptionsRule_FailsAtStart()
    {
        // VipCall is named "vip-call"; so is the options' rule: the policy refuses two rules of one name.
        var services = new ServiceCollection();
        services.AddSingleton(new Greeting("Hi"));
        services.AddEngagement(o => o.Responses.AddRule(new ResponseRule("vip-call", ResponseTrigger.OnEvent("x"), new ResponseAction(ResponseType.Manual, Channels.Phone, ResponsePresets.ThankYouName)))
                .AddTemplates(ResponsePresets.Templates))
            .AddResponseRule<VipCall>();
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EngagementOptions>>().Value);
        Assert.Contains("EngagementOptions.Responses", e.Message, StringComparison.Ordinal);
        Assert.Contains("'vip-call'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlaRuleWithoutAnSlaPolicy_FailsAtStart()
    {
        using var provider = new ServiceCollection()
            .AddEngagement(o => o.Responses.AddRule(ResponsePresets.SlaEscalation()).AddTemplates(ResponsePresets.Templates))
            .Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EngagementOptions>>().Value);
        Assert.Contains("'sla-escalation'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResponsesConfigurationKey_FailsAsCodeOnly()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Responses:Rules:0"] = "x" }).Build();
        using var provider = new ServiceCollection().AddEngagement().Bind(configuration).Services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EngagementOptions>>().Value);
        Assert.Contains("o.Responses.AddRule", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRule_Null_IsRefused() =>
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => new ResponseOptions().AddRule(null!)).ParamName);

    private static EngagementEvent Event(string customer, string name) => new($"{customer}-{name}", customer, Monday10, name, Channels.Website);

    /// <summary>A host rule with a dependency of its own.</summary>
    private sealed class VipCall(Greeting greeting) : IResponseRule
    {
        public string Name => "vip-call";

        public ResponseTrigger Trigger { get; } = ResponseTrigger.OnEvent("purchase");

        public FrequencyCap? Cap => null;

        public ResponseAction? Decide(ResponseContext context) =>
            greeting.Text.Length > 0 ? new ResponseAction(ResponseType.Manual, Channels.Phone, ResponsePresets.ThankYouName) : null;
    }

    private sealed record Greeting(string Text);
}
