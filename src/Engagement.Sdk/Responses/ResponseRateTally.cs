using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The eight counts behind the response rates of one group of inquiries, in the order states keep them: inquiries,
/// customer-started, answered (customer-started with a response), automated (customer-started first answered by a bot),
/// ever solved, reopened, solved now, one-touch (solved now with exactly one response).
/// </summary>
internal static class ResponseRateTally
{
    public const int Length = 8;
    public const int Inquiries = 0;
    public const int CustomerStarted = 1;
    public const int Answered = 2;
    public const int Automated = 3;
    public const int EverSolved = 4;
    public const int Reopened = 5;
    public const int Solved = 6;
    public const int OneTouch = 7;

    private static readonly string[] Names = ["inquiries", "customerStarted", "answered", "automated", "everSolved", "reopened", "solved", "oneTouch"];

    // Each count is a subset of the count at the same index here: answered ⊆ customer-started, and so on.
    private static readonly int[] Within = [-1, Inquiries, CustomerStarted, Answered, Inquiries, EverSolved, EverSolved, Solved];

    /// <summary>Adds one inquiry's flags to a group's counts; the caller has checked the inquiry count.</summary>
    public static void Add(long[] counts, Inquiry inquiry)
    {
        counts[Inquiries]++;
        var first = inquiry.FirstResponse;
        if (inquiry.Initiator == InquiryInitiator.Customer)
        {
            counts[CustomerStarted]++;
            if (first is not null)
            {
                counts[Answered]++;
                if (first.Author == MessageAuthor.Bot)
                {
                    counts[Automated]++;
                }
            }
        }

        if (inquiry.FirstSolvedAt is not null)
        {
            counts[EverSolved]++;
            if (inquiry.Reopens > 0)
            {
                counts[Reopened]++;
            }
        }

        if (inquiry.IsSolved)
        {
            counts[Solved]++;
            if (inquiry.PublicResponseCount == 1)
            {
                counts[OneTouch]++;
            }
        }
    }

    /// <summary>Checks and copies one group's counts: eight, none negative, each within the count it is part of, and
    /// solved + reopened ≥ ever solved.</summary>
    public static long[] Check(IReadOnlyList<long> counts, string paramName, string group)
    {
        ArgumentNullException.ThrowIfNull(counts, paramName);
        if (counts.Count != Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The counts of {group} are {Length} ({string.Join(", ", Names)}); got {counts.Count}."), paramName);
        }

        var copy = new long[Length];
        for (var i = 0; i < Length; i++)
        {
            copy[i] = counts[i];
            if (copy[i] < 0 || (Within[i] >= 0 && copy[i] > copy[Within[i]]))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    copy[i],
                    Within[i] < 0
                        ? string.Create(CultureInfo.InvariantCulture, $"The {Names[i]} count of {group} must be 0 or more; got {copy[i]}.")
                        : string.Create(CultureInfo.InvariantCulture, $"The {Names[i]} count of {group} must be from 0 to its {Names[Within[i]]} count {copy[Within[i]]}; got {copy[i]}."));
            }
        }

        // An inquiry ever solved and never reopened is still solved (or closed), so the solved count holds at least
        // those; reopened ≤ everSolved was checked above, so the difference cannot overflow.
        var neverReopened = copy[EverSolved] - copy[Reopened];
        if (copy[Solved] < neverReopened)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                copy[Solved],
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The solved count of {group} must be at least its everSolved count {copy[EverSolved]} less its reopened count {copy[Reopened]}, {neverReopened}: an inquiry solved and never reopened is still solved; got {copy[Solved]}."));
        }

        return copy;
    }

    /// <summary>Returns the JSON name of the count at an index, such as <c>everSolved</c>.</summary>
    public static string NameOf(int index) => Names[index];
}
