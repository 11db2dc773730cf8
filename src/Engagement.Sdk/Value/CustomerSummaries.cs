using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Value;

/// <summary>
/// The summaries of a set of customers in one <see cref="TimeUnit"/>: the input of the RFM scores and of the
/// predictive value models, stored by column so that fitting a model over a million customers reads contiguous arrays.
/// </summary>
/// <remarks>
/// <para>
/// Build one from <see cref="CustomerSummary"/> objects, from columns with <see cref="FromColumns"/>, or from
/// transactions with the summary builder. <see cref="Customers"/> materialises the rows on first use.
/// </para>
/// <para>
/// Equal when the unit, the holdout length and every column are equal, row by row: identifiers, frequencies, recencies,
/// T, monetary and holdout values, where a missing value equals a missing value (and a column given as all missing equals
/// no column). Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class CustomerSummaries : IEquatable<CustomerSummaries>
{
    private readonly string[]? _ids;
    private readonly int[] _frequency;
    private readonly double[] _recency;
    private readonly double[] _t;
    private readonly double[]? _monetary;
    private readonly int[]? _holdoutFrequency;
    private readonly double[]? _holdoutValue;
    private IReadOnlyList<CustomerSummary>? _customers;

    /// <summary>Creates the summaries of a set of customers.</summary>
    /// <param name="unit">The unit of every time in the summaries.</param>
    /// <param name="customers">The customers' summaries; identifiers must be unique.</param>
    /// <param name="holdoutLength">The length of the holdout period in <paramref name="unit"/>s; <see langword="null"/>
    /// without one, otherwise finite and above 0. Required when any customer has a holdout frequency, and then every
    /// customer must have one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined, or <paramref name="holdoutLength"/>
    /// is not above 0.</exception>
    /// <exception cref="ArgumentException">Two customers have the same identifier (the message echoes it and both
    /// indexes), or holdout frequencies are given for some customers but not all, or without a
    /// holdout length, or a holdout length without them.</exception>
    [JsonConstructor]
    public CustomerSummaries(TimeUnit unit, IReadOnlyList<CustomerSummary> customers, double? holdoutLength = null)
    {
        Unit = Validation.Defined(unit, nameof(unit));
        ArgumentNullException.ThrowIfNull(customers);
        var count = customers.Count;
        _ids = new string[count];
        _frequency = new int[count];
        _recency = new double[count];
        _t = new double[count];
        var monetary = new double[count];
        var holdoutFrequency = new int[count];
        var holdoutValue = new double[count];
        bool anyMonetary = false, anyHoldout = false, anyHoldoutValue = false;
        for (var i = 0; i < count; i++)
        {
            var customer = customers[i] ?? throw new ArgumentNullException(
                nameof(customers), string.Create(CultureInfo.InvariantCulture, $"The customer at index {i} is null."));
            _ids[i] = customer.CustomerId;
            _frequency[i] = customer.Frequency;
            _recency[i] = customer.Recency;
            _t[i] = customer.T;
            monetary[i] = customer.MonetaryValue ?? double.NaN;
            anyMonetary |= customer.MonetaryValue.HasValue;
            holdoutValue[i] = customer.HoldoutValue ?? double.NaN;
            anyHoldoutValue |= customer.HoldoutValue.HasValue;
            if (customer.HoldoutFrequency is { } holdout)
            {
                if (i > 0 && !anyHoldout)
                {
                    throw new ArgumentException(MixedHoldout(i), nameof(customers));
                }

                holdoutFrequency[i] = holdout;
                anyHoldout = true;
            }
            else if (anyHoldout)
            {
                throw new ArgumentException(MixedHoldout(i), nameof(customers));
            }
        }

        Unique(_ids, nameof(customers));
        _monetary = anyMonetary ? monetary : null;
        _holdoutFrequency = anyHoldout ? holdoutFrequency : null;
        _holdoutValue = anyHoldoutValue ? holdoutValue : null;
        HoldoutLength = CheckHoldoutLength(holdoutLength, anyHoldout);
    }

    private CustomerSummaries(
        TimeUnit unit, string[]? ids, int[] frequency, double[] recency, double[] t, double[]? monetary,
        int[]? holdoutFrequency, double[]? holdoutValue, double? holdoutLength)
    {
        Unit = unit;
        _ids = ids;
        _frequency = frequency;
        _recency = recency;
        _t = t;
        _monetary = monetary;
        _holdoutFrequency = holdoutFrequency;
        _holdoutValue = holdoutValue;
        HoldoutLength = holdoutLength;
    }

    /// <summary>Gets the unit of every time in the summaries.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Gets the length of the holdout period in <see cref="Unit"/>s; <see langword="null"/> without one.</summary>
    public double? HoldoutLength { get; }

    /// <summary>Gets the number of customers.</summary>
    [JsonIgnore]
    public int Count => _frequency.Length;

    /// <summary>Gets the customers' summaries, in the order given.</summary>
    public IReadOnlyList<CustomerSummary> Customers => _customers ??= Materialise();

    /// <summary>Gets the repeat purchases (x) by customer.</summary>
    internal ReadOnlySpan<int> Frequency => _frequency;

    /// <summary>Gets the recencies (t<sub>x</sub>) by customer.</summary>
    internal ReadOnlySpan<double> Recency => _recency;

    /// <summary>Gets the observation lengths (T) by customer.</summary>
    internal ReadOnlySpan<double> T => _t;

    /// <summary>Gets the mean repeat values by customer, NaN where there is none; empty when no customer has one.</summary>
    internal ReadOnlySpan<double> MonetaryValue => _monetary;

    /// <summary>Gets the holdout purchases by customer; empty without a holdout period.</summary>
    internal ReadOnlySpan<int> HoldoutFrequency => _holdoutFrequency;

    /// <summary>Gets the mean holdout values by customer, NaN where there is none; empty when no customer has one.</summary>
    internal ReadOnlySpan<double> HoldoutValue => _holdoutValue;

    /// <summary>Gets the identifier of the customer at <paramref name="index"/>.</summary>
    internal string CustomerId(int index) => _ids?[index] ?? (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns whether two sets of summaries are equal, column by column.</summary>
    /// <param name="left">The first summaries.</param>
    /// <param name="right">The second summaries.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CustomerSummaries? left, CustomerSummaries? right) => Equals(left, right);

    /// <summary>Returns whether two sets of summaries differ.</summary>
    /// <param name="left">The first summaries.</param>
    /// <param name="right">The second summaries.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CustomerSummaries? left, CustomerSummaries? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(CustomerSummaries? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        // double.Equals, which SequenceEqual uses, holds NaN equal to NaN: a missing value equals a missing value.
        return Unit == other.Unit
            && Nullable.Equals(HoldoutLength, other.HoldoutLength)
            && Frequency.SequenceEqual(other.Frequency)
            && Recency.SequenceEqual(other.Recency)
            && T.SequenceEqual(other.T)
            && HoldoutFrequency.SequenceEqual(other.HoldoutFrequency)
            && OptionalEqual(MonetaryValue, other.MonetaryValue)
            && OptionalEqual(HoldoutValue, other.HoldoutValue)
            && IdsEqual(other);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CustomerSummaries);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Unit);
        hash.Add(HoldoutLength);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Frequency));
        return hash.ToHashCode();
    }

    /// <summary>
    /// Creates summaries from columns, e.g. for synthetic data. The columns are copied and every row validated as a
    /// <see cref="CustomerSummary"/> would be.
    /// </summary>
    /// <param name="unit">The unit of every time.</param>
    /// <param name="frequency">The repeat purchases by customer.</param>
    /// <param name="recency">The recencies by customer; as long as <paramref name="frequency"/>.</param>
    /// <param name="t">The observation lengths by customer; as long as <paramref name="frequency"/>.</param>
    /// <param name="monetaryValue">The mean repeat values by customer (NaN for none), or empty when unknown.</param>
    /// <param name="customerIds">The identifiers, unique, or <see langword="null"/> to number the customers 1, 2, ….</param>
    /// <returns>The summaries.</returns>
    /// <exception cref="ArgumentException">The columns differ in length, or two of <paramref name="customerIds"/> are
    /// equal (the message echoes the identifier and both indexes).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A row is invalid; the message names its index.</exception>
    public static CustomerSummaries FromColumns(
        TimeUnit unit,
        ReadOnlySpan<int> frequency,
        ReadOnlySpan<double> recency,
        ReadOnlySpan<double> t,
        ReadOnlySpan<double> monetaryValue = default,
        IReadOnlyList<string>? customerIds = null)
    {
        Validation.Defined(unit, nameof(unit));
        var count = frequency.Length;
        SameLength(recency.Length, count, nameof(recency));
        SameLength(t.Length, count, nameof(t));
        if (!monetaryValue.IsEmpty)
        {
            SameLength(monetaryValue.Length, count, nameof(monetaryValue));
        }

        string[]? ids = null;
        if (customerIds is not null)
        {
            SameLength(customerIds.Count, count, nameof(customerIds));
            ids = new string[count];
            for (var i = 0; i < count; i++)
            {
                ids[i] = Validation.NotBlank(customerIds[i], nameof(customerIds));
            }

            Unique(ids, nameof(customerIds));
        }

        for (var i = 0; i < count; i++)
        {
            var monetary = monetaryValue.IsEmpty || double.IsNaN(monetaryValue[i]) ? (double?)null : monetaryValue[i];
            try
            {
                CustomerSummary.Check(frequency[i], recency[i], t[i], monetary, null, null);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentOutOfRangeException(
                    e.ParamName, e.ActualValue, string.Create(CultureInfo.InvariantCulture, $"Customer at index {i}: {Reason(e)}"));
            }
        }

        return new CustomerSummaries(
            unit, ids, frequency.ToArray(), recency.ToArray(), t.ToArray(), monetaryValue.IsEmpty ? null : monetaryValue.ToArray(),
            null, null, null);
    }

    /// <summary>
    /// Creates summaries that take ownership of columns built and checked by the caller (the summary builder), without
    /// copying or validating them: NaN marks a missing monetary or holdout value, and a null column none at all.
    /// </summary>
    internal static CustomerSummaries FromOwnedColumns(
        TimeUnit unit, string[] ids, int[] frequency, double[] recency, double[] t, double[]? monetary,
        int[]? holdoutFrequency, double[]? holdoutValue, double? holdoutLength) =>
        new(unit, ids, frequency, recency, t, monetary, holdoutFrequency, holdoutValue, holdoutLength);

    private System.Collections.ObjectModel.ReadOnlyCollection<CustomerSummary> Materialise()
    {
        var rows = new CustomerSummary[Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new CustomerSummary(
                CustomerId(i),
                _frequency[i],
                _recency[i],
                _t[i],
                _monetary is null || double.IsNaN(_monetary[i]) ? null : _monetary[i],
                _holdoutFrequency?[i],
                _holdoutValue is null || double.IsNaN(_holdoutValue[i]) ? null : _holdoutValue[i]);
        }

        return Array.AsReadOnly(rows);
    }

    /// <summary>Checks the length of a holdout period: finite and above 0.</summary>
    internal static double CheckHoldoutLength(double length, string paramName)
    {
        if (!(double.IsFinite(length) && length > 0))
        {
            throw new ArgumentOutOfRangeException(
                paramName, length, string.Create(CultureInfo.InvariantCulture, $"A holdout period must be finite and above 0; got {length}."));
        }

        return length;
    }

    private static double? CheckHoldoutLength(double? holdoutLength, bool anyHoldout)
    {
        if (holdoutLength is { } length)
        {
            CheckHoldoutLength(length, nameof(holdoutLength));
        }

        if (holdoutLength.HasValue != anyHoldout)
        {
            throw new ArgumentException(
                anyHoldout ? "Holdout frequencies need the holdout period's length." : "A holdout length needs the customers' holdout frequencies.",
                nameof(holdoutLength));
        }

        return holdoutLength;
    }

    /// <summary>Compares optional columns (NaN = missing, empty = all missing) of equally many rows.</summary>
    private static bool OptionalEqual(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        if (left.IsEmpty != right.IsEmpty)
        {
            var given = left.IsEmpty ? right : left;
            foreach (var value in given)
            {
                if (!double.IsNaN(value))
                {
                    return false;
                }
            }

            return true;
        }

        return left.SequenceEqual(right);
    }

    /// <summary>Compares identifiers; unnumbered summaries number their customers 1, 2, ….</summary>
    private bool IdsEqual(CustomerSummaries other)
    {
        if (_ids is not null && other._ids is not null)
        {
            return _ids.AsSpan().SequenceEqual(other._ids);
        }

        if (_ids is null && other._ids is null)
        {
            return true;
        }

        for (var i = 0; i < Count; i++)
        {
            if (!string.Equals(CustomerId(i), other.CustomerId(i), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string MixedHoldout(int index) => string.Create(
        CultureInfo.InvariantCulture, $"Either every customer has a holdout frequency or none does; the customer at index {index} differs from the first.");

    private static void SameLength(int length, int expected, string paramName)
    {
        if (length != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Every column must have one entry per customer ({expected}); got {length}."), paramName);
        }
    }

    /// <summary>Gets an argument exception's own message, without the parameter and value the runtime appends, to
    /// restate it with the index of the offending row.</summary>
    internal static string Reason(ArgumentOutOfRangeException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    /// <summary>Refuses a repeated identifier, echoing it and both indexes (one pass; the builder never repeats one,
    /// so <see cref="FromOwnedColumns"/> does not call this).</summary>
    private static void Unique(string[] ids, string paramName)
    {
        var seen = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!seen.TryAdd(ids[i], i))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Customer identifiers must be unique; \"{Validation.Echo(ids[i])}\" is at index {seen[ids[i]]} and index {i}."),
                    paramName);
            }
        }
    }
}
