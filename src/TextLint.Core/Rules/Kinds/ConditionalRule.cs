using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: conditional — as in Vale: the existence of <c>first</c> implies the existence of
/// <c>second</c>. Each match of <c>first</c> whose first capture group (or whole match) is not among
/// the captures of <c>second</c> anywhere in the document is reported, unless listed in
/// <c>exceptions</c>. The classic use: an acronym ("SMO") must be defined somewhere ("special military
/// operation (SMO)"). Case-sensitive unless <c>ignorecase: true</c>.
/// </summary>
public sealed class ConditionalRule : Rule
{
    public static readonly RuleKind Kind = new("conditional", ["match"], (d, def) => new ConditionalRule(d, def),
        "Reports a match of 'first' that has no counterpart matching 'second' (e.g. an acronym never defined).")
    {
        Options =
        [
            new("first", "A regular expression; each match (its first group, if any) needs a counterpart."),
            new("second", "A regular expression whose captures, anywhere in the document, are the counterparts (an acronym's definition)."),
            new("exceptions", "Matches of 'first' that need no counterpart."),
            new("ignorecase", "Match case-insensitively (default false)."),
        ],
    };

    private readonly LazyRegex? _first;
    private readonly LazyRegex? _second;
    private readonly FrozenSet<string> _exceptions;

    private ConditionalRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        bool ignoreCase = def.GetBool("ignorecase", false);
        string? first = def.GetString("first", required: true);
        string? second = def.GetString("second", required: true);
        if (first is not null) _first = def.GetLazyRegex(first, def.PositionOf("first"), ignoreCase);
        if (second is not null) _second = def.GetLazyRegex(second, def.PositionOf("second"), ignoreCase);
        _exceptions = def.GetStringList("exceptions").Select(e => e.Value)
            .ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    public override void Analyze(RuleContext context)
    {
        if (_first is null || _second is null) return;
        string text = context.Text;
        HashSet<string>? defined = null;
        foreach (var (span, value) in PatternRunner.GroupMatchesIn(_first.Value, text, new TextSpan(0, text.Length), 1))
        {
            if (_exceptions.Contains(value)) continue;
            if (!context.Accepts(span)) continue;
            defined ??= Defined(text);
            if (!defined.Contains(value)) context.Report(span);
        }
    }

    private HashSet<string> Defined(string text)
    {
        var set = new HashSet<string>(_exceptions.Comparer);
        foreach (var (_, value) in PatternRunner.GroupMatchesIn(_second!.Value, text, new TextSpan(0, text.Length), 1))
            set.Add(value);
        return set;
    }
}
