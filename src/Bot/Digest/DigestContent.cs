using CchcBot.Delivery;
using CchcBot.Storage;

namespace CchcBot.Digest;

/// <summary>The weekly digest as posted.</summary>
/// <param name="ChiefInspector">Who is @mentioned, when Teams knows them (they opened the bot); null otherwise.</param>
/// <param name="NoChannel">No Office channel is registered: the digest goes to the Chief of Office, saying how to register one.</param>
public sealed record DigestContent(DigestFigures Figures, PersonIdentity? ChiefInspector, bool NoChannel) : MessageContent;
