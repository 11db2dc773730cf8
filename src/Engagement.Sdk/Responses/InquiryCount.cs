using System.Globalization;

namespace Engagement.Sdk.Responses;

/// <summary>The one overflow check of an accumulator's inquiry count when an inquiry is added.</summary>
internal static class InquiryCount
{
    /// <summary>The count after adding <paramref name="inquiry"/>; an overflow names the inquiry and the count.</summary>
    public static long Next(long inquiries, Inquiry inquiry) =>
        inquiries < long.MaxValue
            ? inquiries + 1
            : throw new OverflowException(string.Create(
                CultureInfo.InvariantCulture,
                $"Adding inquiry '{Validation.Echo(inquiry.Id)}' would take the count of inquiries past {inquiries}, the largest there is; nothing was changed."));
}
