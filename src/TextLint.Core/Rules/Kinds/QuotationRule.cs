using System.Collections.Frozen;
using System.Collections.Immutable;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: quotation — scare quotes. By default, a quotation of at most <c>maxWords</c> words (3) that is
/// not direct speech; with <c>terms</c>, only quotations whose whole content is one of the terms
/// ("experts", "liberate"); with <c>markers</c> ("so-called"), a quotation right after a marker is
/// reported whatever its length, and <c>requireMarker: true</c> reports only those. A quotation is
/// not a scare quote when it mentions a word ("the word ‘emergency’"), when it is a title-case name
/// (the forces group ‘West’; off with <c>names: false</c>), or when its content is listed in
/// <c>exceptions</c>. The region is the quotation with its marks.
/// </summary>
public sealed partial class QuotationRule : Rule
{
    public static readonly RuleKind Kind = new("quotation", ["match", "text"], (d, def) => new QuotationRule(d, def),
        "Reports scare quotes: short quotations that are not direct speech, quotations after a marker such as 'so-called', or quoted loaded terms.")
    {
        CanFix = true,
        Options =
        [
            new("maxWords", "A quotation of at most this many words that is not direct speech is a scare quote (default 3)."),
            new("terms", "Report only quotations whose whole content is one of these loaded terms."),
            new("markers", "Words such as \"so-called\": a quotation right after one is reported whatever its length."),
            new("requireMarker", "Report only quotations right after a marker (default false)."),
            new("names", "Leave title-case names in quotes alone (default true)."),
            new("exceptions", "Quoted contents that are never scare quotes."),
            new("doubt", "'only': report only the short quotations that read as the writer's doubt — an adjective or a verb in quotes with no source in reach, not a term, title, name or source's word (see the doubt model in the docs); 'exclude': report the other short quotations. Default: not checked."),
            new("sourceScope", "Leave a short quotation alone when its 'sentence' or 'paragraph' names a source — a person, organisation, office or document with a report verb, or after \"according to\" (see the attribution kind): the words are that source's. Default: not checked."),
        ],
    };

    private const int MarkerPayload = 1 << 24;

    /// <summary>Words right before a quotation that make it a mention of a word, not a use of it.</summary>
    private static readonly FrozenSet<string> MentionWords = new[]
    {
        "word", "words", "term", "terms", "phrase", "phrases", "expression", "expressions", "label", "labels", "slogan", "slogans",
        "name", "names", "named", "title", "titled", "entitled", "headline", "headlined", "motto", "caption", "captioned", "hashtag",
        "nickname", "nicknamed", "codenamed", "code-named", "reading", "marked", "stamped", "inscribed", "inscription", "sign",
        "banner", "placard", "letters", "acronym", "abbreviation", "euphemism", "neologism", "designation", "called", "dubbed",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> MentionBeforeAs = new[] { "known", "referred", "styled", "billed" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> MinorWords = new[] { "of", "the", "and", "for", "in", "on", "a", "an", "to", "de", "la", "al", "von", "van" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly int _maxWords;
    private readonly ImmutableArray<string> _terms;
    private readonly ImmutableArray<string> _markers;
    private readonly bool _requireMarker;
    private readonly bool _skipNames;
    private readonly FrozenSet<string> _exceptions;

    /// <summary>0: sources not checked; 1: the sentence; 2: the paragraph.</summary>
    private readonly int _sourceScope;

    /// <summary>0: the doubt model is not used; 1: only what it accepts; 2: only what it does not.</summary>
    private readonly int _doubt;

    private QuotationRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _maxWords = def.GetInt("maxWords", 3, 1, 100);
        _terms = def.GetStringList("terms").Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToImmutableArray();
        _markers = def.GetStringList("markers").Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToImmutableArray();
        _requireMarker = def.GetBool("requireMarker", false);
        _skipNames = def.GetBool("names", true);
        _exceptions = def.GetStringList("exceptions").Select(t => LiteralPattern.Normalize(t.Value)).ToFrozenSet(StringComparer.Ordinal);
        _sourceScope = def.GetString("sourceScope") switch
        {
            null => 0,
            "sentence" => 1,
            "paragraph" => 2,
            var other => Invalid(def, other),
        };
        _doubt = def.GetString("doubt") switch
        {
            null => 0,
            "only" => 1,
            "exclude" => 2,
            var other => InvalidDoubt(def, other),
        };
        if (_doubt != 0 && (!_terms.IsEmpty || _requireMarker))
            def.Error(def.PositionOf("doubt"), "'doubt' applies to short quotations, not to 'terms' or 'requireMarker: true'.");
        if (_requireMarker && _markers.IsEmpty)
            def.Error(def.PositionOf("requireMarker"), "'requireMarker: true' needs 'markers' (e.g. [so-called]).");
        if (_requireMarker && !_terms.IsEmpty)
            def.Error(def.PositionOf("terms"), "'terms' and 'requireMarker: true' exclude each other: a marked quotation is reported whatever its words.");
    }

    private static int Invalid(RuleDefinition def, string value)
    {
        def.Error(def.PositionOf("sourceScope"), $"'sourceScope' must be 'sentence' or 'paragraph', not '{value}'.");
        return 0;
    }

    private static int InvalidDoubt(RuleDefinition def, string value)
    {
        def.Error(def.PositionOf("doubt"), $"'doubt' must be 'only' or 'exclude', not '{value}'.");
        return 0;
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _terms.Length; i++) registry.Add(_terms[i], i);
        for (int i = 0; i < _markers.Length; i++) registry.Add(_markers[i], MarkerPayload + i);
    }

    public override void Analyze(RuleContext context)
    {
        var literals = context.Literals.Span;
        if (_requireMarker || !_terms.IsEmpty)
        {
            if (literals.IsEmpty) return;
        }
        string text = context.Text;
        var quotes = context.Document.Quotations;
        if (quotes.IsEmpty) return;
        HashSet<int>? reported = null;

        foreach (var m in literals)
        {
            if (m.Payload < MarkerPayload) continue;
            int at = m.End;
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            int qi = StartingAt(quotes, at);
            if (qi < 0) continue;
            // "a so-called ‘fifth Beatle’", "the self-proclaimed "King of All Media"": a nickname or a term
            // being introduced — the quotation is the name, not the writer's doubt.
            if (IntroducesName(text, m.Span, quotes[qi])) continue;
            if ((reported ??= new()).Add(qi)) Report(context, quotes[qi]);
        }
        if (_requireMarker) return;

        if (!_terms.IsEmpty)
        {
            foreach (var m in literals)
            {
                if (m.Payload >= MarkerPayload) continue;
                int open = m.Start - 1;
                while (open >= 0 && char.IsWhiteSpace(text[open])) open--;
                int qi = open >= 0 ? StartingAt(quotes, open) : -1;
                if (qi < 0) continue;
                var q = quotes[qi];
                if (TrimContent(text, q.Content) != m.Span || IsMention(text, q) || IsException(text, q) || InListOfQuotations(text, quotes, qi)) continue;
                if ((reported ??= new()).Add(qi)) Report(context, q);
            }
            return;
        }

        // Whether a sentence or paragraph names a source (or holds direct speech) is worked out once per unit.
        Dictionary<int, bool>? sourced = null;
        DoubtCache? doubtCache = null;
        var units = _sourceScope == 2 ? context.Document.Paragraphs : context.Document.Sentences;
        for (int i = 0; i < quotes.Length; i++)
        {
            var q = quotes[i];
            if (q.Depth > 0 || q.IsUnclosed || q.IsDirectSpeech || reported?.Contains(i) == true) continue;
            var content = TrimContent(text, q.Content);
            if (content.IsEmpty || !HasLetter(text.AsSpan(content.Start, content.Length))) continue;
            if (TextWords.Count(text, content) > _maxWords) continue;
            if (IsMention(text, q) || IsException(text, q) || (_skipNames && IsName(text, q, content))) continue;
            if (_doubt != 0 && IsDoubt(context, quotes, i, content, ref doubtCache) != (_doubt == 1)) continue;
            if (_sourceScope != 0)
            {
                int u = SortedSpans.IndexOf(units.AsSpan(), q.Span.Start);
                if (u >= 0)
                {
                    sourced ??= new();
                    if (!sourced.TryGetValue(u, out bool has))
                        sourced[u] = has = HasSpeech(quotes, units[u]) || NamedSources.Default.Find(text, units[u]).Count > 0;
                    if (has) continue;
                }
            }
            Report(context, q);
        }
    }

    private static readonly FrozenSet<string> Articles = new[] { "a", "an", "the" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "So-called" after an article before a phrase or a capitalised word ("a so-called “fifth Beatle”", "the
    /// so-called ‘jelly bellies’": what something is commonly called), or any marker before a title-case name ("the self-proclaimed "King of All Media""), introduces a
    /// nickname or term: the quotation marks set off the name being introduced.
    /// </summary>
    private bool IntroducesName(string text, TextSpan marker, Quotation q)
    {
        var content = TrimContent(text, q.Content);
        if (content.IsEmpty) return false;
        int words = TextWords.Count(text, content);
        // One ordinary word after "the so-called" is the word being doubted ("the so-called “counteroffensive”");
        // a phrase or a capitalised word is what something is called ("the so-called “triangle of death”").
        bool soCalled = text.AsSpan(marker.Start, marker.Length).StartsWith("so", StringComparison.OrdinalIgnoreCase);
        if (soCalled && (words > 1 || HasCapital(text.AsSpan(content.Start, content.Length)))
            && TextWords.Previous(text, marker.Start, Math.Max(0, marker.Start - 40), out var w)
            && w.End <= marker.Start && Articles.Has(text.AsSpan(w.Start, w.Length))
            && text.AsSpan(w.End, marker.Start - w.End).Trim().IsEmpty)
            return true;
        return _skipNames && words > 1 && IsName(text, q, content);
    }

    private static bool HasCapital(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (char.IsUpper(c)) return true;
        return false;
    }

    /// <summary>‘life’, ‘liberty’ and ‘happiness’: one of a list of quoted words is a quotation of those words, not a scare quote.</summary>
    private static bool InListOfQuotations(string text, ImmutableArray<Quotation> quotes, int qi)
    {
        return qi > 0 && Joined(text, quotes[qi - 1].Span.End, quotes[qi].Span.Start)
            || qi + 1 < quotes.Length && Joined(text, quotes[qi].Span.End, quotes[qi + 1].Span.Start);

        static bool Joined(string text, int from, int to)
        {
            if (to < from || to - from > 8) return false;
            var between = text.AsSpan(from, to - from).Trim();
            return between is "," or ";" or "and" or "or" or ", and" or ", or" or "/" || between.IsEmpty;
        }
    }

    /// <summary>True when a quotation in the unit is direct speech: the unit quotes someone.</summary>
    private static bool HasSpeech(ImmutableArray<Quotation> quotes, TextSpan unit)
    {
        foreach (var q in quotes)
            if (q.IsDirectSpeech && unit.Contains(q.Span.Start)) return true;
        return false;
    }

    private static void Report(RuleContext context, Quotation q)
    {
        var content = TrimContent(context.Text, q.Content);
        // Dropping the marks keeps the words but no longer disowns them: a change of meaning, so unsafe at most.
        var safety = context.Descriptor.FixSafety;
        var fix = safety == Diagnostics.FixSafety.None || q.Span.Length < 2 || q.IsUnclosed ? null : FixBuilder.RemoveQuotationMarks(q.Span, safety);
        context.Report(q.Span, new MessageArguments(context.Document.Source.ToString(q.Span)).With("text", context.Document.Source.ToString(content)), fix);
    }

    /// <summary>The index of the quotation whose opening mark is at <paramref name="position"/>, or -1.</summary>
    private static int StartingAt(ImmutableArray<Quotation> quotes, int position)
    {
        int lo = 0, hi = quotes.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int s = quotes[mid].Span.Start;
            if (s < position) lo = mid + 1;
            else if (s > position) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The content without surrounding white space and trailing punctuation (American style puts it inside).</summary>
    private static TextSpan TrimContent(string text, TextSpan content)
    {
        int s = content.Start, e = content.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\u2026')) e--;
        return TextSpan.FromBounds(s, e);
    }

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (char.IsLetter(c)) return true;
        return false;
    }

    private bool IsException(string text, Quotation q)
    {
        if (_exceptions.Count == 0) return false;
        var content = TrimContent(text, q.Content);
        return _exceptions.Contains(LiteralPattern.Normalize(text.Substring(content.Start, content.Length)));
    }

    /// <summary>"the word ‘emergency’", "known as ‘the Wall’": the quotation names a word rather than using it.</summary>
    private static bool IsMention(string text, Quotation q)
    {
        if (!TextWords.Previous(text, q.Span.Start, Math.Max(0, q.Span.Start - 200), out var w)) return false;
        var word = text.AsSpan(w.Start, w.Length);
        if (MentionWords.Has(word)) return true;
        if (word.Equals("as", StringComparison.OrdinalIgnoreCase) && TextWords.Previous(text, w.Start, Math.Max(0, w.Start - 100), out var v))
        {
            if (MentionBeforeAs.Has(text.AsSpan(v.Start, v.Length))) return true;
        }
        return false;
    }

    /// <summary>A title-case name (the group of forces ‘West’, "South Russian Brotherhood"); one capitalised word that opens a sentence is not.</summary>
    private static bool IsName(string text, Quotation q, TextSpan content)
    {
        int words = 0, pos = content.Start;
        while (TextWords.Next(text, pos, content.End, out var w))
        {
            var word = text.AsSpan(w.Start, w.Length);
            pos = w.End;
            if (words++ > 0 && MinorWords.Has(word)) continue;
            if (!TextWords.StartsUpper(word) && !char.IsDigit(word[0])) return false;
        }
        if (words == 0) return false;
        if (words > 1) return true;
        int before = q.Span.Start - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        bool opensSentence = before < 0 || text[before] is '.' or '!' or '?' or '\n' or '\u2026' or ':';
        return !opensSentence;
    }
}
