using System.Collections.Immutable;
using TextLint.Matching;
using TextLint.Rules;

namespace TextLint.Engine;

/// <summary>
/// A compiled, immutable set of rules: built once per run, shared by every thread. Compiling folds the
/// literal phrases of all rules into one <see cref="LiteralMatcher"/>.
/// </summary>
public sealed class RuleSet
{
    private RuleSet(ImmutableArray<Rule> rules, LiteralMatcher matcher, ImmutableArray<string> literalPhrases)
    {
        Rules = rules;
        Matcher = matcher;
        LiteralPhrases = literalPhrases;
        Yields = ResolveYields(rules);
    }

    /// <summary>
    /// For each rule (by index), the indexes of the rules it yields to (<see cref="RuleDescriptor.YieldsTo"/>),
    /// or null. An ID that is not in the set is left out: the loader has already refused unknown IDs, and a
    /// set built from some of a pack's rules has nothing to yield to.
    /// </summary>
    internal ImmutableArray<int[]?> Yields { get; }

    private static ImmutableArray<int[]?> ResolveYields(ImmutableArray<Rule> rules)
    {
        var yields = new int[]?[rules.Length];
        for (int i = 0; i < rules.Length; i++)
        {
            var ids = rules[i].Descriptor.YieldsTo;
            if (ids.IsEmpty) continue;
            var targets = new List<int>();
            foreach (string id in ids)
            {
                for (int j = 0; j < rules.Length; j++)
                    if (j != i && rules[j].Descriptor.Id == id) targets.Add(j);
            }
            if (targets.Count > 0) yields[i] = targets.ToArray();
        }
        return yields.ToImmutableArray();
    }

    /// <summary>
    /// Every literal phrase the rules register, as written (for benchmarks and diagnostics); not the
    /// phrases extracted from their regexes to prefilter them.
    /// </summary>
    public ImmutableArray<string> LiteralPhrases { get; }

    /// <summary>Rules in a stable order (by id).</summary>
    public ImmutableArray<Rule> Rules { get; }

    public LiteralMatcher Matcher { get; }

    public ImmutableArray<RuleDescriptor> Descriptors => Rules.Select(r => r.Descriptor).ToImmutableArray();

    public static RuleSet Compile(IEnumerable<Rule> rules)
    {
        var ordered = rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToImmutableArray();
        var registry = new LiteralRegistry();
        for (int i = 0; i < ordered.Length; i++)
        {
            registry.CurrentRule = i;
            ordered[i].RegisterLiterals(registry);
        }
        return new RuleSet(ordered, new LiteralMatcher(registry.Patterns), registry.Patterns.Where(p => !p.Prefilter).Select(p => p.Original).ToImmutableArray());
    }

    public int IndexOf(string id)
    {
        for (int i = 0; i < Rules.Length; i++)
            if (Rules[i].Descriptor.Id == id) return i;
        return -1;
    }
}
