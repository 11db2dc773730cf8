using System.Globalization;
using Engagement.Sdk.Statistics;
using Engagement.Sdk.Surveys;

namespace Engagement.Samples.Quickstart;

/// <summary>Prints results as plain-text tables.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Overall(NpsResult nps, RatingResult csat, RatingResult ces)
    {
        Console.WriteLine($"{"Metric",-6} {"n",5}  {"Value",-20} {"95% interval",-18} Notes");
        Console.WriteLine(new string('-', 78));
        Console.WriteLine($"{"NPS",-6} {nps.Count,5}  {Signed(nps.Score),-20} {Range(nps.Interval, signed: true),-18} " +
            string.Create(Invariant, $"{Percent(nps.PromoterShare)} promoters, {Percent(nps.DetractorShare)} detractors"));
        Console.WriteLine($"{"CSAT",-6} {csat.Count,5}  {Percent(csat.FavourableShare.Value) + " satisfied",-20} {Range(csat.FavourableShare.Interval, percent: true),-18} " +
            string.Create(Invariant, $"mean {Number(csat.Mean)} of 5"));
        Console.WriteLine($"{"CES",-6} {ces.Count,5}  {"mean " + Number(ces.Mean) + " of 7",-20} {Range(ces.MeanInterval),-18} " +
            $"{Percent(ces.FavourableShare.Value)} low effort (5-7)");
    }

    public static void ByChannel(IEnumerable<(string Channel, NpsResult Nps, RatingResult Csat, RatingResult Ces)> rows)
    {
        Console.WriteLine($"{"Channel",-12} {"NPS n",5} {"NPS",6} {"95% interval",-16} {"CSAT n",6} {"CSAT",7} {"95% interval",-16} {"CES n",5} {"CES",5}");
        Console.WriteLine(new string('-', 89));
        foreach (var (channel, nps, csat, ces) in rows)
        {
            Console.WriteLine(
                $"{channel,-12} {nps.Count,5} {Signed(nps.Score),6} {Range(nps.Interval, signed: true),-16} " +
                $"{csat.Count,6} {Percent(csat.FavourableShare.Value),7} {Range(csat.FavourableShare.Interval, percent: true),-16} " +
                $"{ces.Count,5} {Number(ces.Mean),5}");
        }
    }

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", Invariant) : "n/a";

    private static string Number(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "n/a";

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", Invariant) + "%" : "n/a";

    private static string Range(ConfidenceInterval? interval, bool signed = false, bool percent = false)
    {
        if (interval is not { } i)
        {
            return "n/a";
        }

        return percent
            ? $"[{Percent(i.Lower)}, {Percent(i.Upper)}]"
            : signed ? $"[{Signed(i.Lower)}, {Signed(i.Upper)}]" : $"[{Number(i.Lower)}, {Number(i.Upper)}]";
    }
}
