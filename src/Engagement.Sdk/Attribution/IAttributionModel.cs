namespace Engagement.Sdk.Attribution;

/// <summary>
/// A multi-touch attribution model: it shares out the conversions and value of <see cref="ConversionPaths"/> among
/// their channels.
/// </summary>
/// <remarks>
/// Implementations keep these laws (the shared attribution-law tests check the built-in models): the credits add up to
/// the observed conversions and value (to floating-point rounding); no credit is negative; a channel on no converting
/// path is credited nothing; relabelling the channels permutes the credits; the order of the input does not matter.
/// Models are immutable and thread-safe. Hosts add their own through dependency injection; <see cref="Name"/> selects
/// a model.
/// </remarks>
public interface IAttributionModel
{
    /// <summary>Gets the model's name, unique among the models a host uses, such as <c>last-touch</c> or <c>markov</c>.</summary>
    string Name { get; }

    /// <summary>Shares out the conversions and value of the paths among their channels.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="cancellationToken">Checked during long computations.</param>
    /// <returns>The credits of every channel of <paramref name="paths"/>; without conversions, a result without value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    AttributionResult Attribute(ConversionPaths paths, CancellationToken cancellationToken = default);
}
