using System.Collections.Immutable;
using TextLint.Documents;
using TextLint.Yaml;

namespace TextLint.Rules;

/// <summary>A rule kind: its YAML name, the message placeholders it fills, and its factory.</summary>
public sealed record RuleKind(string Name, ImmutableArray<string> Placeholders, Func<RuleDescriptor, RuleDefinition, Rule> Create, string Summary)
{
    /// <summary>Whether rules of this kind offer fixes by default (substitution does).</summary>
    public bool FixesByDefault { get; init; }

    /// <summary>Whether rules of this kind can offer fixes at all (their YAML may then say <c>fix: safe|unsafe|none</c>).</summary>
    public bool CanFix { get; init; }

    /// <summary>The scope a rule of this kind has when its YAML names none.</summary>
    public RuleScope DefaultScope { get; init; } = RuleScope.Document;

    /// <summary>The scopes a rule of this kind may declare; every scope when empty.</summary>
    public ImmutableArray<RuleScope> Scopes { get; init; } = ImmutableArray<RuleScope>.Empty;

    public bool Allows(RuleScope scope) => Scopes.IsEmpty || Scopes.Contains(scope);

    /// <summary>
    /// The kind's own YAML keys with a one-line description each, in the order docs show them. The rule
    /// catalogue, `rules show` and the generated doc pages render these; a test checks that every key a
    /// kind reads is listed here, so the docs cannot fall behind the code.
    /// </summary>
    public ImmutableArray<RuleKindOption> Options { get; init; } = ImmutableArray<RuleKindOption>.Empty;

    /// <summary>
    /// Every key of the kind for the docs: <see cref="Options"/>, then any key the kind reads that they
    /// leave out (with an empty description), found by building the kind once over an empty definition.
    /// So a kind's keys are listed even before someone describes them.
    /// </summary>
    public ImmutableArray<RuleKindOption> Keys()
    {
        var keys = Options.ToBuilder();
        foreach (string key in KeysRead())
            if (!keys.Any(o => o.Key == key)) keys.Add(new RuleKindOption(key, ""));
        return keys.ToImmutable();
    }

    /// <summary>The keys the kind's constructor asks its definition for (present or not).</summary>
    public IReadOnlyCollection<string> KeysRead()
    {
        var errors = new List<Diagnostics.ConfigurationDiagnostic>();
        var def = new RuleDefinition("", new YamlMapping(default, []), errors);
        var probe = new RuleDescriptor { Id = "XX0000", Title = "", MessageFormat = "", Category = "Probe", DefaultSeverity = Diagnostics.Severity.Warning, Kind = Name };
        try
        {
            Create(probe, def);
        }
        catch (Exception)
        {
            // A kind that cannot be built from nothing still told us what it read before it stopped.
        }
        return def.ReadKeys;
    }
}

/// <summary>One kind-specific key of a rule definition, e.g. <c>tokens</c>: phrases to report.</summary>
public sealed record RuleKindOption(string Key, string Description);
