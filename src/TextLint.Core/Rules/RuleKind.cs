using System.Collections.Immutable;
using TextLint.Loading;

namespace TextLint.Rules;

/// <summary>A rule kind: its YAML name, the message placeholders it fills, and its factory.</summary>
public sealed record RuleKind(string Name, ImmutableArray<string> Placeholders, Func<RuleDescriptor, RuleDefinition, Rule> Create, string Summary)
{
    /// <summary>Whether rules of this kind offer fixes by default (substitution does).</summary>
    public bool FixesByDefault { get; init; }

    /// <summary>
    /// The kind's own YAML keys with a one-line description each, in the order docs show them. The rule
    /// catalogue, `rules show` and the generated doc pages render these; a test checks that every key a
    /// kind reads is listed here, so the docs cannot fall behind the code.
    /// </summary>
    public ImmutableArray<RuleKindOption> Options { get; init; } = ImmutableArray<RuleKindOption>.Empty;
}

/// <summary>One kind-specific key of a rule definition, e.g. <c>tokens</c>: phrases to report.</summary>
public sealed record RuleKindOption(string Key, string Description);

/// <summary>Every built-in kind. Adding a kind is a new file in Rules/Kinds plus one line here.</summary>
public static class RuleKinds
{
    public static readonly ImmutableArray<RuleKind> All =
    [
        Kinds.ExistenceRule.Kind,
        Kinds.SubstitutionRule.Kind,
    ];

    public static RuleKind? Find(string name)
    {
        foreach (var k in All)
            if (k.Name == name) return k;
        return null;
    }
}
