using System.Collections.Immutable;
using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Documents;

/// <summary>
/// The document model's segmentation: lines, paragraphs, sentences, quotations, direct speech and the
/// script profile, each computed from <see cref="Prose"/> the first time a rule asks for it and kept
/// for the other rules of the same document. A document is analysed by one thread at a time; the
/// values are immutable, so a racing second computation would only repeat work.
/// </summary>
public sealed partial class Document
{
    private ImmutableArray<TextSpan> _lineSpans;
    private ImmutableArray<TextSpan> _paragraphs;
    private ImmutableArray<TextSpan> _sentences;
    private ImmutableArray<Quotation> _quotations;
    private SpanSet? _speech;
    private SpanSet? _transcript;
    private SpanSet? _unquoted;
    private SpanSet? _quotedBlockSet;
    private ScriptProfile? _scripts;
    private WordStarts? _words;
    private SpanSet? _quoteSet;
    private ImmutableArray<TextSpan> _headingUnits;

    /// <summary>Every non-blank line, trimmed.</summary>
    public ImmutableArray<TextSpan> LineSpans
    {
        get
        {
            if (_lineSpans.IsDefault) _lineSpans = ParagraphSplitter.Lines(Prose, Source.Lines);
            return _lineSpans;
        }
    }

    /// <summary>
    /// Paragraphs: blank-line separated blocks (Markdown, and plain text that is hard-wrapped), or each
    /// line of plain text that keeps one paragraph per line. Markdown headings are paragraphs of their own.
    /// </summary>
    public ImmutableArray<TextSpan> Paragraphs
    {
        get
        {
            if (_paragraphs.IsDefault && !Blocks.IsDefault)
            {
                // Markup says where each block ends: a list item, table cell or heading is a unit of its own.
                var b = ImmutableArray.CreateBuilder<TextSpan>(Blocks.Length);
                foreach (var block in Blocks) b.Add(block.Span);
                _paragraphs = b.MoveToImmutable();
            }
            if (_paragraphs.IsDefault)
            {
                var lines = LineSpans;
                bool blocks = Format == DocumentFormat.Markdown || ParagraphSplitter.LooksHardWrapped(Prose, lines);
                // The plain-text title needs no special case: it is the first line, a paragraph of its own
                // unless it is the first line of a hard-wrapped paragraph.
                _paragraphs = ParagraphSplitter.Split(Prose, lines, blocks, Headings);
            }
            return _paragraphs;
        }
    }

    /// <summary>
    /// Whether the paragraph that starts at <paramref name="start"/> is structure rather than running text:
    /// a list item, table cell or alt text of a Markdown document. Plain text has no such paragraphs.
    /// </summary>
    public bool IsStructureAt(int start)
    {
        if (Blocks.IsDefaultOrEmpty) return false;
        int lo = 0, hi = Blocks.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Blocks[mid].Span;
            if (s.End <= start) lo = mid + 1;
            else if (s.Start > start) hi = mid - 1;
            else return !Blocks[mid].IsProse;
        }
        return false;
    }

    /// <summary>Sentences, within paragraphs.</summary>
    public ImmutableArray<TextSpan> Sentences
    {
        get
        {
            if (_sentences.IsDefault) _sentences = SentenceSplitter.Split(Prose, Paragraphs, Source.Text);
            return _sentences;
        }
    }

    /// <summary>Quotations in order of their start (an enclosing quotation before the ones it contains), with direct speech marked.</summary>
    public ImmutableArray<Quotation> Quotations
    {
        get
        {
            if (_quotations.IsDefault)
                _quotations = DirectSpeech.Classify(Prose, QuotationFinder.Find(Prose, Paragraphs), Paragraphs, QuotedBlockSet, Words);
            return _quotations;
        }
    }

    /// <summary>
    /// Where direct speech is: quotations that are direct speech, quoted blocks, and the turns of an
    /// interview transcript with the paragraphs that continue them (<see cref="TranscriptSpeech"/>).
    /// </summary>
    public SpanSet Speech
    {
        get
        {
            if (_speech is null && QuotedBlocks.IsEmpty && TranscriptSpeech.IsEmpty && !QuotationFinder.HasQuoteMarks(Prose))
                _speech = SpanSet.Empty; // no quotation, no speech: skip segmentation altogether
            if (_speech is null)
            {
                var spans = new List<TextSpan>(QuotedBlocks);
                spans.AddRange(TranscriptSpeech.Spans);
                foreach (var q in Quotations)
                    if (q.IsDirectSpeech) spans.Add(q.Span);
                _speech = SpanSet.From(spans);
            }
            return _speech;
        }
    }

    /// <summary>
    /// The speech of an interview printed as a transcript: paragraphs that open with a speaker's label
    /// ("((WN))", "((Jane Roe))", "Q:", a "MH:" that recurs) and, when at least
    /// <see cref="Transcript.MinTurns"/> turns by two or more speakers make the document a transcript, the
    /// paragraphs that continue a turn up to the next turn or a heading (see <see cref="Transcript"/>).
    /// Computed once per document; part of <see cref="Speech"/>.
    /// </summary>
    public SpanSet TranscriptSpeech
    {
        get
        {
            // No "((" and no ": ", no speaker's label: skip segmentation.
            if (_transcript is null && !Prose.Contains("((", StringComparison.Ordinal) && !Prose.Contains(": ", StringComparison.Ordinal))
                _transcript = SpanSet.Empty;
            if (_transcript is null)
            {
                var spans = Transcript.FindSpeech(Prose, Paragraphs, Headings);
                _transcript = spans.IsEmpty ? SpanSet.Empty : SpanSet.From(spans);
            }
            return _transcript;
        }
    }

    /// <summary>
    /// Speech printed without quotation marks: an interview transcript's speech (<see cref="TranscriptSpeech"/>)
    /// and the rest of a sentence after a colon that a verb or noun of saying governs ("Smith had one more
    /// theory: …", "the ministry said in a statement: …"; see <see cref="DirectSpeech.IntroducedByColon"/>).
    /// Rules that judge the writer's voice leave it alone; unlike <see cref="Speech"/> it is the writer's
    /// paraphrase, so fixes may still edit it. Computed once per document.
    /// </summary>
    public SpanSet UnquotedSpeech
    {
        get
        {
            if (_unquoted is null)
            {
                var colon = Prose.Contains(": ", StringComparison.Ordinal)
                    ? DirectSpeech.IntroducedByColon(Prose, Sentences)
                    : ImmutableArray<TextSpan>.Empty;
                _unquoted = colon.IsEmpty ? TranscriptSpeech : SpanSet.From(TranscriptSpeech.Spans.Concat(colon));
            }
            return _unquoted;
        }
    }

    /// <summary>Where the words of <see cref="Prose"/> start: the word count of any span of it, without reading the span again.</summary>
    public WordStarts Words => _words ??= WordStarts.Of(Prose);

    /// <summary>The scripts the document's letters are written in.</summary>
    public ScriptProfile Scripts => _scripts ??= ScriptProfile.Measure(Prose);

    private SpanSet QuotedBlockSet => _quotedBlockSet ??= SpanSet.From(QuotedBlocks);

    /// <summary>The units of a scope, in order of start (quotations may nest; other units do not overlap).</summary>
    public ImmutableArray<TextSpan> Units(RuleScope scope) => scope switch
    {
        RuleScope.Document => [new TextSpan(0, Prose.Length)],
        RuleScope.Title => Title is { } t ? [t] : ImmutableArray<TextSpan>.Empty,
        RuleScope.Paragraph => Paragraphs,
        RuleScope.Sentence => Sentences,
        RuleScope.Line => LineSpans,
        RuleScope.Quote => QuoteSet.Spans,
        RuleScope.Heading => HeadingUnits(),
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>True when <paramref name="span"/> lies inside one unit of <paramref name="scope"/> (inside an outermost quotation for quotes).</summary>
    public bool IsWithinUnit(RuleScope scope, TextSpan span)
    {
        if (scope == RuleScope.Document) return true;
        if (scope == RuleScope.Quote) return QuoteSet.Contains(span);
        var units = Units(scope);
        int i = SortedSpans.IndexOf(units.AsSpan(), span.Start);
        return i >= 0 && units[i].End >= span.End;
    }

    private SpanSet QuoteSet => _quoteSet ??= SpanSet.From(Quotations.Select(q => q.Span));

    private ImmutableArray<TextSpan> HeadingUnits()
    {
        if (_headingUnits.IsDefault)
            _headingUnits = Title is not { } t || Headings.Contains(t) ? Headings.Sort() : Headings.Add(t).Sort();
        return _headingUnits;
    }
}
