using PolicyRules.Diagnostics;
using PolicyRules.Engine;
using PolicyRules.Engine.Compilation;

namespace PolicyRules.Language;

/// <summary>The outcome of loading rule files: the rules in force, the rulebooks they came from, and every diagnostic.</summary>
public sealed class RulebookSet
{
    internal RulebookSet(IReadOnlyList<RulebookInfo> rulebooks, IReadOnlyList<RulebookRule> rules, IReadOnlyList<Diagnostic> diagnostics)
    {
        Rulebooks = rulebooks;
        Rules = rules;
        Diagnostics = diagnostics;
    }

    /// <summary>The rulebooks read, in load order.</summary>
    public IReadOnlyList<RulebookInfo> Rulebooks { get; }

    /// <summary>The rules in force after overrides and disabling, in load order.</summary>
    public IReadOnlyList<RulebookRule> Rules { get; }

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// Compiles the rules into a network, with <see cref="FastExpressionTreeCompiler"/> unless the
    /// options say otherwise: it turns the rules' expressions into delegates about 6× faster than
    /// System.Linq.Expressions (docs/PERFORMANCE.md).
    /// </summary>
    /// <exception cref="InvalidOperationException">The set has errors; <see cref="Diagnostics"/> says which.</exception>
    public RuleNetwork Compile(RuleNetworkOptions? options = null)
    {
        if (HasErrors)
        {
            throw new InvalidOperationException(
                "The rules have errors:" + Environment.NewLine + string.Join(Environment.NewLine, Diagnostics.Where(d => d.IsError)));
        }

        return RuleNetwork.Compile(Rules.Select(r => r.Definition), options);
    }
}
