namespace PolicyRules.Domain.Drafts;

/// <summary>One field of the draft vocabulary: the values it takes and what analysts also type for them.</summary>
/// <param name="Name">The field, as a path in the draft: <c>sectors</c>, <c>exceptions.type</c>, <c>parties.status</c>.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Values">The values of the taxonomy, in its order.</param>
/// <param name="Aliases">Other spellings, each mapped to the value (or values) of the taxonomy it stands for.</param>
public sealed record VocabularyField(string Name, string Description, IReadOnlyList<string> Values, IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases)
{
    /// <summary>
    /// Reads a value as the taxonomy spells it: itself; the same value in another case or with spaces
    /// or underscores for hyphens (<c>National Treatment</c>); an alias (<c>audiovisual</c>); or unknown,
    /// with the closest value as a suggestion.
    /// </summary>
    internal VocabularyMatch Resolve(string value)
    {
        if (Values.Contains(value, StringComparer.Ordinal))
        {
            return new VocabularyMatch([value], VocabularyMatchKind.Exact, null);
        }

        var normal = Normalise(value);
        if (Values.FirstOrDefault(v => Normalise(v) == normal) is { } spelt)
        {
            return new VocabularyMatch([spelt], VocabularyMatchKind.Alias, null);
        }

        if (Aliases.FirstOrDefault(a => Normalise(a.Key) == normal) is { Value: { } meant })
        {
            return new VocabularyMatch(meant, VocabularyMatchKind.Alias, null);
        }

        // The closest value of the taxonomy, else the closest of what is also read ('audiovisal' is
        // far from every av-… value, but one letter from the alias 'audiovisual').
        var suggestion = Diagnostics.Suggestions.Closest(value, Values) ?? Diagnostics.Suggestions.Closest(normal, Values.Select(Normalise));
        if (suggestion is not null)
        {
            return new VocabularyMatch([value], VocabularyMatchKind.Unknown, Values.First(v => v == suggestion || Normalise(v) == suggestion));
        }

        return new VocabularyMatch([value], VocabularyMatchKind.Unknown, Diagnostics.Suggestions.Closest(normal, Aliases.Keys));
    }

    private static string Normalise(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value.Trim().ToLowerInvariant(), @"[\s_]+", "-");
}

/// <summary>How a value was read.</summary>
internal enum VocabularyMatchKind
{
    /// <summary>As the taxonomy spells it.</summary>
    Exact,

    /// <summary>Another spelling or an alias, mapped to the taxonomy.</summary>
    Alias,

    /// <summary>Not in the vocabulary; kept as written.</summary>
    Unknown,
}

/// <summary>A value read against a field: the taxonomy's values it stands for, how, and the closest value when unknown.</summary>
internal sealed record VocabularyMatch(IReadOnlyList<string> Values, VocabularyMatchKind Kind, string? Suggestion);
