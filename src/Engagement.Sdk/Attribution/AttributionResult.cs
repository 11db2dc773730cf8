using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Attribution;

/// <summary>The result of an attribution model: every channel's credit, and the conversions and value shared out.</summary>
/// <remarks>
/// <para>
/// <see cref="Channels"/> lists every channel of the paths in their order (ordinal), those credited nothing included.
/// The credits add up to <see cref="Conversions"/> and <see cref="Value"/>, the observed totals, to floating-point
/// rounding (the constructor allows a relative 10⁻⁹). Without conversions the result has no value
/// (<see cref="HasValue"/>) and no shares.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class AttributionResult
{
    private const double Tolerance = 1e-9;
    private readonly ChannelCredit[] _channels;
    private readonly Dictionary<string, int> _byName;

    /// <summary>Creates a result.</summary>
    /// <param name="model">The name of the model that produced it.</param>
    /// <param name="channels">The channels' credits; distinct channel names.</param>
    /// <param name="conversions">The conversions shared out; finite, 0 or more, the sum of the credits.</param>
    /// <param name="value">The value shared out; finite, 0 or more, the sum of the credits.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="channels"/> or a credit is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="model"/> is blank, a channel appears twice, a share is not the
    /// channel's conversions over the total (none without conversions), or the credits do not add up to the totals.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A total is negative or not finite.</exception>
    [JsonConstructor]
    public AttributionResult(string model, IReadOnlyList<ChannelCredit> channels, double conversions, double value)
    {
        Model = Validation.NotBlank(model, nameof(model));
        ArgumentNullException.ThrowIfNull(channels);
        Conversions = AttributionChecks.Amount(conversions, nameof(conversions));
        Value = AttributionChecks.Amount(value, nameof(value));
        _channels = [.. channels];
        _byName = new Dictionary<string, int>(_channels.Length, StringComparer.Ordinal);
        double creditedConversions = 0, creditedValue = 0;
        for (var i = 0; i < _channels.Length; i++)
        {
            var credit = _channels[i] ?? throw new ArgumentNullException(nameof(channels), AttributionChecks.Text($"The credit at index {i} is null."));
            if (!_byName.TryAdd(credit.Channel, i))
            {
                throw new ArgumentException(AttributionChecks.Text($"The channel '{Validation.Echo(credit.Channel)}' appears twice."), nameof(channels));
            }

            creditedConversions += credit.Conversions;
            creditedValue += credit.Value;
            CheckShare(credit, conversions, nameof(channels));
        }

        AddsUp(creditedConversions, conversions, nameof(conversions));
        AddsUp(creditedValue, value, nameof(value));
    }

    /// <summary>Gets the name of the model that produced the result.</summary>
    public string Model { get; }

    /// <summary>Gets every channel's credit, in the order of the paths' channels.</summary>
    public IReadOnlyList<ChannelCredit> Channels => _channels;

    /// <summary>Gets the conversions shared out: the observed total.</summary>
    public double Conversions { get; }

    /// <summary>Gets the conversion value shared out: the observed total.</summary>
    public double Value { get; }

    /// <summary>Gets whether there were conversions to share out.</summary>
    [JsonIgnore]
    public bool HasValue => Conversions > 0;

    /// <summary>Gets a channel's credit.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <returns>The credit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The result has no such channel; the message names it.</exception>
    public ChannelCredit this[string channel] => TryGetChannel(channel, out var credit)
        ? credit
        : throw new KeyNotFoundException(AttributionChecks.Text($"The result has no channel '{Validation.Echo(channel)}'."));

    /// <summary>Gets a channel's credit, if the result has the channel.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <param name="credit">The credit, or <see langword="null"/>.</param>
    /// <returns>Whether the result has the channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    public bool TryGetChannel(string channel, [NotNullWhen(true)] out ChannelCredit? credit)
    {
        ArgumentNullException.ThrowIfNull(channel);
        credit = _byName.TryGetValue(channel, out var index) ? _channels[index] : null;
        return credit is not null;
    }

    /// <summary>Returns the result as <c>linear: 27 conversions, value 3240 over 3 channels</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Model}: {Conversions:G6} conversions, value {Value:G6} over {_channels.Length} channels");

    /// <summary>
    /// Builds a result from a model's per-channel credits (aligned with <see cref="ConversionPaths.Channels"/>). Negative
    /// rounding residue (above −10⁻¹² of the total) is taken as 0; the totals are the paths' observed totals.
    /// </summary>
    internal static AttributionResult FromCredits(string model, ConversionPaths paths, ReadOnlySpan<double> conversions, ReadOnlySpan<double> value)
    {
        var total = paths.Conversions;
        var credits = new ChannelCredit[paths.Channels.Count];
        for (var i = 0; i < credits.Length; i++)
        {
            var c = Residue(conversions[i], paths.Conversions);
            var v = Residue(value[i], paths.Value);
            credits[i] = new ChannelCredit(paths.Channels[i], c, v, total > 0 ? Math.Min(1, c / total) : null, paths.GetCost(i));
        }

        return new AttributionResult(model, credits, paths.Conversions, paths.Value);
    }

    /// <summary>A share is the channel's conversions over the total when there are conversions, and none otherwise.</summary>
    private static void CheckShare(ChannelCredit credit, double total, string paramName)
    {
        var expected = total > 0 ? Math.Min(1, credit.Conversions / total) : (double?)null;
        if (expected is null != credit.Share is null || (expected is { } e && !(Math.Abs(credit.Share!.Value - e) <= Tolerance)))
        {
            throw new ArgumentException(
                AttributionChecks.Text($"The share of '{Validation.Echo(credit.Channel)}' is {credit.Share?.ToString(CultureInfo.InvariantCulture) ?? "none"}, but its {credit.Conversions} conversions of {total} make it {expected?.ToString(CultureInfo.InvariantCulture) ?? "none"}."),
                paramName);
        }
    }

    private static double Residue(double credit, double total) => credit < 0 && credit > -1e-12 * Math.Max(total, 1) ? 0 : credit;

    private static void AddsUp(double credited, double total, string paramName)
    {
        if (!(Math.Abs(credited - total) <= Tolerance * Math.Max(total, 1)))
        {
            throw new ArgumentException(
                AttributionChecks.Text($"The credits add up to {credited}, not to the total {total}."), paramName);
        }
    }
}
