namespace PolicyRules.Engine.Runtime;

/// <summary>What a rule's action can do: change working memory (chaining) and stop the firing loop.</summary>
public interface IActionContext
{
    /// <summary>The match whose action is running; valid while it runs (keep its <see cref="IMatch.Bindings"/>, a copy, for later).</summary>
    IMatch Match { get; }

    /// <summary>Inserts a fact; it enters the network at once and may activate other rules.</summary>
    void Insert(object fact);

    /// <summary>
    /// Inserts a fact linked to the current match: it is retracted automatically when the match no
    /// longer holds (truth maintenance).
    /// </summary>
    void InsertLinked(object fact);

    /// <summary>Tells the engine that a fact in working memory has changed.</summary>
    void Update(object fact);

    /// <summary>Removes a fact from working memory.</summary>
    void Retract(object fact);

    /// <summary>Stops <see cref="RuleSession.Fire()"/> after the current action.</summary>
    void Halt();
}
