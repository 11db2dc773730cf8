using Engagement.Sdk.Journeys;
using Engagement.Sdk.Responses;
using Engagement.Sdk.Surveys;

namespace Engagement.Samples.HelpDesk;

/// <summary>
/// A help desk's data: its inquiries, the customers' shop events and their NPS answers, as three JSON Lines files in
/// one folder (<see cref="InquiriesFile"/>, <see cref="EventsFile"/>, <see cref="AnswersFile"/>).
/// </summary>
internal sealed class HelpDeskData(IReadOnlyList<Inquiry> inquiries, IReadOnlyList<EngagementEvent> events, IReadOnlyList<SurveyResponse> answers)
{
    public const string InquiriesFile = "inquiries.jsonl";
    public const string EventsFile = "events.jsonl";
    public const string AnswersFile = "nps-answers.jsonl";

    public IReadOnlyList<Inquiry> Inquiries => inquiries;

    public IReadOnlyList<EngagementEvent> Events => events;

    public IReadOnlyList<SurveyResponse> Answers => answers;

    /// <summary>Reads the three files of a folder; a missing folder or file fails with <see cref="IOException"/>, a bad
    /// record with <see cref="InvalidDataException"/> naming the file, line and field.</summary>
    public static HelpDeskData Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new IOException(File.Exists(folder)
                ? $"'{folder}' is a file; give the folder that holds {InquiriesFile}, {EventsFile} and {AnswersFile}."
                : $"Could not find the folder '{folder}'.");
        }

        return Read(name => File.OpenRead(Path.Combine(folder, name)));
    }

    public static HelpDeskData ReadEmbedded() =>
        Read(name => typeof(HelpDeskData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing."));

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        JsonLinesFile.Write(Path.Combine(folder, InquiriesFile), inquiries);
        JsonLinesFile.Write(Path.Combine(folder, EventsFile), events);
        JsonLinesFile.Write(Path.Combine(folder, AnswersFile), answers);
    }

    /// <summary>
    /// The instant the report is made: the end of the local week (Monday 00:00 in <paramref name="zone"/>) after the
    /// latest time in the data, so every open inquiry is judged at the same moment.
    /// </summary>
    public DateTimeOffset AsOf(TimeZoneInfo zone)
    {
        var latest = DateTimeOffset.MinValue;
        foreach (var inquiry in inquiries)
        {
            latest = Max(latest, inquiry.LastEventAt);
        }

        foreach (var e in events)
        {
            latest = Max(latest, e.Timestamp);
        }

        foreach (var answer in answers)
        {
            latest = Max(latest, answer.Timestamp);
        }

        var local = TimeZoneInfo.ConvertTime(latest, zone).Date;
        var monday = local.AddDays(7 - (((int)local.DayOfWeek + 6) % 7));
        return new DateTimeOffset(monday, zone.GetUtcOffset(monday));
    }

    private static HelpDeskData Read(Func<string, Stream> open)
    {
        return new HelpDeskData(
            ReadFile<Inquiry>(open, InquiriesFile),
            ReadFile<EngagementEvent>(open, EventsFile),
            ReadFile<SurveyResponse>(open, AnswersFile, a => a.Kind == SurveyKind.Nps ? null : $"field 'kind': expected an Nps answer; got {a.Kind}."));
    }

    private static List<T> ReadFile<T>(Func<string, Stream> open, string name, Func<T, string?>? check = null)
        where T : class
    {
        using var reader = new StreamReader(open(name));
        return JsonLinesFile.Read(reader, name, check);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
