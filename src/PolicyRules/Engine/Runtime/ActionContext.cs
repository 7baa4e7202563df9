namespace PolicyRules.Engine.Runtime;

/// <summary>The context handed to a firing rule's actions; one per session, pointed at the current activation.</summary>
internal sealed class ActionContext(RuleSession session, FiringMatch current) : IActionContext
{
    /// <summary>The activation firing, as its actions see it (the arena's, so a session allocates none).</summary>
    public FiringMatch Current { get; } = current;

    public bool IsHalted { get; set; }

    public IMatch Match => Current;

    public void Insert(object fact) => session.Insert(fact);

    public void InsertLinked(object fact) => session.InsertLinked(fact, Current.Activation);

    public void Update(object fact) => session.Update(fact);

    public void Retract(object fact) => session.Retract(fact);

    public void Halt() => IsHalted = true;
}
