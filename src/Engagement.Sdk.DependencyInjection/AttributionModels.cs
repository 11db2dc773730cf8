using Engagement.Sdk.Attribution;

namespace Engagement.Sdk;

/// <summary>Builds the catalogue <c>AddEngagement</c> registers: the built-in models, with the host's models of the same
/// name in their place and the others after them, in registration order.</summary>
internal static class AttributionModels
{
    public static AttributionModelCatalog Catalog(IEnumerable<IAttributionModel> hostModels)
    {
        var models = new List<IAttributionModel>(AttributionModelCatalog.Default.Models);
        var hostNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in hostModels)
        {
            if (!hostNames.Add(model.Name))
            {
                throw new ArgumentException(
                    $"Two attribution models registered by the host are named '{model.Name}'; each name may be registered once.", nameof(hostModels));
            }

            var index = models.FindIndex(m => string.Equals(m.Name, model.Name, StringComparison.Ordinal));
            if (index >= 0)
            {
                models[index] = model;
            }
            else
            {
                models.Add(model);
            }
        }

        return new AttributionModelCatalog(models);
    }
}
