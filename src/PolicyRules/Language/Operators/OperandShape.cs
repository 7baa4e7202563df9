namespace PolicyRules.Language.Operators;

/// <summary>What an operator takes as its argument in a rule file.</summary>
internal enum OperandShape
{
    /// <summary>A literal, a list, <c>"@set"</c> or <c>"$alias.member"</c>.</summary>
    Value,

    /// <summary>An object of further operators on a derived value (<c>size</c>).</summary>
    Operators,

    /// <summary>A condition on each element of a list of objects (<c>some</c>, <c>every</c>, <c>none</c>).</summary>
    Condition,

    /// <summary>An object with <c>with</c> (the list to take away) and operators on what remains (<c>difference</c>).</summary>
    Difference,
}
