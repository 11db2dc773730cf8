using System.Globalization;

namespace Engagement.Samples;

/// <summary>A plain-text table: a title, a header row and rows of cells; the first column is left-aligned, the others
/// right-aligned, each as wide as its widest cell.</summary>
internal sealed class Table(string title, params string[] headers)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly List<string[]> _rows = [];

    public Table Add(params object?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"The table '{title}' has {headers.Length} columns; got {cells.Length} cells.", nameof(cells));
        }

        _rows.Add(Array.ConvertAll(cells, Format));
        return this;
    }

    public void Print(TextWriter writer)
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows.Prepend(headers))
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        writer.WriteLine(title);
        writer.WriteLine(Line(headers, widths));
        writer.WriteLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        foreach (var row in _rows)
        {
            writer.WriteLine(Line(row, widths));
        }

        if (_rows.Count == 0)
        {
            writer.WriteLine("(no rows)");
        }

        writer.WriteLine();
    }

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Invariant) + "%" : "n/a";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "n/a",
        { TotalDays: >= 1 } d => d.TotalDays.ToString("0.0", Invariant) + " d",
        { TotalHours: >= 1 } d => d.TotalHours.ToString("0.0", Invariant) + " h",
        { TotalMinutes: >= 1 } d => d.TotalMinutes.ToString("0.0", Invariant) + " min",
        { } d => d.TotalSeconds.ToString("0", Invariant) + " s",
    };

    private static string Format(object? cell) => cell switch
    {
        null => "n/a",
        double d => d.ToString("0.00", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Line(string[] row, int[] widths) =>
        string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
}
