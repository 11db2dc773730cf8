using System.Globalization;
using System.Text.Json;
using Engagement.Samples.HelpDesk;
using Engagement.Sdk.Responses;

namespace Engagement.Samples.Tests;

/// <summary>Runs the help-desk sample as a user would, as a process, and checks what it prints and returns.</summary>
public class HelpDeskProcessTests
{
    private const string GoodInquiry =
        """{"id":"T-1","customerId":"c1","channel":{"name":"email","mediaType":"Owned","kind":"Email"},"priority":"High","openedAt":"2026-05-11T10:00:00+02:00","messages":[{"timestamp":"2026-05-11T10:00:00+02:00","author":"Customer","responseType":null,"isPublic":true},{"timestamp":"2026-05-11T11:00:00+02:00","author":"Agent","responseType":"Manual","isPublic":true}],"statusChanges":[{"timestamp":"2026-05-11T11:05:00+02:00","status":"Solved"}],"initiator":"Customer"}""";

    private const string GoodEvent =
        """{"eventId":"e1","customerId":"c1","timestamp":"2026-05-11T20:00:00+02:00","name":"product_view","channel":{"name":"website","mediaType":"Owned","kind":"Web"},"stage":null,"value":null,"currency":null,"properties":{}}""";

    private const string GoodAnswer =
        """{"customerId":"c1","timestamp":"2026-05-11T12:00:00+02:00","kind":"Nps","score":3,"channel":null}""";

    [Fact]
    public void EmbeddedData_ExitsZero_AndPrintsEverySection()
    {
        var (exit, output, error) = Run();

        Assert.True(exit == 0, error);

        // Counted here from the raw JSON of the embedded file, without the model: records, proactive ones, customers.
        var inquiries = RawLines(HelpDeskData.InquiriesFile);
        var proactive = inquiries.Count(i => i.GetProperty("initiator").GetString() == "Brand");
        var customers = inquiries.Select(i => i.GetProperty("customerId").GetString()).Distinct().Count();
        Assert.Contains($"{inquiries.Count} inquiries ({proactive} proactive) of {customers} customers, opened 2026-05-11 to 2026-05-17", output, StringComparison.Ordinal);
        // Monday to Friday 09:00–17:30 is 8.5 h a day; Thursday 14 May is a holiday, so the week holds 4 × 8.5 = 34 h.
        Assert.Contains("closed 2026-05-14: 34 business hours in the week to 2026-05-18 00:00", output, StringComparison.Ordinal);
        foreach (var title in new[]
        {
            "Inquiries by channel",
            "Response rates (automation: first response by a bot, of customer-started inquiries answered)",
            "Response times: p50 and p90 in business time (desk hours) and calendar time",
            "SLA compliance (achieved / achieved + breached + open breached) per channel and priority",
            "Overall compliance ",
            "What to answer next (open targets by due time)",
            "Checkout funnel (ordered, 7-day window)",
            "Responses planned for the week (presets, and help for checkout drop-outs)",
            "First detractor-follow-up responses:",
            "First checkout-help responses:",
            "First sla-escalation responses:",
        })
        {
            Assert.Contains(title, output, StringComparison.Ordinal);
        }

        // Unanswered customer-started inquiries that are not solved: each still owes its first reply to the SLA.
        var owed = inquiries.Count(i =>
            i.GetProperty("initiator").GetString() == "Customer"
            && !i.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("author").GetString() != "Customer" && m.GetProperty("isPublic").GetBoolean())
            && i.GetProperty("statusChanges").EnumerateArray().Select(c => c.GetProperty("status").GetString()).LastOrDefault() is not ("Solved" or "Closed"));
        Assert.Contains($"First reply still owed: {owed} inquiries (", output, StringComparison.Ordinal);

        // The rates over all inquiries, by the definitions: response rate = customer-started inquiries with a public
        // agent or bot message / customer-started; automation = of those answered, the ones whose first such message is
        // the bot's; proactive share = brand-started / all.
        var customerStarted = inquiries.Where(i => i.GetProperty("initiator").GetString() == "Customer").ToList();
        var firstAuthors = customerStarted
            .Select(i => i.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("author").GetString() != "Customer" && m.GetProperty("isPublic").GetBoolean())
                .Select(m => m.GetProperty("author").GetString()).FirstOrDefault())
            .Where(author => author is not null).ToList();
        Assert.Matches(
            $@"\nall\s+{inquiries.Count}\s+{Percent(firstAuthors.Count, customerStarted.Count)}\s+{Percent(firstAuthors.Count(a => a == "Bot"), firstAuthors.Count)}\s+{Percent(proactive, inquiries.Count)}\s",
            output.ReplaceLineEndings("\n"));

        // One first-response time per answered customer-started inquiry; full resolution and the waits per solved one.
        var solved = inquiries.Count(i => i.GetProperty("statusChanges").EnumerateArray().Select(c => c.GetProperty("status").GetString()).LastOrDefault() is "Solved" or "Closed");
        Assert.Matches($@"\nfirst response\s+{firstAuthors.Count}\s", output.ReplaceLineEndings("\n"));
        Assert.Matches($@"\nfull resolution\s+{solved}\s", output.ReplaceLineEndings("\n"));

        // Every purchase in the week gets an order-confirmation SMS (uncapped); every sign-up a welcome email (one a year).
        var weekEvents = RawLines(HelpDeskData.EventsFile)
            .Where(e => e.GetProperty("timestamp").GetDateTimeOffset() >= new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.FromHours(2))).ToList();
        var purchases = weekEvents.Count(e => e.GetProperty("name").GetString() == "purchase");
        var signUps = weekEvents.Where(e => e.GetProperty("name").GetString() == "sign_up").Select(e => e.GetProperty("customerId").GetString()).Distinct().Count();
        var text = output.ReplaceLineEndings("\n");
        Assert.Matches($@"\norder-confirmation-sms\s+Automated\s+sms\s+{purchases}\s+0\s", text);
        Assert.Matches($@"\nwelcome-email\s+Automated\s+email\s+{signUps}\s+0\s", text);

        // The escalation preset takes every open SLA target with at most an hour left at the week's end (overdue ones too),
        // counted here from the policy's own evaluation of each inquiry rather than through the planner.
        var asOf = new DateTimeOffset(2026, 5, 18, 0, 0, 0, TimeSpan.FromHours(2));
        var escalations = HelpDeskData.ReadEmbedded().Inquiries.Sum(i => DeskPolicy.Sla.Evaluate(i, asOf).Count(e =>
            e.Status is SlaStatus.OpenBreached or SlaStatus.OpenWithinTarget && e.TimeLeft <= TimeSpan.FromHours(1)));
        Assert.Matches($@"\nsla-escalation\s+Manual\s+customer-service\s+{escalations}\s+0\s", text);

        // The funnel's first step: the customers with a product view in the events file.
        var viewers = weekEvents.Where(e => e.GetProperty("name").GetString() == "product_view")
            .Select(e => e.GetProperty("customerId").GetString()).Distinct().Count();
        Assert.Matches($@"\nproduct_view\s+{viewers}\s+100\.0%\s+0\n", text);
    }

    [Fact]
    public void AFolderOfTheSameFiles_IsRead()
    {
        var folder = WriteFolder(GoodInquiry, GoodEvent, GoodAnswer);
        try
        {
            var (exit, output, error) = Run(folder);

            Assert.True(exit == 0, error);
            Assert.Contains("1 inquiries (0 proactive) of 1 customers, opened 2026-05-11 to 2026-05-11", output, StringComparison.Ordinal);
            Assert.Contains("in the week to 2026-05-18 00:00", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EmptyShopFiles_StillGiveTheDeskTables_AndNoInquiriesSaysSo()
    {
        var folder = WriteFolder(GoodInquiry, string.Empty, string.Empty);
        try
        {
            var (exit, output, error) = Run(folder);

            Assert.True(exit == 0, error);
            // T-1: an email answered an hour after it was opened, then solved: one first response, nothing planned.
            Assert.Matches(@"\nfirst response\s+1\s+1\.0 h\s+1\.0 h\s+1\.0 h\s+1\.0 h\n", output.ReplaceLineEndings("\n"));
            Assert.Matches(@"\nwelcome-email\s+Automated\s+email\s+0\s+0\s+n/a\n", output.ReplaceLineEndings("\n"));

            File.WriteAllText(Path.Combine(folder, HelpDeskData.InquiriesFile), string.Empty);
            var empty = Run(folder);
            Assert.Equal(0, empty.Exit);
            Assert.Equal("The help desk holds no inquiries.", empty.Output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(HelpDeskData.InquiriesFile, """{"id":" ","customerId":"c1","channel":{"name":"email","mediaType":"Owned","kind":"Email"},"priority":"High","openedAt":"2026-05-11T10:00:00+02:00","messages":[],"statusChanges":[],"initiator":"Customer"}""", "inquiries.jsonl, line 2, field 'id':")]
    [InlineData(HelpDeskData.InquiriesFile, """{"id":"T-2","customerId":"c1","channel":{"name":"email","mediaType":"Owned","kind":"Email"},"priority":"Highest","openedAt":"2026-05-11T10:00:00+02:00","messages":[],"statusChanges":[],"initiator":"Customer"}""", "inquiries.jsonl, line 2, field 'priority':")]
    [InlineData(HelpDeskData.InquiriesFile, """{"id":"T-2","customerId":"c1","channel":{"name":"email","mediaType":"Owned","kind":"Email"},"priority":"High","openedAt":"2026-05-11T10:00:00+02:00","messages":[],"statusChanges":[{"timestamp":"2026-05-11T11:00:00+02:00","status":"Closed"}],"initiator":"Customer"}""", "inquiries.jsonl, line 2, field 'statusChanges':")]
    [InlineData(HelpDeskData.EventsFile, """{"eventId":"e2","customerId":"c1","timestamp":"2026-05-11 20:00","name":"purchase","channel":{"name":"website","mediaType":"Owned","kind":"Web"},"stage":null,"value":null,"currency":null,"properties":{}}""", "events.jsonl, line 2, field 'timestamp':")]
    [InlineData(HelpDeskData.AnswersFile, """{"customerId":"c1","timestamp":"2026-05-11T12:00:00+02:00","kind":"Csat","score":3,"channel":null}""", "nps-answers.jsonl, line 2, field 'kind': expected an Nps answer; got Csat.")]
    [InlineData(HelpDeskData.AnswersFile, """{"customerId":"c1","timestamp":"2026-05-11T12:00:00+02:00","kind":"Nps","score":11,"channel":null}""", "nps-answers.jsonl, line 2, field 'score':")]
    public void ABadLine_IsReportedByFileLineAndField_WithExitCodeOne(string file, string line, string expected)
    {
        var inquiries = GoodInquiry + (file == HelpDeskData.InquiriesFile ? "\n" + line : string.Empty);
        var events = GoodEvent + (file == HelpDeskData.EventsFile ? "\n" + line : string.Empty);
        var answers = GoodAnswer + (file == HelpDeskData.AnswersFile ? "\n" + line : string.Empty);
        var folder = WriteFolder(inquiries, events, answers);
        try
        {
            var (exit, _, error) = Run(folder);

            Assert.Equal(1, exit);
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AMissingFile_AFile_AMissingFolder_AndBadArguments_ExitOne()
    {
        var folder = WriteFolder(GoodInquiry, GoodEvent, GoodAnswer);
        try
        {
            File.Delete(Path.Combine(folder, HelpDeskData.AnswersFile));
            var missingFile = Run(folder);
            Assert.Equal(1, missingFile.Exit);
            Assert.Contains("nps-answers.jsonl", missingFile.Error, StringComparison.Ordinal);

            var file = Run(Path.Combine(folder, HelpDeskData.InquiriesFile));
            Assert.Equal(1, file.Exit);
            Assert.Contains("is a file; give the folder", file.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var missingFolder = Run(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));
        Assert.Equal(1, missingFolder.Exit);
        Assert.StartsWith("Could not find the folder", missingFolder.Error, StringComparison.Ordinal);

        foreach (var arguments in new[] { new[] { "a", "b" }, ["--verbose"], ["--generate"], ["--generate", "a", "b"] })
        {
            var usage = Run(arguments);
            Assert.Equal(1, usage.Exit);
            Assert.StartsWith("usage:", usage.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_WritesTheShippedFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "helpdesk-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = Run("--generate", folder);

            Assert.True(exit == 0, error);
            Assert.Contains("Wrote 456 inquiries, 1513 events and 132 NPS answers (seed 20260511)", output, StringComparison.Ordinal);
            Assert.Equal(RawText(HelpDeskData.InquiriesFile), File.ReadAllText(Path.Combine(folder, HelpDeskData.InquiriesFile)));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string WriteFolder(string inquiries, string events, string answers)
    {
        var folder = Directory.CreateTempSubdirectory("helpdesk-").FullName;
        File.WriteAllText(Path.Combine(folder, HelpDeskData.InquiriesFile), inquiries + "\n");
        File.WriteAllText(Path.Combine(folder, HelpDeskData.EventsFile), events + "\n");
        File.WriteAllText(Path.Combine(folder, HelpDeskData.AnswersFile), answers + "\n");
        return folder;
    }

    private static string RawText(string name)
    {
        using var stream = typeof(HelpDeskData).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<JsonElement> RawLines(string name) =>
        RawText(name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    private static (int Exit, string Output, string Error) Run(params string[] arguments) =>
        SampleProcess.Run("Engagement.Samples.HelpDesk", arguments);
}
