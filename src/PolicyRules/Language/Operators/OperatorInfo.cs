namespace PolicyRules.Language.Operators;

/// <summary>One operator of the rule language, as the parser, the binder, the schema and the docs know it.</summary>
/// <param name="Name">Its name in rule files.</param>
/// <param name="Shape">What it takes as argument.</param>
/// <param name="AppliesTo">The kinds of member it tests, in words (docs).</param>
/// <param name="Argument">Its argument, in words (docs).</param>
/// <param name="Phrase">How <c>explain</c> says it: <c>{path}</c> and <c>{value}</c> are filled in.</param>
/// <param name="Aliases">Other names accepted for it.</param>
internal sealed record OperatorInfo(string Name, OperandShape Shape, string AppliesTo, string Argument, string Phrase, IReadOnlyList<string> Aliases);
