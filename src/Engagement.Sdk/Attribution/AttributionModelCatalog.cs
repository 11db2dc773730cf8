namespace Engagement.Sdk.Attribution;

/// <summary>
/// The attribution models a host compares, selectable by name: <see cref="Default"/> holds the built-in ones, and a
/// host builds its own from any <see cref="IAttributionModel"/>s (through dependency injection, for example).
/// </summary>
/// <remarks>
/// <para>
/// Names are unique and compared ordinally; <see cref="Models"/> keeps the order given. <see cref="AttributeAll"/>
/// runs every model on one set of paths, skipping the time-decay models when the paths carry no times (aggregated
/// paths), since those models cannot attribute them.
/// </para>
/// <para>Immutable and thread-safe (as the models are).</para>
/// </remarks>
public sealed class AttributionModelCatalog
{
    private readonly IAttributionModel[] _models;
    private readonly string[] _names;
    private readonly Dictionary<string, IAttributionModel> _byName;

    /// <summary>Creates a catalogue.</summary>
    /// <param name="models">The models, in the order to list them; none <see langword="null"/>, names distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A model is <see langword="null"/> (its index is named), or two models share
    /// a name (the name is given).</exception>
    public AttributionModelCatalog(IEnumerable<IAttributionModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = [.. models];
        _names = new string[_models.Length];
        _byName = new Dictionary<string, IAttributionModel>(_models.Length, StringComparer.Ordinal);
        for (var i = 0; i < _models.Length; i++)
        {
            var model = _models[i] ?? throw new ArgumentException(AttributionChecks.Text($"The model at index {i} is null."), nameof(models));
            var name = model.Name ?? throw new ArgumentException(AttributionChecks.Text($"The model at index {i} has no name."), nameof(models));
            if (!_byName.TryAdd(name, model))
            {
                throw new ArgumentException(
                    AttributionChecks.Text($"Two models are named '{Validation.Echo(name)}' (at indexes {Array.IndexOf(_names, name)} and {i}); names must be unique."),
                    nameof(models));
            }

            _names[i] = name;
        }
    }

    /// <summary>
    /// Gets the built-in models with their default settings: first-touch, last-touch, last-non-direct (direct channel
    /// <c>direct</c>), linear (per occurrence), time-decay (half-life 7 days) and position-based (40/20/40).
    /// </summary>
    // TODO(attribution): add MarkovModel (order 1) and ShapleyModel once those parts land on main.
    public static AttributionModelCatalog Default { get; } = new(
    [
        new FirstTouchModel(),
        new LastTouchModel(),
        new LastNonDirectModel(),
        new LinearModel(),
        new TimeDecayModel(TimeSpan.FromDays(7)),
        new PositionBasedModel(),
    ]);

    /// <summary>Gets the models' names, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Gets the models, in order.</summary>
    public IReadOnlyList<IAttributionModel> Models => _models;

    /// <summary>Gets a model by name.</summary>
    /// <param name="name">The model's name.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No model has that name; the message lists the known names.</exception>
    public IAttributionModel Get(string name) => TryGet(name, out var model)
        ? model
        : throw new KeyNotFoundException(
            AttributionChecks.Text($"No attribution model is named '{Validation.Echo(name)}'; the catalogue has {string.Join(", ", _names)}."));

    /// <summary>Gets a model by name, if the catalogue has it.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="model">The model, or <see langword="null"/>.</param>
    /// <returns>Whether the catalogue has a model of that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IAttributionModel? model)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out model);
    }

    /// <summary>Runs every model on the paths, in the catalogue's order; time-decay models are skipped when the paths
    /// carry no times (<see cref="ConversionPaths.HasTimes"/>).</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="cancellationToken">Checked between models and during each.</param>
    /// <returns>One result per model run, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IReadOnlyList<AttributionResult> AttributeAll(ConversionPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new List<AttributionResult>(_models.Length);
        foreach (var model in _models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (model is TimeDecayModel && !paths.HasTimes)
            {
                continue;
            }

            results.Add(model.Attribute(paths, cancellationToken));
        }

        return results;
    }

    /// <summary>Returns the catalogue as <c>first-touch, last-touch, …</c>.</summary>
    /// <returns>The names, in order.</returns>
    public override string ToString() => string.Join(", ", _names);
}
