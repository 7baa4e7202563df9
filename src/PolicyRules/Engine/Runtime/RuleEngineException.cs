namespace PolicyRules.Engine.Runtime;

/// <summary>Base of the exceptions the engine throws about rules.</summary>
public abstract class RuleEngineException : Exception
{
    private protected RuleEngineException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
