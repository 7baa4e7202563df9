using PolicyRules.Benchmarks.Workload;

namespace PolicyRules.Benchmarks.Legs;

/// <summary>
/// A sketch, not an engine: the W1 network that PolicyRules builds (kind dispatch, sector dispatch,
/// one chain per distinct left-hand side, a keyed not node, a terminal shared by the rules of a
/// chain), hand-written with tokens, right entries and activations as structs in per-session arrays
/// that are reused from one evaluation to the next. It keeps what incremental changes need, as the
/// engine does — a fact table by reference, a token per (fact, chain) on its fact's and its chain's
/// lists, each blocked token on its blocker's list, each activation on its token's list — so it measures what the struct-token
/// redesign could reach on this workload, before anyone builds it. Conditions, the join key and the
/// actions are delegates called where the engine calls its compiled ones (the id floor of the
/// distinct variant, the clause's agreement id, <c>e.Id != c.Id</c>): what differs from the engine is
/// the data layout and the general machinery around it, not the work. Not one of <see cref="W1Legs.All"/>:
/// run it by name (<c>pairs struct-sketch 100 10000</c>, <c>peak struct-sketch 100 100000</c>).
/// </summary>
public sealed class StructSketchLeg : W1Leg
{
    private readonly Dictionary<string, Dictionary<string, Chain[]>> _dispatch;
    private readonly Dictionary<string, int> _sectorIndex;
    private readonly Action<Clause>[] _actions;
    private readonly Func<Clause, object> _leftKey = c => c.AgreementId;
    private readonly Func<Clause, object> _rightKey = e => e.AgreementId;
    private readonly Func<Clause, Clause, bool> _residual = (c, e) => e.Id != c.Id;
    private readonly Session _session;

    private StructSketchLeg(Dictionary<string, Dictionary<string, Chain[]>> dispatch, Dictionary<string, int> sectorIndex, Action<Clause>[] actions, int chains)
    {
        _dispatch = dispatch;
        _sectorIndex = sectorIndex;
        _actions = actions;
        _session = new Session(sectorIndex.Count, chains);
    }

    /// <inheritdoc/>
    public override string Name => W1Legs.StructSketch;

    /// <summary>Conflicts counted by the rules' actions (one delegate call per firing, as the builder leg's).</summary>
    public long Counted { get; private set; }

    /// <summary>Groups the rules into chains as the engine shares them: the same kind, sector and (distinct variant) id floor.</summary>
    public static StructSketchLeg Build(IReadOnlyList<W1Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var sectorIndex = W1.Sectors.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        StructSketchLeg? leg = null;
        var actions = new Action<Clause>[rules.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = _ => leg!.Counted++;
        }

        var dispatch = new Dictionary<string, Dictionary<string, Chain[]>>(StringComparer.Ordinal);
        var chainCount = 0;
        foreach (var group in rules.GroupBy(r => (r.Kind, r.Sector, Floor: r.Distinct ? r.IdFloor : int.MinValue)))
        {
            if (!dispatch.TryGetValue(group.Key.Kind, out var bySector))
            {
                dispatch.Add(group.Key.Kind, bySector = new Dictionary<string, Chain[]>(StringComparer.Ordinal));
            }

            var floor = group.Key.Floor;
            Func<Clause, bool>? test = floor == int.MinValue ? null : c => c.Id > floor;
            var chain = new Chain(chainCount++, test, sectorIndex[group.Key.Sector], [.. group.Select(r => r.Index)]);
            bySector[group.Key.Sector] = bySector.TryGetValue(group.Key.Sector, out var chains) ? [.. chains, chain] : [chain];
        }

        leg = new StructSketchLeg(dispatch, sectorIndex, actions, chainCount);
        return leg;
    }

    /// <inheritdoc/>
    public override long Evaluate(W1Data data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Counted = 0;
        var s = _session;
        s.Begin(data.Facts.Count);
        try
        {
            // Enter every fact; exceptions take the right pass first, as the engine's batch does.
            foreach (var fact in data.Facts)
            {
                var f = s.Enter(fact);
                // The engine reaches the exceptions' memories by kind and sector dispatch too.
                if (fact is Clause { Kind: W1.ExceptionKind } exception)
                {
                    foreach (var sector in exception.Sectors)
                    {
                        s.AddRight(_sectorIndex[sector], (string)_rightKey(exception), f);
                    }
                }
            }

            for (var f = 0; f < s.FactCount; f++)
            {
                if (s.Facts[f] is Clause clause && _dispatch.TryGetValue(clause.Kind, out var bySector))
                {
                    var sectors = clause.Sectors;
                    for (var i = 0; i < sectors.Length; i++)
                    {
                        if (bySector.TryGetValue(sectors[i], out var chains))
                        {
                            foreach (var chain in chains)
                            {
                                if (chain.Test is null || chain.Test(clause))
                                {
                                    s.Left(f, clause, (string)_leftKey(clause), chain, _residual);
                                }
                            }
                        }
                    }
                }
            }

            // Fire: the agenda is a stack of activation indexes.
            for (var a = s.ActivationCount - 1; a >= 0; a--)
            {
                ref var activation = ref s.Activations[a];
                _actions[activation.Rule]((Clause)s.Facts[s.Tokens[activation.Token].Fact]!);
            }

            return Counted;
        }
        finally
        {
            s.End();
        }
    }

    private sealed record Chain(int Id, Func<Clause, bool>? Test, int Sector, int[] Rules);

    private struct TokenRow
    {
        public int Fact;
        public int Blocker;
        public int NextBlocked;
        public int FirstActivation;
        public int NextRootOfFact;
        public int NextInChain;
    }

    private struct RightRow
    {
        public int Fact;
        public int Next;
        public int FirstBlocked;
    }

    private struct ActivationRow
    {
        public int Token;
        public int Rule;
        public int NextOfToken;
    }

    /// <summary>What one evaluation keeps: arrays that grow once and are reused, as the engine's pooled arena is.</summary>
    private sealed class Session(int sectors, int chains)
    {
        // The newest left token of each chain: what a right fact arriving later would scan (the engine's left memory).
        private readonly int[] _chainLast = [.. Enumerable.Repeat(-1, chains)];
        private readonly Dictionary<object, int> _table = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, int>[] _rightHeads = [.. Enumerable.Range(0, sectors).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
        private int[] _firstRoot = [];
        private RightRow[] _right = new RightRow[16];
        private int _rightCount;

        public object?[] Facts = [];
        public int FactCount;
        public TokenRow[] Tokens = new TokenRow[16];
        public int TokenCount;
        public ActivationRow[] Activations = new ActivationRow[16];
        public int ActivationCount;

        public void Begin(int facts)
        {
            if (Facts.Length < facts)
            {
                Array.Resize(ref Facts, facts);
                Array.Resize(ref _firstRoot, facts);
            }

            _table.EnsureCapacity(facts);
        }

        public int Enter(object fact)
        {
            var f = FactCount;
            if (!_table.TryAdd(fact, f))
            {
                throw new InvalidOperationException($"The fact {fact} is already in working memory.");
            }

            Facts[FactCount++] = fact;
            _firstRoot[f] = -1;
            return f;
        }

        public void AddRight(int sector, string key, int fact)
        {
            if (_rightCount == _right.Length)
            {
                Array.Resize(ref _right, _right.Length * 2);
            }

            ref var head = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_rightHeads[sector], key, out var exists);
            _right[_rightCount] = new RightRow { Fact = fact, Next = exists ? head : -1, FirstBlocked = -1 };
            head = _rightCount++;
        }

        public void Left(int fact, Clause clause, string key, Chain chain, Func<Clause, Clause, bool> residual)
        {
            if (TokenCount == Tokens.Length)
            {
                Array.Resize(ref Tokens, Tokens.Length * 2);
            }

            var t = TokenCount++;
            ref var token = ref Tokens[t];
            token = new TokenRow { Fact = fact, Blocker = -1, NextBlocked = -1, FirstActivation = -1, NextRootOfFact = _firstRoot[fact], NextInChain = _chainLast[chain.Id] };
            _firstRoot[fact] = t;
            _chainLast[chain.Id] = t;
            if (_rightHeads[chain.Sector].TryGetValue(key, out var entry))
            {
                for (; entry >= 0; entry = _right[entry].Next)
                {
                    if (residual(clause, (Clause)Facts[_right[entry].Fact]!))
                    {
                        token.Blocker = entry;
                        token.NextBlocked = _right[entry].FirstBlocked;
                        _right[entry].FirstBlocked = t;
                        return;
                    }
                }
            }

            foreach (var rule in chain.Rules)
            {
                if (ActivationCount == Activations.Length)
                {
                    Array.Resize(ref Activations, Activations.Length * 2);
                }

                Activations[ActivationCount] = new ActivationRow { Token = t, Rule = rule, NextOfToken = token.FirstActivation };
                token.FirstActivation = ActivationCount++;
            }
        }

        /// <summary>Forgets the evaluation's facts (the only references to the user's objects) and keeps the arrays.</summary>
        public void End()
        {
            Array.Clear(Facts, 0, FactCount);
            _table.Clear();
            foreach (var heads in _rightHeads)
            {
                heads.Clear();
            }

            Array.Fill(_chainLast, -1);
            FactCount = TokenCount = ActivationCount = _rightCount = 0;
        }
    }
}
