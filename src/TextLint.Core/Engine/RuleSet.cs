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
