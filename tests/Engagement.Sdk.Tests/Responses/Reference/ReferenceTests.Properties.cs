using Engagement.Sdk.Responses;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses.Reference;

/// <summary>Invariants the reference itself must keep on random inquiries and calendars; several pit two of its code paths against each other.</summary>
public partial class ReferenceTests
{
    private static readonly Config Some = Config.QuickThrowOnFailure.WithMaxTest(60);

    private static readonly NaiveSlaMetric[] SlaMetrics = Enum.GetValues<NaiveSlaMetric>();

    private static Arbitrary<string> Zones() => Gen.Elements("UTC", "Europe/Amsterdam", "America/New_York").ToArbitrary();

    [Fact]
    public void Property_AddBusinessMinutes_RoundTrips_AndIsTheEarliestSuchInstant() =>
        Prop.ForAll(
            RefInquiryGenerators.Calendars(),
            Gen.Elements(RefInquiryGenerators.Origins.ToArray()).ToArbitrary(),
            Gen.Choose(0, 1500).ToArbitrary(),
            (calendar, start, minutes) =>
            {
                if (calendar.Hours.Count == 0)
                {
                    return true;
                }

                var end = NaiveCalendar.AddBusinessMinutes(calendar, start, minutes);
                return NaiveCalendar.BusinessMinutes(calendar, start, end) == minutes
                    && (minutes == 0 ? end == start : NaiveCalendar.BusinessMinutes(calendar, start, end.AddMinutes(-1)) == minutes - 1);
            }).Check(Some);

    [Fact]
    public void Property_AlwaysOpenCalendar_BusinessTimeEqualsCalendarTime() =>
        // The business path walks minutes (waits: minute by minute through the status timeline); the calendar path
        // subtracts instants and sums intervals. Open every minute, in any zone, both must agree.
        Prop.ForAll(RefInquiryGenerators.Inquiries(), Zones(), (inquiry, zone) =>
        {
            var open = NaiveCalendarSpec.AlwaysOpen(zone);
            return NaiveInquiryMetrics.FirstResponse(inquiry, open) == NaiveInquiryMetrics.FirstResponse(inquiry, null)
                && NaiveInquiryMetrics.NextResponses(inquiry, open).SequenceEqual(NaiveInquiryMetrics.NextResponses(inquiry, null))
                && NaiveInquiryMetrics.FullResolution(inquiry, open) == NaiveInquiryMetrics.FullResolution(inquiry, null)
                && NaiveInquiryMetrics.RequesterWait(inquiry, open) == NaiveInquiryMetrics.RequesterWait(inquiry, null)
                && NaiveInquiryMetrics.AgentWait(inquiry, open) == NaiveInquiryMetrics.AgentWait(inquiry, null)
                && NaiveInquiryMetrics.OnHold(inquiry, open) == NaiveInquiryMetrics.OnHold(inquiry, null);
        }).Check(Some);

    [Fact]
    public void Property_Waits_AddUpToTheResolution_WhenNeverReopened_AndBusinessNeverExceedsCalendar() =>
        Prop.ForAll(RefInquiryGenerators.Inquiries(), RefInquiryGenerators.Calendars(), (inquiry, calendar) =>
        {
            var holds = true;
            foreach (var basis in new[] { null, calendar })
            {
                if (NaiveInquiryMetrics.FullResolution(inquiry, basis) is not { } resolution)
                {
                    holds &= NaiveInquiryMetrics.RequesterWait(inquiry, basis) is null && NaiveInquiryMetrics.AgentWait(inquiry, basis) is null;
                    continue;
                }

                // Before the latest solve the status is New, Open, Pending, OnHold or (only after an earlier solve) Solved.
                var waited = NaiveInquiryMetrics.RequesterWait(inquiry, basis)!.Value + NaiveInquiryMetrics.AgentWait(inquiry, basis)!.Value;
                holds &= NaiveRates.Reopens(inquiry) == 0 ? waited == resolution : waited <= resolution;
                holds &= NaiveInquiryMetrics.OnHold(inquiry, basis) <= NaiveInquiryMetrics.RequesterWait(inquiry, basis);
            }

            holds &= !(NaiveInquiryMetrics.FirstResponse(inquiry, calendar) > NaiveInquiryMetrics.FirstResponse(inquiry, null));
            holds &= NaiveInquiryMetrics.NextResponses(inquiry, calendar).Zip(NaiveInquiryMetrics.NextResponses(inquiry, null)).All(p => p.First <= p.Second);
            return holds;
        }).Check(Some);

    [Fact]
    public void Property_Sla_AlwaysOpenBusinessBasisEqualsCalendarBasis_AndOutcomesAreConsistent() =>
        Prop.ForAll(
            RefInquiryGenerators.Inquiries(),
            Gen.Choose(0, 600).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (inquiry, targetMinutes, afterLast) =>
            {
                var last = inquiry.Messages.Select(m => m.Timestamp).Concat(inquiry.StatusChanges.Select(c => c.Timestamp)).Append(inquiry.OpenedAt).Max();
                var asOf = last.AddMinutes(afterLast);
                var open = NaiveCalendarSpec.AlwaysOpen("Europe/Amsterdam");
                var holds = true;
                foreach (var metric in SlaMetrics)
                {
                    var calendarTarget = new NaiveSlaTarget(metric, Min(targetMinutes), TimeBasis.Calendar);
                    var outcome = NaiveSla.Evaluate(inquiry, open, calendarTarget, asOf);
                    holds &= outcome == NaiveSla.Evaluate(inquiry, open, calendarTarget with { Basis = TimeBasis.Business }, asOf);
                    holds &= outcome.Status switch
                    {
                        NaiveSlaStatus.Achieved => outcome.Measured <= calendarTarget.Target && outcome.Breach is null,
                        NaiveSlaStatus.Breached => outcome.Breach == outcome.Measured - calendarTarget.Target && outcome.Breach > TimeSpan.Zero,
                        NaiveSlaStatus.OpenBreached => outcome.Due < asOf && outcome.Breach == asOf - outcome.Due && outcome.TimeLeft == -outcome.Breach,
                        NaiveSlaStatus.OpenWithinTarget => outcome.Due >= asOf && outcome.TimeLeft == outcome.Due - asOf && !NaiveInquiryMetrics.IsNowSolved(inquiry),
                        _ => outcome == new NaiveSlaOutcome(NaiveSlaStatus.NotApplicable, null, null, null, null),
                    };
                }

                return holds;
            }).Check(Some);

    [Fact]
    public void Property_Rates_NumeratorsWithinDenominators_AndInitiatorsPartitionTheInquiries() =>
        Prop.ForAll(RefInquiryGenerators.Inquiries().Generator.ArrayOf().ToArbitrary(), inquiries =>
        {
            var rates = new[]
            {
                NaiveRates.ResponseRate(inquiries), NaiveRates.AutomationRate(inquiries), NaiveRates.ProactiveShare(inquiries),
                NaiveRates.ReopenRate(inquiries), NaiveRates.OneTouchResolutionRate(inquiries),
            };
            return rates.All(r => r.Numerator >= 0 && r.Numerator <= r.Denominator)
                && NaiveRates.ResponseRate(inquiries).Denominator + NaiveRates.ProactiveShare(inquiries).Numerator == inquiries.Length
                && NaiveRates.AutomationRate(inquiries).Denominator == NaiveRates.ResponseRate(inquiries).Numerator;
        }).Check(Some);
}
