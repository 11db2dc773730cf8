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
if (!SampleInput.TryRead(
    args, "Engagement.Samples.Clv [purchases.txt]", CdnowFile.Read, () => CdnowFile.Read(CdnowFile.SamplePath), out List<Transaction> purchases))
{
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
    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Purchases after {observationEnd:yyyy-MM-dd}, the end of the holdout, left out: {purchases.Count - inStudy.Count:N0}."));
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

// 2. The repeat-purchase models, fitted by maximum likelihood to the calibration summaries (FHL 2005): parameters with
// standard errors from the observed information and 95% intervals on the log scale, and the log-likelihood at the
// optimum. Times are in weeks, the summaries' unit, so the models predict in weeks.
var bgNbd = BgNbdModel.Fit(summaries);
var paretoNbd = ParetoNbdModel.Fit(summaries);
var parameters = new Table(
    "Fitted parameters (maximum likelihood, weeks; 95% intervals on the log scale)", "model", "parameter", "estimate", "std. error", "95% interval");
var fits = new Table("Fits", "model", "customers", "log-likelihood", "status", "iterations");
AddFit("BG/NBD", bgNbd.Diagnostics);
AddFit("Pareto/NBD", paretoNbd.Diagnostics);

// The Gamma-Gamma spend model (Fader & Hardie 2013) is fitted to the repeat buyers' mean repeat values z̄ alone; it
// needs no time unit. It assumes spend independent of purchase frequency, which the correlation below lets one judge.
GammaGammaFit? gammaGamma = repeatBuyers.Count > 0 ? GammaGammaModel.Fit(summaries) : null;
if (gammaGamma is not null)
{
    AddFit("Gamma-Gamma", gammaGamma.Diagnostics);
}

parameters.Print(output);
fits.Print(output);
foreach (var (model, diagnostics) in new[] { ("BG/NBD", bgNbd.Diagnostics), ("Pareto/NBD", paretoNbd.Diagnostics), ("Gamma-Gamma", gammaGamma?.Diagnostics) })
{
    // A fit reports trouble in its status rather than throwing: say so before its predictions are used.
    if (diagnostics is { Status: not FitStatus.Converged })
    {
        output.WriteLine($"Warning: the {model} fit ended with status {diagnostics.Status}. {diagnostics.Message} Read its predictions with care.");
    }
}

if (Correlation(repeatBuyers.Select(c => (double)c.Frequency).ToArray(), repeatBuyers.Select(c => c.MonetaryValue!.Value).ToArray()) is { } correlation)
{
    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Correlation of x and z-bar among repeat buyers: {correlation:0.00} (Gamma-Gamma assumes none)"));
}

output.WriteLine();

// 3. Who will buy most in the next 39 weeks (the holdout's length), by BG/NBD's E[Y(t) | x, t_x, T], with the chance
// that each is still a customer and what each actually bought in the holdout.
var holdoutLength = summaries.HoldoutLength ?? 0;
var predicted = bgNbd.Model.ConditionalExpectedPurchases(summaries, holdoutLength);
var predictedPareto = paretoNbd.Model.ConditionalExpectedPurchases(summaries, holdoutLength);
var alive = bgNbd.Model.ProbabilityAlive(summaries);
var top = new Table(
    string.Create(CultureInfo.InvariantCulture, $"Top 10 customers by predicted purchases in the next {holdoutLength:0.##} weeks (BG/NBD)"),
    "customer", "x", "t_x", "T", "P(alive)", "predicted", "Pareto/NBD", "actual");
foreach (var i in TopIndices(predicted, 10))
{
    var c = customers[i];
    top.Add(c.CustomerId, c.Frequency, c.Recency, c.T, alive[i], predicted[i], predictedPareto[i], c.HoldoutFrequency);
}

top.Print(output);
var example = customers[0];
output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"For example customer {example.CustomerId} (x = {example.Frequency}, t_x = {example.Recency:0.00}, T = {example.T:0.00}): P(alive) = {alive[0]:0.000}, {predicted[0]:0.000} purchases expected in the next {holdoutLength:0.##} weeks; bought {example.HoldoutFrequency}"));
output.WriteLine();

// 4. Who is worth most over the next 52 weeks: the discounted expected margin of BG/NBD's purchases week by week,
// each worth the Gamma-Gamma expected spend E[Z | x, z̄] (the population mean for a customer without repeat purchases).
const int ClvWeeks = 52;
const double AnnualDiscountRate = 0.10; // the cost of capital: 10% a year, compounded weekly below
const double MarginRate = 0.30; // the share of a purchase's value that is margin
if (gammaGamma is not null)
{
    var weeklyDiscountRate = Math.Pow(1 + AnnualDiscountRate, TimeUnits.Days(TimeUnit.Week) / TimeUnits.Days(TimeUnit.Year)) - 1;
    var spend = gammaGamma.Model;
    var clv = CustomerLifetimeValue.Discounted(bgNbd.Model, spend, summaries, new ClvOptions(ClvWeeks, TimeUnit.Week, weeklyDiscountRate, MarginRate));
    var yearAhead = bgNbd.Model.ConditionalExpectedPurchases(summaries, ClvWeeks);
    var valuable = new Table(
        string.Create(
            CultureInfo.InvariantCulture,
            $"Top 10 customers by {ClvWeeks}-week discounted CLV (BG/NBD and Gamma-Gamma; {MarginRate:0%} margin, {AnnualDiscountRate:0%} a year = {weeklyDiscountRate:0.000%} a week)"),
        "customer", "x", "z-bar ($)", "E[Z] ($)", $"purchases in {ClvWeeks} weeks", "CLV ($)");
    foreach (var i in TopIndices(clv, 10))
    {
        var c = customers[i];
        valuable.Add(
            c.CustomerId,
            c.Frequency,
            c.MonetaryValue,
            c.MonetaryValue is { } z ? spend.ConditionalExpectedAverageValue(c.Frequency, z) : spend.MeanTransactionValue,
            yearAhead[i],
            clv[i]);
    }

    valuable.Print(output);
    var total = clv.Sum();
    var topTenth = TopIndices(clv, customers.Count / 10).Sum(i => clv[i]);
    output.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"All {customers.Count:N0} customers: {total:N0} $ over {ClvWeeks} weeks; the top 10% of them hold {(total > 0 ? (topTenth / total).ToString("0.0%", CultureInfo.InvariantCulture) : "n/a")}"));
    output.WriteLine();
}

// 5. RFM segments at the calibration end: recency T − t_x, frequency x + 1 and mean repeat value by quintile, named by
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

// 6. Calibration against holdout (FHL 2005, Figure 4): the purchases each calibration-frequency class made in the
// holdout weeks, against the sum of what the model predicts for each of its customers over the holdout's length.
const int TopBucket = 7; // FHL's last class: 7 or more repeat purchases
var buckets = new Table(
    string.Create(CultureInfo.InvariantCulture, $"Holdout purchases ({holdoutLength:0.##} weeks) by calibration frequency x, actual and predicted (FHL 2005 Figure 4)"),
    "x", "customers", "actual", "BG/NBD", "Pareto/NBD", "actual per customer", "BG/NBD per customer", "Pareto/NBD per customer");
var classCustomers = new int[TopBucket + 1];
var classActual = new int[TopBucket + 1];
var classPredicted = new double[TopBucket + 1];
var classPareto = new double[TopBucket + 1];
for (var i = 0; i < customers.Count; i++)
{
    var bucket = Math.Min(customers[i].Frequency, TopBucket);
    classCustomers[bucket]++;
    classActual[bucket] += customers[i].HoldoutFrequency ?? 0;
    classPredicted[bucket] += predicted[i];
    classPareto[bucket] += predictedPareto[i];
}

for (var bucket = 0; bucket <= TopBucket; bucket++)
{
    AddClass(
        bucket == TopBucket ? $"{TopBucket}+" : bucket.ToString(CultureInfo.InvariantCulture),
        classCustomers[bucket],
        classActual[bucket],
        classPredicted[bucket],
        classPareto[bucket]);
}

AddClass("total", classCustomers.Sum(), classActual.Sum(), classPredicted.Sum(), classPareto.Sum());
buckets.Print(output);

return 0;

void AddFit(string model, FitDiagnostics diagnostics)
{
    foreach (var estimate in diagnostics.Parameters)
    {
        parameters.Add(
            model,
            estimate.Name,
            Estimate(estimate.Value),
            estimate.StandardError is { } error ? Estimate(error) : "n/a",
            estimate.LowerBound is { } lower && estimate.UpperBound is { } upper ? $"{Estimate(lower)} - {Estimate(upper)}" : "n/a");
    }

    fits.Add(model, diagnostics.Observations.ToString("0.##", CultureInfo.InvariantCulture), diagnostics.LogLikelihood, diagnostics.Status, diagnostics.Iterations);
}

void AddClass(string label, int count, int actual, double bgNbdExpected, double paretoExpected) => buckets.Add(
    label, count, actual, bgNbdExpected, paretoExpected, PerCustomer(actual, count), PerCustomer(bgNbdExpected, count), PerCustomer(paretoExpected, count));

static double? PerCustomer(double total, int count) => count > 0 ? total / count : null;

// Pearson's correlation of two columns of equal length; none for fewer than two rows or a constant column.
static double? Correlation(double[] x, double[] y)
{
    if (x.Length < 2)
    {
        return null;
    }

    double meanX = x.Average(), meanY = y.Average(), xy = 0, xx = 0, yy = 0;
    for (var i = 0; i < x.Length; i++)
    {
        xy += (x[i] - meanX) * (y[i] - meanY);
        xx += (x[i] - meanX) * (x[i] - meanX);
        yy += (y[i] - meanY) * (y[i] - meanY);
    }

    return xx > 0 && yy > 0 ? xy / Math.Sqrt(xx * yy) : null;
}

// Four decimals: enough to read the published three significant digits of every parameter off the table.
static string Estimate(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

// The indices of the largest values, largest first; ties in input order.
static IEnumerable<int> TopIndices(double[] values, int count) =>
    Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ThenBy(i => i).Take(count);
