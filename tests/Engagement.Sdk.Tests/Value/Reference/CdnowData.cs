using System.Globalization;
using Engagement.Sdk.Value;

namespace Engagement.Sdk.Tests.Value.Reference;

/// <summary>One row of a CDNOW customer summary: x repeat purchases, the last at t_x, observed for T weeks.</summary>
internal sealed record CdnowCustomer(string Id, int X, double Tx, double T, double? Zbar);

/// <summary>One row of <c>donations.csv</c>: <see cref="Count"/> donors with x repeat donations, the last at t_x, of n.</summary>
internal sealed record DonationHistory(int X, int Tx, int N, long Count);

/// <summary>Reads the files of <c>TestData/cdnow/</c> (see its README) plainly, for the reference and its tests.</summary>
internal static class CdnowData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "cdnow");

    /// <summary>The 2,357 rows of <c>cdnow_customers_summary.csv</c> (ID, frequency, recency, T; no z̄).</summary>
    public static List<CdnowCustomer> ReadSummary() =>
        ReadCsv("cdnow_customers_summary.csv", "ID,frequency,recency,T", f => new CdnowCustomer(f[0], Int(f[1]), Number(f[2]), Number(f[3]), null));

    /// <summary>
    /// The 2,357 rows of <c>cdnow_customers_summary_with_transactions.csv</c>; z̄ is null where x = 0 (the file writes 0.00).
    /// </summary>
    public static List<CdnowCustomer> ReadSummaryWithValues() =>
        ReadCsv("cdnow_customers_summary_with_transactions.csv", "ID,x,t_x,T,zbar", f =>
        {
            var x = Int(f[1]);
            return new CdnowCustomer(f[0], x, Number(f[2]), Number(f[3]), x == 0 ? null : Number(f[4]));
        });

    /// <summary>The 22 rows of <c>donations.csv</c>.</summary>
    public static List<DonationHistory> ReadDonations() =>
        ReadCsv("donations.csv", "frequency,recency,periods,weights", f => new DonationHistory(Int(f[0]), Int(f[1]), Int(f[2]), long.Parse(f[3], CultureInfo.InvariantCulture)));

    /// <summary>
    /// The 6,919 purchases of <c>CDNOW_sample.txt</c>: customer = the sample id (1..2357, without leading zeros, as in
    /// the summary CSVs), time = midnight UTC of the date, value = the dollar value.
    /// </summary>
    public static List<Transaction> ReadSampleTransactions()
    {
        var transactions = new List<Transaction>(7000);
        foreach (var line in File.ReadLines(Path.Combine(Folder, "CDNOW_sample.txt")))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(fields.Length == 5, $"expected 5 fields: '{line}'");
            var date = DateTime.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            transactions.Add(new Transaction(
                Int(fields[1]).ToString(CultureInfo.InvariantCulture),
                new DateTimeOffset(date, TimeSpan.Zero),
                decimal.Parse(fields[4], CultureInfo.InvariantCulture)));
        }

        return transactions;
    }

    private static List<T> ReadCsv<T>(string file, string header, Func<string[], T> parse)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        Assert.Equal(header, lines[0].TrimEnd('\r'));
        var rows = new List<T>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (text.Length > 0)
            {
                rows.Add(parse(text.Split(',')));
            }
        }

        return rows;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
