using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Sdk.Responses;

/// <summary>
/// One message of an inquiry: the customer's, or a response by an agent or a bot, public or an internal note.
/// </summary>
/// <remarks>
/// A customer's message has no response type and is always public. A message by an agent or a bot is a response of the
/// brand and says which kind (<see cref="Responses.ResponseType"/>), which must agree with the author: a bot's response
/// is <see cref="Responses.ResponseType.Automated"/> or <see cref="Responses.ResponseType.Proactive"/>, a person's
/// <see cref="Responses.ResponseType.Manual"/> or <see cref="Responses.ResponseType.Proactive"/>; an internal note (<see cref="IsPublic"/> false) is
/// never counted as a response. Messages are equal when every field is equal, timestamps as instants. Immutable and
/// thread-safe.
/// </remarks>
public sealed class InquiryMessage : IEquatable<InquiryMessage>
{
    /// <summary>Creates a message.</summary>
    /// <param name="timestamp">When it was sent.</param>
    /// <param name="author">Who wrote it.</param>
    /// <param name="responseType">For an agent's or a bot's message, the kind of response; <see langword="null"/> for the customer's.</param>
    /// <param name="isPublic">Whether the customer sees it; <see langword="false"/> for an internal note, which only an agent or a bot can write.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="author"/> or <paramref name="responseType"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">A customer's message has a response type or is not public, or an agent's
    /// or bot's message has no response type or one that does not fit its author (an agent's Automated, a bot's Manual).</exception>
    [JsonConstructor]
    public InquiryMessage(DateTimeOffset timestamp, MessageAuthor author, ResponseType? responseType = null, bool isPublic = true)
    {
        Author = Validation.Defined(author, nameof(author));
        if (author == MessageAuthor.Customer)
        {
            if (responseType is { } type)
            {
                throw new ArgumentException($"A customer's message is not a response and has no response type; got {type}.", nameof(responseType));
            }

            if (!isPublic)
            {
                throw new ArgumentException("A customer's message is always public; got an internal one.", nameof(isPublic));
            }
        }
        else
        {
            var type = responseType is { } given
                ? Validation.Defined(given, nameof(responseType))
                : throw new ArgumentException($"A message by {author} is a response and needs a response type; got none.", nameof(responseType));
            if ((author, type) is (MessageAuthor.Agent, Responses.ResponseType.Automated) or (MessageAuthor.Bot, Responses.ResponseType.Manual))
            {
                throw new ArgumentException(
                    $"A {(author == MessageAuthor.Agent ? "person's" : "bot's")} message cannot be a {type} response: a bot's response is Automated or Proactive, a person's Manual or Proactive.",
                    nameof(responseType));
            }

            ResponseType = type;
        }

        Timestamp = timestamp;
        IsPublic = isPublic;
    }

    /// <summary>Gets when the message was sent.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets who wrote the message.</summary>
    public MessageAuthor Author { get; }

    /// <summary>Gets the kind of response, or <see langword="null"/> for the customer's message.</summary>
    public ResponseType? ResponseType { get; }

    /// <summary>Gets whether the customer sees the message; <see langword="false"/> for an internal note.</summary>
    public bool IsPublic { get; }

    /// <summary>Gets whether the brand wrote the message (an agent or a bot), public or an internal note; only a public
    /// one is a response (<see cref="IsPublicResponse"/>).</summary>
    [JsonIgnore]
    public bool IsByBrand => Author != MessageAuthor.Customer;

    /// <summary>Gets whether the message is a response: public and by an agent or a bot. Response times count only these.</summary>
    [JsonIgnore]
    public bool IsPublicResponse => IsByBrand && IsPublic;

    /// <summary>Creates the customer's message.</summary>
    /// <param name="timestamp">When it was sent.</param>
    /// <returns>The message.</returns>
    public static InquiryMessage FromCustomer(DateTimeOffset timestamp) => new(timestamp, MessageAuthor.Customer);

    /// <summary>Creates a public reply by a person: a <see cref="Responses.ResponseType.Manual"/> response.</summary>
    /// <param name="timestamp">When it was sent.</param>
    /// <returns>The message.</returns>
    public static InquiryMessage FromAgent(DateTimeOffset timestamp) => new(timestamp, MessageAuthor.Agent, Responses.ResponseType.Manual);

    /// <summary>Creates a public reply by a bot: an <see cref="Responses.ResponseType.Automated"/> response.</summary>
    /// <param name="timestamp">When it was sent.</param>
    /// <returns>The message.</returns>
    public static InquiryMessage FromBot(DateTimeOffset timestamp) => new(timestamp, MessageAuthor.Bot, Responses.ResponseType.Automated);

    /// <inheritdoc />
    public bool Equals(InquiryMessage? other) =>
        other is not null
        && Timestamp.Equals(other.Timestamp)
        && Author == other.Author
        && ResponseType == other.ResponseType
        && IsPublic == other.IsPublic;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InquiryMessage);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Timestamp, Author, ResponseType, IsPublic);

    /// <summary>Returns the message as <c>timestamp Author (type, internal)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Timestamp:O} {Author}{(ResponseType is { } t ? " " + t : string.Empty)}{(IsPublic ? string.Empty : " internal")}");
}
