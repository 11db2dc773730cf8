using Engagement.Sdk.Responses;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Tests.Responses.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Engagement.Sdk.Tests.Responses;

public class ResponseRateReferenceProperties
{
    [Fact]
    public void Compute_EqualsTheNaiveRates() =>
        Prop.ForAll(InquiryGenerators.Inquiries, inquiries =>
        {
            var result = ResponseRateAccumulator.Compute(inquiries);
            static Proportion Of((long Numerator, long Denominator) naive) => new(naive.Numerator, naive.Denominator);
            return result.ResponseRate == Of(NaiveRates.ResponseRate(inquiries))
                && result.AutomationRate == Of(NaiveRates.AutomationRate(inquiries))
                && result.ProactiveShare == Of(NaiveRates.ProactiveShare(inquiries))
                && result.ReopenRate == Of(NaiveRates.ReopenRate(inquiries))
                && result.OneTouchResolutionRate == Of(NaiveRates.OneTouchResolutionRate(inquiries));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
}
