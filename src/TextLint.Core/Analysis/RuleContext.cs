using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Matching;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Analysis;

/// <summary>What one rule sees of one document, and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _sink;
    private readonly Severity _severity;

    internal RuleContext(Document document, RuleDescriptor descriptor, Severity severity, ReadOnlyMemory<LiteralMatch> literals, List<Diagnostic> sink)
    {
        Document = document;
        Descriptor = descriptor;
        _severity = severity;
        Literals = literals;
        _sink = sink;
    }

    public Document Document { get; }
    public RuleDescriptor Descriptor { get; }

    /// <summary>The prose view of the document (same offsets as the source).</summary>
    public string Text => Document.Prose;

    /// <summary>Occurrences of this rule's registered phrases, in order of start then end.</summary>
    public ReadOnlyMemory<LiteralMatch> Literals { get; }

    /// <summary>Reports a finding; the message template's placeholders are filled from <paramref name="arguments"/>.</summary>
    public void Report(TextSpan span, MessageArguments arguments, CodeFix? fix = null)
    {
        span = WidenToWholeCharacters(Document.Source.Text, span);
        string message = MessageTemplate.Format(Descriptor.MessageFormat, arguments);
        _sink.Add(new Diagnostic(Descriptor, span, message, _severity, fix) { Arguments = arguments.ValuesFor(Descriptor.MessageFormat) });
    }

    /// <summary>Reports a finding whose only placeholder is {match}, the flagged text.</summary>
    public void Report(TextSpan span, CodeFix? fix = null) =>
        Report(span, new MessageArguments(Document.Source.ToString(span)), fix);

    /// <summary>A region never splits a surrogate pair: an end inside a pair moves past it, a start inside one moves before it.</summary>
    public static TextSpan WidenToWholeCharacters(string text, TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, text.Length), end = Math.Clamp(span.End, start, text.Length);
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1])) start--;
        if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1])) end++;
        return TextSpan.FromBounds(start, end);
    }

    public CodeFix ReplaceFix(TextSpan span, string replacement, FixSafety safety) =>
        new($"Replace with '{replacement}'", ImmutableArray.Create(new TextEdit(span, replacement)), safety);
}
