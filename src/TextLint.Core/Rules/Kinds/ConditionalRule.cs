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
        try
        {
            for (var m = _first.Value.Match(text); m.Success; m = m.NextMatch())
            {
                var g = m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1] : (Group)m;
                if (g.Length == 0 || _exceptions.Contains(g.Value)) continue;
                var span = new TextSpan(g.Index, g.Length);
                if (!context.Accepts(span)) continue;
                defined ??= Defined(text);
                if (!defined.Contains(g.Value)) context.Report(span);
            }
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new RuleTimeoutException(_first.ToString(), ex);
        }
    }

    private HashSet<string> Defined(string text)
    {
        var set = new HashSet<string>(_exceptions.Comparer);
        try
        {
            for (var m = _second!.Value.Match(text); m.Success; m = m.NextMatch())
                set.Add(m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1].Value : m.Value);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new RuleTimeoutException(_second!.ToString(), ex);
        }
        return set;
    }
}
