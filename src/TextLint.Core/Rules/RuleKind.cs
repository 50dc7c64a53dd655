using System.Collections.Immutable;
using TextLint.Loading;

namespace TextLint.Rules;

/// <summary>A rule kind: its YAML name, the message placeholders it fills, and its factory.</summary>
public sealed record RuleKind(string Name, ImmutableArray<string> Placeholders, Func<RuleDescriptor, RuleDefinition, Rule> Create, string Summary)
{
    /// <summary>Whether rules of this kind offer fixes by default (substitution does).</summary>
    public bool FixesByDefault { get; init; }

    /// <summary>The scope a rule of this kind has when its YAML names none.</summary>
    public RuleScope DefaultScope { get; init; } = RuleScope.Document;

    /// <summary>The scopes a rule of this kind may declare; every scope when empty.</summary>
    public ImmutableArray<RuleScope> Scopes { get; init; } = ImmutableArray<RuleScope>.Empty;

    public bool Allows(RuleScope scope) => Scopes.IsEmpty || Scopes.Contains(scope);
}

/// <summary>Every built-in kind. Adding a kind is a new file in Rules/Kinds plus one line here.</summary>
public static class RuleKinds
{
    public static readonly ImmutableArray<RuleKind> All =
    [
        Kinds.ExistenceRule.Kind,
        Kinds.SubstitutionRule.Kind,
        Kinds.QuotationRule.Kind,
        Kinds.AttributionRule.Kind,
        Kinds.ScriptRule.Kind,
        Kinds.BoilerplateRule.Kind,
        Kinds.ConsistencyRule.Kind,
        Kinds.RepetitionRule.Kind,
        Kinds.BrokenWordRule.Kind,
        Kinds.OccurrenceRule.Kind,
        Kinds.MetricRule.Kind,
        Kinds.ConditionalRule.Kind,
        Kinds.CapitalizationRule.Kind,
    ];

    public static RuleKind? Find(string name)
    {
        foreach (var k in All)
            if (k.Name == name) return k;
        return null;
    }
}
