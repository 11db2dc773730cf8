namespace Engagement.Sdk.Value;

/// <summary>What the readers of transactions say of their overloads, each taking the transactions as a span or as a
/// sequence (an array or list read in place, any other sequence copied once).</summary>
internal static class InputShapes
{
    /// <summary>Why the span and sequence overloads may both end in an optional token (RS0026).</summary>
    public const string OptionalTokenOnEachShape =
        "The overloads differ in the input's shape (span or sequence) and end in the conventional optional token; no call is ambiguous.";
}
