using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Sdk.Statistics;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The response rates of one group of inquiries (all of them, a channel, a priority), each a <see cref="Proportion"/>
/// with its counts and Wilson interval.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="ResponseRate"/>: customer-started inquiries with a response / customer-started inquiries.</item>
/// <item><see cref="AutomationRate"/>: customer-started inquiries whose first response is by a bot / customer-started
/// inquiries with a response.</item>
/// <item><see cref="ProactiveShare"/>: inquiries the brand started / all inquiries.</item>
/// <item><see cref="ReopenRate"/>: inquiries reopened at least once / inquiries ever solved.</item>
/// <item><see cref="OneTouchResolutionRate"/>: inquiries solved now with exactly one response / inquiries solved
/// now.</item>
/// </list>
/// A response is a public message by an agent or a bot. Empty input: a rate with no trials has no value. Immutable and
/// thread-safe; in JSON the rates are written for readers and recomputed from the counts when read.
/// </remarks>
public sealed class ResponseRateSummary : IEquatable<ResponseRateSummary>
{
    /// <summary>Creates a summary from its counts.</summary>
    /// <param name="inquiries">All inquiries; 0 or more.</param>
    /// <param name="customerStarted">Inquiries the customer started; at most <paramref name="inquiries"/>.</param>
    /// <param name="answered">Customer-started inquiries with a response; at most <paramref name="customerStarted"/>.</param>
    /// <param name="automated">Customer-started inquiries first answered by a bot; at most <paramref name="answered"/>.</param>
    /// <param name="everSolved">Inquiries ever solved; at most <paramref name="inquiries"/>.</param>
    /// <param name="reopened">Inquiries reopened at least once; at most <paramref name="everSolved"/>.</param>
    /// <param name="solved">Inquiries solved or closed now; at most <paramref name="everSolved"/>.</param>
    /// <param name="oneTouch">Inquiries solved now with exactly one response; at most <paramref name="solved"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or exceeds the count it is part of (names it).</exception>
    [JsonConstructor]
    public ResponseRateSummary(long inquiries, long customerStarted, long answered, long automated, long everSolved, long reopened, long solved, long oneTouch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inquiries);
        Within(customerStarted, inquiries, nameof(customerStarted), nameof(inquiries));
        Within(answered, customerStarted, nameof(answered), nameof(customerStarted));
        Within(automated, answered, nameof(automated), nameof(answered));
        Within(everSolved, inquiries, nameof(everSolved), nameof(inquiries));
        Within(reopened, everSolved, nameof(reopened), nameof(everSolved));
        Within(solved, everSolved, nameof(solved), nameof(everSolved));
        Within(oneTouch, solved, nameof(oneTouch), nameof(solved));
        Inquiries = inquiries;
        CustomerStarted = customerStarted;
        Answered = answered;
        Automated = automated;
        EverSolved = everSolved;
        Reopened = reopened;
        Solved = solved;
        OneTouch = oneTouch;
    }

    /// <summary>Gets all inquiries.</summary>
    public long Inquiries { get; }

    /// <summary>Gets the inquiries the customer started.</summary>
    public long CustomerStarted { get; }

    /// <summary>Gets the customer-started inquiries with a response.</summary>
    public long Answered { get; }

    /// <summary>Gets the customer-started inquiries first answered by a bot.</summary>
    public long Automated { get; }

    /// <summary>Gets the inquiries ever solved.</summary>
    public long EverSolved { get; }

    /// <summary>Gets the inquiries reopened at least once.</summary>
    public long Reopened { get; }

    /// <summary>Gets the inquiries solved or closed now.</summary>
    public long Solved { get; }

    /// <summary>Gets the inquiries solved now with exactly one response.</summary>
    public long OneTouch { get; }

    /// <summary>Gets whether there is a value, that is whether there is any inquiry.</summary>
    [JsonIgnore]
    public bool HasValue => Inquiries > 0;

    /// <summary>Gets the response rate: answered / customer-started.</summary>
    public Proportion ResponseRate => new(Answered, CustomerStarted);

    /// <summary>Gets the automation rate: first answered by a bot / answered (customer-started inquiries).</summary>
    public Proportion AutomationRate => new(Automated, Answered);

    /// <summary>Gets the proactive share: brand-started / all inquiries.</summary>
    public Proportion ProactiveShare => new(Inquiries - CustomerStarted, Inquiries);

    /// <summary>Gets the reopen rate: reopened / ever solved.</summary>
    public Proportion ReopenRate => new(Reopened, EverSolved);

    /// <summary>Gets the one-touch resolution rate: solved with one response / solved now.</summary>
    public Proportion OneTouchResolutionRate => new(OneTouch, Solved);

    /// <inheritdoc />
    public bool Equals(ResponseRateSummary? other) =>
        other is not null
        && Inquiries == other.Inquiries
        && CustomerStarted == other.CustomerStarted
        && Answered == other.Answered
        && Automated == other.Automated
        && EverSolved == other.EverSolved
        && Reopened == other.Reopened
        && Solved == other.Solved
        && OneTouch == other.OneTouch;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseRateSummary);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Inquiries, CustomerStarted, Answered, Automated, EverSolved, Reopened, Solved, OneTouch);

    /// <summary>Returns the summary as <c>120 inquiries: response rate 95.00% (95/100), automation rate …</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Inquiries} inquiries: response rate {ResponseRate}, automation rate {AutomationRate}, proactive share {ProactiveShare}, reopen rate {ReopenRate}, one-touch resolution rate {OneTouchResolutionRate}");

    internal static ResponseRateSummary From(long[] counts) =>
        new(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);

    private static void Within(long count, long whole, string paramName, string wholeName)
    {
        if (count < 0 || count > whole)
        {
            throw new ArgumentOutOfRangeException(
                paramName, count, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be from 0 to {wholeName} ({whole}); got {count}."));
        }
    }
}
