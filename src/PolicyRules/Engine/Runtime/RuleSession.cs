using System.Runtime.ExceptionServices;
using PolicyRules.Engine.Rete;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// A working memory over a compiled <see cref="RuleNetwork"/>: insert, update and retract facts,
/// then fire the agenda. Sessions are cheap; the network they share is immutable. A session itself
/// is not thread-safe: use one per thread or per document.
/// </summary>
/// <remarks>
/// Dispose a session when done with it: its objects go back to the network and the next session
/// reuses them, which spares the garbage collector most of the work. The matches (<see cref="IMatch"/>)
/// it hands out in events, <see cref="PendingMatches"/> and exceptions are copies, safe to keep; the
/// match an action receives is valid while the action runs.
/// </remarks>
public sealed class RuleSession : IDisposable
{
    private readonly RuleNetwork _network;
    private readonly ActionContext _context;
    private SessionArena? _arena;
    private long _factSequence;
    private Type? _routeType;
    private TypeRoute _route = TypeRoute.None;

    // Calls in progress (actions call back into the session); objects a change discarded are reused when the outermost one completes.
    private int _depth;

    // What broke a change half-way: the network may hold part of it, so the session refuses every later call.
    private Exception? _fault;

    internal RuleSession(RuleNetwork network, SessionArena arena)
    {
        _network = network;
        _arena = arena;
        _context = new ActionContext(this, arena.FiringMatch);
        foreach (var start in network.StartNodes)
        {
            start.Start(this);
        }
    }

    /// <summary>A fact entered working memory.</summary>
    public event EventHandler<FactEventArgs>? FactInserted;

    /// <summary>A fact in working memory was updated.</summary>
    public event EventHandler<FactEventArgs>? FactUpdated;

    /// <summary>A fact left working memory (retracted, or withdrawn with the match it was linked to).</summary>
    public event EventHandler<FactEventArgs>? FactRetracted;

    /// <summary>A rule is about to fire.</summary>
    public event EventHandler<MatchEventArgs>? RuleFiring;

    /// <summary>A rule has fired.</summary>
    public event EventHandler<MatchEventArgs>? RuleFired;

    /// <summary>
    /// True once a condition (or an event handler) threw in the middle of a change: working memory may
    /// hold part of that change, so every later call throws <see cref="InvalidOperationException"/>
    /// naming the first failure. Dispose the session and start another; the network is unaffected.
    /// An action that throws does not fault the session: every change it made is complete.
    /// </summary>
    public bool IsFaulted => _fault is not null;

    /// <summary>The network this session runs.</summary>
    public RuleNetwork Network => _network;

    /// <summary>
    /// The counters of the work done so far, as a copy: it keeps its values after the session is
    /// disposed (the live counters belong to the pooled arena, which serves the next session).
    /// Throws <see cref="ObjectDisposedException"/> once the session is disposed.
    /// </summary>
    public SessionMetrics Metrics => Arena.Metrics.Copy();

    /// <summary>The live counters, which the network's nodes increment.</summary>
    internal SessionMetrics Counters => Arena.Metrics;

    /// <summary>The number of facts in working memory.</summary>
    public int FactCount => Usable.Facts.Count;

    /// <summary>The matches waiting to fire, in firing order.</summary>
    public IReadOnlyList<IMatch> PendingMatches => Usable.Agenda.Snapshot();

    internal Agenda Agenda => Arena.Agenda;

    /// <summary>Where this session's objects come from; gone once the session is disposed.</summary>
    internal SessionArena Arena => _arena ?? Disposed();

    // Out of line, so the nodes' many reads of Arena inline to a field load and a test.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static SessionArena Disposed() => throw new ObjectDisposedException(nameof(RuleSession));

    /// <summary>The arena, for a call from outside: refused once the session is disposed or faulted.</summary>
    private SessionArena Usable => _fault is null
        ? Arena
        : throw new InvalidOperationException($"The session is faulted: an earlier call failed half-way ({_fault.Message}). Dispose it and start a new session.", _fault);

    /// <summary>Ends the session and gives its objects back to the network for the next session.</summary>
    public void Dispose()
    {
        if (_arena is { } arena)
        {
            _arena = null;
            _network.Return(arena);
        }
    }

    internal bool IsBatching { get; private set; }

    /// <summary>True while a fact is taken out of its memories (see <see cref="FactHandle.Leaving"/>): only then can a right entry's fact be leaving.</summary>
    internal bool IsUnrouting { get; private set; }

    /// <summary>
    /// Where the batch being routed records the root tokens it makes (see <see cref="BatchRoot"/>):
    /// set by each batch before it routes, and read only while it does (<see cref="IsBatching"/>).
    /// </summary>
    internal SegmentedList<BatchRoot> BatchRoots { get; private set; } = null!;

    /// <summary>Set while a batch routes a fact that enters a memory with right inputs (see <see cref="RouteBatch"/>).</summary>
    internal bool BatchEntersRight { get; set; }

    /// <summary>The last left key computed in the current change (see <see cref="LeftKeyMemo"/>).</summary>
    internal LeftKeyMemo KeyMemo { get; } = new();

    /// <summary>Where the fact being routed lists the alpha memories it enters beyond two (see <see cref="FactHandle.SealMemories"/>).</summary>
    internal List<AlphaMemoryNode> MoreMemories { get; } = [];

    /// <summary>Inserts a fact.</summary>
    /// <exception cref="InvalidOperationException">The fact is already in working memory.</exception>
    public void Insert(object fact) => InsertOne(fact);

    /// <summary>
    /// Inserts several facts at once. All facts enter their alpha memories first and join
    /// afterwards, right inputs before left, so a <c>not</c> sees its blockers before the tokens
    /// they block and no match is made only to be withdrawn.
    /// </summary>
    /// <exception cref="ArgumentNullException">A fact is null; nothing is inserted.</exception>
    /// <exception cref="InvalidOperationException">A fact is already in working memory, or given twice; nothing is inserted.</exception>
    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var arena = Usable;
        var batch = facts as IReadOnlyCollection<object> ?? [.. facts];
        var outermost = _depth == 0;
        var handles = outermost ? arena.BatchHandles : new List<int>(batch.Count);
        handles.EnsureCapacity(batch.Count); // grown once, not doubled: each smaller copy would be garbage on the large object heap
        var right = outermost ? arena.BatchRightHandles : [];
        var roots = outermost ? arena.BatchRoots : new SegmentedList<BatchRoot>();
        try
        {
            var refusal = Change((batch, handles, right, roots), static (session, state) =>
            {
                if (session.Enter(state.batch, state.handles, state.right, state.roots) is { } refusal)
                {
                    return refusal;
                }

                session.PropagateBatch(state.right, state.roots);
                session.Settle(state.handles, session.FactInserted);
                return null;
            });
            if (refusal is not null)
            {
                throw refusal;
            }
        }
        finally
        {
            handles.Clear();
            right.Clear();
            roots.Clear();
        }
    }

    /// <summary>
    /// Makes a row for each of a batch's facts and routes it through the alpha network while it is
    /// at hand (one pass over the facts, not two: a large batch does not fit in the processor's
    /// caches). Routing records memberships and root tokens on the handles alone, reaching no node's
    /// memory, so a refused batch — a null, a fact already there, one given twice — is taken out
    /// again as if it had never come, and is refused before a condition that failed on an earlier
    /// fact of it counts: validation comes first. The first fact at fault, in order, is named.
    /// </summary>
    /// <returns>Why the batch is refused, or null.</returns>
    private Exception? Enter(IReadOnlyCollection<object> batch, List<int> handles, List<int> right, SegmentedList<BatchRoot> roots)
    {
        var arena = Arena;
        var table = arena.Facts;
        var repeats = arena.BatchRepeats;
        repeats.Start(batch.Count);
        var sequenceBefore = _factSequence;
        var countsBefore = Counters.Routing;
        ExceptionDispatchInfo? failure = null;
        Exception? refusal = null;
        IsBatching = true;
        BatchRoots = roots;
        try
        {
            foreach (var fact in batch)
            {
                if (fact is null)
                {
                    refusal = new ArgumentNullException("facts");
                    break;
                }

                if (table.Count > 0 && table.ContainsKey(fact))
                {
                    refusal = new InvalidOperationException($"The fact {fact} is already in working memory; use Update.");
                    break;
                }

                var handle = NewHandle(arena, fact);
                repeats.Add(fact);
                handles.Add(handle);
                if (failure is null)
                {
                    try
                    {
                        RouteInBatch(ref arena.Handles[handle], right);
                    }
                    catch (Exception ex)
                    {
                        failure = ExceptionDispatchInfo.Capture(ex); // raised once the rest of the batch is validated
                    }
                }
            }
        }
        finally
        {
            IsBatching = false;
        }

        // A repeat comes before whatever stopped the loop: the facts looked at are the ones before it.
        if (repeats.FirstRepeat(handles, arena.Handles) is var repeat and >= 0)
        {
            refusal = new InvalidOperationException($"The fact {arena.Handles[handles[repeat]].Fact} is repeated in the batch; nothing is inserted.");
        }

        if (refusal is not null)
        {
            Withdraw(handles, sequenceBefore);
            right.Clear();
            Counters.Routing = countsBefore;
            return refusal;
        }

        table.List(handles);
        failure?.Throw();
        return null;
    }

    /// <summary>Takes a refused batch's facts away again; they have reached no table and no node beyond their handles and root tokens (see <see cref="Enter"/>).</summary>
    private void Withdraw(List<int> handles, long sequenceBefore)
    {
        var arena = Arena;
        foreach (var added in handles)
        {
            ref var handle = ref arena.Handles[added];
            int root;
            while ((root = handle.TakeRoot(arena.Tokens)) >= 0)
            {
                arena.Tokens.Discard(root);
            }

            arena.Handles.Discard(added);
        }

        handles.Clear();
        _factSequence = sequenceBefore;
    }

    /// <summary>Re-evaluates a fact that changed: its matches are withdrawn and made anew.</summary>
    /// <exception cref="InvalidOperationException">The fact is not in working memory.</exception>
    public void Update(object fact)
    {
        var handle = Find(fact);
        Change(handle, static (session, id) =>
        {
            ref var handle = ref session.Arena.Handles[id];
            session.Unroute(ref handle);
            session.Route(ref handle);
            var withdrawn = session.Settle();
            session.FactUpdated?.Invoke(session, new FactEventArgs(handle.Fact));
            session.RaiseWithdrawn(withdrawn);
        });
    }

    /// <summary>Re-evaluates several facts that changed.</summary>
    /// <exception cref="InvalidOperationException">A fact is not in working memory; nothing is updated.</exception>
    public void UpdateAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var handles = facts.Select(Find).Distinct().ToList();
        Change(handles, static (session, handles) =>
        {
            foreach (var handle in handles)
            {
                session.Unroute(ref session.Arena.Handles[handle]);
            }

            session.RouteBatch(handles);
            session.Settle(handles, session.FactUpdated);
        });
    }

    /// <summary>Removes a fact, and every match it took part in.</summary>
    /// <exception cref="InvalidOperationException">The fact is not in working memory.</exception>
    public void Retract(object fact)
    {
        var handle = Find(fact);
        Change(handle, static (session, id) =>
        {
            ref var handle = ref session.Arena.Handles[id];
            var fact = handle.Fact;
            session.Remove(ref handle);
            var withdrawn = session.Settle();
            session.FactRetracted?.Invoke(session, new FactEventArgs(fact));
            session.RaiseWithdrawn(withdrawn);
        });
    }

    /// <summary>Removes several facts.</summary>
    /// <exception cref="InvalidOperationException">A fact is not in working memory; nothing is retracted.</exception>
    public void RetractAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var handles = facts.Select(Find).Distinct().ToList();
        Change(handles, static (session, handles) =>
        {
            foreach (var handle in handles)
            {
                session.Remove(ref session.Arena.Handles[handle]);
            }

            session.Settle(handles, session.FactRetracted);
        });
    }

    /// <summary>True when the fact (this very object) is in working memory.</summary>
    public bool Contains(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return Usable.Facts.ContainsKey(fact);
    }

    /// <summary>The facts in working memory assignable to <typeparamref name="T"/>, in insertion order.</summary>
    public IReadOnlyList<T> Query<T>()
    {
        // The table enumerates in insertion order until a retraction leaves a hole that a later fact
        // fills; so count and check the order first, and sort only when a fill put a fact out of place.
        var arena = Usable;
        var facts = arena.Facts.Values;
        var matches = new TypeMatch<T>();
        var count = 0;
        var inOrder = true;
        var last = long.MinValue;
        foreach (var id in facts)
        {
            ref var handle = ref arena.Handles[id];
            if (matches.Test(handle.Fact))
            {
                inOrder &= handle.Sequence > last;
                last = handle.Sequence;
                count++;
            }
        }

        var found = new T[count];
        var sequences = inOrder ? null : new long[count];
        var next = 0;
        foreach (var id in facts)
        {
            ref var handle = ref arena.Handles[id];
            if (matches.Test(handle.Fact))
            {
                found[next] = (T)handle.Fact;
                if (sequences is not null)
                {
                    sequences[next] = handle.Sequence;
                }

                next++;
            }
        }

        if (sequences is not null)
        {
            Array.Sort(sequences, found);
        }

        return found;
    }

    /// <summary>
    /// Whether facts are assignable to <typeparamref name="T"/>, remembered for the last type seen:
    /// facts come in runs of one type, and <c>is T</c> in code shared by reference types is a call to
    /// the runtime's cast helper.
    /// </summary>
    private struct TypeMatch<T>
    {
        private Type? _type;
        private bool _is;

        public bool Test(object fact)
        {
            var type = fact.GetType();
            if (type != _type)
            {
                _type = type;
                _is = fact is T;
            }

            return _is;
        }
    }

    /// <summary>Fires activations until the agenda is empty or an action halts.</summary>
    /// <returns>The number of rules fired.</returns>
    public int Fire() => Fire(int.MaxValue);

    /// <summary>Fires at most <paramref name="maxRules"/> activations.</summary>
    /// <returns>The number of rules fired.</returns>
    /// <exception cref="RuleActionException">An action threw; the exception names the rule and the facts.</exception>
    public int Fire(int maxRules)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRules);
        _ = Usable;
        var fired = 0;
        _context.IsHalted = false;
        var match = _context.Current;
        // An action may fire the session itself: the activation it runs for is its match again after.
        var outer = match.Activation;
        var outerFacts = match.Facts;
        Begin();
        try
        {
            while (fired < maxRules && !_context.IsHalted && Agenda.TryTake(out var activation))
            {
                fired++;
                Counters.RulesFired++;
                var facts = Arena.Tokens[activation.Token].Facts;
                RuleFiring?.Invoke(this, new MatchEventArgs(MatchSnapshot.Of(activation.Rule, facts)));
                match.Set(activation, facts);
                var actions = activation.Rule.Actions;
                for (var i = 0; i < actions.Length; i++)
                {
                    try
                    {
                        actions[i](_context, match, facts);
                    }
                    catch (RuleEngineException)
                    {
                        throw;
                    }
                    catch (Exception ex)
                    {
                        throw new RuleActionException(MatchSnapshot.Of(activation.Rule, facts), ex);
                    }
                }

                RuleFired?.Invoke(this, new MatchEventArgs(MatchSnapshot.Of(activation.Rule, facts)));
            }
        }
        finally
        {
            match.Set(outer, outerFacts);
            End();
        }

        return fired;
    }

    /// <summary>
    /// A node's memory in this session, made on first need. Not generic: the cast to a type argument
    /// in shared generic code is a runtime lookup, on every activation; the callers' casts to their
    /// sealed memory types are one comparison each.
    /// </summary>
    internal object MemoryOf(ReteNode node) => Arena.Memories[node.Id] ??= CreateMemory(node);

    internal void InsertLinked(object fact, Activation activation)
    {
        var handle = InsertOne(fact);
        if (!Agenda.Holds(activation))
        {
            // The match went away during its own firing: the fact has nothing left to hold it.
            Retract(fact);
            return;
        }

        ref var match = ref Arena.Tokens[activation.Token];
        ref var row = ref Arena.Handles[handle];
        row.LinkedTo = activation.Token;
        row.NextLinked = match.FirstLinked;
        match.FirstLinked = handle;
    }

    /// <summary>Queues the facts a match's activations inserted as linked; they leave once the current change is done.</summary>
    internal void RetractLinkedFacts(ref Token match)
    {
        var handles = Arena.Handles;
        for (var handle = match.FirstLinked; handle >= 0; handle = handles[handle].NextLinked)
        {
            Arena.LinkedToRetract.Enqueue(handle);
        }

        match.FirstLinked = -1;
    }

    private int InsertOne(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var arena = Usable;
        // One hash look-up: the fact enters the table or is refused before anything else happens.
        var handle = NewHandle(arena, fact);
        if (!arena.Facts.TryAdd(fact, handle))
        {
            _factSequence--;
            arena.Handles.Discard(handle);
            throw new InvalidOperationException($"The fact {fact} is already in working memory; use Update.");
        }

        return Change(handle, static (session, handle) =>
        {
            ref var row = ref session.Arena.Handles[handle];
            var fact = row.Fact;
            session.Route(ref row);
            var withdrawn = session.Settle();
            session.FactInserted?.Invoke(session, new FactEventArgs(fact));
            session.RaiseWithdrawn(withdrawn);
            return handle;
        });
    }

    private void Begin() => _depth++;

    /// <summary>
    /// Runs one change of working memory: when the outermost call completes, what it discarded is
    /// reused; a failure half-way faults the session. The change is a static lambda, so no closure
    /// is allocated per call.
    /// </summary>
    private TResult Change<TState, TResult>(TState state, Func<RuleSession, TState, TResult> change)
    {
        Begin();
        try
        {
            return change(this, state);
        }
        catch (Exception ex) when (Fault(ex))
        {
            throw; // never reached: Fault records the failure and lets it pass
        }
        finally
        {
            End();
        }
    }

    private void Change<TState>(TState state, Action<RuleSession, TState> change) =>
        Change((change, state), static (session, pair) =>
        {
            pair.change(session, pair.state);
            return true;
        });

    /// <summary>Records the first failure of a change (an exception filter: the exception passes on unchanged).</summary>
    private bool Fault(Exception exception)
    {
        _fault ??= exception;
        return false;
    }

    /// <summary>Ends a call; the outermost one gives back what its change discarded.</summary>
    private void End()
    {
        KeyMemo.Forget();
        if (--_depth == 0 && _fault is null && _arena is { } arena)
        {
            arena.Recycle();
        }
    }

    private object CreateMemory(ReteNode node) => node switch
    {
        RightInputNode beta => new BetaMemory((RightMemory)MemoryOf(beta.Input), Arena.Tokens),
        RightMemoryNode right => right.CreateMemory(),
        _ => throw new InvalidOperationException($"Node {node.GetType().Name} keeps no memory."),
    };

    private int Find(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return Usable.Facts.TryGetValue(fact, out var handle)
            ? handle
            : throw new InvalidOperationException($"The fact {fact} is not in working memory.");
    }

    /// <summary>A row for a fact entering working memory, with an array of root facts if a rule can start with it.</summary>
    private int NewHandle(SessionArena arena, object fact) =>
        arena.Handles.New(fact, ++_factSequence, RouteOf(fact).StartsRules);

    // Facts come in runs of one type: remember the last type's route.
    private TypeRoute RouteOf(object fact)
    {
        var type = fact.GetType();
        if (type != _routeType)
        {
            _routeType = type;
            _route = _network.RouteFor(type);
        }

        return _route;
    }

    private void Route(ref FactHandle handle)
    {
        foreach (var typeNode in RouteOf(handle.Fact).Nodes)
        {
            typeNode.Activate(this, ref handle);
        }

        handle.SealMemories(MoreMemories);
    }

    private void RouteBatch(List<int> handles)
    {
        var arena = Arena;
        var right = arena.BatchRightHandles;
        var roots = arena.BatchRoots;
        try
        {
            IsBatching = true;
            BatchRoots = roots;
            try
            {
                for (var h = 0; h < handles.Count; h++)
                {
                    RouteInBatch(ref arena.Handles[handles[h]], right);
                }
            }
            finally
            {
                IsBatching = false;
            }

            PropagateBatch(right, roots);
        }
        finally
        {
            right.Clear();
            roots.Clear();
        }
    }

    /// <summary>
    /// Routes one fact of a batch through the alpha network, noting it in <paramref name="right"/>
    /// when it enters a memory with right inputs: most facts of a batch feed only left inputs (in W1,
    /// one clause in twenty is an exception, the right input of every rule), so the right pass walks
    /// only these.
    /// </summary>
    private void RouteInBatch(ref FactHandle handle, List<int> right)
    {
        BatchEntersRight = false;
        Route(ref handle);
        if (BatchEntersRight)
        {
            right.Add(handle.Id);
        }
    }

    /// <summary>
    /// Joins a routed batch. Right inputs first: blockers and join partners are in place before the
    /// tokens arrive. The memories each fact entered are the ones its handle records, in the order
    /// it entered them. The root tokens, made while the facts were routed, are then passed on in the
    /// order they were made (fact by fact, memory by memory), straight from the list that recorded them.
    /// </summary>
    private void PropagateBatch(List<int> right, SegmentedList<BatchRoot> roots)
    {
        var table = Arena.Handles;
        for (var h = 0; h < right.Count; h++)
        {
            ref var handle = ref table[right[h]];
            for (var i = 0; i < handle.MemoryCount; i++)
            {
                handle.MemoryAt(i).PropagateRight(this, ref handle);
            }
        }

        right.Clear();
        // Nothing adds to the list while it is read: roots are made only while a batch routes.
        var nodes = _network.BetaNodes;
        for (var i = 0; i < roots.Count; i++)
        {
            var root = roots[i];
            nodes[root.Node]!.LeftActivate(this, root.Token);
        }

        roots.Clear();
    }

    private void Unroute(ref FactHandle handle)
    {
        KeyMemo.Forget();
        handle.Leaving = IsUnrouting = true;
        // Read in place: a retraction never nests (linked facts leave after the change, in Settle),
        // so nothing routes or unroutes this handle while its memories are walked.
        for (var i = 0; i < handle.MemoryCount; i++)
        {
            handle.MemoryAt(i).Deactivate(this, ref handle);
        }

        handle.ForgetMemories();
        handle.Leaving = IsUnrouting = false;
    }

    private void Remove(ref FactHandle handle)
    {
        var arena = Arena;
        arena.Facts.Remove(handle.Fact);
        Unroute(ref handle);
        if (handle.LinkedTo >= 0)
        {
            ref var match = ref arena.Tokens[handle.LinkedTo];
            // Unlink it from the facts its match would retract.
            if (match.FirstLinked == handle.Id)
            {
                match.FirstLinked = handle.NextLinked;
            }
            else
            {
                for (var previous = match.FirstLinked; previous >= 0; previous = arena.Handles[previous].NextLinked)
                {
                    ref var before = ref arena.Handles[previous];
                    if (before.NextLinked == handle.Id)
                    {
                        before.NextLinked = handle.NextLinked;
                        break;
                    }
                }
            }
        }

        handle.LinkedTo = -1;
        handle.NextLinked = -1;
        arena.Handles.Discard(handle.Id);
    }

    /// <summary>
    /// Settles a change of several facts: linked facts of the matches it withdrew leave (never in
    /// the middle of propagation), then events are raised, once the network is consistent.
    /// </summary>
    private void Settle(List<int> handles, EventHandler<FactEventArgs>? changed)
    {
        var withdrawn = Settle();
        if (changed is not null)
        {
            // A handler may change working memory: read each fact afresh, holding no row across the call.
            var arena = Arena;
            foreach (var handle in handles)
            {
                changed(this, new FactEventArgs(arena.Handles[handle].Fact));
            }
        }

        RaiseWithdrawn(withdrawn);
    }

    /// <summary>Retracts the linked facts whose matches the last change withdrew, and those their own matches held; returns them.</summary>
    private List<object>? Settle()
    {
        var queue = Arena.LinkedToRetract;
        List<object>? withdrawn = null;
        while (queue.TryDequeue(out var id))
        {
            ref var linked = ref Arena.Handles[id];
            if (Arena.Facts.TryGetValue(linked.Fact, out var current) && current == id)
            {
                var fact = linked.Fact;
                Remove(ref linked);
                (withdrawn ??= []).Add(fact);
            }
        }

        return withdrawn;
    }

    private void RaiseWithdrawn(List<object>? withdrawn)
    {
        if (FactRetracted is null || withdrawn is null)
        {
            return;
        }

        foreach (var fact in withdrawn)
        {
            FactRetracted(this, new FactEventArgs(fact));
        }
    }
}
