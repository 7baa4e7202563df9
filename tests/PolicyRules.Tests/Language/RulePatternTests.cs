using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PolicyRules.Language.Binding;

namespace PolicyRules.Tests.Language;

/// <summary>A rule's regular expression: interpreted for its first uses, then the automaton, with the same matches.</summary>
public class RulePatternTests
{
    [Theory]
    [InlineData("^(a+)+$")]
    [InlineData("(a|ab)*c")]
    [InlineData("(x[^.]{0,10})+y")]
    [InlineData("((ab)*)+")]
    [InlineData("(?:a|b){2,}")]
    public void A_pattern_that_could_backtrack_exponentially_goes_straight_to_the_automaton(string pattern)
    {
        RulePattern.Create(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)).RisksBacktracking.Should().BeTrue();
    }

    [Theory]
    [InlineData("(lower|weaken|relax)[^.]{0,200}(environment|labou?r)")]
    [InlineData("opt[- ]?out")]
    [InlineData("(the )?digital products? means")]
    [InlineData("[(+)]+x")]
    [InlineData(@"\(a+\)+")]
    [InlineData("(?:abc)?d")]
    public void A_pattern_without_nested_quantifiers_starts_on_the_interpreter(string pattern)
    {
        RulePattern.Create(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)).RisksBacktracking.Should().BeFalse();
    }

    [Fact]
    public void Both_tiers_find_the_same_matches()
    {
        string[] patterns =
        [
            "(lower|lowering|weaken|relax)[^.]{0,200}(environment|labou?r)",
            @"\b(shall|must)\b[^.]{0,80}(block|remove|take down|pre-?screen)[^.]{0,60}(content|expression)",
            "expressly reserved by (their )?right ?holders|opt[- ]?out",
            "^(annex|schedule)",
        ];
        string[] words = ["shall", "must", "block", "content", "lower", "relax", "labour", "labor", "environment", "opt-out", "optout", "right holders", "rightholders", "expressly reserved by", "annex", "schedule", ".", " ", "the", "Annex"];
        var texts = Gen.Elements(words).ArrayOf().Select(parts => string.Join(" ", parts));

        foreach (var pattern in patterns)
        {
            var tiered = RulePattern.Create(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var reference = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            Prop.ForAll(texts.ToArbitrary(), text =>
            {
                var expected = reference.Match(text);
                var actual = tiered.Regex.Match(text);
                return actual.Success == expected.Success && actual.Index == expected.Index && actual.Length == expected.Length;
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(600)); // past the interpreter's 256 uses
            tiered.Regex.Options.Should().HaveFlag(RegexOptions.NonBacktracking);
        }
    }
}
