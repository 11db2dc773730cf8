using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// The text of a planned response with <c>{name}</c> placeholders that are filled from the customer's attributes, each
/// with a stated fallback for a customer who lacks the attribute: <c>Hi {first_name}, your cart is waiting.</c> with
/// the fallback <c>first_name → there</c>.
/// </summary>
/// <remarks>
/// <para>
/// A placeholder is <c>{name}</c>, where the name starts with an ASCII letter or <c>_</c> and goes on with ASCII
/// letters, digits, <c>_</c>, <c>.</c> or <c>-</c>. <c>{{</c> and <c>}}</c> write a literal brace. Every placeholder
/// must have a fallback (possibly empty) and every fallback must belong to a placeholder, so that a template is
/// complete when it is created: a placeholder without a fallback, an unbalanced brace or an invalid name is refused
/// then, never when a response is rendered. <see cref="Render"/> never throws: a missing (or <see langword="null"/>)
/// attribute gives the fallback. Rendering copies strings only, so it does not depend on the current culture.
/// </para>
/// <para>The text is compiled once into literal and placeholder parts. Equal when the id, the text and the fallbacks
/// (as a set of pairs) are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ResponseTemplate : IEquatable<ResponseTemplate>
{
    private static readonly IReadOnlyDictionary<string, string> NoFallbacks = ReadOnlyDictionary<string, string>.Empty;

    // Literal parts are strings; placeholder parts are their names, marked by a parallel flag.
    private readonly string[] _parts;
    private readonly bool[] _isPlaceholder;
    private readonly int _literalLength;

    /// <summary>Creates a template.</summary>
    /// <param name="id">The template's id, which actions refer to; not empty or white space.</param>
    /// <param name="text">The text, with <c>{name}</c> placeholders and <c>{{</c>/<c>}}</c> for literal braces.</param>
    /// <param name="fallbacks">The text that replaces each placeholder when the customer has no such attribute: one
    /// entry per placeholder, none for a name the text does not use. Copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="text"/> is
    /// <see langword="null"/>, or a fallback value is.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank; <paramref name="text"/> has an unbalanced
    /// brace, an invalid placeholder name or a placeholder without a fallback (the message echoes it);
    /// <paramref name="fallbacks"/> names a placeholder the text does not use.</exception>
    [JsonConstructor]
    public ResponseTemplate(string id, string text, IReadOnlyDictionary<string, string>? fallbacks = null)
    {
        Id = Validation.NotBlank(id, nameof(id));
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        var given = fallbacks ?? NoFallbacks;
        var parts = new List<string>();
        var flags = new List<bool>();
        var names = new List<string>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                    continue;
                }

                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The '}}' at index {i} closes no placeholder (write '}}}}' for a literal brace) in '{Validation.Echo(text)}'."),
                    nameof(text));
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }

            var end = text.IndexOfAny(['{', '}'], i + 1);
            if (end < 0 || text[end] == '{')
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The '{{' at index {i} is not closed (write '{{{{' for a literal brace) in '{Validation.Echo(text)}'."),
                    nameof(text));
            }

            var name = text[(i + 1)..end];
            if (!IsName(name))
            {
                throw new ArgumentException(
                    $"The placeholder '{{{Validation.Echo(name)}}}' has an invalid name: use an ASCII letter or '_' followed by letters, digits, '_', '.' or '-'.",
                    nameof(text));
            }

            if (!given.ContainsKey(name))
            {
                throw new ArgumentException(
                    $"The placeholder '{{{Validation.Echo(name)}}}' has no fallback: state one (possibly empty) for customers without the attribute.",
                    nameof(text));
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                flags.Add(false);
                literal.Clear();
            }

            parts.Add(name);
            flags.Add(true);
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
            flags.Add(false);
        }

        Fallbacks = CopyFallbacks(given, names);
        Placeholders = names.AsReadOnly();
        _parts = [.. parts];
        _isPlaceholder = [.. flags];
        for (var p = 0; p < _parts.Length; p++)
        {
            _literalLength += _isPlaceholder[p] ? 0 : _parts[p].Length;
        }
    }

    /// <summary>Gets the template's id.</summary>
    public string Id { get; }

    /// <summary>Gets the text as given, with its placeholders and escaped braces.</summary>
    public string Text { get; }

    /// <summary>Gets the fallback of each placeholder.</summary>
    public IReadOnlyDictionary<string, string> Fallbacks { get; }

    /// <summary>Gets the placeholder names, each once, in order of first use.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Returns whether two templates are equal.</summary>
    /// <param name="left">The first template.</param>
    /// <param name="right">The second template.</param>
    /// <returns><see langword="true"/> when the id, text and fallbacks are equal.</returns>
    public static bool operator ==(ResponseTemplate? left, ResponseTemplate? right) => Equals(left, right);

    /// <summary>Returns whether two templates differ.</summary>
    /// <param name="left">The first template.</param>
    /// <param name="right">The second template.</param>
    /// <returns><see langword="true"/> when the id, text or fallbacks differ.</returns>
    public static bool operator !=(ResponseTemplate? left, ResponseTemplate? right) => !Equals(left, right);

    /// <summary>Fills the placeholders from a customer's attributes.</summary>
    /// <param name="attributes">The customer's attributes by name (looked up with the dictionary's own comparer), or
    /// <see langword="null"/> when there are none.</param>
    /// <returns>The text, each placeholder replaced by the attribute's value, or by its fallback when the attribute is
    /// missing or <see langword="null"/>; <c>{{</c> and <c>}}</c> as single braces. Never throws.</returns>
    public string Render(IReadOnlyDictionary<string, string>? attributes)
    {
        if (_parts.Length == 1 && !_isPlaceholder[0])
        {
            return _parts[0];
        }

        var text = new StringBuilder(_literalLength + (16 * Placeholders.Count));
        for (var p = 0; p < _parts.Length; p++)
        {
            var part = _parts[p];
            if (!_isPlaceholder[p])
            {
                text.Append(part);
            }
            else if (attributes is not null && attributes.TryGetValue(part, out var value) && value is not null)
            {
                text.Append(value);
            }
            else
            {
                text.Append(Fallbacks[part]);
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ResponseTemplate? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Fallbacks.Count == other.Fallbacks.Count
        && Fallbacks.All(pair => other.Fallbacks.TryGetValue(pair.Key, out var value) && string.Equals(pair.Value, value, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseTemplate);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), StringComparer.Ordinal.GetHashCode(Text), Fallbacks.Count);

    /// <summary>Returns the template as <c>id: text</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Id}: {Text}";

    private static bool IsName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyDictionary<string, string> CopyFallbacks(IReadOnlyDictionary<string, string> fallbacks, List<string> names)
    {
        if (fallbacks.Count == 0)
        {
            return NoFallbacks;
        }

        var copy = new Dictionary<string, string>(fallbacks.Count, StringComparer.Ordinal);
        foreach (var (name, value) in fallbacks)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"The fallback '{Validation.Echo(name ?? string.Empty)}' belongs to no placeholder of the text.", nameof(fallbacks));
            }

            copy[name] = value ?? throw new ArgumentNullException(nameof(fallbacks), $"The fallback of '{Validation.Echo(name)}' is null.");
        }

        return copy.AsReadOnly();
    }
}
