using System.Collections.Frozen;
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
/// "allegedly" beside "charged" or "court" is legal house style (<c>contextReach</c> extends a paragraph's
/// context to the paragraphs before it: "The FBI said…" and then "…was allegedly via…"). A marker is not
/// reported either when its sentence matches an <c>unlessSentence</c> pattern (a question asks, it does
/// not assert), when the sentence up to it matches an <c>unlessBefore</c> pattern ("inspecting a ship that
/// was believed to": the inspectors' reason), when the sentence before it in the paragraph opens with one
/// of the <c>subjectSources</c> as its subject ("Police are looking for the car. The car is said to
/// have…"), or, with <c>referBack</c>, when its last word names a group the text has already introduced
/// ("the reviewers were asked…" and then "several reviewers"). Speech printed without quotation marks
/// (<see cref="Documents.Document.UnquotedSpeech"/>) is the speaker's voice. The region is the marker.
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
            new("contextReach", "With 'contextScope: paragraph', how many paragraphs before the marker's also count (0 to 5, default 0): \"The FBI said…\" makes the next paragraph's \"allegedly\" legal copy."),
            new("unlessSentence", "Regular expressions for context, ignoring case: a marker whose sentence, read without its quotations, matches one is not reported (a question: '\\?\\s*\\z')."),
            new("unlessBefore", "Regular expressions for context, ignoring case: a marker is not reported when its sentence up to it (at most 400 characters back) matches one (end a pattern with \\z to anchor it at the marker)."),
            new("subjectSources", "Nouns (\"police\", \"investigators\") that, as the subject opening the sentence before the marker's in the same paragraph, make the marker theirs (\"Police are looking for the car. The car is said to have tinted windows\")."),
            new("referBack", "How many paragraphs before the marker's (0 to 5) to search for its last word after a definite determiner (\"the reviewers\", \"each reviewer\", \"the study's reviewers\"): a group the text has introduced is not vague (off unless given)."),
        ],
    };

    private const int SourcePayload = 1 << 24;

    /// <summary>The payload of source pattern i's prefilter phrases is SourceHintPayload + i.</summary>
    private const int SourceHintPayload = 2 << 24;

    /// <summary>The payload of marker pattern i's prefilter phrases is MarkerHintPayload + i.</summary>
    private const int MarkerHintPayload = 3 << 24;

    /// <summary>Payload of a marker pattern's second required phrase set (<see cref="LazyRegex.AlsoRequiredPhrases"/>), plus its index.</summary>
    private const int MarkerAlsoPayload = 4 << 24;

    /// <summary>Payload of the phrases a backtracking marker pattern's matches start with (<see cref="LazyRegex.LeadingPhrases"/>), plus its index.</summary>
    private const int MarkerLeadPayload = 5 << 24;

    private const int MinHintLength = 4;

    /// <summary>Per marker pattern, phrases one of which each of its matches holds; null runs it on every sentence.</summary>
    private readonly IReadOnlyList<string>?[] _markerPhrases;

    /// <summary>
    /// Per marker pattern: the phrases its matches start with, when every one is long enough to prefilter
    /// with, or null. <see cref="_leadIsFirstSet"/> says when they are its first required set (whose hits serve).
    /// </summary>
    private readonly IReadOnlyList<string>?[] _markerLeading;
    private readonly bool[] _leadIsFirstSet;

    /// <summary>A second set each match of the marker pattern also holds: a sentence needs a phrase of both sets.</summary>
    private readonly IReadOnlyList<string>?[] _markerAlsoPhrases;

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
    private readonly int _contextReach;
    private readonly ImmutableArray<LazyRegex> _unlessSentence;
    private readonly ImmutableArray<LazyRegex> _unlessBefore;
    private readonly FrozenSet<string>? _subjectSources;

    /// <summary>How many paragraphs back <c>referBack</c> looks; -1 when off.</summary>
    private readonly int _referBack;

    /// <summary>How far back in its sentence <c>unlessBefore</c> reads: a long news sentence's worth (as the existence kind).</summary>
    private const int BeforeWindow = 400;

    /// <summary>How many words of the sentence before may stand before its subject noun ("The Broward County sheriff's deputies").</summary>
    private const int SubjectWords = 5;

    /// <summary>Words before a noun that make it a group the text has already introduced: "the reviewers", "each reviewer".</summary>
    private static readonly FrozenSet<string> Definites = WordSet.Of("the these those its their his her our each both every");

    private AttributionRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _markers = def.GetStringList("markers").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _markerRegexes = Regexes(def, "regex", ignoreCase: true);
        // Phrases as short as "is" or "it" occur in every sentence: as a prefilter they would only flood the
        // literal pass with matches, so such a pattern runs on every sentence instead.
        _markerPhrases = _markerRegexes.Select(r => r.RequiredPhrases is { } p && p.All(x => x.Length >= MinHintLength) ? p : null).ToArray();
        _markerAlsoPhrases = _markerRegexes.Select((r, i) => _markerPhrases[i] is not null && r.AlsoRequiredPhrases is { } p && p.All(x => x.Length >= MinHintLength) ? p : null).ToArray();
        // A pattern is tried only where a phrase its matches start with starts (PatternRunner.MatchesAt): a
        // backtracking one there only, a linear-time one on the interpreter there while that is cheaper.
        _markerLeading = _markerRegexes.Select(r => r.LeadingPhrases is { } p && p.All(x => x.Length >= MinHintLength) ? p : null).ToArray();
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
        // Without hints, the first required set's hits serve as the leading phrases' when the two are the same.
        _leadIsFirstSet = _markerLeading.Select((p, i) => _hints.IsEmpty && p is not null && _markerPhrases[i] is { } first && p.SequenceEqual(first)).ToArray();
        if (def.Has("hints") && _markerRegexes.IsEmpty)
            def.Error(def.PositionOf("hints"), "'hints' needs 'regex': they prefilter its patterns.");
        _sourceInParagraph = Scope(def, "sourceScope");
        _contextWords = def.GetStringList("contextWords").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _contextInParagraph = Scope(def, "contextScope");
        if (def.Has("contextScope") && _contextWords.IsEmpty)
            def.Error(def.PositionOf("contextScope"), "'contextScope' needs 'contextWords'.");
        _contextReach = def.GetInt("contextReach", 0, 0, 5);
        if (def.Has("contextReach") && !_contextInParagraph)
            def.Error(def.PositionOf("contextReach"), "'contextReach' needs 'contextScope: paragraph'.");
        _unlessSentence = Regexes(def, "unlessSentence", ignoreCase: true);
        _unlessBefore = Regexes(def, "unlessBefore", ignoreCase: true);
        var subjects = def.GetStringList("subjectSources").Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToList();
        _subjectSources = subjects.Count == 0 ? null : subjects.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _referBack = def.Has("referBack") ? def.GetInt("referBack", 1, 0, 5) : -1;
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
            {
                foreach (var phrase in _markerPhrases[i] ?? []) registry.AddSubstring(phrase, MarkerHintPayload + i);
                foreach (var phrase in _markerAlsoPhrases[i] ?? []) registry.AddSubstring(phrase, MarkerAlsoPayload + i);
            }
        }
        else
        {
            // With the rule's hints, a pattern whose matches start nowhere known scans every sentence that holds a
            // hint ("thought", "said to" for TL1004's "analysts say"); its own required phrases say which of those
            // can hold a match at all (Analyze).
            for (int i = 0; i < _markerPhrases.Length; i++)
                if (_markerLeading[i] is null)
                    foreach (var phrase in _markerPhrases[i] ?? []) registry.AddSubstring(phrase, MarkerHintPayload + i);
        }
        for (int i = 0; i < _markerLeading.Length; i++)
        {
            if (!_leadIsFirstSet[i])
                foreach (var phrase in _markerLeading[i] ?? []) registry.AddSubstring(phrase, MarkerLeadPayload + i);
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
        var markerAlso = new List<TextSpan>?[_markerRegexes.Length];
        var markerLead = new List<TextSpan>?[_markerRegexes.Length];
        foreach (var m in literals)
        {
            if (m.Payload == ExceptionPayload) (exceptions ??= new()).Add(m.Span);
            else if (m.Payload >= MarkerLeadPayload) (markerLead[m.Payload - MarkerLeadPayload] ??= new()).Add(m.Span);
            else if (m.Payload == ContextPayload) (contexts ??= new()).Add(m.Span);
            else if (m.Payload == HintPayload) (ruleHints ??= new()).Add(m.Span);
            else if (m.Payload >= MarkerAlsoPayload) (markerAlso[m.Payload - MarkerAlsoPayload] ??= new()).Add(m.Span);
            else if (m.Payload >= MarkerHintPayload) (markerHints[m.Payload - MarkerHintPayload] ??= new()).Add(m.Span);
            else if (m.Payload >= SourceHintPayload) (hints[m.Payload - SourceHintPayload] ??= new()).Add(m.Span);
            else if (m.Payload >= SourcePayload) (names ??= new()).Add(m.Span);
            else markers.Add(m.Span);
        }
        // The literal pass reports matches in order of their end; AnyWithin searches by start.
        contexts?.Sort(ByStart);
        foreach (var h in hints) h?.Sort(ByStart);
        var sentences = context.Document.Sentences;
        for (int i = 0; i < _markerRegexes.Length; i++)
        {
            if (!_hints.IsEmpty && ruleHints is null) break;
            // Where a backtracking pattern's matches may start, when that is known: it is tried there only.
            List<TextSpan>? lead = null;
            if (_markerLeading[i] is not null)
            {
                lead = _leadIsFirstSet[i] ? (markerHints[i] is { } first ? new List<TextSpan>(first) : null) : markerLead[i];
                if (lead is null) continue;
                lead.Sort(ByStart);
            }
            if (!_hints.IsEmpty)
            {
                // The rule's own hints: run each pattern on the sentences that hold one, each sentence once; a
                // pattern scanned whole (no leading phrases) only on those that also hold one of its required
                // phrases, without which it cannot match there (the same findings, fewer scans).
                var own = lead is null && _markerPhrases[i] is not null ? markerHints[i] : null;
                if (lead is null && _markerPhrases[i] is not null && own is null) continue;
                own?.Sort(ByStart);
                int previous = -1;
                foreach (var hint in ruleHints!)
                {
                    int si = SortedSpans.IndexOf(sentences.AsSpan(), hint.Start);
                    if (si < 0 || si == previous) continue;
                    previous = si;
                    if (own is not null && !AnyWithin(own, sentences[si])) continue;
                    Match(_markerRegexes[i], text, sentences[si], lead, markers);
                }
                continue;
            }
            if (_markerPhrases[i] is null)
            {
                // No required phrase could be proved: run the pattern sentence by sentence, so that its match
                // timeout bounds one sentence's work, never a whole (possibly huge) document's.
                foreach (var sentence in sentences) Match(_markerRegexes[i], text, sentence, lead, markers);
                continue;
            }
            // Run the pattern only on the sentences that hold one of its required phrases, each once, and
            // one of its second set's too when it has one.
            if (markerHints[i] is not { } hintsOfI) continue;
            var also = _markerAlsoPhrases[i] is null ? null : markerAlso[i];
            if (_markerAlsoPhrases[i] is not null && also is null) continue;
            also?.Sort(ByStart);
            int lastSentence = -1;
            foreach (var hint in hintsOfI)
            {
                int si = SortedSpans.IndexOf(sentences.AsSpan(), hint.Start);
                if (si < 0 || si == lastSentence) continue;
                lastSentence = si;
                if (also is not null && !AnyWithin(also, sentences[si])) continue;
                Match(_markerRegexes[i], text, sentences[si], lead, markers);
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
        // unlessSentence and subjectSources are decided once per sentence (by its start), referBack once per paragraph and noun.
        Dictionary<int, bool>? sentenceVerdicts = null, subjectVerdicts = null;
        Dictionary<(int, string), int>? antecedents = null;
        foreach (var marker in markers)
        {
            if (!taken.TryTake(marker)) continue;
            if (exceptionIndex is not null && exceptionIndex.AnyOverlaps(marker)) continue;
            if (!context.Accepts(marker)) continue;
            var sentence = Enclosing(sentences, marker);
            var paragraph = _sourceInParagraph || _contextInParagraph || _subjectSources is not null || _referBack >= 0 ? Enclosing(paragraphs, marker) : sentence;
            if (contexts is not null && AnyWithin(contexts, _contextInParagraph ? Reach(paragraphs, paragraph, _contextReach) : sentence)) continue;
            // Speech printed without quotation marks — an interview transcript's turn ("((Jane Roe)) I think it
            // probably…", "Q: Some say…"), or what follows "Smith had one more theory:" — is the speaker's voice.
            if (context.Document.UnquotedSpeech.Contains(marker.Start)) continue;
            if (!_unlessSentence.IsEmpty && SentenceMatches(text, context.Document.Quotations, sentence, sentenceVerdicts ??= new())) continue;
            if (!_unlessBefore.IsEmpty && EarlierInSentenceMatches(text, sentence, marker)) continue;
            if (_subjectSources is not null && PreviousSentenceHasSourceSubject(text, sentences, sentence, paragraph, subjectVerdicts ??= new())) continue;
            if (_referBack >= 0 && IntroducedBefore(text, paragraphs, paragraph, marker, antecedents ??= new())) continue;
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

    /// <summary>The paragraph with the <paramref name="reach"/> paragraphs before it.</summary>
    private static TextSpan Reach(ImmutableArray<TextSpan> paragraphs, TextSpan paragraph, int reach)
    {
        if (reach == 0) return paragraph;
        int i = SortedSpans.IndexOf(paragraphs.AsSpan(), paragraph.Start);
        return i < 0 ? paragraph : TextSpan.FromBounds(paragraphs[Math.Max(0, i - reach)].Start, paragraph.End);
    }

    /// <summary>
    /// Whether the sentence, read without its quotations, matches an <c>unlessSentence</c> pattern, worked out once
    /// per sentence: the "I" of a quoted catch-phrase ("I got a rock") or title ("My Elusive Dreams") is not the
    /// sentence's speaker.
    /// </summary>
    private bool SentenceMatches(string text, ImmutableArray<Quotation> quotes, TextSpan sentence, Dictionary<int, bool> verdicts)
    {
        if (verdicts.TryGetValue(sentence.Start, out bool known)) return known;
        // Quotations are in order of their start: blank those that start in the sentence.
        int lo = 0, hi = quotes.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (quotes[mid].Span.Start < sentence.Start) lo = mid + 1; else hi = mid;
        }
        char[]? chars = null;
        for (int k = lo; k < quotes.Length && quotes[k].Span.Start < sentence.End; k++)
        {
            chars ??= text.ToCharArray(sentence.Start, sentence.Length);
            var q = quotes[k].Span;
            int s = q.Start - sentence.Start, e = Math.Min(q.End, sentence.End) - sentence.Start;
            if (e > s) Array.Fill(chars, ' ', s, e - s);
        }
        bool matches = false;
        foreach (var r in _unlessSentence)
            if (chars is null ? PatternRunner.IsMatch(r, text, sentence) : PatternRunner.IsMatch(r, chars)) { matches = true; break; }
        verdicts[sentence.Start] = matches;
        return matches;
    }

    /// <summary>
    /// Whether the sentence up to the marker matches an <c>unlessBefore</c> pattern, reading at most
    /// <see cref="BeforeWindow"/> characters back (from a word start), so a run-on "sentence" costs each marker
    /// the same as a news sentence.
    /// </summary>
    private bool EarlierInSentenceMatches(string text, TextSpan sentence, TextSpan marker)
    {
        if (sentence.Start >= marker.Start) return false;
        int from = sentence.Start;
        if (marker.Start - from > BeforeWindow)
        {
            from = marker.Start - BeforeWindow;
            while (from < marker.Start && !char.IsWhiteSpace(text[from])) from++;
        }
        var before = TextSpan.FromBounds(from, marker.Start);
        foreach (var r in _unlessBefore)
            if (PatternRunner.IsMatch(r, text, before)) return true;
        return false;
    }

    /// <summary>
    /// Whether the sentence before the marker's, in the same paragraph, opens with one of the <c>subjectSources</c>
    /// as its subject: "Police are also looking for the car.", "Broward County sheriff's deputies searched the house."
    /// Only names, determiners and possessives may stand before the noun, and a lower-case word (its verb) must follow
    /// it: "He told police" and "Police, fire crews and…" do not open with police as the subject.
    /// </summary>
    private bool PreviousSentenceHasSourceSubject(string text, ImmutableArray<TextSpan> sentences, TextSpan sentence, TextSpan paragraph,
        Dictionary<int, bool> verdicts)
    {
        if (verdicts.TryGetValue(sentence.Start, out bool known)) return known;
        int si = SortedSpans.IndexOf(sentences.AsSpan(), sentence.Start);
        bool result = si > 0 && paragraph.Contains(sentences[si - 1].Start) && OpensWithSourceSubject(text, sentences[si - 1]);
        verdicts[sentence.Start] = result;
        return result;
    }

    private bool OpensWithSourceSubject(string text, TextSpan sentence)
    {
        ReadOnlySpan<char> t = text;
        int pos = sentence.Start;
        int previousEnd = -1;
        for (int n = 0; n < SubjectWords && TextWords.Next(t, pos, sentence.End, out var w); n++)
        {
            if (previousEnd >= 0 && !t[previousEnd..w.Start].IsWhiteSpace()) return false; // punctuation: past the subject
            var word = t[w.Start..w.End];
            if (_subjectSources!.Has(word))
            {
                // Its verb follows: a lower-case word with only white space before it.
                return TextWords.Next(t, w.End, sentence.End, out var next) && t[w.End..next.Start].IsWhiteSpace()
                    && TextWords.IsLowerCase(t[next.Start..next.End]);
            }
            bool name = TextWords.StartsUpper(word) && !Pronouns.Has(word) && !Openers.Has(word);
            if (!name && !TextWords.IsPossessive(word) && !Definites.Has(word) && !SubjectModifiers.Has(word)) return false;
            previousEnd = w.End;
            pos = w.End;
        }
        return false;
    }

    /// <summary>Words that open a sentence with a clause or phrase before its subject: "After police arrived, the man…".</summary>
    private static readonly FrozenSet<string> Openers = WordSet.Of(
        "after before when while as if although though because since until once with without unlike like in on at for " +
        "from by of to but and or so yet then according despite during whether where");

    private static readonly FrozenSet<string> Pronouns = WordSet.Of("he she they it we i you");

    /// <summary>Words that may stand before a body of officials: articles and "local police", "federal investigators", "state troopers".</summary>
    private static readonly FrozenSet<string> SubjectModifiers = WordSet.Of("a an local federal state county city regional national");

    /// <summary>
    /// Whether the marker's last word (a group: "reviewers") stands after a definite determiner or a possessive in
    /// its paragraph or the <c>referBack</c> paragraphs before it, earlier than the marker: "The reviewers were asked…",
    /// "Each reviewer examined…", "the study's reviewers". The earliest such place is found once per paragraph and noun.
    /// </summary>
    private bool IntroducedBefore(string text, ImmutableArray<TextSpan> paragraphs, TextSpan paragraph, TextSpan marker,
        Dictionary<(int, string), int> antecedents)
    {
        ReadOnlySpan<char> t = text;
        if (!TextWords.Previous(t, marker.End, marker.Start, out var head)) return false;
        var noun = t[head.Start..head.End];
        if (noun.Length < 3) return false;
        int pi = SortedSpans.IndexOf(paragraphs.AsSpan(), paragraph.Start);
        if (pi < 0) return false;
        string key = noun.ToString().ToLowerInvariant();
        if (!antecedents.TryGetValue((pi, key), out int first))
        {
            first = FirstDefiniteUse(t, TextSpan.FromBounds(paragraphs[Math.Max(0, pi - _referBack)].Start, paragraph.End), key);
            antecedents[(pi, key)] = first;
        }
        return first >= 0 && first < marker.Start;
    }

    /// <summary>The start of the first use of a plural noun (or its singular) after a definite determiner or a possessive, or -1.</summary>
    private static int FirstDefiniteUse(ReadOnlySpan<char> t, TextSpan within, string plural)
    {
        ReadOnlySpan<char> singular = plural.EndsWith("ies", StringComparison.Ordinal) ? (plural[..^3] + "y").AsSpan()
            : plural.EndsWith('s') ? plural.AsSpan(0, plural.Length - 1) : plural.AsSpan();
        int pos = within.Start;
        TextSpan previous = default;
        bool hasPrevious = false;
        while (TextWords.Next(t, pos, within.End, out var w))
        {
            var word = t[w.Start..w.End];
            if ((word.Equals(plural, StringComparison.OrdinalIgnoreCase) || word.Equals(singular, StringComparison.OrdinalIgnoreCase))
                && hasPrevious && t[previous.End..w.Start].IsWhiteSpace())
            {
                var before = t[previous.Start..previous.End];
                if (Definites.Has(before) || TextWords.IsPossessive(before)) return w.Start;
            }
            previous = w;
            hasPrevious = true;
            pos = w.End;
        }
        return -1;
    }

    /// <summary>
    /// The pattern's matches in the sentence; tried only where one of its leading phrases starts when
    /// <paramref name="lead"/> (their hits, by start) is given.
    /// </summary>
    private static void Match(LazyRegex regex, string text, TextSpan sentence, List<TextSpan>? lead, List<TextSpan> into)
    {
        if (lead is null)
        {
            into.AddRange(PatternRunner.MatchesIn(regex, text, sentence));
            return;
        }
        int lo = 0, hi = lead.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (lead[mid].Start < sentence.Start) lo = mid + 1; else hi = mid;
        }
        int end = lo;
        while (end < lead.Count && lead[end].Start < sentence.End) end++;
        Span<int> starts = end - lo <= 64 ? stackalloc int[end - lo] : new int[end - lo];
        for (int k = lo; k < end; k++) starts[k - lo] = lead[k].Start;
        PatternRunner.MatchesAt(regex, text, sentence, starts, into);
    }

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

    private static readonly Comparison<TextSpan> ByStart = (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);

    /// <summary>Whether one of the spans (sorted by start) lies within <paramref name="within"/>.</summary>
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
