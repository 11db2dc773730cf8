using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engagement.Sdk.IO;

/// <summary>
/// Whether a derived member read from JSON (a score, a share, an interval) agrees with the value recomputed from the
/// counts: the same shape and text, and numbers equal to a relative 10⁻⁹. The tolerance lets a document written on
/// another machine or by another release, whose floating-point functions round differently in the last bits, still
/// read, while a hand-edited or corrupted value does not.
/// </summary>
internal static class DerivedMembers
{
    private const double Tolerance = 1e-9;

    public static bool Agree(JsonNode? expected, JsonNode? given) => (expected, given) switch
    {
        (null, null) => true,
        (JsonObject a, JsonObject b) => a.Count == b.Count && a.All(pair => b.TryGetPropertyValue(pair.Key, out var other) && Agree(pair.Value, other)),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(pair => Agree(pair.First, pair.Second)),
        (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number =>
            Close(a.GetValue<double>(), b.GetValue<double>()),
        (JsonValue a, JsonValue b) => JsonNode.DeepEquals(a, b),
        _ => false,
    };

    private static bool Close(double expected, double given) =>
        expected == given || Math.Abs(expected - given) <= Tolerance * Math.Max(Math.Abs(expected), Math.Abs(given));
}
