using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using PolicyRules.Engine.Runtime;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Interprets each expression at first and compiles it with another compiler once it has been called
/// often enough, as the runtime tiers methods: a run that checks one draft calls most of a rulebook's
/// hundreds of conditions a few times each, and would spend more on compiling them (emitting IL, then
/// the JIT) than on calling them; a run over a corpus compiles the ones it calls often.
/// The shapes the engine compiles (one-, two- and three-argument functions and actions over
/// references) are tiered; any other delegate type is compiled at once. Thread-safe: a delegate
/// called from many threads is compiled once.
/// </summary>
public sealed class TieredExpressionCompiler : IExpressionCompiler
{
    private readonly IExpressionCompiler _compiler;
    private readonly int _callsBeforeCompiling;

    /// <summary>Tiers expressions up to <paramref name="compiler"/>.</summary>
    /// <param name="compiler">The compiler an expression goes to once it is called often.</param>
    /// <param name="callsBeforeCompiling">How many calls are interpreted before the expression is compiled (at least 1).</param>
    public TieredExpressionCompiler(IExpressionCompiler compiler, int callsBeforeCompiling = DefaultCallsBeforeCompiling)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentOutOfRangeException.ThrowIfLessThan(callsBeforeCompiling, 1);
        _compiler = compiler;
        _callsBeforeCompiling = callsBeforeCompiling;
    }

    /// <summary>The calls interpreted before compiling, by default (measured in docs/PERFORMANCE.md).</summary>
    public const int DefaultCallsBeforeCompiling = 64;

    /// <summary>The default: interpreted first, then <see cref="FastExpressionTreeCompiler"/>.</summary>
    public static TieredExpressionCompiler Instance { get; } = new(FastExpressionTreeCompiler.Instance);

    /// <inheritdoc/>
    public TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(lambda);

        // The interpreter cannot hold spans (C# binds `array.Contains(x)` in a lambda to a span method).
        if (ExpressionSearch.Any(lambda, node => node.Type.IsByRefLike))
        {
            return _compiler.Compile(lambda);
        }

        Delegate? tiered = lambda switch
        {
            Expression<Func<object, bool>> f => new Tiered<object, bool>(f, this).Invoke,
            Expression<Func<object, object?>> f => new Tiered<object, object?>(f, this).Invoke,
            Expression<Func<object?[], object>> f => new Tiered<object?[], object>(f, this).Invoke,
            Expression<Func<object?[], object, bool>> f => new Tiered<object?[], object, bool>(f, this).Invoke,
            Expression<Action<IActionContext, IMatch, object?[]>> f => new TieredAction<IActionContext, IMatch, object?[]>(f, this).Invoke,
            _ => null,
        };
        return tiered is null ? _compiler.Compile(lambda) : (TDelegate)tiered;
    }

    /// <summary>
    /// Counts calls until the threshold, then swaps the interpreted delegate for the compiled one.
    /// Only the call that reaches the threshold compiles; a call that reads the old delegate meanwhile
    /// still gets the same answer. Without dynamic code (NativeAOT) every compiler interprets, so there
    /// is nothing to tier up to: the delegate stays interpreted, still prepared on its first call.
    /// </summary>
    private abstract class Tier<TDelegate>(Expression<TDelegate> lambda, TieredExpressionCompiler owner)
        where TDelegate : Delegate
    {
        private Expression<TDelegate>? _lambda = lambda;
        private TDelegate? _current;
        private int _calls;
        private volatile bool _compiled = !RuntimeFeature.IsDynamicCodeSupported;

        // Interpreted on first call, not when the network is built: a run over one draft never calls
        // the conditions of many rules, and preparing them for the interpreter costs as much as a call.
        protected TDelegate Current => Volatile.Read(ref _current) ?? Interpret();

        protected void Count()
        {
            if (!_compiled && Interlocked.Increment(ref _calls) == owner._callsBeforeCompiling)
            {
                // Only the call that reaches the threshold gets here; the tree is not needed after.
                Volatile.Write(ref _current, owner._compiler.Compile(_lambda!));
                _compiled = true;
                Volatile.Write(ref _lambda, null);
            }
        }

        private TDelegate Interpret()
        {
            // The tree is gone only once the compiled delegate is in place.
            if (Volatile.Read(ref _lambda) is not { } lambda)
            {
                return Volatile.Read(ref _current)!;
            }

            Interlocked.CompareExchange(ref _current, lambda.Compile(preferInterpretation: true), null);
            return Volatile.Read(ref _current)!;
        }
    }

    private sealed class Tiered<T, TResult>(Expression<Func<T, TResult>> lambda, TieredExpressionCompiler owner)
        : Tier<Func<T, TResult>>(lambda, owner)
    {
        public TResult Invoke(T argument)
        {
            Count();
            return Current(argument);
        }
    }

    private sealed class Tiered<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> lambda, TieredExpressionCompiler owner)
        : Tier<Func<T1, T2, TResult>>(lambda, owner)
    {
        public TResult Invoke(T1 first, T2 second)
        {
            Count();
            return Current(first, second);
        }
    }

    private sealed class TieredAction<T1, T2, T3>(Expression<Action<T1, T2, T3>> lambda, TieredExpressionCompiler owner)
        : Tier<Action<T1, T2, T3>>(lambda, owner)
    {
        public void Invoke(T1 first, T2 second, T3 third)
        {
            Count();
            Current(first, second, third);
        }
    }
}
