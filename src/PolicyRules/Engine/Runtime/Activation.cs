namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A rule waiting on the agenda to fire for a match: a row of 16 bytes, not an object. It names
/// its match by the token's id in the session's <see cref="Rete.TokenTable"/>, and holds while the
/// match has not been withdrawn since it was made (the stamps agree; see <see cref="Agenda.Holds"/>).
/// </summary>
internal readonly record struct Activation(int Token, int Stamp, CompiledRule Rule);
