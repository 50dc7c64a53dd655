using System.Collections.Immutable;

namespace TextLint.Rules.Kinds;

/// <summary>Every built-in kind. Adding a kind is a new file in Rules/Kinds plus one line here.</summary>
public static class RuleKinds
{
    public static readonly ImmutableArray<RuleKind> All =
    [
        ExistenceRule.Kind,
        SubstitutionRule.Kind,
        QuotationRule.Kind,
        AttributionRule.Kind,
        ScriptRule.Kind,
        BoilerplateRule.Kind,
        ConsistencyRule.Kind,
        RepetitionRule.Kind,
        BrokenWordRule.Kind,
        OccurrenceRule.Kind,
        MetricRule.Kind,
        ConditionalRule.Kind,
        CapitalizationRule.Kind,
    ];

    public static RuleKind? Find(string name)
    {
        foreach (var k in All)
            if (k.Name == name) return k;
        return null;
    }
}
