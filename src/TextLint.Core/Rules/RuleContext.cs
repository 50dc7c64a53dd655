using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules;

/// <summary>What one rule sees of one document, and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _sink;
    private readonly Severity _severity;
    private readonly int _maxFindings;
    private int _reported;

    internal RuleContext(Document document, RuleDescriptor descriptor, Severity severity, ReadOnlyMemory<LiteralMatch> literals, List<Diagnostic> sink,
        int maxFindings = int.MaxValue)
    {
        Document = document;
        Descriptor = descriptor;
        _severity = severity;
        Literals = literals;
        _sink = sink;
        _maxFindings = maxFindings;
    }

    /// <summary>Findings past the rule's limit for this document: counted, not kept (the engine reports one summary for them).</summary>
    public long Omitted { get; private set; }

    /// <summary>Where the first omitted finding was.</summary>
    public TextSpan FirstOmitted { get; private set; }

    /// <summary>Counts a finding past the limit instead of keeping it; false while there is room.</summary>
    private bool OverLimit(TextSpan span)
    {
        if (_reported < _maxFindings) return false;
        if (Omitted++ == 0) FirstOmitted = WidenToWholeCharacters(Document.Source.Text, span);
        return true;
    }

    public Document Document { get; }
    public RuleDescriptor Descriptor { get; }

    /// <summary>The prose view of the document (same offsets as the source).</summary>
    public string Text => Document.Prose;

    /// <summary>Occurrences of this rule's registered phrases, in order of start then end.</summary>
    public ReadOnlyMemory<LiteralMatch> Literals { get; }

    /// <summary>The units of this rule's scope (the whole text for document scope).</summary>
    public ImmutableArray<TextSpan> Units => Document.Units(Descriptor.Scope);

    /// <summary>
    /// Whether a finding at <paramref name="span"/> may be reported: it must lie inside one unit of the
    /// rule's scope, and outside direct speech unless the rule opts in (<c>speech: include</c>), or
    /// inside it for <c>speech: only</c>. <see cref="Report(TextSpan, MessageArguments, CodeFix?)"/>
    /// applies this to every finding; kinds that count occurrences call it before counting.
    /// </summary>
    public bool Accepts(TextSpan span)
    {
        if (Descriptor.Scope != RuleScope.Document && !Document.IsWithinUnit(Descriptor.Scope, span)) return false;
        return Descriptor.Speech switch
        {
            SpeechMode.Include => true,
            SpeechMode.Only => Document.Speech.Contains(span.Start),
            _ => !Document.Speech.Contains(span.Start),
        };
    }

    /// <summary>Reports a finding; the message template's placeholders are filled from <paramref name="arguments"/>.</summary>
    public void Report(TextSpan span, MessageArguments arguments, CodeFix? fix = null)
    {
        if (!Accepts(span) || OverLimit(span)) return;
        _reported++;
        span = WidenToWholeCharacters(Document.Source.Text, span);
        if (fix is not null && !Descriptor.FixInSpeech && TouchesSpeech(fix)) fix = null;
        string message = MessageTemplate.Format(Descriptor.MessageFormat, arguments);
        _sink.Add(new Diagnostic(Descriptor, span, message, _severity, fix) { Arguments = arguments.ValuesFor(Descriptor.MessageFormat) });
    }

    /// <summary>
    /// Message arguments for a finding at <paramref name="span"/>: {match} is the flagged text, copied out
    /// of the source only when the rule's message uses it (a repeated paragraph need not be copied).
    /// </summary>
    public MessageArguments Arguments(TextSpan span) =>
        new(Descriptor.MessageFormat.Contains("{match}", StringComparison.Ordinal) ? Document.Source.ToString(span) : "");

    /// <summary>Reports a finding whose only placeholder is {match}, the flagged text.</summary>
    public void Report(TextSpan span, CodeFix? fix = null)
    {
        if (!Accepts(span)) return;
        if (_reported >= _maxFindings) OverLimit(span);
        else Report(span, Arguments(span), fix);
    }

    /// <summary>A region never splits a surrogate pair: an end inside a pair moves past it, a start inside one moves before it.</summary>
    public static TextSpan WidenToWholeCharacters(string text, TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length), end = Math.Clamp(span.End, start, text.Length);
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1])) start--;
        if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1])) end++;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>
    /// Whether an edit of the fix changes part of a quotation of direct speech: such a fix is not offered
    /// unless the rule opts in. An edit that removes whole quotations with what holds them (a residue line,
    /// a repeated paragraph) leaves every quotation it does not remove word for word as it was.
    /// </summary>
    private bool TouchesSpeech(CodeFix fix)
    {
        var speech = Document.Speech;
        if (speech.IsEmpty) return false;
        var spans = speech.Spans;
        foreach (var edit in fix.Edits)
        {
            var e = edit.Span;
            // The spans are sorted and disjoint: start at the first that ends after the edit starts (a
            // binary search, so a document full of quotations costs each fix a logarithm, not a walk).
            int lo = 0, hi = spans.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (spans[mid].End <= e.Start) lo = mid + 1; else hi = mid;
            }
            for (int k = lo; k < spans.Length; k++)
            {
                var s = spans[k];
                if (s.Start >= e.End && !(e.IsEmpty && s.Start == e.Start)) break;
                bool inside = e.IsEmpty ? s.Start < e.Start && e.Start < s.End : s.OverlapsWith(e);
                if (inside && !(e.Start <= s.Start && e.End >= s.End)) return true;
            }
        }
        return false;
    }

    public CodeFix ReplaceFix(TextSpan span, string replacement, FixSafety safety) =>
        new($"Replace with '{replacement}'", ImmutableArray.Create(new TextEdit(span, replacement)), safety);
}
