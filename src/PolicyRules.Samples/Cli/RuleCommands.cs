using PolicyRules.Analysis;
using System.CommandLine;
using PolicyRules.Checking;
using PolicyRules.Checking.Report;
using PolicyRules.Diagnostics;
using PolicyRules.Engine.Model;
using PolicyRules.Language;

namespace PolicyRules.Cli;

/// <summary><c>rules</c>, <c>explain</c> and <c>schema</c>: what the rulebook holds.</summary>
internal static class RuleCommands
{
    public static Command CreateRules(CliEnvironment environment)
    {
        var principle = new Option<string>("--principle") { Description = "Only the rules of this principle id.", HelpName = "id" };
        var rules = new PolicyCheckApp.RuleOptions();
        var command = new Command("rules", "List the rules in force: id, principle, severity and basis.");
        command.Options.Add(principle);
        rules.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var checker = rules.Build(parse, environment, stderr, quiet: false);
            if (checker is null)
            {
                return ExitCodes.Error;
            }

            var wanted = parse.GetValue(principle);
            var selected = checker.Rules
                .Where(r => wanted is null || string.Equals(r.Principle, wanted, StringComparison.Ordinal))
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToArray();
            if (wanted is not null && selected.Length == 0)
            {
                var known = checker.Rules.Select(r => r.Principle).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
                stderr.WriteLine($"policy-check: error: no rule checks the principle '{wanted}'.{Suggestions.DidYouMean(wanted, known)} Principles: {string.Join(", ", known)}.");
                return ExitCodes.Error;
            }

            WriteTable(stdout, ["ID", "PRINCIPLE", "SEVERITY", "BASIS"], selected.Select(r => new[] { r.Id, r.Principle ?? "-", r.Severity, string.Join("; ", r.Basis) }));
            stdout.WriteLine();
            stdout.WriteLine($"{selected.Length} rule{(selected.Length == 1 ? "" : "s")} from {string.Join(", ", checker.Rulebooks.Select(b => $"{b.Name} {b.Version}"))}.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateExplain(CliEnvironment environment)
    {
        var id = new Argument<string>("rule-id") { Description = "The rule's id, such as LIB-001." };
        var rules = new PolicyCheckApp.RuleOptions();
        var command = new Command("explain", "Explain one rule in words: what it finds, the principle, the basis in the Convention and declarations, and the remedy.");
        command.Arguments.Add(id);
        rules.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var checker = rules.Build(parse, environment, stderr, quiet: true);
            if (checker is null)
            {
                return ExitCodes.Error;
            }

            var wanted = parse.GetValue(id) ?? "";
            var rule = checker.Rules.FirstOrDefault(r => r.Id == wanted)
                ?? checker.Rules.FirstOrDefault(r => string.Equals(r.Id, wanted, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                var close = checker.Rules.Select(r => r.Id).Where(r => r.StartsWith(wanted.Split('-')[0], StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
                stderr.WriteLine($"policy-check: error: no rule '{wanted}'." + (close.Length > 0 ? $" Rules like it: {string.Join(", ", close)}." : " List them with: policy-check rules"));
                return ExitCodes.Error;
            }

            Explain(rule, checker.JoinOrder(rule.Id), stdout);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateSchema()
    {
        var name = new Argument<string>("name") { Description = "draft (the input format), rules (rule files), tests (rule test files) or lexicon (the term files of clause analysis)." };
        name.AcceptOnlyFromAmong("draft", "rules", "tests", "lexicon");
        var command = new Command("schema", "Print a JSON schema (draft-07): of drafts, rule files, rule test files or lexicons.");
        command.Arguments.Add(name);
        command.SetAction(parse =>
        {
            var which = parse.GetValue(name) switch { "rules" => "rulebook", var other => other! };
            parse.InvocationConfiguration.Output.Write(EmbeddedRulebook.Schema(which).TrimEnd() + "\n");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Explain(RulebookRule rule, IReadOnlyList<string> joinOrder, TextWriter w)
    {
        w.WriteLine($"{rule.Id}: {rule.Title ?? "(no title)"}");
        w.WriteLine();
        w.WriteLine($"  Principle     {rule.Principle ?? "-"}");
        // Only a conflict has a severity: a rule that tags, supports or mitigates reports none.
        if (rule.Concludes.Contains("conflict"))
        {
            w.WriteLine($"  Severity      {rule.Severity}");
        }

        w.WriteLine($"  Rulebook      {rule.Rulebook}" + (rule.Location.File is { } file ? $" ({file}:{rule.Location.Line})" : ""));
        if (rule.Verification is { } verification)
        {
            w.WriteLine($"  Verification  {verification} ({Verification(verification)})");
        }

        w.WriteLine();
        w.WriteLine(TextLayout.Wrap(WhatItDoes(rule), 2));
        if (rule.Conditions.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  Looks for");
            foreach (var condition in rule.Conditions)
            {
                w.WriteLine(TextLayout.Wrap("- " + condition, 4, hanging: 2));
            }

            var written = rule.Definition.Conditions.OfType<PatternElement>().Select(p => p.Alias).ToArray();
            if (written.Length > 1)
            {
                static string Show(IEnumerable<string> aliases) => string.Join(" → ", aliases.Select(a => a.StartsWith('$') ? a : "$" + a));
                var how = written.SequenceEqual(joinOrder) ? "as written" : $"the planner's order; written {Show(written)}";
                w.WriteLine();
                w.WriteLine(TextLayout.Wrap($"Joins {Show(joinOrder)} ({how})", 2, hanging: 6));
            }
        }

        if (rule.LexiconSets.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  Lexicon terms (a word also matches its plural; * ends a prefix; ~ allows up to 8 words between)");
            foreach (var set in rule.LexiconSets)
            {
                w.WriteLine($"    {set}");
                foreach (var lexicon in EmbeddedLexicons.All)
                {
                    var terms = lexicon.Sets.TryGetValue(set, out var found) ? string.Join(", ", found) : "(none)";
                    w.WriteLine(TextLayout.Wrap($"{lexicon.Language}: {terms}", 6, hanging: 4));
                }
            }
        }

        if (rule.Basis.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  Basis");
            foreach (var basis in rule.Basis)
            {
                w.WriteLine($"    - {basis}");
            }
        }

        if (rule.Remedy is not null || rule.Concludes.Contains("conflict"))
        {
            w.WriteLine();
            w.WriteLine("  Remedy");
            w.WriteLine(TextLayout.Wrap(rule.Remedy ?? "Its rule file names none.", 4));
        }

        if (rule.References.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  References");
            foreach (var reference in rule.References)
            {
                w.WriteLine($"    - {reference}");
            }
        }
    }

    /// <summary>What the rule reports, by what its actions conclude: only a conflict can fail a run.</summary>
    private static string WhatItDoes(RulebookRule rule)
    {
        var title = Lower(rule.Title ?? "see the rule file");
        var principle = $"the principle '{rule.Principle}'";
        return rule.Concludes switch
        {
            var c when c.Contains("conflict") && rule.Principle is not null =>
                $"{rule.Id} reports a clause that goes against {principle}: {title}. A conflict it finds is {rule.Severity}; it fails a run at --fail-on {rule.Severity} or lower unless another clause mitigates it or a waiver accepts it.",
            var c when c.Contains("support") && rule.Principle is not null =>
                $"{rule.Id} reports a clause that advances {principle}: {title}. A support never fails a run.",
            var c when c.Contains("tag:" + Verdict.NeedsReview) =>
                $"{rule.Id} sends a clause to review" + (rule.Principle is null ? "" : $" on {principle}") + $": {title}. The clause's verdict is needs-review, with the question; it never fails a run.",
            var c when c.Contains("mitigation") =>
                $"{rule.Id} finds what in the agreement answers a conflict: {title}. A conflict fully answered is mitigated and no longer fails a run.",
            _ => $"{rule.Id} finds: {title}." + (rule.Concludes.Count > 0 ? $" It concludes {string.Join(", ", rule.Concludes)}, which other rules read." : ""),
        };
    }

    private static string Verification(string mark) => mark switch
    {
        "V" => "checked against a retrieved text",
        "V-sec" => "checked through a reliable secondary source",
        "M" => "the standard text, not re-retrieved",
        "U" => "unverified",
        _ => "unknown mark",
    };

    private static string Lower(string text) => text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1])) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static void WriteTable(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            w.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
