using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: capitalization — as in Vale: each unit of the rule's scope (headings and the title by
/// default) must follow a case style: <c>match: $title</c> (major words capitalised), <c>$sentence</c>
/// (only the first word and <c>exceptions</c> capitalised; acronyms allowed), <c>$lower</c>,
/// <c>$upper</c>, or any other value as a regular expression the whole unit must match (e.g.
/// <c>'.*\p{Ll}.*'</c>: not all capitals). The region is the unit.
/// </summary>
public sealed class CapitalizationRule : Rule
{
    public static readonly RuleKind Kind = new("capitalization", ["match", "style"], (d, def) => new CapitalizationRule(d, def),
        "Reports a heading or title that does not follow a case style ($title, $sentence, $lower, $upper or a pattern).")
    {
        DefaultScope = RuleScope.Heading,
        Scopes = [RuleScope.Heading, RuleScope.Title, RuleScope.Sentence, RuleScope.Line, RuleScope.Paragraph],
        Options =
        [
            new("match", "The case style: $title, $sentence, $lower, $upper, or a regular expression the whole unit must match."),
            new("exceptions", "Words written as listed whatever the style (names, acronyms)."),
        ],
    };

    private static readonly FrozenSet<string> MinorWords = new[]
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up",
        "via", "vs", "with", "from", "into", "onto", "over", "amid", "than",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly string _style;
    private readonly LazyRegex? _pattern;
    private readonly FrozenSet<string> _exceptions;

    private CapitalizationRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _style = def.GetString("match", required: true) ?? "$title";
        if (!_style.StartsWith('$'))
            _pattern = def.GetLazyRegex("^(?:" + _style + ")$", def.PositionOf("match"), ignoreCase: false);
        else if (_style is not ("$title" or "$sentence" or "$lower" or "$upper"))
            def.Error(def.PositionOf("match"), $"match '{_style}' is not one of $title, $sentence, $lower, $upper or a pattern.");
        _exceptions = def.GetStringList("exceptions").Select(e => e.Value).ToFrozenSet(StringComparer.Ordinal);
    }

    public override void Analyze(RuleContext context)
    {
        string text = context.Text;
        foreach (var unit in context.Units)
        {
            var span = text.AsSpan(unit.Start, unit.Length);
            bool ok = _pattern is not null ? Matching.PatternRunner.IsMatch(_pattern, text, unit) : _style switch
            {
                "$lower" => !HasAny(span, char.IsUpper),
                "$upper" => !HasAny(span, char.IsLower),
                "$sentence" => IsSentenceCase(text, unit),
                _ => IsTitleCase(text, unit),
            };
            if (!ok) context.Report(unit, context.Arguments(unit).With("style", _style.TrimStart('$')));
        }
    }

    private static bool HasAny(ReadOnlySpan<char> s, Func<char, bool> test)
    {
        foreach (char c in s)
            if (test(c)) return true;
        return false;
    }

    private bool IsTitleCase(string text, TextSpan unit)
    {
        int pos = unit.Start, index = 0;
        TextSpan last = default;
        while (TextWords.Next(text, pos, unit.End, out var w))
        {
            var word = text.AsSpan(w.Start, w.Length);
            bool minor = index > 0 && MinorWords.Has(word);
            if (!minor && char.IsLetter(word[0]) && !char.IsUpper(word[0]) && !_exceptions.Has(word)) return false;
            last = w;
            pos = w.End;
            index++;
        }
        return index == 0 || !char.IsLower(text[last.Start]) || _exceptions.Has(text.AsSpan(last.Start, last.Length));
    }

    private bool IsSentenceCase(string text, TextSpan unit)
    {
        int pos = unit.Start, index = 0;
        while (TextWords.Next(text, pos, unit.End, out var w))
        {
            var word = text.AsSpan(w.Start, w.Length);
            pos = w.End;
            if (index++ == 0) { if (char.IsLower(word[0])) return false; continue; }
            if (!char.IsUpper(word[0]) || _exceptions.Has(word)) continue;
            if (!HasAny(word, char.IsLower)) continue; // an acronym
            if (pos <= unit.End && IsAfterColon(text, w.Start)) continue;
            return false;
        }
        return true;
    }

    private static bool IsAfterColon(string text, int wordStart)
    {
        int i = wordStart - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 0 && text[i] is ':' or '?' or '!' or '.';
    }
}
