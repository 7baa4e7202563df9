using System.Linq.Expressions;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Turns expression trees into delegates. The engine compiles every condition, key and action
/// through this one interface, so a faster compiler can be plugged in where it wins.
/// </summary>
public interface IExpressionCompiler
{
    /// <summary>Compiles a lambda into a delegate.</summary>
    TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate;
}
