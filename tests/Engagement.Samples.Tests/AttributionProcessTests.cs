using System.Globalization;
using System.IO.Compression;

namespace Engagement.Samples.Tests;

/// <summary>Runs the attribution sample as a user would, as a process, and checks its tables against facts counted here
/// from the clickstream file without the library.</summary>
public class AttributionProcessTests
{
    private const string Sample = "Engagement.Samples.Attribution";

    // The default catalogue's models, in its order (definitions of issue 9).
    private static readonly string[] Models = ["first-touch", "last-touch", "last-non-direct", "linear", "time-decay", "position-based", "markov", "shapley"];

    // The run on the shipped data, made once and read by every test (a run also bootstraps a Markov model 200 times).
    private static readonly Lazy<(int Exit, string Output, string Error)> Shipped = new(() => SampleProcess.Run(Sample));

    private static readonly Lazy<(int Purchases, int Converting, int NotConverting)> Facts = new(CountFacts);

    [Fact]
    public void ShippedData_ExitsZero_AndCountsThePathsTheFileHolds()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);

        // The data's README: 31,106 events of 600 users; 470 purchase lines (zcat ecom.csv.gz | grep -c ,purchase,).
        Assert.Contains("31,106 events of 600 customers", output, StringComparison.Ordinal);
        var (purchases, converting, notConverting) = Facts.Value;
        Assert.Equal(470, purchases);
        var rows = Rows(output, "Conversion paths").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("470", rows["purchases"]);
        Assert.Equal(Text(converting), rows["converting (purchases with a touch in their lookback)"]);
        Assert.Equal(Text(notConverting), rows["not converting"]);
        Assert.Equal(Text(converting + notConverting), rows["journeys"]);
    }

    [Fact]
    public void EveryModelOfTheCatalogue_IsAColumn_AndItsCreditsAddUpToTheConvertingPurchases()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);
        var converting = Facts.Value.Converting;

        var credited = Rows(output, "Conversions credited by model");
        Assert.Equal(["channel", .. Models], Header(output, "Conversions credited by model"));
        var channels = credited.Where(r => r[0] != "total").ToList();
        // The acquisition channels (kebab-case) and the four on-site touchpoints, every one of them on some path.
        Assert.Equal(
            ["direct", "email", "live-chat", "organic", "paid-search", "promo", "reviews", "social", "wishlist"],
            channels.Select(r => r[0]));
        Assert.All(credited.Single(r => r[0] == "total").Skip(1), total => Assert.Equal(converting.ToString("0.00", CultureInfo.InvariantCulture), total));
        for (var model = 1; model <= Models.Length; model++)
        {
            // Each cell is rounded to 0.01, so the column may miss the total by half a cent per channel.
            var sum = channels.Sum(r => Number(r[model]));
            Assert.InRange(sum, converting - (0.005 * channels.Count), converting + (0.005 * channels.Count));
            Assert.All(channels, r => Assert.True(Number(r[model]) >= 0, string.Join(" ", r)));
        }

        var shares = Rows(output, "Share of conversions by model");
        for (var model = 1; model <= Models.Length; model++)
        {
            var sum = shares.Sum(r => Number(r[model].TrimEnd('%')));
            Assert.InRange(sum, 100 - (0.05 * shares.Count), 100 + (0.05 * shares.Count));
        }
    }

    [Fact]
    public void MarkovRemovalEffects_LieIn01_AndTheBootstrapIntervalsAreOrdered()
    {
        var (exit, output, error) = Shipped.Value;
        Assert.True(exit == 0, error);
        var converting = Facts.Value.Converting;

        var effects = Rows(output, "Markov removal effects");
        Assert.Equal(9, effects.Count);
        Assert.All(effects, r => Assert.InRange(Number(r[1]), 0, 1));
        var markovColumn = Rows(output, "Conversions credited by model").ToDictionary(r => r[0], r => r[1 + Array.IndexOf(Models, "markov")]);
        Assert.All(effects, r => Assert.Equal(markovColumn[r[0]], r[2]));

        var intervals = Rows(output, "Markov credits with 95% bootstrap intervals");
        Assert.Equal(9, intervals.Count);
        Assert.All(intervals, r =>
        {
            Assert.Equal(markovColumn[r[0]], r[1]);
            Assert.True(Number(r[2]) <= Number(r[3]), string.Join(" ", r));
            Assert.InRange(Number(r[2]), 0, 2 * converting);
        });
    }

    [Fact]
    public void AMissingFile_ExitsOne_WithAMessage()
    {
        var (exit, _, error) = SampleProcess.Run(Sample, Path.Combine(Path.GetTempPath(), "no-such-clickstream.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("no-such-clickstream.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlag_ExitsOne_WithTheUsage()
    {
        var (exit, _, error) = SampleProcess.Run(Sample, "--help");

        Assert.Equal(1, exit);
        Assert.StartsWith("usage: Engagement.Samples.Attribution", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// From the file alone, by the sample's definition: a user's touches are the first event of each of their sessions
    /// and their promo_page, support_chat, review_page and wishlist_add events; a purchase instant T (after the user's
    /// previous one, T′) converts, with every purchase at T, when a touch lies in (T′, T] and at most 30 days before T;
    /// a user with a touch after their last purchase instant (or without purchases) has one journey that did not
    /// convert.
    /// </summary>
    private static (int Purchases, int Converting, int NotConverting) CountFacts()
    {
        string[] onSite = ["promo_page", "support_chat", "review_page", "wishlist_add"];
        var rows = ReadFile().Skip(1).Select(line => line.Split(',')).Select(f => (User: f[0], Session: f[1], Event: f[2], Time: DateTime.ParseExact(
            f[3], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))).ToList();
        int purchases = 0, converting = 0, notConverting = 0;
        foreach (var user in rows.GroupBy(r => r.User))
        {
            var touches = user.GroupBy(r => r.Session).Select(s => s.Min(r => r.Time))
                .Concat(user.Where(r => onSite.Contains(r.Event)).Select(r => r.Time))
                .ToList();
            var previous = DateTime.MinValue;
            foreach (var instant in user.Where(r => r.Event == "purchase").GroupBy(r => r.Time).OrderBy(g => g.Key))
            {
                purchases += instant.Count();
                if (touches.Any(t => t > previous && t <= instant.Key && instant.Key - t <= TimeSpan.FromDays(30)))
                {
                    converting += instant.Count();
                }

                previous = instant.Key;
            }

            notConverting += touches.Any(t => t > previous) ? 1 : 0;
        }

        return (purchases, converting, notConverting);
    }

    private static IEnumerable<string> ReadFile()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "data", "ecom.csv.gz"));
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string Text(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Block(string output, string title) =>
        output.ReplaceLineEndings("\n").Split("\n\n").Single(block => block.StartsWith(title, StringComparison.Ordinal));

    private static string[] Header(string output, string title) =>
        Block(output, title).Split('\n')[1].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string[]> Rows(string output, string title) =>
        [.. Block(output, title).Split('\n').Skip(3).Select(line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
