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
    private SpanSet? _quotedBlockSet;
    private ScriptProfile? _scripts;
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
                _quotations = DirectSpeech.Classify(Prose, QuotationFinder.Find(Prose, Paragraphs), Paragraphs, QuotedBlockSet);
            return _quotations;
        }
    }

    /// <summary>Where direct speech is: quotations that are direct speech, and quoted blocks.</summary>
    public SpanSet Speech
    {
        get
        {
            if (_speech is null && QuotedBlocks.IsEmpty && !QuotationFinder.HasQuoteMarks(Prose))
                _speech = SpanSet.Empty; // no quotation, no speech: skip segmentation altogether
            if (_speech is null)
            {
                var spans = new List<TextSpan>(QuotedBlocks);
                foreach (var q in Quotations)
                    if (q.IsDirectSpeech) spans.Add(q.Span);
                _speech = SpanSet.From(spans);
            }
            return _speech;
        }
    }

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
