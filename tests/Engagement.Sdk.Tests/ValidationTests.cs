using System.Globalization;
using Engagement.Sdk.Touchpoints;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests;

public class ValidationTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Theory]
    [InlineData("x")]
    [InlineData("live-chat")]
    [InlineData("Paid Search")]
    [InlineData("café")]
    [InlineData("日本語")]
    [InlineData("a\U0001F600b")]
    [InlineData("Unspecified")]
    public void Name_Valid_ReturnsIt(string value) => Assert.Same(value, Validation.Name(value, "p", "channel name"));

    [Fact]
    public void Name_HundredCodeUnits_IsAccepted_HundredAndOneIsNot()
    {
        Assert.Equal(100, Validation.Name(new string('x', 100), "p", "channel name").Length);

        var e = Assert.Throws<ArgumentException>(() => Validation.Name(new string('x', 101), "p", "channel name"));
        Assert.Equal("p", e.ParamName);
        Assert.StartsWith("A channel name must have 1 to 100 UTF-16 code units; got 101: '", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_Empty_ThrowsSayingWhatItIs()
    {
        var e = Assert.Throws<ArgumentException>(() => Validation.Name("", "brand", "brand name"));

        Assert.Equal("brand", e.ParamName);
        Assert.Equal("A brand name must have 1 to 100 UTF-16 code units; got 0: ''. (Parameter 'brand')", e.Message);
    }

    [Fact]
    public void Name_Null_ThrowsArgumentNullExceptionNamingParameter() =>
        Assert.Equal("brand", Assert.Throws<ArgumentNullException>(() => Validation.Name(null!, "brand", "brand name")).ParamName);

    [Theory]
    [InlineData(" email")]
    [InlineData("email ")]
    [InlineData("email\u00A0")]
    [InlineData("\u3000email")]
    [InlineData(" ")]
    public void Name_PaddedWithWhiteSpace_Throws(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => Validation.Name(value, "p", "stage name"));

        Assert.Equal("p", e.ParamName);
        Assert.StartsWith("A stage name must not start or end with white space; got '", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0000, "control character")]
    [InlineData(0x0009, "control character")]
    [InlineData(0x000A, "control character")]
    [InlineData(0x001F, "control character")]
    [InlineData(0x007F, "control character")]
    [InlineData(0x0085, "control character")]
    [InlineData(0x009F, "control character")]
    [InlineData(0x061C, "bidirectional control")]
    [InlineData(0x200E, "bidirectional control")]
    [InlineData(0x200F, "bidirectional control")]
    [InlineData(0x202A, "bidirectional control")]
    [InlineData(0x202B, "bidirectional control")]
    [InlineData(0x202C, "bidirectional control")]
    [InlineData(0x202D, "bidirectional control")]
    [InlineData(0x202E, "bidirectional control")]
    [InlineData(0x2066, "bidirectional control")]
    [InlineData(0x2067, "bidirectional control")]
    [InlineData(0x2068, "bidirectional control")]
    [InlineData(0x2069, "bidirectional control")]
    [InlineData(0x200B, "zero-width character")]
    [InlineData(0x200C, "zero-width character")]
    [InlineData(0x200D, "zero-width character")]
    [InlineData(0x2060, "zero-width character")]
    [InlineData(0xFEFF, "zero-width character")]
    [InlineData(0xD800, "lone surrogate")]
    [InlineData(0xDBFF, "lone surrogate")]
    [InlineData(0xDC00, "lone surrogate")]
    [InlineData(0xDFFF, "lone surrogate")]
    public void Name_ForbiddenCharacter_ThrowsGivingCodePointAndIndex(int codePoint, string kind)
    {
        // Built here rather than in InlineData, which would turn lone surrogates into U+FFFD.
        var value = "ab" + (char)codePoint + "cd";

        var e = Assert.Throws<ArgumentException>(() => Validation.Name(value, "name", "channel name"));

        Assert.Equal("name", e.ParamName);
        Assert.Equal(
            $"A channel name must not contain the {kind} U+{codePoint:X4}; found at index 2 of 'ab\\u{codePoint:X4}cd'. (Parameter 'name')",
            e.Message);
    }

    [Fact]
    public void Name_SpoofedByRightToLeftOverride_ThrowsWithTheOverrideEscaped()
    {
        // "ev" RLO "il" displays as "evli": the override reverses what follows it.
        var e = Assert.Throws<ArgumentException>(() => Validation.Name("ev\u202Eil", "name", "channel name"));

        Assert.Equal(
            "A channel name must not contain the bidirectional control U+202E; found at index 2 of 'ev\\u202Eil'. (Parameter 'name')",
            e.Message);
        Assert.DoesNotContain('\u202E', e.Message);
    }

    [Fact]
    public void Name_LeadingTab_ReportsTheControlCharacterRatherThanWhiteSpace() =>
        Assert.Contains(
            "control character U+0009; found at index 0",
            Assert.Throws<ArgumentException>(() => Validation.Name("\tx", "p", "stage name")).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Name_LoneSurrogate_ReportsItsIndex()
    {
        // Built here, not in InlineData: xUnit's discovery would turn lone surrogates into U+FFFD.
        (string Value, int Index)[] cases =
        [
            ("\uDC00\uD83D", 0), // a low surrogate first: both halves are alone
            ("ab\uD83D", 2), // a high surrogate at the end
            ("\uD83D\uDE00\uDE00", 2), // a pair, then a low surrogate with no high one
        ];

        foreach (var (value, index) in cases)
        {
            Assert.Contains(
                $"lone surrogate U+{(int)value[index]:X4}; found at index {index} of",
                Assert.Throws<ArgumentException>(() => Validation.Name(value, "p", "channel name")).Message,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Name_HugeValue_EchoesOnlyItsStart()
    {
        var e = Assert.Throws<ArgumentException>(() => Validation.Name(new string('x', 1_000_000), "name", "channel name"));

        Assert.Equal(
            "A channel name must have 1 to 100 UTF-16 code units; got 1000000: '" + new string('x', 64) + "…'. (Parameter 'name')",
            e.Message);
    }

    [Fact]
    public void Name_AnyNameOfLettersDigitsAndHyphens_IsAccepted() =>
        Prop.ForAll(Names.Valid(), name => ReferenceEquals(name, Validation.Name(name, "p", "channel name"))).Check(Many);

    [Fact]
    public void Name_AnyNameHoldingAForbiddenCharacter_IsRejectedAtThatIndex() =>
        Prop.ForAll(Names.WithForbidden(), input =>
        {
            var (name, index) = input;
            var e = Assert.Throws<ArgumentException>(() => Validation.Name(name, "p", "channel name"));
            var code = string.Create(CultureInfo.InvariantCulture, $"U+{(int)name[index]:X4}; found at index {index} of");
            return e.ParamName == "p" && e.Message.Contains(code, StringComparison.Ordinal);
        }).Check(Many);

    [Theory]
    [InlineData("", "")]
    [InlineData("email", "email")]
    [InlineData("a\nb", "a\\u000Ab")]
    [InlineData("ev\u202Eil", "ev\\u202Eil")]
    [InlineData("\uFEFFx", "\\uFEFFx")]
    [InlineData("a\u2028b\u2029", "a\\u2028b\\u2029")]
    [InlineData("a\U0001F600", "a\U0001F600")]
    public void Echo_ShortValue_EscapesInvisibleCharactersOnly(string value, string expected) =>
        Assert.Equal(expected, Validation.Echo(value));

    [Fact]
    public void Echo_LoneSurrogates_AreEscaped()
    {
        Assert.Equal("a\\uD800b", Validation.Echo("a\uD800b"));
        Assert.Equal("\\uDE00a", Validation.Echo("\uDE00a"));
    }

    [Fact]
    public void Echo_SixtyFourCodeUnits_IsKeptWhole_SixtyFiveIsCut()
    {
        var sixtyFour = new string('x', 64);

        Assert.Equal(sixtyFour, Validation.Echo(sixtyFour));
        Assert.Equal(sixtyFour + "…", Validation.Echo(sixtyFour + "y"));
        Assert.Equal(sixtyFour + "…", Validation.Echo(new string('x', 1_000_000)));
    }

    [Fact]
    public void Echo_CutThroughASurrogatePair_DropsTheWholePair()
    {
        // 63 x, then U+1F600 as code units 63 and 64: keeping 64 would split it, so only the x remain.
        var value = new string('x', 63) + "\U0001F600" + "y";

        Assert.Equal(new string('x', 63) + "…", Validation.Echo(value));
    }

    [Fact]
    public void Echo_EscapesDoNotCountTowardsTheCut()
    {
        // 64 code units are kept; each is written as six characters (\u0001), so 384 in all and nothing is cut.
        var value = new string('\u0001', 64);

        Assert.Equal(string.Concat(Enumerable.Repeat("\\u0001", 64)), Validation.Echo(value));
        Assert.Equal(384, Validation.Echo(value).Length);
    }

    [Fact]
    public void Echo_AnyString_IsBoundedAndShowsNothingInvisible() =>
        Prop.ForAll(Names.AnyText(), value =>
        {
            var echo = Validation.Echo(value);
            var hidden = Enumerable.Range(0, echo.Length).Any(i =>
                char.GetUnicodeCategory(echo[i]) is UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (char.IsHighSurrogate(echo[i]) && (i + 1 == echo.Length || !char.IsLowSurrogate(echo[i + 1])))
                || (char.IsLowSurrogate(echo[i]) && (i == 0 || !char.IsHighSurrogate(echo[i - 1]))));
            var cutShown = value.Length <= Validation.EchoLength || echo.EndsWith('…');
            return echo.Length <= (Validation.EchoLength * 6) + 1 && !hidden && cutShown;
        }).Check(Many);

    [Fact]
    public void NotBlank_HugeWhiteSpace_EchoesOnlyItsStart()
    {
        var e = Assert.Throws<ArgumentException>(() => Validation.NotBlank(new string(' ', 1_000_000), "customerId"));

        Assert.Equal(
            "The value must not be empty or white space; got '" + new string(' ', 64) + "…'. (Parameter 'customerId')",
            e.Message);
    }

    [Fact]
    public void NotBlank_ControlCharacters_AreEscapedInTheMessage() =>
        Assert.Equal(
            "The value must not be empty or white space; got '\\u0009\\u000A'. (Parameter 'p')",
            Assert.Throws<ArgumentException>(() => Validation.NotBlank("\t\n", "p")).Message);

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("sv-SE")]
    public void Defined_NegativeUndefinedValue_PrintsAnAsciiMinusInAnyCulture(string culture)
    {
        var e = Cultures.Under(culture, () => Assert.Throws<ArgumentOutOfRangeException>(() => Validation.Defined((MediaType)(-1), "mediaType")));

        Assert.Equal("mediaType", e.ParamName);
        Assert.StartsWith("-1 is not a defined MediaType. (Parameter 'mediaType')", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Bounded generators of names, valid and not, for the name checks' properties.</summary>
internal static class Names
{
    private const string Safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";

    /// <summary>Every character <see cref="Validation.Name"/> refuses, as listed in the review issue.</summary>
    public static readonly char[] Forbidden =
    [
        .. Enumerable.Range(0x00, 0x20).Select(i => (char)i),
        .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
        '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
        '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF',
        '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
    ];

    /// <summary>Names of 1–100 letters, digits and hyphens.</summary>
    public static Arbitrary<string> Valid() => Arb.From(SafeText(1, Validation.MaxNameLength), Shrink);

    /// <summary>A safe prefix, one forbidden character, a safe suffix (100 code units at most), and the character's index.</summary>
    public static Arbitrary<(string Name, int Index)> WithForbidden() =>
        Arb.From(
            from prefix in SafeText(0, 50)
            from bad in Gen.Elements(Forbidden)
            from suffix in SafeText(0, 49)
            select (prefix + bad + suffix, prefix.Length));

    /// <summary>Strings of 0–200 arbitrary UTF-16 code units, lone surrogates included.</summary>
    public static Arbitrary<string> AnyText() =>
        Arb.From(
            Gen.Choose(0, 200).SelectMany(length => Gen.Choose(0, 0xFFFF).Select(i => (char)i).ArrayOf(length)).Select(chars => new string(chars)),
            Shrink);

    private static Gen<string> SafeText(int min, int max) =>
        Gen.Choose(min, max).SelectMany(length => Gen.Elements(Safe.ToCharArray()).ArrayOf(length)).Select(chars => new string(chars));

    private static IEnumerable<string> Shrink(string value) =>
        value.Length > 1 ? [value[..(value.Length / 2)], value[1..]] : [];
}
