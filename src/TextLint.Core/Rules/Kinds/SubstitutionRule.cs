using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Matching;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: substitution — <c>swap: {wrong: right}</c>. Each occurrence of a key is reported with a fix
/// that replaces it by the value, keeping the case pattern of what was written (Kiev → Kyiv,
/// KIEV → KYIV). Fixes are safe unless the rule says <c>fix: unsafe</c>.
/// </summary>
public sealed class SubstitutionRule : Rule
{
    public static readonly RuleKind Kind = new("substitution", ["match", "replacement"], (d, def) => new SubstitutionRule(d, def),
        "Reports a word or phrase that has a preferred replacement, with the replacement as a fix.")
    {
        FixesByDefault = true,
        Options =
        [
            new("swap", "Mapping of each phrase to report to its replacement; the replacement keeps the written case."),
            new("ignorecase", "Match the phrases case-insensitively (default true)."),
            new("fix", "Fix safety: safe (default; applied by --fix), unsafe (needs --unsafe-fixes) or none."),
        ],
    };

    private readonly ImmutableArray<(string Wrong, string Right)> _swaps;
    private readonly bool _ignoreCase;

    private SubstitutionRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        var swaps = def.GetStringMap("swap");
        if (swaps.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "A substitution rule needs a non-empty 'swap' mapping.");
        _swaps = swaps.Select(s => (s.Key, s.Value)).ToImmutableArray();
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _swaps.Length; i++) registry.Add(_swaps[i].Wrong, i, caseSensitive: !_ignoreCase);
    }

    public override void Analyze(RuleContext context)
    {
        var taken = new LeftmostLongest.Taken();
        foreach (var m in context.Literals.Span)
        {
            if (!taken.TryTake(m.Span)) continue;
            var span = m.Span;
            string written = context.Document.Source.ToString(span);
            string replacement = MatchCase(written, _swaps[m.Payload].Right);
            if (string.Equals(written, replacement, StringComparison.Ordinal)) continue;
            var fix = Descriptor.FixSafety == FixSafety.None ? null : context.ReplaceFix(span, replacement, Descriptor.FixSafety);
            context.Report(span, new MessageArguments(written).With("replacement", replacement), fix);
        }
    }

    /// <summary>Applies the case pattern of <paramref name="written"/> (all upper, capitalised) to the replacement.</summary>
    public static string MatchCase(string written, string replacement)
    {
        bool anyLetter = false, allUpper = true;
        foreach (char c in written)
        {
            if (!char.IsLetter(c)) continue;
            anyLetter = true;
            if (!char.IsUpper(c)) { allUpper = false; break; }
        }
        if (anyLetter && allUpper && written.Count(char.IsLetter) > 1) return replacement.ToUpperInvariant();
        if (written.Length > 0 && char.IsUpper(written[0]) && replacement.Length > 0 && char.IsLower(replacement[0]))
            return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        return replacement;
    }
}
