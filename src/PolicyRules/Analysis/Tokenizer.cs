using System.Globalization;
using System.Text;

namespace PolicyRules.Analysis;

/// <summary>
/// Splits clause text into folded words and sentences in one pass. Folding makes the lexicons
/// indifferent to case, accents, curly quotes and line-break hyphens; offsets stay those of the
/// original text, so evidence points at what the analyst wrote.
/// </summary>
internal static class Tokenizer
{
    // Abbreviations whose full stop does not end a sentence (folded).
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "art", "arts", "no", "nos", "para", "paras", "e.g", "i.e", "eg", "ie", "etc", "cf", "vol", "p", "pp",
        "sr", "sra", "num", "inc", "ltd", "co", "st", "mr", "mrs", "dr", "fig", "ss", "sec", "ch", "chap",
    };

    public static TextToken[] Tokenize(string text)
    {
        var tokens = new List<TextToken>(text.Length / 6);
        var sentence = 0;
        var i = 0;
        var word = new StringBuilder();
        while (i < text.Length)
        {
            var ch = text[i];
            if (char.IsLetterOrDigit(ch))
            {
                var start = i;
                word.Clear();
                while (i < text.Length)
                {
                    var c = text[i];
                    if (char.IsDigit(c) && IsFootnoteMark(text, start, i))
                    {
                        // "creative arts1 of national value": a footnote number glued to a word is not part of it.
                        break;
                    }

                    if (char.IsLetterOrDigit(c))
                    {
                        AppendFolded(word, c);
                        i++;
                    }
                    else if (IsSoftHyphen(c))
                    {
                        i++;
                    }
                    else if (IsHyphen(c) && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && EndsLine(text, i + 1) is var next && next < text.Length && char.IsLower(text[next]))
                    {
                        // A word broken across a line ("cul-\n tural") is one word.
                        i = next;
                    }
                    else if (IsHyphen(c) && word.ToString() == "co" && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        // "co-operation" and "cooperation" are one word.
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(new TextToken(word.ToString(), start, i, sentence));
                continue;
            }

            if (ch is '.' or '?' or '!' && EndsSentence(text, i, tokens))
            {
                sentence++;
            }

            i++;
        }

        return tokens.ToArray();
    }

    // Digits that end a lower-case word of three letters or more, one to three of them, with no
    // letter after: the footnote marks of converted treaty texts ("arts1", "productos4").
    private static bool IsFootnoteMark(string text, int start, int at)
    {
        if (at - start < 3)
        {
            return false;
        }

        for (var k = start; k < at; k++)
        {
            if (!char.IsLetter(text[k]))
            {
                return false;
            }
        }

        if (!char.IsLower(text[at - 1]))
        {
            return false;
        }

        var end = at;
        while (end < text.Length && char.IsDigit(text[end]))
        {
            end++;
        }

        return end - at <= 3 && (end == text.Length || !char.IsLetter(text[end]));
    }

    /// <summary>Folds one term of a lexicon the way text is folded.</summary>
    public static string Fold(string term)
    {
        // Most terms are lower-case ASCII already, which folds to itself.
        if (!term.AsSpan().ContainsAnyExceptInRange('\0', '\u007F') && !term.AsSpan().ContainsAnyInRange('A', 'Z'))
        {
            return term;
        }

        var builder = new StringBuilder(term.Length);
        foreach (var c in term)
        {
            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(builder, c);
            }
            else if (!IsSoftHyphen(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void AppendFolded(StringBuilder builder, char c)
    {
        if (c < 128)
        {
            builder.Append(char.ToLowerInvariant(c));
            return;
        }

        builder.Append(c < LatinFolds.Length ? LatinFolds[c] ??= Decompose(c) : Decompose(c));
    }

    // The accented letters of the Latin alphabets, folded once each: Spanish and French text has one
    // in every few words, and decomposing one makes two strings.
    private static readonly string?[] LatinFolds = new string?[0x250];

    private static string Decompose(char c)
    {
        var folded = new StringBuilder(2);
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(d));
            }
        }

        return folded.ToString();
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsSoftHyphen(char c) => c == '\u00AD';

    private static int EndsLine(string text, int i)
    {
        var sawNewline = false;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            sawNewline |= text[i] is '\n' or '\r';
            i++;
        }

        return sawNewline ? i : text.Length;
    }

    // A stop ends a sentence when what follows starts a new one (a capital, a number, a bracket, the end)
    // and the word before it is not an abbreviation or a paragraph number ("1." opens a paragraph).
    private static bool EndsSentence(string text, int i, List<TextToken> tokens)
    {
        var next = i + 1;
        if (next < text.Length && !char.IsWhiteSpace(text[next]))
        {
            return false;
        }

        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next < text.Length && !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '(' or '"' or '\u201C' or '\u00AB' or '¿' or '¡'))
        {
            return false;
        }

        if (tokens.Count > 0 && tokens[^1].End == i)
        {
            var last = tokens[^1].Folded;
            if (Abbreviations.Contains(last) || last.Length == 1 && char.IsLetter(last[0]))
            {
                return false;
            }
        }

        return true;
    }
}
