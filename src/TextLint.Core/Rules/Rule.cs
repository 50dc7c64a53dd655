using TextLint.Matching;

namespace TextLint.Rules;

/// <summary>
/// The one interface every rule kind implements (one file per kind under Rules/Kinds). A kind's
/// constructor validates its YAML and compiles its patterns; at run time it only matches.
/// Literal phrases are not searched by the rule itself: it registers them once, the rule set folds the
/// phrases of all rules into one automaton, and each document is scanned once for all of them.
/// </summary>
public abstract class Rule
{
    protected Rule(RuleDescriptor descriptor) => Descriptor = descriptor;

    /// <summary>What the rule is. Configuration may change its fix safety once, after loading and before the rule set is compiled.</summary>
    public RuleDescriptor Descriptor { get; internal set; }

    /// <summary>Register the literal phrases this rule wants reported to <see cref="Analyze"/>.</summary>
    public virtual void RegisterLiterals(LiteralRegistry registry) { }

    /// <summary>Find this rule's findings in one document. Must be thread-safe: one rule instance serves all files.</summary>
    public abstract void Analyze(RuleContext context);
}
