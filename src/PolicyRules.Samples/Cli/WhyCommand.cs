using System.CommandLine;
using PolicyRules.Checking.Explaining;
using PolicyRules.Checking.Report;
using PolicyRules.Checking.Waivers;
using PolicyRules.Domain.Drafts;
using PolicyRules.Reporting;

namespace PolicyRules.Cli;

/// <summary><c>why &lt;draft&gt; &lt;clause&gt;</c>: the reasoning behind one clause's verdict.</summary>
internal static class WhyCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var path = new Argument<string>("draft") { Description = "A draft file (JSON, or a treaty text: .txt, .docx, ToTA .xml)." };
        var clause = new Argument<string>("clause") { Description = "The id of one of its clauses, or 'agreement' for the agreement's own findings." };
        var perspective = new Option<string>("--perspective", "-p") { Description = "Assess this party's policy space (a party code).", HelpName = "party" };
        var rules = new PolicyCheckApp.RuleOptions();
        var texts = new TreatyTextOptions();
        var command = new Command("why", "Explain one clause's verdict: what the rules read of it, its conflicts and what mitigates them, and the rules that took the clause but were stopped, with what stopped them.");
        command.Arguments.Add(path);
        command.Arguments.Add(clause);
        command.Options.Add(perspective);
        texts.AddTo(command);
        rules.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var file = environment.Resolve(parse.GetValue(path)!);
            if (!File.Exists(file))
            {
                stderr.WriteLine($"policy-check: error: no such draft '{parse.GetValue(path)}'.");
                return ExitCodes.Error;
            }

            var draft = DraftFiles.Read(new DraftReader { Perspective = parse.GetValue(perspective) }, file, texts.ImportOptions(parse));
            var id = parse.GetValue(clause)!;

            // 'agreement' (or '(agreement)', as reports label them) asks for the agreement's own findings, as waivers name them.
            if (draft.Agreement is not null && id is Waiver.AgreementSelector or FindingReport.AgreementLevel && draft.Clauses.All(c => c.Id != id))
            {
                if (rules.Build(parse, environment, stderr, quiet: true) is not { } agreementChecker)
                {
                    return ExitCodes.Error;
                }

                WriteAgreement(agreementChecker.Check(draft), stdout);
                return ExitCodes.Success;
            }

            if (draft.Agreement is null || draft.Clauses.FirstOrDefault(c => c.Id == id) is not { Fact: not null })
            {
                foreach (var d in draft.Diagnostics.Concat(draft.Clauses.FirstOrDefault(c => c.Id == id)?.Diagnostics ?? []))
                {
                    stderr.WriteLine(d with { File = parse.GetValue(path) });
                }

                var why = draft.Agreement is null ? $"{parse.GetValue(path)} could not be read as a draft (see above)"
                    : draft.Clauses.Any(c => c.Id == id) ? $"clause '{id}' of {parse.GetValue(path)} could not be read (see above)"
                    : $"no clause '{id}' in {parse.GetValue(path)}. Clauses: {string.Join(", ", draft.Clauses.Select(c => c.Id))}";
                stderr.WriteLine($"policy-check: error: {why}.");
                return ExitCodes.Error;
            }

            if (rules.Build(parse, environment, stderr, quiet: true) is not { } checker)
            {
                return ExitCodes.Error;
            }

            Write(checker.Explain(draft, id), draft, stdout);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(ClauseExplanation why, Draft draft, TextWriter w)
    {
        var clause = why.Clause;
        var parties = clause.PartyVerdicts is { } byParty ? $" ({string.Join("; ", byParty.Select(p => $"{p.Key} {p.Value}"))})" : "";
        w.WriteLine($"Clause {clause.Id} of {draft.Agreement!.Id} · {(draft.Perspective is { } p ? $"perspective {p}" : "all parties")} · verdict {clause.Verdict}{parties}");
        if (clause.Candidates.Count > 0)
        {
            w.WriteLine($"  principles in question: {string.Join(", ", clause.Candidates)}");
        }

        foreach (var review in clause.Reviews ?? [])
        {
            w.WriteLine($"  ? {review.Describe()}");
        }

        w.WriteLine();
        w.WriteLine("Read as");
        Facts(w, why.Readings, "nothing: no rule tagged the clause");

        w.WriteLine();
        w.WriteLine("Conflicts");
        if (clause.Conflicts.Count == 0)
        {
            w.WriteLine("  none");
        }

        foreach (var c in clause.Conflicts)
        {
            var status = c.PartyStatus is { } ps ? $"{c.Status}: {string.Join(", ", ps.Select(x => $"{x.Key} {x.Value}"))}" : c.Status;
            w.WriteLine($"  {c.Rule}  {c.Principle}  [{status}]");
            w.WriteLine(TextLayout.Wrap(c.Message, 4));
            Answers(w, c.Mitigations, isConflict: true);
        }

        if (clause.Supports.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Supports");
            foreach (var s in clause.Supports)
            {
                w.WriteLine($"  {s.Rule}  {s.Principle}: {s.Message}");
            }
        }

        w.WriteLine();
        w.WriteLine("Blocked (rules that took the clause and were stopped by what the draft holds)");
        Stopped(w, why.Blocked);
        w.WriteLine();
        w.WriteLine("Near misses (rules that took the clause and stopped at a condition it does not meet)");
        Stopped(w, why.NearMisses);
    }

    /// <summary>The agreement's own findings: what it lacks or holds as a whole, and what answers each.</summary>
    private static void WriteAgreement(DocumentReport report, TextWriter w)
    {
        w.WriteLine($"Agreement {report.Agreement!.Id} · {(report.Perspective is { } p ? $"perspective {p}" : "all parties")} · verdict {report.Verdict}");
        w.WriteLine();
        w.WriteLine("Findings of the agreement as a whole");
        if (report.Findings.Count == 0)
        {
            w.WriteLine("  none");
        }

        foreach (var f in report.Findings)
        {
            w.WriteLine($"  {f.Rule}  {f.Principle}  [{(f.Kind == "conflict" ? f.Status : f.Kind)}]");
            w.WriteLine(TextLayout.Wrap(f.Message, 4));
            Answers(w, f.Mitigations, isConflict: f.Kind == "conflict");
        }
    }

    // What answers a finding, one line each; a conflict nothing answers says so.
    private static void Answers(TextWriter w, IReadOnlyList<MitigationReport> mitigations, bool isConflict)
    {
        foreach (var m in mitigations)
        {
            w.WriteLine(TextLayout.Wrap($"answered ({ReportConflict.Reach(m)}) by {m.By}, {m.Rule}: {m.Message}", 4, hanging: 2));
        }

        if (isConflict && mitigations.Count == 0)
        {
            w.WriteLine("    nothing in the draft answers it");
        }
    }

    private static void Facts(TextWriter w, IReadOnlyList<ExplainedFact> facts, string none)
    {
        if (facts.Count == 0)
        {
            w.WriteLine($"  {none}");
        }

        foreach (var f in facts)
        {
            w.WriteLine($"  {f.Text}{(f.Rule.Length > 0 ? $"  ({f.Rule})" : "")}");
        }
    }

    private static void Stopped(TextWriter w, IReadOnlyList<BlockedRule> rules)
    {
        if (rules.Count == 0)
        {
            w.WriteLine("  none");
        }

        foreach (var b in rules.OrderBy(r => r.Rule, StringComparer.Ordinal))
        {
            w.WriteLine($"  {b.Rule}{(b.Principle is { } p ? $"  {p}" : "")}");
            w.WriteLine(TextLayout.Wrap($"stopped at: {b.Condition}", 4, hanging: 2));
            foreach (var by in b.By.Take(5))
            {
                w.WriteLine(TextLayout.Wrap($"by: {by.Text}{(by.Rule.Length > 0 ? $" ({by.Rule})" : "")}", 4, hanging: 2));
            }

            if (b.By.Count > 5)
            {
                w.WriteLine($"    … and {b.By.Count - 5} more");
            }
        }
    }
}
