using Engagement.Sdk.Journeys;

namespace Engagement.Sdk.Attribution;

/// <content>Conversion paths cut from an event log.</content>
public sealed partial class ConversionPaths
{
    /// <summary>Cuts each customer's events into conversion paths, as a definition says.</summary>
    /// <param name="log">The events.</param>
    /// <param name="definition">Which events convert and which are touches, the lookback, where channels come from, and
    /// whether repeats collapse; see <see cref="ConversionPathDefinition"/> for every rule.</param>
    /// <param name="cancellationToken">Checked before each customer.</param>
    /// <returns>The paths, with touch ages (days before the conversion, or before the last touch of a path that did not
    /// convert) and without costs; without conversion events in the log, paths without conversions; without touches,
    /// no paths.</returns>
    /// <remarks>
    /// <para>
    /// Touches at one instant are taken in ordinal order of their channel names, so that the paths do not depend on
    /// the order the events were given in (the log keeps ties in input order). A conversion's value is the event's
    /// <see cref="EventLog.Values"/> entry, 0 when it has none. Channels are named by <see cref="Touchpoints.Channel.Name"/>
    /// or the property's value, compared ordinally.
    /// </para>
    /// <para>One linear scan per customer over the log's columns.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="definition"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The log does not keep the definition's channel property (ParamName
    /// <c>definition</c>); or a property value that names a touch's channel is not a valid channel name, or a conversion
    /// event's value is negative (ParamName <c>log</c>; the message names the customer).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ConversionPaths FromEventLog(EventLog log, ConversionPathDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(definition);
        var scan = new EventLogPathScan(log, nameof(log), definition);
        for (var customer = 0; customer < log.CustomerCount; customer++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scan.Customer(customer);
        }

        return scan.ToPaths();
    }
}
