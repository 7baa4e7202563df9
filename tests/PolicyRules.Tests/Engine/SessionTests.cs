using PolicyRules.Engine;
using PolicyRules.Engine.Model;
using PolicyRules.Engine.Runtime;
using static PolicyRules.Tests.Engine.Rules;

namespace PolicyRules.Tests.Engine;

public class SessionTests
{
    [Fact]
    public void Inserting_a_fact_twice_or_removing_an_unknown_one_is_refused()
    {
        var session = Session(Rule("R").Match<Clause>("c").Build());
        var clause = new Clause();
        session.Insert(clause);

        session.Invoking(s => s.Insert(clause)).Should().Throw<InvalidOperationException>().WithMessage("*already*");
        session.Invoking(s => s.Retract(new Clause())).Should().Throw<InvalidOperationException>().WithMessage("*not in working memory*");
        session.Invoking(s => s.Update(new Clause())).Should().Throw<InvalidOperationException>();
        session.Invoking(s => s.InsertAll([new Clause(), clause])).Should().Throw<InvalidOperationException>();
        session.FactCount.Should().Be(1, "a refused batch inserts nothing");
    }

    [Fact]
    public void Only_a_fact_a_rule_can_start_with_gets_an_array_of_root_facts()
    {
        // A clause of one kind starts the rule, an agreement only blocks it (the right side of a not),
        // and nothing matches a finding, which an action would derive: only the clause's type can
        // start a rule, so the others' handles need no array for root tokens.
        using var session = RuleNetwork.Compile([
            Rule("R")
                .Match<Clause>("c", c => c.Kind == "subsidy")
                .Not<Agreement>((Agreement a, Clause c) => a.Id == c.AgreementId && a.HasExemption)
                .Build(),
        ]).CreateSession();
        var starting = new Clause { Id = 1, Kind = "subsidy" };
        var otherKind = new Clause { Id = 2 };
        var agreement = new Agreement();
        var finding = new Finding("R", 1);
        session.InsertAll([starting, otherKind, agreement, finding]);

        object?[]? RootFacts(object fact) => session.Arena.Facts.TryGetValue(fact, out var row) ? session.Arena.Handles[row].RootFacts : throw new KeyNotFoundException();
        RootFacts(starting).Should().NotBeNull().And.HaveElementAt(0, starting);
        RootFacts(otherKind).Should().NotBeNull("its type can start the rule; the kind is a test on the fact").And.HaveElementAt(0, null);
        RootFacts(agreement).Should().BeNull("an agreement only ever blocks");
        RootFacts(finding).Should().BeNull("no rule matches a finding");
        session.Fire().Should().Be(1);
    }

    [Fact]
    public void A_million_insert_fire_retract_cycles_of_one_fact_reuse_the_same_objects()
    {
        var network = JoinNegationAndLinkedFact();
        using var session = network.CreateSession();
        session.Insert(new Agreement());
        var clause = new Clause { Id = 1 };
        void Cycle()
        {
            session.Insert(clause);
            session.Fire().Should().Be(1);
            session.Retract(clause);
        }

        Cycle();
        var pooled = session.Arena.Size;
        var live = session.Arena.Live;
        for (var i = 1; i < 1_000_000; i++)
        {
            Cycle();
        }

        session.Arena.Size.Should().Be(pooled, "each cycle reuses the objects the previous one gave back");
        session.Arena.Live.Should().Be(live, "what a cycle retracts is given back, not kept").And.BeLessThan(pooled);
        session.FactCount.Should().Be(1, "the finding left with the match that made it");
        session.Metrics.RulesFired.Should().Be(1_000_000);
    }

    [Fact]
    public void Retracting_a_fact_allocates_nothing_once_the_arena_is_warm()
    {
        // Counted bytes, not time: a fact that joins one rule's token and blocks another rule's, in
        // and out. Inserting it allocates the join's new fact array; taking it out gives back to the
        // pools and walks the fact's memories where the handle keeps them.
        var network = RuleNetwork.Compile([
            Rule("JOIN")
                .Match<Agreement>("a")
                .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
                .Build(),
            Rule("NOT")
                .Match<Agreement>("a")
                .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Agreement a) => e.AgreementId == a.Id)
                .Build(),
        ]);
        using var session = network.CreateSession();
        session.Insert(new Agreement { Id = "A" });
        var clause = new Clause { Id = 1, AgreementId = "A", Kind = "exception" };
        long Cycles(int count)
        {
            long retracting = 0;
            for (var i = 0; i < count; i++)
            {
                session.Insert(clause);
                session.PendingMatches.Should().ContainSingle().Which.Rule.Id.Should().Be("JOIN");
                var before = GC.GetAllocatedBytesForCurrentThread();
                session.Retract(clause);
                retracting += GC.GetAllocatedBytesForCurrentThread() - before;
            }

            return retracting;
        }

        Cycles(100);

        Cycles(1_000).Should().BeLessThan(1_000, "a thousand retractions reuse what the insertions took");
        session.PendingMatches.Should().ContainSingle().Which.Rule.Id.Should().Be("NOT");
    }

    [Fact]
    public void A_stream_of_sessions_on_one_network_allocates_nothing_per_fact_once_its_arena_is_warm()
    {
        // Counted bytes, not time: the same batch through sessions that reuse one pooled arena. The
        // right memory groups 200 agreements' exceptions in buckets, which are kept for the next
        // session rather than made anew.
        var network = RuleNetwork.Compile([
            Rule("NOT")
                .Match<Clause>("c", c => c.Kind == "market-access")
                .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
                .Build(),
        ]);
        var facts = Enumerable.Range(0, 4_000)
            .Select(i => new Clause { Id = i, AgreementId = $"A{i % 200}", Kind = i / 200 % 4 == 0 ? "exception" : "market-access" })
            .ToArray();
        long Evaluate()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            using (var session = network.CreateSession())
            {
                session.InsertAll(facts);
                session.Fire().Should().Be(0, "every agreement has exceptions");
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Evaluate();
        Evaluate();

        Evaluate().Should().BeLessThan(facts.Length, "a warm arena reuses its tokens, handles, entries and buckets");
    }

    [Fact]
    public void Neither_a_retracted_fact_nor_a_disposed_session_s_facts_are_kept_alive_by_the_pooled_arena()
    {
        var network = JoinNegationAndLinkedFact();
        using var kept = network.CreateSession();
        var (retracted, disposed) = UseAndLeave(network, kept);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        retracted.Should().OnlyContain(w => !w.IsAlive, "a retracted fact's handle, tokens and activations went back to the pool");
        disposed.Should().OnlyContain(w => !w.IsAlive, "a disposed session's arena waits for the next session with nothing of this one");
        kept.FactCount.Should().Be(3, "the agreement, clause 3 and the finding clause 3 has once its exception left");
    }

    // A join, a negation and a linked fact: every kind of object a session makes (handle, root
    // token, joined token, right entry, activation) is made and withdrawn.
    private static RuleNetwork JoinNegationAndLinkedFact() =>
        RuleNetwork.Compile([Rule("R")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
            .Then((IActionContext ctx, Clause c) => ctx.InsertLinked(new Finding("R", c.Id)))
            .Build()]);

    // Out of line, so no local of the test method keeps a fact alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (List<WeakReference> Retracted, List<WeakReference> Disposed) UseAndLeave(RuleNetwork network, RuleSession kept)
    {
        var gone = new[] { new Clause { Id = 1, AgreementId = "A" }, new Clause { Id = 2, AgreementId = "A", Kind = "exception" } };
        kept.InsertAll([new Agreement { Id = "A" }, new Clause { Id = 3, AgreementId = "A" }, .. gone]);
        kept.Fire();
        foreach (var clause in gone)
        {
            kept.Retract(clause);
        }

        kept.Fire();
        var facts = new object[] { new Agreement { Id = "B" }, new Clause { Id = 4, AgreementId = "B" }, new Clause { Id = 5, AgreementId = "B", Kind = "exception" }, new Clause { Id = 6, AgreementId = "C" } };
        using (var session = network.CreateSession())
        {
            session.InsertAll(facts);
            session.Fire();
            session.Retract(facts[2]);
            session.Fire();
        }

        return ([.. gone.Select(f => new WeakReference(f))], [.. facts.Select(f => new WeakReference(f))]);
    }

    [Fact]
    public void Each_match_fires_once()
    {
        var session = Session(Rule("R").Match<Clause>("c").Build());
        session.InsertAll([new Clause { Id = 1 }, new Clause { Id = 2 }]);

        session.Fire().Should().Be(2);
        session.Fire().Should().Be(0);

        session.Insert(new Clause { Id = 3 });
        session.Fire().Should().Be(1, "only the new match is pending");
    }

    [Fact]
    public void An_updated_fact_matches_afresh_and_fires_again()
    {
        var session = Session(Rule("R").Match<Clause>("c", c => c.Kind == "mfn").Build());
        var clause = new Clause { Id = 1, Kind = "mfn" };
        session.Insert(clause);
        session.Fire().Should().Be(1);

        session.Update(clause);
        session.Fire().Should().Be(1);

        clause.Kind = "subsidy";
        session.Update(clause);
        session.Fire().Should().Be(0);
    }

    [Fact]
    public void The_agenda_fires_higher_priority_first_then_the_most_recent()
    {
        var fired = new List<string>();
        var session = Session(
            Rule("LOW").Priority(1).Match<Clause>("c").Do((_, m) => fired.Add($"LOW {m.Get<Clause>("c").Id}")).Build(),
            Rule("HIGH").Priority(5).Match<Clause>("c").Do((_, m) => fired.Add($"HIGH {m.Get<Clause>("c").Id}")).Build());
        session.Insert(new Clause { Id = 1 });
        session.Insert(new Clause { Id = 2 });

        session.Fire();

        fired.Should().Equal("HIGH 2", "HIGH 1", "LOW 2", "LOW 1");
    }

    [Fact]
    public void A_batch_inserted_while_another_settles_is_joined_as_if_inserted_after_it()
    {
        // A handler of the first batch's events inserts the second batch: a batch within a change,
        // with lists of its own, whose roots reach their chains in order as the first batch's did.
        static RuleSession NotSession() => Session(
            Rule("FREE")
                .Match<Clause>("c", c => c.Kind == "market-access")
                .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
                .Build(),
            Rule("ANY").Match<Clause>("c", c => c.Kind == "market-access").Build());
        static Clause[] Batch(int from) => Enumerable.Range(from, 40)
            .Select(i => new Clause { Id = i, AgreementId = $"A{i % 5}", Kind = i % 10 == 3 || i == 44 ? "exception" : "market-access" })
            .ToArray();
        var (first, second) = (Batch(0), Batch(40));
        var nested = NotSession();
        nested.FactInserted += (_, e) =>
        {
            if (ReferenceEquals(e.Fact, first[^1]))
            {
                nested.InsertAll(second);
            }
        };
        var flat = NotSession();

        nested.InsertAll(first);
        flat.InsertAll(first);
        flat.InsertAll(second);

        static string[] Pending(RuleSession session) => session.PendingMatches.Select(m => $"{m.Rule.Id} {m.Get<Clause>("c").Id}").ToArray();
        // A3's exceptions come in both batches, A4's only in the second, which blocks clause 4 of the first.
        Pending(nested).Should().Equal(Pending(flat))
            .And.Contain(["FREE 1", "FREE 41", "ANY 4"])
            .And.NotContain(["FREE 8", "FREE 48", "FREE 4"]);
    }

    [Fact]
    public void Withdrawn_matches_swept_off_the_agenda_leave_the_rest_in_firing_order()
    {
        // Retracting most of many matched facts withdraws their activations; once they outnumber
        // the live ones the agenda sweeps them out, and what stays still fires most recent first.
        var fired = new List<int>();
        var session = Session(Rule("R").Match<Clause>("c").Do((_, m) => fired.Add(m.Get<Clause>("c").Id)).Build());
        var clauses = Enumerable.Range(0, 100).Select(i => new Clause { Id = i }).ToArray();
        session.InsertAll(clauses);
        foreach (var clause in clauses.Where(c => c.Id % 10 != 0))
        {
            session.Retract(clause);
        }

        var expected = Enumerable.Range(0, 10).Select(i => 90 - (i * 10)).ToArray();
        session.PendingMatches.Select(m => m.Get<Clause>("c").Id).Should().Equal(expected);
        session.Fire().Should().Be(10);
        fired.Should().Equal(expected);
    }

    [Fact]
    public void A_withdrawn_match_leaves_no_activation_behind_even_when_its_token_is_reused_for_the_next_match()
    {
        // An activation is a row on the agenda that points at its match's token. Withdrawing the
        // match leaves its rows where they are; the token goes back to the pool and the next match
        // reuses it while the stale rows are still there. Two rules share the chain, so each match
        // has two rows.
        var fired = new List<string>();
        RuleDefinition Exempted(string id) => Rule(id).Match<Clause>("c", c => c.Kind == "mfn")
            .Not<Clause>((Clause e, Clause c) => e.AgreementId == c.AgreementId && e.Id != c.Id && e.Kind == "exception")
            .Do((_, m) => fired.Add($"{id} {m.Get<Clause>("c").Id}")).Build();
        using var session = RuleNetwork.Compile([Exempted("R1"), Exempted("R2")]).CreateSession();
        var clause = new Clause { Id = 1, Kind = "mfn" };
        var exception = new Clause { Id = 2, Kind = "exception" };

        session.Insert(clause);
        session.PendingMatches.Should().HaveCount(2);
        session.Insert(exception);
        session.PendingMatches.Should().BeEmpty("the exception withdraws both activations");
        var pooled = session.Arena.Size;
        session.Retract(exception);

        session.Arena.Size.Should().Be(pooled, "the new match reuses the withdrawn one's objects");
        session.PendingMatches.Select(m => m.Rule.Id).Should().Equal("R2", "R1");
        session.Fire().Should().Be(2);
        fired.Should().Equal("R2 1", "R1 1");
        session.Fire().Should().Be(0, "the stale rows are dropped, never fired");
    }

    [Fact]
    public void Fire_can_be_bounded_and_halted()
    {
        var session = Session(
            Rule("STOP").Priority(9).Match<Agreement>("a").Then((IActionContext ctx) => ctx.Halt()).Build(),
            Rule("R").Match<Clause>("c").Build());
        session.InsertAll([new Clause { Id = 1 }, new Clause { Id = 2 }, new Clause { Id = 3 }]);

        session.Fire(2).Should().Be(2);
        session.PendingMatches.Should().HaveCount(1);

        session.InsertAll([new Agreement(), new Clause { Id = 4 }]);
        session.Fire().Should().Be(1, "the halting rule fires first and stops the loop");
        session.Fire().Should().Be(2);
    }

    [Fact]
    public void An_action_that_fires_the_session_itself_still_sees_its_own_match_afterwards()
    {
        // The match an action receives is one object per session, pointed at each activation as it
        // fires: an inner Fire must give it back to the action that called it.
        RuleSession? session = null;
        var seen = new List<string>();
        session = Session(
            Rule("OUTER").Priority(5).Match<Agreement>("a")
                .Do((ctx, m) =>
                {
                    ctx.Insert(new Clause { Id = 8 });
                    session!.Fire();
                    ctx.InsertLinked(new Finding("OUTER", 0));
                    seen.Add($"OUTER after the inner firing: {m.Rule.Id} {m.Get<Agreement>("a").Id}");
                }).Build(),
            Rule("INNER").Match<Clause>("c").Do((_, m) => seen.Add($"INNER {m.Get<Clause>("c").Id}")).Build());
        var agreement = new Agreement();
        session.Insert(agreement);

        session.Fire().Should().Be(1, "the inner Fire counts its own firing");
        seen.Should().Equal("INNER 8", $"OUTER after the inner firing: OUTER {agreement.Id}");
        session.Query<Finding>().Should().ContainSingle("the linked fact hangs off the outer match");
        session.Retract(agreement);
        session.Query<Finding>().Should().BeEmpty("it goes with the outer match");
    }

    [Fact]
    public void Facts_inserted_by_actions_chain_into_other_rules()
    {
        var session = Session(
            Rule("TAG").Match<Clause>("c", c => c.Kind == "market-access").Then((IActionContext ctx, Clause c) => ctx.Insert(new Finding("TAG", c.Id))).Build(),
            Rule("REPORT").Match<Finding>("f", f => f.RuleId == "TAG").Then((IActionContext ctx, Finding f) => ctx.Insert(new Finding("REPORT", f.ClauseId))).Build());
        session.Insert(new Clause { Id = 7 });

        session.Fire().Should().Be(2);

        session.Query<Finding>().Should().Equal(new Finding("TAG", 7), new Finding("REPORT", 7));
    }

    [Fact]
    public void Query_keeps_insertion_order_when_a_later_fact_takes_the_place_a_retracted_one_left()
    {
        var session = Session(Rule("R").Match<Clause>("c").Build());
        var first = new Clause { Id = 1 };
        var second = new Clause { Id = 2 };
        var third = new Clause { Id = 3 };
        session.InsertAll([first, second, third]);
        session.Retract(first);
        var fourth = new Clause { Id = 4 };
        session.Insert(fourth);
        session.Insert(new Finding("other type", 0));

        session.Query<Clause>().Should().Equal([second, third, fourth], (a, b) => ReferenceEquals(a, b));
        session.Query<object>().Should().HaveCount(4).And.EndWith(new Finding("other type", 0));
        session.Query<Agreement>().Should().BeEmpty();
    }

    [Fact]
    public void Linked_facts_go_when_their_match_no_longer_holds_and_take_their_own_consequences_with_them()
    {
        var session = Session(
            Rule("TAG").Match<Clause>("c", c => c.Kind == "market-access").Then((IActionContext ctx, Clause c) => ctx.InsertLinked(new Finding("TAG", c.Id))).Build(),
            Rule("REPORT").Match<Finding>("f", f => f.RuleId == "TAG").Then((IActionContext ctx, Finding f) => ctx.InsertLinked(new Finding("REPORT", f.ClauseId))).Build());
        var clause = new Clause { Id = 7 };
        var retracted = new List<object>();
        session.FactRetracted += (_, e) => retracted.Add(e.Fact);
        session.Insert(clause);
        session.Fire();

        clause.Kind = "subsidy";
        session.Update(clause);

        session.Query<Finding>().Should().BeEmpty();
        retracted.Should().BeEquivalentTo([new Finding("TAG", 7), new Finding("REPORT", 7)]);
    }

    [Fact]
    public void Query_lists_facts_of_a_type_in_insertion_order()
    {
        var session = Session(Rule("R").Match<Clause>("c").Build());
        var second = new Clause { Id = 2 };
        session.InsertAll([new Clause { Id = 1 }, second, new Agreement(), new Clause { Id = 3 }]);
        session.Retract(second);

        session.Query<Clause>().Select(c => c.Id).Should().Equal(1, 3);
        session.Query<object>().Should().HaveCount(3);
    }

    [Fact]
    public void Events_report_facts_and_firings_in_order()
    {
        var log = new List<string>();
        var session = Session(Rule("R").Match<Clause>("c").Build());
        session.FactInserted += (_, e) => log.Add($"+{e.Fact}");
        session.FactUpdated += (_, e) => log.Add($"~{e.Fact}");
        session.FactRetracted += (_, e) => log.Add($"-{e.Fact}");
        session.RuleFiring += (_, e) => log.Add($"firing {e.Match.Rule.Id}");
        session.RuleFired += (_, e) => log.Add($"fired {e.Match.Rule.Id}");
        var clause = new Clause { Id = 1 };

        session.Insert(clause);
        session.Update(clause);
        session.Fire();
        session.Retract(clause);

        log.Should().Equal("+Clause#1", "~Clause#1", "firing R", "fired R", "-Clause#1");
    }

    [Fact]
    public void A_match_explains_which_fact_matched_which_pattern()
    {
        var session = Session(Rule("J")
            .Match<Agreement>("a")
            .Not<Clause>((Clause e) => e.Kind == "exception")
            .Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id)
            .Build());
        var agreement = new Agreement { Id = "A" };
        var clause = new Clause { Id = 1 };
        session.InsertAll([agreement, clause]);

        var match = session.PendingMatches.Should().ContainSingle().Subject;

        match.Bindings.Should().Equal(new MatchBinding("a", agreement, false), new MatchBinding("c", clause, false));
        match.Get<Clause>("c").Should().BeSameAs(clause);
        match.Invoking(m => m.Get<Clause>("x")).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void A_batch_with_a_null_is_refused_whole_and_its_facts_can_be_inserted_again()
    {
        var session = Session(Rule("R").Match<Clause>("c").Build());
        var clause = new Clause { Id = 1 };

        session.Invoking(s => s.InsertAll([clause, null!])).Should().Throw<ArgumentNullException>();

        session.FactCount.Should().Be(0);
        session.Contains(clause).Should().BeFalse();
        session.Insert(clause);
        session.Matches().Should().Equal("R(c=Clause#1)");
    }

    [Fact]
    public void A_batch_with_a_fact_already_inserted_or_given_twice_is_refused_whole_saying_which()
    {
        var session = Session(Rule("R").Match<Clause>("c").Build());
        var first = new Clause { Id = 1 };
        var second = new Clause { Id = 2 };
        var third = new Clause { Id = 3 };
        session.Insert(first);

        session.Invoking(s => s.InsertAll([second, first])).Should().Throw<InvalidOperationException>().WithMessage("*already in working memory*");
        session.Invoking(s => s.InsertAll([second, third, second])).Should().Throw<InvalidOperationException>().WithMessage("*repeated in the batch*");

        session.FactCount.Should().Be(1);
        session.Contains(second).Should().BeFalse();
        session.InsertAll([third, second]);
        session.Query<Clause>().Should().Equal(first, third, second);
        session.Matches().Should().HaveCount(3);
    }

    [Fact]
    public void A_batch_is_validated_before_a_condition_failure_counts_and_a_refused_one_leaves_no_trace()
    {
        // A batch's facts are routed through the alpha network as they are entered; a condition that
        // throws on an early fact must not fault the session when a later fact refuses the batch.
        var session = Session(Rule("R").Match<Clause>("c", c => 10 / c.Id > 0 && c.Kind == "market-access").Build());
        var zero = new Clause { Id = 0 };
        var one = new Clause { Id = 1 };
        var evaluations = session.Metrics.AlphaConditionEvaluations;

        session.Invoking(s => s.InsertAll([zero, one, null!])).Should().Throw<ArgumentNullException>();
        session.Invoking(s => s.InsertAll([zero, one, one])).Should().Throw<InvalidOperationException>().WithMessage("*repeated in the batch*");

        session.IsFaulted.Should().BeFalse("the batches were refused before anything reached the network");
        session.FactCount.Should().Be(0);
        session.Metrics.AlphaConditionEvaluations.Should().Be(evaluations, "a refused batch is as if it never came");
        session.InsertAll([one]);
        session.Matches().Should().Equal("R(c=Clause#1)");

        session.Invoking(s => s.InsertAll([new Clause { Id = 2 }, zero, new Clause { Id = 3 }])).Should().Throw<RuleConditionException>().WithInnerException<DivideByZeroException>();
        session.IsFaulted.Should().BeTrue("a condition failed on a batch that was otherwise valid");
    }

    [Fact]
    public void A_batch_reads_each_facts_join_key_while_it_routes_the_fact_and_joins_after()
    {
        // A large batch is out of the processor's caches by the time it joins: the key a fact's
        // token is indexed by is read on the one visit that routes the fact, not on a second.
        var reads = new List<string>();
        var session = Session(Rule("R")
            .Match<TracedClause>("c", c => c.Routed)
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, TracedClause c) => e.AgreementId == c.AgreementId)
            .Build());

        session.InsertAll([new TracedClause(reads, 1, "A"), new TracedClause(reads, 2, "B"), new Clause { Id = 3, AgreementId = "A", Kind = "exception" }]);

        reads.Should().Equal("route 1", "key 1", "route 2", "key 2");
        session.Matches().Should().Equal("R(c=TracedClause#2)");
    }

    [Fact]
    public void A_batchs_facts_are_found_by_every_later_call_though_the_batch_never_hashed_them()
    {
        var session = Session(Rule("R").Match<Clause>("c").Build());
        var (first, second, third) = (new Clause { Id = 1 }, new Clause { Id = 2 }, new Clause { Id = 3 });
        session.InsertAll([first, second]);

        session.FactCount.Should().Be(2);
        session.Invoking(s => s.InsertAll([third, second])).Should().Throw<InvalidOperationException>().WithMessage("The fact Clause#2 is already in working memory*");
        session.Invoking(s => s.InsertAll([third, third])).Should().Throw<InvalidOperationException>().WithMessage("The fact Clause#3 is repeated in the batch*");
        session.Invoking(s => s.InsertAll([third, first, third])).Should().Throw<InvalidOperationException>().WithMessage("*Clause#1 is already*", "the first fact at fault is named");
        session.Invoking(s => s.InsertAll([third, third, first])).Should().Throw<InvalidOperationException>().WithMessage("*Clause#3 is repeated*", "the first fact at fault is named");
        session.Invoking(s => s.Insert(first)).Should().Throw<InvalidOperationException>().WithMessage("*already in working memory*");
        session.Contains(second).Should().BeTrue();
        session.InsertAll([third]);
        session.Retract(second);
        session.Query<Clause>().Should().Equal(first, third);
        session.Matches().Should().Equal("R(c=Clause#3)", "R(c=Clause#1)");
    }

    [Fact]
    public void A_refused_batch_gives_back_the_tokens_its_routing_made()
    {
        var session = Session(Rule("R")
            .Match<Clause>("c", c => c.Kind == "market-access")
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
            .Build());
        var first = new Clause { Id = 1, AgreementId = "A", Kind = "market-access" };
        var second = new Clause { Id = 2, AgreementId = "B", Kind = "market-access" };
        session.Insert(new Agreement());
        var (live, tokens, keys) = (session.Arena.Live, session.Metrics.TokensCreated, session.Metrics.JoinKeyEvaluations);

        session.Invoking(s => s.InsertAll([first, second, first])).Should().Throw<InvalidOperationException>().WithMessage("*repeated in the batch*");

        session.Arena.Live.Should().Be(live, "the root tokens routing made are given back with the handles");
        (session.Metrics.TokensCreated, session.Metrics.JoinKeyEvaluations).Should().Be((tokens, keys), "a refused batch is as if it never came");
        session.InsertAll([first, second]);
        session.Matches().Should().Equal("R(c=Clause#2)", "R(c=Clause#1)");
    }

    /// <summary>A clause that says when its condition and its agreement are read.</summary>
    private sealed class TracedClause(List<string> reads, int id, string agreementId)
    {
        public bool Routed => Read("route");

        public string AgreementId => Read("key") ? agreementId : "";

        public override string ToString() => $"TracedClause#{id}";

        private bool Read(string what)
        {
            reads.Add($"{what} {id}");
            return true;
        }
    }

    [Fact]
    public void Matches_kept_from_events_and_the_agenda_never_show_a_later_sessions_facts()
    {
        var network = RuleNetwork.Compile([Rule("R").Match<Clause>("c").Build()]);
        var fired = new List<IMatch>();
        IMatch pending;
        using (var first = network.CreateSession())
        {
            first.RuleFired += (_, e) => fired.Add(e.Match);
            first.Insert(new Clause { Id = 1 });
            pending = first.PendingMatches.Single();
            first.Fire();
        }

        using (var second = network.CreateSession())
        {
            second.Insert(new Clause { Id = 2 });
            second.Fire();
        }

        fired.Single().Get<Clause>("c").Id.Should().Be(1);
        pending.Get<Clause>("c").Id.Should().Be(1);
        pending.ToString().Should().Be("R(c=Clause#1)");
    }

    [Fact]
    public void Metrics_kept_from_a_session_keep_its_counts_after_the_next_session_reuses_its_arena()
    {
        var network = RuleNetwork.Compile([Rule("R").Match<Clause>("c").Then((IActionContext ctx, Clause c) => ctx.Insert(new Finding("R", c.Id))).Build()]);
        var first = network.CreateSession();
        first.InsertAll([new Clause(), new Clause(), new Clause()]);
        first.Fire();
        var kept = first.Metrics;
        first.Dispose();

        using var second = network.CreateSession();
        second.Insert(new Clause());
        second.Fire();

        kept.RulesFired.Should().Be(3, "the first session fired three matches, whatever the next one does");
        kept.TokensCreated.Should().Be(3);
        second.Metrics.RulesFired.Should().Be(1);
        first.Invoking(s => s.Metrics).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void A_failing_action_names_the_rule_and_the_facts()
    {
        var session = Session(Rule("BAD").Match<Clause>("c").Do((_, _) => throw new FormatException("bad template")).Build());
        session.Insert(new Clause { Id = 3 });

        session.Invoking(s => s.Fire()).Should().Throw<RuleActionException>()
            .Where(e => e.RuleId == "BAD" && e.Message.Contains("Clause#3"))
            .WithInnerException<FormatException>();
    }

    [Fact]
    public void A_failing_join_condition_names_the_rule_and_both_facts()
    {
        var session = Session(Rule("JOIN")
            .Match<Agreement>("a")
            .Match<Clause>("c", (Clause c, Agreement a) => c.Sectors.Length > a.Id.Length)
            .Build());
        session.Insert(new Agreement { Id = "A" });

        session.Invoking(s => s.Insert(new Clause { Id = 4, Sectors = null! })).Should().Throw<RuleConditionException>()
            .Where(e => e.RuleIds.Single() == "JOIN" && e.Facts.Count == 2 && e.Condition.Contains("a.Id.Length") && e.Message.Contains(e.Condition));
    }

    [Fact]
    public void One_network_serves_many_sessions_on_many_threads()
    {
        var network = RuleNetwork.Compile([Rule("NOT")
            .Match<Clause>("c", c => c.Kind == "market-access")
            .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
            .Build()]);

        int Run(int i)
        {
            // Agreements below i % 10 hold only exceptions; the others only market access, unexempted.
            var session = network.CreateSession();
            session.InsertAll(Enumerable.Range(0, 100).Select(j => new Clause
            {
                Id = j,
                AgreementId = $"A{j % 10}",
                Kind = j % 10 < i % 10 ? "exception" : "market-access",
            }));
            return session.Fire();
        }

        var parallel = Enumerable.Range(0, 64).AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(Run).ToList();

        parallel.Should().Equal(Enumerable.Range(0, 64).Select(i => 100 - (i % 10 * 10)));
    }

    [Fact]
    public void A_disposed_session_refuses_work_and_its_objects_serve_the_next_session_correctly()
    {
        var network = RuleNetwork.Compile([
            Rule("NOT").Match<Clause>("c", c => c.Kind == "market-access")
                .Not<Clause>((Clause e) => e.Kind == "exception", (Clause e, Clause c) => e.AgreementId == c.AgreementId)
                .Then((IActionContext ctx, Clause c) => ctx.InsertLinked(new Finding("NOT", c.Id))).Build(),
            Rule("JOIN").Match<Agreement>("a").Match<Clause>("c", (Clause c, Agreement a) => c.AgreementId == a.Id).Build(),
        ]);
        object[] Facts(int seed)
        {
            var random = new Random(seed);
            return
            [
                new Agreement { Id = "A" }, new Agreement { Id = "B" },
                .. Enumerable.Range(0, 40).Select(i => new Clause
                {
                    Id = i,
                    AgreementId = random.Next(3) switch { 0 => "A", 1 => "B", _ => "C" },
                    Kind = random.Next(6) == 0 ? "exception" : "market-access",
                }),
            ];
        }

        string[] Run(RuleSession session, object[] facts)
        {
            session.InsertAll(facts);
            var pending = session.Matches();
            session.Fire();
            session.Retract(facts[2]);
            return [.. pending.Order(), .. session.Query<Finding>().Select(f => f.ToString()).Order()];
        }

        var disposed = network.CreateSession();
        Run(disposed, Facts(0));
        disposed.Dispose();
        disposed.Invoking(s => s.Insert(new Clause())).Should().Throw<ObjectDisposedException>();

        for (var seed = 1; seed <= 5; seed++)
        {
            using var reused = network.CreateSession();
            var expected = Run(RuleNetwork.Compile(network.Rules).CreateSession(), Facts(seed));
            Run(reused, Facts(seed)).Should().Equal(expected);
            reused.Metrics.TokensCreated.Should().BeGreaterThan(0);
        }
    }
}
