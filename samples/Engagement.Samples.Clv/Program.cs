using System.Globalization;
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

var first = purchases.Min(p => p.Time);
var last = purchases.Max(p => p.Time);
output.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Engagement.Sdk customer value: {purchases.Count:N0} purchases of {purchases.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).Count():N0} customers, {first:yyyy-MM-dd} to {last:yyyy-MM-dd}"));
output.WriteLine();

return 0;
