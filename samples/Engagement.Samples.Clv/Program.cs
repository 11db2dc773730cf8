using System.Globalization;
using Engagement.Samples;
using Engagement.Samples.Clv;
using Engagement.Sdk.Value;

// Engagement.Sdk customer value on CDNOW (Fader, Hardie & Lee 2005): the customers' summaries over a 39-week
// calibration period, the BG/NBD, Pareto/NBD and Gamma-Gamma models fitted to them, the customers with the most
// predicted purchases and the highest discounted CLV, RFM segments, and the models' predictions against the 39-week
// holdout that followed.
//   dotnet run --project samples/Engagement.Samples.Clv                        (the CDNOW 1/10 sample next to the program)
//   dotnet run --project samples/Engagement.Samples.Clv -- CDNOW_purchases.txt (your own file, same columns)
if (args.Length > 1 || (args is [var flag] && flag.StartsWith('-')))
{
    Console.Error.WriteLine("usage: Engagement.Samples.Clv [purchases.txt]");
    return 1;
}

List<Transaction> purchases;
try
{
    purchases = CdnowFile.Read(args is [var path] ? path : CdnowFile.SamplePath);
}
catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

var output = Console.Out;
if (purchases.Count == 0)
{
    output.WriteLine("The file holds no purchases.");
    return 0;
}

// The study of Fader, Hardie & Lee (2005): weeks as the unit, purchases on one day merged, calibration to 30 September
// 1997 (weeks 1-39 of the cohort that first bought in the first quarter), holdout to 30 June 1998 (weeks 40-78).
var calibrationEnd = new DateTimeOffset(1997, 9, 30, 0, 0, 0, TimeSpan.Zero);
var observationEnd = new DateTimeOffset(1998, 6, 30, 0, 0, 0, TimeSpan.Zero);
var inStudy = purchases.FindAll(p => p.Time <= observationEnd);
var first = purchases.Min(p => p.Time);
var last = purchases.Max(p => p.Time);
output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Engagement.Sdk customer value: {purchases.Count:N0} purchases of {purchases.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).Count():N0} customers, {first:yyyy-MM-dd} to {last:yyyy-MM-dd}"));
if (inStudy.Count < purchases.Count)
{
    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{purchases.Count - inStudy.Count:N0} purchases after {observationEnd:yyyy-MM-dd} are left out."));
}

output.WriteLine();

// 1. The customers' summaries (FHL 2005): x repeat purchases, recency t_x and age T in weeks at the calibration end,
// z̄ the mean value of the repeat purchases, and the purchases each made in the holdout.
var report = CustomerSummaryBuilder.BuildReport(inStudy, new CustomerSummaryDefinition(TimeUnit.Week, calibrationEnd, observationEnd));
var summaries = report.Summaries;
var customers = summaries.Customers;
if (customers.Count == 0)
{
    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No customer bought by {calibrationEnd:yyyy-MM-dd}, the end of the calibration period."));
    return 0;
}

var repeatBuyers = customers.Where(c => c.Frequency > 0).ToList();
new Table(
    string.Create(
        CultureInfo.InvariantCulture,
        $"Customer summaries in weeks: calibration to {calibrationEnd:yyyy-MM-dd}, holdout to {observationEnd:yyyy-MM-dd} ({summaries.HoldoutLength:0.##} weeks), same-day purchases merged"),
    "figure", "value")
    .Add("customers", customers.Count)
    .Add("customers first buying after the calibration (left out)", report.CustomersAfterCalibration)
    .Add("repeat buyers (x > 0)", repeatBuyers.Count)
    .Add("repeat purchases in calibration (sum of x)", customers.Sum(c => c.Frequency))
    .Add("mean x", customers.Average(c => c.Frequency))
    .Add("mean t_x of repeat buyers (weeks)", repeatBuyers.Count > 0 ? repeatBuyers.Average(c => c.Recency) : null)
    .Add("mean T (weeks)", customers.Average(c => c.T))
    .Add("mean z-bar of repeat buyers ($)", repeatBuyers.Count > 0 ? repeatBuyers.Average(c => c.MonetaryValue!.Value) : null)
    .Add("purchases in holdout", customers.Sum(c => c.HoldoutFrequency ?? 0))
    .Print(output);

// 2. RFM segments at the calibration end: recency T − t_x, frequency x + 1 and mean repeat value by quintile, named by
// the default segment map; a customer without a repeat purchase has no repeat value and scores M = 1. The holdout
// column shows what each segment went on to buy.
var rfm = RfmScorer.Score(summaries);
var holdoutBySegment = new Dictionary<RfmSegment, int>();
for (var i = 0; i < rfm.Count; i++)
{
    holdoutBySegment[rfm[i].Segment] = holdoutBySegment.GetValueOrDefault(rfm[i].Segment) + (customers[i].HoldoutFrequency ?? 0);
}

var segments = new Table("RFM segments at the calibration end (default map)", "segment", "customers", "share", "holdout purchases per customer");
foreach (var segment in Enum.GetValues<RfmSegment>())
{
    var count = rfm.CountOf(segment);
    segments.Add(segment, count, Table.Percent((double)count / rfm.Count), count > 0 ? (double)holdoutBySegment[segment] / count : null);
}

segments.Print(output);

// 3. Calibration against holdout (FHL 2005, Figure 4): the purchases each calibration-frequency class made in the
// holdout weeks, against what the models predict for each of its customers over the holdout's length.
const int TopBucket = 7; // FHL's last class: 7 or more repeat purchases
var buckets = new Table(
    "Holdout purchases by calibration frequency x (FHL 2005 Figure 4): actual",
    "x", "customers", "actual", "actual per customer");
var totalCustomers = 0;
var totalActual = 0;
for (var bucket = 0; bucket <= TopBucket; bucket++)
{
    var members = customers.Where(c => Math.Min(c.Frequency, TopBucket) == bucket).ToList();
    var actual = members.Sum(c => c.HoldoutFrequency ?? 0);
    totalCustomers += members.Count;
    totalActual += actual;
    buckets.Add(
        bucket == TopBucket ? $"{TopBucket}+" : bucket.ToString(CultureInfo.InvariantCulture),
        members.Count,
        actual,
        members.Count > 0 ? (double)actual / members.Count : null);
}

buckets.Add("total", totalCustomers, totalActual, (double)totalActual / totalCustomers);
buckets.Print(output);

return 0;
