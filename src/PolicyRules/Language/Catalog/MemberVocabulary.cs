namespace PolicyRules.Language.Catalog;

/// <summary>
/// The values a member of a fact holds (a clause's <c>kind</c>, its <c>sectors</c>), and the aliases
/// the facts' reader turns into them: a rule compares the values facts hold, so a value outside the
/// vocabulary, or an alias, would never match.
/// </summary>
/// <param name="Values">The values.</param>
/// <param name="Aliases">Other names, each with the values it is read as.</param>
internal sealed record MemberVocabulary(IReadOnlySet<string> Values, IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases);
