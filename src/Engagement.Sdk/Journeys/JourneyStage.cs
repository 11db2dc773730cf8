using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A named stage of the customer journey, such as <see cref="Awareness"/> or a host's own stage. Its place in a
/// journey comes from the <see cref="StageModel"/> that holds it.
/// </summary>
/// <remarks>
/// Stages compare by name, ordinally. <c>default(JourneyStage)</c> is <see cref="Unspecified"/>, which is not equal to
/// a stage named <c>Unspecified</c> although both print so. In JSON a named stage is its name as a string and
/// <see cref="Unspecified"/> is <c>null</c>, so every stage reads back equal. This type is an immutable value and is
/// thread-safe.
/// </remarks>
[JsonConverter(typeof(JourneyStageJsonConverter))]
public readonly struct JourneyStage : IEquatable<JourneyStage>
{
    private const string UnspecifiedName = "Unspecified";

    private readonly string? _name;

    /// <summary>Creates a stage.</summary>
    /// <param name="name">
    /// The stage's name: 1 to 100 UTF-16 code units, no leading or trailing white space, and no control characters,
    /// bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width characters
    /// (U+200B–U+200D, U+2060, U+FEFF) or lone surrogates.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long, padded with white space or holds a
    /// forbidden character; the message gives the character as U+XXXX and its index.</exception>
    public JourneyStage(string name)
    {
        _name = Validation.Name(name, nameof(name), "stage name");
    }

    /// <summary>Gets the stage that says nothing: the value of <c>default(JourneyStage)</c>.</summary>
    public static JourneyStage Unspecified => default;

    /// <summary>Gets the stage in which a person first learns that the brand or product exists.</summary>
    public static JourneyStage Awareness { get; } = new("Awareness");

    /// <summary>Gets the stage in which the customer researches and compares options.</summary>
    public static JourneyStage Consideration { get; } = new("Consideration");

    /// <summary>Gets the stage in which the customer chooses and buys.</summary>
    public static JourneyStage Decision { get; } = new("Decision");

    /// <summary>Gets the stage after purchase: delivery, onboarding, use and support.</summary>
    public static JourneyStage PostPurchase { get; } = new("PostPurchase");

    /// <summary>Gets the stage in which the customer buys again and advocates for the brand.</summary>
    public static JourneyStage Loyalty { get; } = new("Loyalty");

    /// <summary>Gets the stage's name.</summary>
    public string Name => _name ?? UnspecifiedName;

    /// <summary>Gets whether this is <see cref="Unspecified"/>.</summary>
    public bool IsUnspecified => _name is null;

    /// <summary>Returns whether two stages are equal.</summary>
    /// <param name="left">The first stage.</param>
    /// <param name="right">The second stage.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool operator ==(JourneyStage left, JourneyStage right) => left.Equals(right);

    /// <summary>Returns whether two stages differ.</summary>
    /// <param name="left">The first stage.</param>
    /// <param name="right">The second stage.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(JourneyStage left, JourneyStage right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(JourneyStage other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JourneyStage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Returns the stage's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

/// <summary>
/// Writes a named <see cref="JourneyStage"/> as its name and <see cref="JourneyStage.Unspecified"/> as <c>null</c>;
/// reads them back the same way, so that a stage named <c>Unspecified</c> stays a named stage.
/// </summary>
internal sealed class JourneyStageJsonConverter : JsonConverter<JourneyStage>
{
    public override bool HandleNull => true;

    public override JourneyStage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return JourneyStage.Unspecified;
            case JsonTokenType.String:
                try
                {
                    return new JourneyStage(reader.GetString()!);
                }
                catch (ArgumentException e)
                {
                    throw new JsonException($"Invalid journey stage: {e.Message}", e);
                }

            default:
                throw new JsonException($"A journey stage must be a JSON string or null; got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, JourneyStage value, JsonSerializerOptions options)
    {
        if (value.IsUnspecified)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
