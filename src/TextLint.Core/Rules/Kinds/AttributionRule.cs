using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: attribution — vague or missing attribution. Reports each <c>markers</c> phrase (or
/// <c>regex</c> match): "reportedly", "some argue", "according to official reports". A marker is not
/// reported when its sentence (or paragraph, with <c>sourceScope: paragraph</c>) names a concrete
/// source, outside the marker itself: a person, organisation, office or document found by
/// <see cref="NamedSources"/> ("police said", "according to a police report", "the museum said";
/// off with <c>namedSources: false</c>, extended with <c>sourceBodies</c> and <c>sourceDocuments</c>),
/// one of the <c>sourceNames</c> ("Reuters") or a match of a <c>sources</c> pattern. Nor is it reported
/// when one of the <c>contextWords</c> stands in its sentence (or paragraph, <c>contextScope</c>):
/// "allegedly" beside "charged" or "court" is legal house style. The region is the marker.
/// Sources are found once per sentence or paragraph that holds a marker, not once per marker.
/// </summary>
public sealed class AttributionRule : Rule
{
    public static readonly RuleKind Kind = new("attribution", ["match"], (d, def) => new AttributionRule(d, def),
        "Reports vague attribution markers unless the same sentence names a concrete source.")
    {
        Options =
        [
            new("markers", "Vague attribution phrases to report (\"reportedly\", \"some argue\"), matched on word boundaries, ignoring case."),
            new("regex", "Regular expressions for markers a phrase list cannot express, ignoring case."),
            new("sourceNames", "Concrete sources (agencies, outlets, institutions), matched case-sensitively: a marker in a sentence that names one is not reported."),
            new("sources", "Case-sensitive patterns of a named source (\"according to the Defence Ministry\", \"Reuters reported\"): a marker in a matching sentence is not reported."),
            new("exceptions", "Phrases that contain a marker but are fine; a marker inside one is not reported."),
            new("namedSources", "Recognise named sources — a person, pronoun, organisation, office or document before or after a report verb, or after \"according to\" (\"police said\", \"according to a police report\") — (default true)."),
            new("sourceBodies", "More organisation and office nouns that speak for themselves (\"curator\", \"ombudsman\"): \"the ombudsman said\" names a source."),
            new("sourceDocuments", "More document nouns (\"dossier\", \"prospectus\"): \"according to the prospectus\" names a source."),
            new("sourceScope", "Where a named source must stand: 'sentence' (default) or 'paragraph'."),
            new("contextWords", "Words (all forms listed) that make a marker house style where they stand nearby: \"allegedly\" beside \"charged\"."),
            new("contextScope", "Where a context word must stand: 'sentence' (default) or 'paragraph'."),
            new("hints", "Phrases one of which every 'regex' match holds (\"said to\" for \"is said to\"): the patterns run only on sentences that hold one, found by the one literal pass."),
        ],
    };

    private const int SourcePayload = 1 << 24;

    /// <summary>The payload of source pattern i's prefilter phrases is SourceHintPayload + i.</summary>
    private const int SourceHintPayload = 2 << 24;

    /// <summary>The payload of marker pattern i's prefilter phrases is MarkerHintPayload + i.</summary>
    private const int MarkerHintPayload = 3 << 24;

    private const int MinHintLength = 4;

    /// <summary>Per marker pattern, phrases one of which each of its matches holds; null runs it on every sentence.</summary>
    private readonly IReadOnlyList<string>?[] _markerPhrases;

    private readonly ImmutableArray<string> _markers;
    private readonly ImmutableArray<LazyRegex> _markerRegexes;
    private readonly ImmutableArray<string> _sourceNames;
    private readonly ImmutableArray<LazyRegex> _sources;

    /// <summary>Per source pattern, phrases one of which each of its matches holds (RequiredLiterals); null runs it on every sentence.</summary>
    private readonly IReadOnlyList<string>?[] _sourcePhrases;
    private readonly ImmutableArray<string> _exceptions;
    private const int ExceptionPayload = -1;
    private const int ContextPayload = -2;
    private const int HintPayload = -3;
    private readonly ImmutableArray<string> _hints;

    private readonly NamedSources? _named;
    private readonly bool _sourceInParagraph;
    private readonly ImmutableArray<string> _contextWords;
    private readonly bool _contextInParagraph;

    private AttributionRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _markers = def.GetStringList("markers").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _markerRegexes = Regexes(def, "regex", ignoreCase: true);
        // Phrases as short as "is" or "it" occur in every sentence: as a prefilter they would only flood the
        // literal pass with matches, so such a pattern runs on every sentence instead.
        _markerPhrases = _markerRegexes.Select(r => r.RequiredPhrases is { } p && p.All(x => x.Length >= MinHintLength) ? p : null).ToArray();
        _sourceNames = def.GetStringList("sourceNames").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        // Source patterns are case-sensitive: a capital letter is what tells "the Defense Ministry" from "official reports".
        _sources = Regexes(def, "sources", ignoreCase: false);
        _sourcePhrases = _sources.Select(r => r.RequiredPhrases).ToArray();
        _exceptions = def.GetStringList("exceptions").Select(t => t.Value).ToImmutableArray();
        if (def.GetBool("namedSources", true))
        {
            var bodies = def.GetStringList("sourceBodies").Select(t => t.Value).ToList();
            var documents = def.GetStringList("sourceDocuments").Select(t => t.Value).ToList();
            _named = bodies.Count == 0 && documents.Count == 0 ? NamedSources.Default : new NamedSources(bodies, documents);
        }
        else if (def.Has("sourceBodies") || def.Has("sourceDocuments"))
        {
            def.Error(def.PositionOf(def.Has("sourceBodies") ? "sourceBodies" : "sourceDocuments"), "'sourceBodies' and 'sourceDocuments' need 'namedSources: true'.");
        }
        _hints = def.GetStringList("hints").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        if (def.Has("hints") && _markerRegexes.IsEmpty)
            def.Error(def.PositionOf("hints"), "'hints' needs 'regex': they prefilter its patterns.");
        _sourceInParagraph = Scope(def, "sourceScope");
        _contextWords = def.GetStringList("contextWords").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _contextInParagraph = Scope(def, "contextScope");
        if (def.Has("contextScope") && _contextWords.IsEmpty)
            def.Error(def.PositionOf("contextScope"), "'contextScope' needs 'contextWords'.");
        if (_markers.IsEmpty && _markerRegexes.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "An attribution rule needs 'markers' or 'regex'.");
    }

    /// <summary>Reads a scope option: false for 'sentence' (the default), true for 'paragraph'.</summary>
    private static bool Scope(RuleDefinition def, string key)
    {
        string? value = def.GetString(key);
        if (value is null || value == "sentence") return false;
        if (value == "paragraph") return true;
        def.Error(def.PositionOf(key), $"'{key}' must be 'sentence' or 'paragraph', not '{value}'.");
        return false;
    }

    internal static ImmutableArray<LazyRegex> Regexes(RuleDefinition def, string key, bool ignoreCase)
    {
        var b = ImmutableArray.CreateBuilder<LazyRegex>();
        foreach (var (pattern, at) in def.GetStringList(key))
        {
            var r = def.GetLazyRegex(pattern, at, ignoreCase);
            if (r is not null) b.Add(r);
        }
        return b.ToImmutable();
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _markers.Length; i++) registry.Add(_markers[i], i);
        for (int i = 0; i < _sourceNames.Length; i++) registry.Add(_sourceNames[i], SourcePayload + i, caseSensitive: true);
        foreach (var e in _exceptions) registry.Add(e, ExceptionPayload);
        foreach (var c in _contextWords) registry.Add(c, ContextPayload);
        foreach (var h in _hints) registry.Add(h, HintPayload);
        for (int i = 0; i < _sourcePhrases.Length; i++)
            foreach (var phrase in _sourcePhrases[i] ?? []) registry.AddSubstring(phrase, SourceHintPayload + i);
        if (_hints.IsEmpty)
        {
            for (int i = 0; i < _markerPhrases.Length; i++)
                foreach (var phrase in _markerPhrases[i] ?? []) registry.AddSubstring(phrase, MarkerHintPayload + i);
        }
    }

    public override void Analyze(RuleContext context)
    {
        var literals = context.Literals.Span;
        string text = context.Text;
        var markers = new List<TextSpan>();
        List<TextSpan>? names = null, exceptions = null, contexts = null, ruleHints = null;
        var hints = new List<TextSpan>?[_sources.Length];
        var markerHints = new List<TextSpan>?[_markerRegexes.Length];
        foreach (var m in literals)
        {
            if (m.Payload == ExceptionPayload) (exceptions ??= new()).Add(m.Span);
            else if (m.Payload == ContextPayload) (contexts ??= new()).Add(m.Span);
            else if (m.Payload == HintPayload) (ruleHints ??= new()).Add(m.Span);
            else if (m.Payload >= MarkerHintPayload) (markerHints[m.Payload - MarkerHintPayload] ??= new()).Add(m.Span);
            else if (m.Payload >= SourceHintPayload) (hints[m.Payload - SourceHintPayload] ??= new()).Add(m.Span);
            else if (m.Payload >= SourcePayload) (names ??= new()).Add(m.Span);
            else markers.Add(m.Span);
        }
        var sentences = context.Document.Sentences;
        for (int i = 0; i < _markerRegexes.Length; i++)
        {
            if (!_hints.IsEmpty)
            {
                // The rule's own hints: run each pattern on the sentences that hold one, each sentence once.
                if (ruleHints is null) break;
                int previous = -1;
                foreach (var hint in ruleHints)
                {
                    int si = SortedSpans.IndexOf(sentences.AsSpan(), hint.Start);
                    if (si < 0 || si == previous) continue;
                    previous = si;
                    MatchIn(_markerRegexes[i].Value, text, sentences[si], markers);
                }
                continue;
            }
            if (_markerPhrases[i] is null)
            {
                // No required phrase could be proved: run the pattern sentence by sentence, so that its match
                // timeout bounds one sentence's work, never a whole (possibly huge) document's.
                foreach (var sentence in sentences) MatchIn(_markerRegexes[i].Value, text, sentence, markers);
                continue;
            }
            // Run the pattern only on the sentences that hold one of its required phrases, each once.
            if (markerHints[i] is not { } hintsOfI) continue;
            int lastSentence = -1;
            foreach (var hint in hintsOfI)
            {
                int si = SortedSpans.IndexOf(sentences.AsSpan(), hint.Start);
                if (si < 0 || si == lastSentence) continue;
                lastSentence = si;
                MatchIn(_markerRegexes[i].Value, text, sentences[si], markers);
            }
        }
        if (markers.Count == 0) return;
        // Literal and per-sentence pattern matches arrive in different orders.
        LeftmostLongest.Sort(markers);

        var paragraphs = context.Document.Paragraphs;
        // Named sources are found once per sentence or paragraph that holds a marker, keyed by its start.
        Dictionary<int, List<TextSpan>>? found = null;
        // So are the listed names and source patterns: each unit's sources once, then one test per marker.
        Dictionary<int, List<TextSpan>>? listed = null;
        var exceptionIndex = exceptions is null ? null : new OverlapIndex(exceptions);
        var taken = new LeftmostLongest.Taken();
        foreach (var marker in markers)
        {
            if (!taken.TryTake(marker)) continue;
            if (exceptionIndex is not null && exceptionIndex.AnyOverlaps(marker)) continue;
            if (!context.Accepts(marker)) continue;
            var sentence = Enclosing(sentences, marker);
            var paragraph = _sourceInParagraph || _contextInParagraph ? Enclosing(paragraphs, marker) : sentence;
            if (contexts is not null && AnyWithin(contexts, _contextInParagraph ? paragraph : sentence)) continue;
            // An interview transcript's turn ("((Jane Roe)) I think it probably…", "Q: Some say…") is the speaker's voice.
            if (context.Document.TranscriptSpeech.Contains(marker.Start)) continue;
            var unit = _sourceInParagraph ? paragraph : sentence;
            listed ??= new();
            if (!listed.TryGetValue(unit.Start, out var sources))
                listed[unit.Start] = sources = SourcesIn(text, unit, names, hints);
            if (sources.Exists(s => !s.OverlapsWith(marker))) continue;
            if (_named is not null)
            {
                found ??= new();
                if (!found.TryGetValue(unit.Start, out var spans))
                    found[unit.Start] = spans = _named.Find(text, unit);
                if (spans.Exists(s => !s.OverlapsWith(marker))) continue;
            }
            context.Report(marker);
        }
    }

    /// <summary>Adds the pattern's matches in one sentence (see <see cref="PatternRunner"/>: linear time, or bounded windows).</summary>
    private static void MatchIn(Regex regex, string text, TextSpan sentence, List<TextSpan> into) =>
        into.AddRange(PatternRunner.MatchesIn(regex, text, sentence));

    private static TextSpan Enclosing(ImmutableArray<TextSpan> units, TextSpan marker)
    {
        int i = SortedSpans.IndexOf(units.AsSpan(), marker.Start);
        return i >= 0 ? units[i] : marker;
    }

    /// <summary>The listed source names and the matches of the source patterns in one sentence or paragraph.</summary>
    private List<TextSpan> SourcesIn(string text, TextSpan unit, List<TextSpan>? names, List<TextSpan>?[] hints)
    {
        var sources = new List<TextSpan>();
        if (names is not null)
        {
            int lo = 0, hi = names.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (names[mid].Start < unit.Start) lo = mid + 1; else hi = mid;
            }
            for (int i = lo; i < names.Count && names[i].Start < unit.End; i++)
                if (unit.Contains(names[i])) sources.Add(names[i]);
        }
        for (int i = 0; i < _sources.Length; i++)
        {
            // Most sentences hold none of a pattern's phrases: then it cannot match there.
            if (_sourcePhrases[i] is not null && !AnyWithin(hints[i], unit)) continue;
            sources.AddRange(PatternRunner.MatchesIn(_sources[i], text, unit));
        }
        return sources;
    }

    /// <summary>Whether one of <paramref name="spans"/> (in start order) lies inside <paramref name="within"/>.</summary>
    private static bool AnyWithin(List<TextSpan>? spans, TextSpan within)
    {
        if (spans is null) return false;
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (spans[mid].Start < within.Start) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < spans.Count && spans[i].Start < within.End; i++)
            if (spans[i].End <= within.End) return true;
        return false;
    }
}
