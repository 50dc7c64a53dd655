using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: attribution — vague or missing attribution. Reports each <c>markers</c> phrase (or
/// <c>regex</c> match): "reportedly", "some argue", "according to official reports". A marker is not
/// reported when the same sentence names a concrete source, outside the marker itself: one of the
/// <c>sourceNames</c> (agencies, outlets, institutions: "Reuters", "the Defence Ministry") or a match of
/// a <c>sources</c> pattern ("according to the Defense Ministry", "Reuters reported", "told reporters").
/// The region is the marker.
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
        ],
    };

    private const int SourcePayload = 1 << 24;

    /// <summary>The payload of source pattern i's prefilter phrases is SourceHintPayload + i.</summary>
    private const int SourceHintPayload = 2 << 24;

    private readonly ImmutableArray<string> _markers;
    private readonly ImmutableArray<LazyRegex> _markerRegexes;
    private readonly ImmutableArray<string> _sourceNames;
    private readonly ImmutableArray<LazyRegex> _sources;

    /// <summary>Per source pattern, phrases one of which each of its matches holds (RequiredLiterals); null runs it on every sentence.</summary>
    private readonly IReadOnlyList<string>?[] _sourcePhrases;
    private readonly ImmutableArray<string> _exceptions;
    private const int ExceptionPayload = -1;

    private AttributionRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _markers = def.GetStringList("markers").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        _markerRegexes = Regexes(def, "regex", ignoreCase: true);
        _sourceNames = def.GetStringList("sourceNames").Select(t => t.Value).Where(t => t.Trim().Length > 0).ToImmutableArray();
        // Source patterns are case-sensitive: a capital letter is what tells "the Defense Ministry" from "official reports".
        _sources = Regexes(def, "sources", ignoreCase: false);
        _sourcePhrases = _sources.Select(r => r.RequiredPhrases).ToArray();
        _exceptions = def.GetStringList("exceptions").Select(t => t.Value).ToImmutableArray();
        if (_markers.IsEmpty && _markerRegexes.IsEmpty && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "An attribution rule needs 'markers' or 'regex'.");
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
        for (int i = 0; i < _sourcePhrases.Length; i++)
            foreach (var phrase in _sourcePhrases[i] ?? []) registry.AddSubstring(phrase, SourceHintPayload + i);
    }

    public override void Analyze(RuleContext context)
    {
        var literals = context.Literals.Span;
        string text = context.Text;
        var markers = new List<TextSpan>();
        List<TextSpan>? names = null, exceptions = null;
        var hints = new List<TextSpan>?[_sources.Length];
        foreach (var m in literals)
        {
            if (m.Payload == ExceptionPayload) (exceptions ??= new()).Add(m.Span);
            else if (m.Payload >= SourceHintPayload) (hints[m.Payload - SourceHintPayload] ??= new()).Add(m.Span);
            else if (m.Payload >= SourcePayload) (names ??= new()).Add(m.Span);
            else markers.Add(m.Span);
        }
        foreach (var regex in _markerRegexes)
            markers.AddRange(PatternRunner.Matches(regex, text));
        if (markers.Count == 0) return;
        LeftmostLongest.Sort(markers);

        var sentences = context.Document.Sentences;
        var taken = new LeftmostLongest.Taken();
        foreach (var marker in markers)
        {
            if (!taken.TryTake(marker)) continue;
            if (exceptions is not null && exceptions.Exists(e => e.OverlapsWith(marker))) continue;
            if (!context.Accepts(marker)) continue;
            int si = SortedSpans.IndexOf(sentences.AsSpan(), marker.Start);
            var sentence = si >= 0 ? sentences[si] : marker;
            if (NamesSource(text, sentence, marker, names, hints)) continue;
            context.Report(marker);
        }
    }

    private bool NamesSource(string text, TextSpan sentence, TextSpan marker, List<TextSpan>? names, List<TextSpan>?[] hints)
    {
        if (names is not null)
        {
            foreach (var n in names)
                if (sentence.Contains(n) && !n.OverlapsWith(marker)) return true;
        }
        if (_sources.IsEmpty) return false;
        var span = text.AsSpan(sentence.Start, sentence.Length);
        for (int i = 0; i < _sources.Length; i++)
        {
            // Most sentences hold none of a pattern's phrases: then it cannot match there.
            if (_sourcePhrases[i] is not null && !AnyWithin(hints[i], sentence)) continue;
            var regex = _sources[i].Value;
            try
            {
                foreach (var vm in regex.EnumerateMatches(span))
                {
                    var found = new TextSpan(sentence.Start + vm.Index, vm.Length);
                    if (vm.Length > 0 && !found.OverlapsWith(marker)) return true;
                }
            }
            catch (RegexMatchTimeoutException ex)
            {
                throw new RuleTimeoutException(regex.ToString(), ex);
            }
        }
        return false;
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
