using System.Collections.Immutable;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: consistency — variant spellings that must not be mixed in one document (<c>sets</c>:
/// [[Kyiv, Kiev], [Odesa, Odessa]]). When a document uses two or more variants of a set, each minority
/// variant is reported once, at its first occurrence; on a tie the variant listed first counts as
/// the majority. Occurrences in direct speech are not counted unless <c>speech: include</c>: a source's
/// spelling is not the writer's. Nor are mentions of a name: a variant in brackets or quotation marks
/// ("Myanmar (Burma)") or in a sentence about the name ("renamed Myanmar in 1989"), nor a wire
/// dateline's place ("YANGON, Myanmar (AP) —"), which follows the agency's style, not the article's.
///
/// One finding per minority variant, not one per occurrence: the problem is a single editorial decision
/// (which spelling the piece uses), the substitution rules already mark every occurrence of a
/// non-house spelling, and flagging each one would multiply one decision into many findings.
/// </summary>
public sealed class ConsistencyRule : Rule
{
    public static readonly RuleKind Kind = new("consistency", ["match", "majority", "count", "majorityCount", "uses", "majorityUses"], (d, def) => new ConsistencyRule(d, def),
        "Reports the minority variant when a document mixes spellings of one set (Kiev/Kyiv).")
    {
        Options =
        [
            new("sets", "Lists of variant spellings that must not be mixed in one document ([[Kyiv, Kiev], [Odesa, Odessa]])."),
            new("ignorecase", "Match the variants case-insensitively (default true)."),
            new("exceptions", "Phrases whose variant is a fixed name and is not counted (Peking University, Bombay Stock Exchange)."),
        ],
    };

    private readonly ImmutableArray<ImmutableArray<string>> _sets;

    /// <summary>Every variant of every set, in order: a literal's payload is its index here.</summary>
    private readonly ImmutableArray<(int Set, int Variant)> _variants;
    private readonly bool _ignoreCase;
    private readonly ImmutableArray<string> _exceptions;
    private const int ExceptionPayload = -1;

    private ConsistencyRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _ignoreCase = def.GetBool("ignorecase", true);
        var b = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var set in def.GetStringLists("sets"))
        {
            if (set.Length < 2)
            {
                def.Error(set.IsEmpty ? def.PositionOf("sets") : set[0].Position, "A variant set needs at least two variants.");
                continue;
            }
            b.Add(set.Select(v => v.Value).ToImmutableArray());
        }
        _sets = b.ToImmutable();
        _variants = [.. _sets.SelectMany((set, s) => set.Select((_, v) => (s, v)))];
        _exceptions = def.GetStringList("exceptions").Select(e => e.Value).Where(e => e.Trim().Length > 0).ToImmutableArray();
        if (_sets.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "A consistency rule needs 'sets': a list of variant lists, e.g. [[Kyiv, Kiev]].");
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _variants.Length; i++)
            registry.Add(_sets[_variants[i].Set][_variants[i].Variant], i, caseSensitive: !_ignoreCase);
        foreach (var e in _exceptions) registry.Add(e, ExceptionPayload, caseSensitive: false);
    }

    // Words of a sentence that talks about a name rather than uses it.
    private static readonly System.Buffers.SearchValues<string> NameTalk = System.Buffers.SearchValues.Create(
        ["name", "known as", "formerly", "also called", "called it", "spelled", "spelling", "spelt", "transliterat"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "changed the country's name to Myanmar", "Myanmar (Burma)", "still use the name \"Burma\"": a
    /// variant written in a sentence about the name, or in brackets or quotation marks, is mentioned,
    /// not used as the article's spelling.
    /// </summary>
    private static bool IsMention(RuleContext context, TextSpan span, ref Dictionary<int, bool>? nameTalk)
    {
        string text = context.Text;
        char before = span.Start > 0 ? text[span.Start - 1] : ' ', after = span.End < text.Length ? text[span.End] : ' ';
        if (before is '(' or '"' or '\u201C' or '\'' or '\u2018' && after is ')' or '"' or '\u201D' or '\'' or '\u2019') return true;
        var sentences = context.Document.Sentences;
        int i = Documents.Segmentation.SortedSpans.IndexOf(sentences.AsSpan(), span.Start);
        if (i < 0) return false;
        // One search per sentence, however many variants it holds (a war report names Kyiv in most of them).
        nameTalk ??= new();
        if (!nameTalk.TryGetValue(i, out bool talk))
            nameTalk[i] = talk = text.AsSpan(sentences[i].Start, sentences[i].Length).IndexOfAny(NameTalk) >= 0;
        return talk;
    }

    /// <summary>How far into its line a dateline may reach: "ST. PETERSBURG, Russia (Reuters) —" and more.</summary>
    private const int MaxDateline = 60;

    /// <summary>
    /// Whether the span lies in a wire dateline at the start of its line: a place in capitals, an optional
    /// ", Country" or ", State", an optional agency in brackets, then a dash ("YANGON, Myanmar —",
    /// "KIEV, Ukraine (AP) --", "NEW DELHI (Reuters) -"). The dateline spells the place as the agency does.
    /// </summary>
    internal static bool IsInDateline(string text, TextSpan span)
    {
        int start = span.Start;
        while (start > 0 && text[start - 1] != '\n' && span.Start - start <= MaxDateline) start--;
        if (start > 0 && text[start - 1] != '\n') return false;
        int i = start;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        // The place, in capitals: letters, spaces, periods, apostrophes and hyphens inside a name
        // ("WINSTON-SALEM", "ST. PETERSBURG"), no lower-case letter.
        int capitals = 0;
        while (i < text.Length && i - start <= MaxDateline)
        {
            char c = text[i];
            bool inName = char.IsUpper(c) || c is ' ' or '.' or '\'' or '\u2019'
                || (c == '-' && i > start && char.IsUpper(text[i - 1]) && i + 1 < text.Length && char.IsUpper(text[i + 1]));
            if (!inName) break;
            if (char.IsUpper(c)) capitals++;
            i++;
        }
        if (capitals < 2) return false;
        // A trailing space belongs to the separator, not the place ("NEW DELHI -").
        while (i > start && text[i - 1] == ' ') i--;
        if (i < text.Length && text[i] == ',')
        {
            i++;
            while (i < text.Length && i - start <= MaxDateline && (char.IsLetter(text[i]) || text[i] is ' ' or '.' or '\'' or '\u2019')) i++;
        }
        while (i < text.Length && text[i] == ' ') i++;
        if (i < text.Length && text[i] == '(')
        {
            int close = text.IndexOf(')', i, Math.Min(24, text.Length - i));
            if (close < 0) return false;
            i = close + 1;
            while (i < text.Length && text[i] == ' ') i++;
        }
        if (i >= text.Length || i - start > MaxDateline || text[i] is not ('\u2014' or '\u2013' or '-')) return false;
        // A dash of its own: "— ", "-- ", " - ", not a hyphen inside a word.
        int after = i + 1;
        while (after < text.Length && text[after] is '-' or '\u2014' or '\u2013') after++;
        return after < text.Length && text[after] == ' ' && span.End <= i;
    }

    public override void Analyze(RuleContext context)
    {
        var literals = context.Literals.Span;
        if (literals.IsEmpty) return;
        var counts = new int[_sets.Length][];
        var first = new TextSpan?[_sets.Length][];
        List<TextSpan>? exceptions = null;
        foreach (var m in literals)
            if (m.Payload == ExceptionPayload) (exceptions ??= new()).Add(m.Span);
        var taken = new LeftmostLongest.Taken();
        Dictionary<int, bool>? nameTalk = null;
        foreach (var m in literals)
        {
            if (m.Payload == ExceptionPayload) continue;
            if (taken.Overlaps(m.Span)) continue; // leftmost-longest, as written
            if (exceptions is not null && exceptions.Any(e => e.OverlapsWith(m.Span))) continue; // a fixed name: Peking University
            taken.Take(m.Span);
            if (!context.Accepts(m.Span) || IsMention(context, m.Span, ref nameTalk) || IsInDateline(context.Text, m.Span)) continue;
            var (s, v) = _variants[m.Payload];
            (counts[s] ??= new int[_sets[s].Length])[v]++;
            (first[s] ??= new TextSpan?[_sets[s].Length])[v] ??= m.Span;
        }
        for (int s = 0; s < _sets.Length; s++)
        {
            var c = counts[s];
            if (c is null || c.Count(n => n > 0) < 2) continue;
            int major = 0;
            for (int v = 1; v < c.Length; v++)
                if (c[v] > c[major]) major = v;
            for (int v = 0; v < c.Length; v++)
            {
                if (v == major || c[v] == 0) continue;
                var span = first[s]![v]!.Value;
                context.Report(span, context.Arguments(span)
                    .With("majority", _sets[s][major]).With("count", c[v].ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .With("majorityCount", c[major].ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .With("uses", Times(c[v])).With("majorityUses", Times(c[major])));
            }
        }
    }

    /// <summary>"once", "twice", "3 times": how often a variant is used, for {uses} and {majorityUses}.</summary>
    private static string Times(int n) => n switch { 1 => "once", 2 => "twice", _ => Plural.Count(n, "time") };
}
