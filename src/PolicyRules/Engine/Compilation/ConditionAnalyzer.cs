using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using PolicyRules.Engine.Model;

namespace PolicyRules.Engine.Compilation;

/// <summary>
/// Checks a pattern's conditions against the scope and sorts each conjunct into the network's
/// shapes: alpha dispatch or predicate, join key or residual.
/// </summary>
internal static class ConditionAnalyzer
{
    private enum Stage
    {
        Alpha,
        Keys,
        Residual,
    }

    public static PatternPlan Analyze(PatternElement pattern, Scope scope, string ruleId)
    {
        var fact = Expression.Parameter(pattern.FactType, pattern.Alias);
        var alpha = new List<AlphaTest>();
        var keys = new List<JoinKeyPlan>();
        var residual = new List<Expression>();
        var joins = new List<Expression>();

        foreach (var lambda in pattern.Parts)
        {
            // Said only in an error: writing every condition out would cost more than binding it.
            string Where() => $"condition {lambda} of pattern '{pattern.Alias}'";

            // Conjuncts run in the network as alpha tests, then join keys, then the residual. A
            // conjunct may guard the ones after it (c.Tag != null && c.Tag.Length > 2), so within one
            // lambda the split never moves a conjunct ahead of one written before it: once a conjunct
            // cannot be an alpha test, the rest are keys or residual; once one is residual, all are.
            var stage = Stage.Alpha;
            foreach (var conjunct in Conjuncts(Normalize(lambda, pattern.FactType, fact, scope, Where, ruleId)))
            {
                if (stage == Stage.Alpha && FreeParameters.ReadsOnly(conjunct, fact))
                {
                    alpha.Add(Classify(conjunct, fact));
                    continue;
                }

                joins.Add(conjunct);
                if (stage != Stage.Residual && TryKey(conjunct, fact, out var key))
                {
                    stage = Stage.Keys;
                    keys.Add(key);
                }
                else
                {
                    stage = Stage.Residual;
                    residual.Add(conjunct);
                }
            }
        }

        return new PatternPlan(fact, Reorder(alpha, fact), keys, residual, joins);
    }

    /// <summary>
    /// Checks a lambda's parameters and rewrites its body over <paramref name="subject"/> (first
    /// parameter) and the scope's parameters (the rest, by name), with captured values folded in.
    /// </summary>
    public static Expression Normalize(DeferredLambda lambda, Type subjectType, ParameterExpression subject, Scope scope, Func<string> where, string ruleId)
    {
        if (lambda.ReturnType != typeof(bool))
        {
            throw Errors.Definition(ruleId, $"{where()} returns {lambda.ReturnType.Name}, not Boolean.");
        }

        if (lambda.Parameters.Count == 0)
        {
            throw Errors.Definition(ruleId, $"{where()} has no parameter for the value it tests.");
        }

        var first = lambda.Parameters[0];
        if (!first.Type.IsAssignableFrom(subjectType))
        {
            throw Errors.Definition(ruleId, $"{where()} takes {first.Type.Name} first, but tests {subjectType.Name}.");
        }

        var map = new Dictionary<ParameterExpression, Expression>(lambda.Parameters.Count)
        {
            [first] = Retype(subject, first.Type),
        };
        for (var i = 1; i < lambda.Parameters.Count; i++)
        {
            var parameter = lambda.Parameters[i];
            var binding = scope.Resolve(parameter, where);
            map[parameter] = Retype(binding.Parameter, parameter.Type);
        }

        return ClosureFolder.Fold(ParameterReplacer.Replace(lambda.Body, map));
    }

    private static Expression Retype(ParameterExpression parameter, Type type) =>
        parameter.Type == type ? parameter : Expression.Convert(parameter, type);

    private static IEnumerable<Expression> Conjuncts(Expression condition)
    {
        if (condition is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and)
        {
            return Conjuncts(and.Left).Concat(Conjuncts(and.Right));
        }

        return [condition];
    }

    private static AlphaTest Classify(Expression condition, ParameterExpression fact)
    {
        if (ExpressionShapes.TryEquality(condition, out var left, out var right))
        {
            if (right is ConstantExpression constant && FreeParameters.Of(left).Length > 0)
            {
                return new AlphaTest(AlphaTestKind.Equality, condition, left, constant.Value);
            }

            if (left is ConstantExpression reversed && FreeParameters.Of(right).Length > 0)
            {
                return new AlphaTest(AlphaTestKind.Equality, condition, right, reversed.Value);
            }
        }

        if (ExpressionShapes.TryContains(condition, out var source, out var item, out _)
            && item is ConstantExpression element
            && FreeParameters.Of(source).Contains(fact))
        {
            return new AlphaTest(AlphaTestKind.Contains, condition, source, element.Value);
        }

        return new AlphaTest(AlphaTestKind.Predicate, condition, null, null);
    }

    /// <summary>
    /// Moves equality tests on the fact's own members to the front, so the hash dispatch happens
    /// first. Nothing else moves: a later conjunct may rely on an earlier one as a guard.
    /// </summary>
    private static List<AlphaTest> Reorder(List<AlphaTest> tests, ParameterExpression fact)
    {
        bool IsDirectEquality(AlphaTest test) =>
            test.Kind == AlphaTestKind.Equality && test.Accessor is MemberExpression { Expression: var target } && target == fact;

        return [.. tests.Where(IsDirectEquality), .. tests.Where(t => !IsDirectEquality(t))];
    }

    private static bool TryKey(Expression condition, ParameterExpression fact, [NotNullWhen(true)] out JoinKeyPlan? key)
    {
        key = null;
        var byReference = false;
        if (!ExpressionShapes.TryEquality(condition, out var a, out var b))
        {
            if (!ExpressionShapes.TryReferenceEquality(condition, out a, out b))
            {
                return false;
            }

            byReference = true;
        }

        if (!ExpressionShapes.CannotFail(a) || !ExpressionShapes.CannotFail(b))
        {
            return false;
        }

        var freeA = FreeParameters.Of(a);
        var freeB = FreeParameters.Of(b);
        if (freeA.Length == 1 && freeA.Contains(fact) && freeB.Length > 0 && !freeB.Contains(fact))
        {
            key = new JoinKeyPlan(b, a, byReference);
            return true;
        }

        if (freeB.Length == 1 && freeB.Contains(fact) && freeA.Length > 0 && !freeA.Contains(fact))
        {
            key = new JoinKeyPlan(a, b, byReference);
            return true;
        }

        return false;
    }
}
