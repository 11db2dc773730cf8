using Engagement.Sdk.IO;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Tests.Support;

namespace Engagement.Sdk.Tests.Responses;

public class TemplateTests
{
    private static readonly Dictionary<string, string> NameFallback = new() { ["first_name"] = "there" };

    [Fact]
    public void Render_FillsPlaceholdersFromAttributes()
    {
        var template = new ResponseTemplate("t", "Hi {first_name}, your {item} waits.", new Dictionary<string, string> { ["first_name"] = "there", ["item"] = "cart" });

        var text = template.Render(new Dictionary<string, string> { ["first_name"] = "Ada", ["item"] = "basket" });

        Assert.Equal("Hi Ada, your basket waits.", text);
        Assert.Equal(["first_name", "item"], template.Placeholders);
    }

    [Fact]
    public void Render_MissingOrNullAttribute_UsesTheFallback()
    {
        var template = new ResponseTemplate("t", "Hi {first_name}!", NameFallback);

        Assert.Equal("Hi there!", template.Render(null));
        Assert.Equal("Hi there!", template.Render(new Dictionary<string, string>()));
        Assert.Equal("Hi there!", template.Render(new Dictionary<string, string> { ["first_name"] = null! }));
        Assert.Equal("Hi there!", template.Render(new Dictionary<string, string> { ["First_Name"] = "Ada" }));
    }

    [Fact]
    public void Render_EmptyFallback_LeavesNothing()
    {
        var template = new ResponseTemplate("t", "Hello{suffix}.", new Dictionary<string, string> { ["suffix"] = string.Empty });

        Assert.Equal("Hello.", template.Render(null));
    }

    [Fact]
    public void Render_RepeatedPlaceholder_FillsEveryUse()
    {
        var template = new ResponseTemplate("t", "{first_name}, {first_name}!", NameFallback);

        Assert.Equal("Ada, Ada!", template.Render(new Dictionary<string, string> { ["first_name"] = "Ada" }));
        Assert.Equal(["first_name"], template.Placeholders);
    }

    [Fact]
    public void Render_DoubledBraces_AreLiteralBraces()
    {
        // "{{" and "}}" are one literal brace each; "{{{first_name}}}" is a brace, the placeholder, a brace.
        var template = new ResponseTemplate("t", "{{code}} {{{first_name}}}", NameFallback);

        Assert.Equal("{code} {Ada}", template.Render(new Dictionary<string, string> { ["first_name"] = "Ada" }));
        Assert.Equal(["first_name"], template.Placeholders);
    }

    [Fact]
    public void Render_NoPlaceholders_ReturnsTheText()
    {
        var template = new ResponseTemplate("t", "Thank you!");

        Assert.Equal("Thank you!", template.Render(new Dictionary<string, string> { ["x"] = "y" }));
        Assert.Empty(template.Placeholders);
    }

    [Fact]
    public void Render_DoesNotDependOnTheCulture()
    {
        var template = new ResponseTemplate("t", "İ {first_name} {amount}", new Dictionary<string, string> { ["first_name"] = "there", ["amount"] = "1.5" });
        var attributes = new Dictionary<string, string> { ["first_name"] = "ışık" };
        var invariant = template.Render(attributes);

        foreach (var culture in (string[])[.. Cultures.Awkward, "tr-TR"])
        {
            Assert.Equal(invariant, Cultures.Under(culture, () => template.Render(attributes)));
        }

        Assert.Equal("İ ışık 1.5", invariant);
    }

    [Theory]
    [InlineData("Hi {first_name}, {unknown}!", "{unknown}")]
    [InlineData("{other}", "{other}")]
    public void Constructor_PlaceholderWithoutFallback_IsRejectedNamingText(string text, string echoed)
    {
        var e = Assert.Throws<ArgumentException>(() => new ResponseTemplate("t", text, NameFallback));

        Assert.Equal("text", e.ParamName);
        Assert.Contains(echoed, e.Message, StringComparison.Ordinal);
        Assert.Contains("no fallback", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi {first_name")]
    [InlineData("Hi {first_{name}")]
    [InlineData("Hi first_name}")]
    [InlineData("Hi {")]
    [InlineData("}")]
    public void Constructor_UnbalancedBrace_IsRejectedNamingText(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => new ResponseTemplate("t", text, NameFallback));

        Assert.Equal("text", e.ParamName);
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("{first name}", "{first name}")]
    [InlineData("{1st}", "{1st}")]
    [InlineData("{naïve}", "{naïve}")]
    public void Constructor_InvalidPlaceholderName_IsRejectedNamingText(string text, string echoed)
    {
        var e = Assert.Throws<ArgumentException>(() => new ResponseTemplate("t", text, NameFallback));

        Assert.Equal("text", e.ParamName);
        Assert.Contains(echoed, e.Message, StringComparison.Ordinal);
        Assert.Contains("invalid name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FallbackForNoPlaceholder_IsRejectedNamingFallbacks()
    {
        var e = Assert.Throws<ArgumentException>(() => new ResponseTemplate("t", "Hi!", new Dictionary<string, string> { ["frist_name"] = "there" }));

        Assert.Equal("fallbacks", e.ParamName);
        Assert.Contains("frist_name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullFallbackValue_IsRejected()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new ResponseTemplate("t", "{a}", new Dictionary<string, string> { ["a"] = null! }));

        Assert.Equal("fallbacks", e.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankId_IsRejected(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => new ResponseTemplate(id, "x"));

        Assert.Equal("id", e.ParamName);
    }

    [Fact]
    public void Constructor_NullText_IsRejected() =>
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => new ResponseTemplate("t", null!)).ParamName);

    [Fact]
    public void Equality_ComparesFallbacksAsASet_AndCopiesThem()
    {
        var fallbacks = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var left = new ResponseTemplate("t", "{a}{b}", fallbacks);
        var right = new ResponseTemplate("t", "{a}{b}", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        fallbacks["a"] = "changed";

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, new ResponseTemplate("t", "{a}{b}", new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" }));
        Assert.Equal("1", left.Render(null)[..1]);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var template = new ResponseTemplate("cart", "Hi {first_name}, {{50%}} off!", NameFallback);

        var (back, text) = Json.RoundTrip(template, EngagementJson.GetTypeInfo<ResponseTemplate>());

        Assert.Equal(template, back);
        Assert.Equal("""{"id":"cart","text":"Hi {first_name}, {{50%}} off!","fallbacks":{"first_name":"there"}}""", text);
    }

    [Fact]
    public void Json_TemplateWithoutFallback_IsRefused()
    {
        var e = Assert.Throws<System.Text.Json.JsonException>(
            () => System.Text.Json.JsonSerializer.Deserialize("""{"id":"t","text":"{x}","fallbacks":{}}""", EngagementJson.GetTypeInfo<ResponseTemplate>()));

        Assert.Equal("text", Assert.IsType<ArgumentException>(e.InnerException).ParamName);
    }
}
