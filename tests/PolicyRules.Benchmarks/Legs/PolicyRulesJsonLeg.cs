namespace PolicyRules.Benchmarks.Legs;

// ┌──────────────────────────────────────────────────────────────────────────────────────────┐
// │ JSON-rules leg: the place for PolicyRules with the W1 rules written in the JSON rule      │
// │ language (the way users write them). It lands with the issue that adds that language.     │
// └──────────────────────────────────────────────────────────────────────────────────────────┘
//
// To add it:
//   1. Here: `public sealed class PolicyRulesJsonLeg : W1Leg` with `Build(IReadOnlyList<W1Rule>)`
//      that writes rule i as JSON (K = Kinds[i mod 5], S = Sectors[i mod 12], plus
//      `c.Id > -(i + 1)` when Distinct), loads it and calls RuleNetwork.Compile; Evaluate as in
//      PolicyRulesBuilderLeg (fresh session, InsertAll, Fire, count).
//   2. W1Legs (Legs/W1Leg.cs): the name "policyrules-json", in All and in Build.
//   3. Benchmarks/EvaluationBenchmarks.cs and Benchmarks/BuildBenchmarks.cs: the methods marked
//      "JSON leg". Smoke and peaks pick the leg up from W1Legs.All.
//   4. tests/PolicyRules.Tests/Workload/W1WorkloadTests.cs: the same count assertions.
