using System.Text.RegularExpressions;

namespace PolicyRules.Language.Binding;

/// <summary>
/// A rule's regular expression, checked when the rule is loaded and built on first use, in two
/// tiers: the backtracking interpreter (built in microseconds, under the rulebook's time limit per
/// match) for its first uses, then the non-backtracking engine (linear time, but its automaton costs
/// milliseconds to build) once the pattern has been used enough to pay for it. A check of one draft
/// never builds an automaton; a corpus builds each once. Both engines find the same matches. A
/// pattern that could backtrack exponentially (<see cref="RisksBacktracking"/>) never meets the interpreter.
/// </summary>
internal sealed class RulePattern
{
    // Constructs the non-backtracking engine refuses: lookarounds, atomic groups, conditionals, backreferences.
    private static readonly Regex Unsupported = new(@"(?<!\\)\((?:\?[=!]|\?<[=!]|\?>|\?\()|(?<!\\)\\(?:[1-9]|k<)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Uses after which the automaton is built: a few hundred matches by the interpreter cost less than building it.
    private const int InterpretedUses = 256;

    private readonly Regex _interpreted;
    private readonly Lazy<Regex> _automaton;
    private int _uses;

    private RulePattern(string pattern, Regex interpreted, RegexOptions options, TimeSpan timeout)
    {
        Pattern = pattern;
        _interpreted = interpreted;
        _automaton = new Lazy<Regex>(() => new Regex(pattern, options | RegexOptions.NonBacktracking, timeout), LazyThreadSafetyMode.ExecutionAndPublication);
        RisksBacktracking = HasNestedQuantifier(pattern);
        if (RisksBacktracking)
        {
            _uses = InterpretedUses + 1;
        }
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The expression to run now: the interpreter for the first uses, then the automaton.</summary>
    public Regex Regex =>
        Volatile.Read(ref _uses) > InterpretedUses || Interlocked.Increment(ref _uses) > InterpretedUses ? _automaton.Value : _interpreted;

    /// <summary>
    /// Whether the pattern could make the backtracking interpreter take exponential time: a
    /// quantified group that holds a quantifier or an alternation (<c>(a+)+</c>, <c>(a|ab)*</c>).
    /// Such a pattern skips the interpreter and runs on the automaton from its first use.
    /// </summary>
    public bool RisksBacktracking { get; }

    internal static bool HasNestedQuantifier(string pattern)
    {
        // Per open group: whether it holds a quantifier or an alternation so far.
        var groups = new Stack<bool>();
        var inside = false; // the current group's flag
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    // Skip the character class, escapes and a leading ']' included.
                    i++;
                    if (i < pattern.Length && pattern[i] == '^')
                    {
                        i++;
                    }

                    if (i < pattern.Length && pattern[i] == ']')
                    {
                        i++;
                    }

                    while (i < pattern.Length && pattern[i] != ']')
                    {
                        i += pattern[i] == '\\' ? 2 : 1;
                    }

                    break;
                case '(':
                    groups.Push(inside);
                    inside = false;
                    break;
                case ')':
                    var held = inside;
                    inside = groups.Count > 0 ? groups.Pop() : false;
                    if (IsQuantifier(pattern, i + 1))
                    {
                        if (held)
                        {
                            return true;
                        }

                        inside = true;
                    }
                    else
                    {
                        inside |= held;
                    }

                    break;
                case '|':
                    inside = true;
                    break;
                default:
                    if (IsQuantifier(pattern, i) && i > 0 && pattern[i - 1] != '(')
                    {
                        inside = true;
                    }

                    break;
            }
        }

        return false;
    }

    private static bool IsQuantifier(string pattern, int at) =>
        at < pattern.Length && (pattern[at] is '*' or '+' or '?' || (pattern[at] == '{' && at + 1 < pattern.Length && char.IsDigit(pattern[at + 1])));

    /// <summary>Checks a pattern (syntax by the parser, constructs the non-backtracking engine refuses by a scan) and defers building its automaton.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    /// <exception cref="NotSupportedException">The pattern uses a construct the non-backtracking engine does not run.</exception>
    public static RulePattern Create(string pattern, RegexOptions options, TimeSpan timeout)
    {
        var interpreted = new Regex(pattern, options, timeout); // the parse, and the interpreter's first tier
        if (Unsupported.Match(pattern) is { Success: true } construct)
        {
            throw new NotSupportedException($"'{construct.Value}' at offset {construct.Index}");
        }

        return new RulePattern(pattern, interpreted, options, timeout);
    }

    /// <inheritdoc/>
    public override string ToString() => $"/{Pattern}/";
}
