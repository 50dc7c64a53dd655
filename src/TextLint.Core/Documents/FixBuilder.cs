using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Text;

namespace TextLint.Documents;

/// <summary>
/// The edits of the mechanical fixes rule kinds offer, computed on the source text (the prose view has
/// the same offsets). Deleting a unit keeps the document's shape: a unit that fills its lines goes with
/// its line break, and a blank line beside it goes too when that would otherwise leave two blank lines
/// where there was one (or a blank line at the start or end of the file) — so two paragraphs are never
/// joined and no gap is left. A unit that shares its line with other text (a sentence) goes with the
/// spaces that separate it from its neighbour.
/// </summary>
public static class FixBuilder
{
    public static CodeFix Replace(TextSpan span, string replacement, FixSafety safety, string? title = null) =>
        new(title ?? (replacement.Length == 0 ? "Delete it" : $"Replace with '{replacement}'"), [new TextEdit(span, replacement)], safety);

    /// <summary>Deletes <paramref name="unit"/> (a line, paragraph or sentence) and what would be left dangling by it.</summary>
    public static CodeFix DeleteUnit(Document document, TextSpan unit, FixSafety safety, string title) =>
        new(title, [new TextEdit(DeletionSpan(document.Source, unit, document.Prose), "")], safety);

    /// <summary>The span to delete so that <paramref name="unit"/> disappears without a trace.</summary>
    /// <param name="prose">The prose view (same offsets), where markup such as a Markdown list bullet is
    /// blank: a unit alone on its line but for markup takes the markup with it.</param>
    public static TextSpan DeletionSpan(SourceText source, TextSpan unit, string? prose = null)
    {
        string text = source.Text;
        prose ??= text;
        var lines = source.Lines;
        int first = lines.GetLineFromOffset(unit.Start);
        int last = lines.GetLineFromOffset(Math.Max(unit.Start, unit.End - 1));
        var firstLine = lines.GetLineSpan(first, text);
        var lastLine = lines.GetLineSpan(last, text);
        if (!IsBlank(prose, firstLine.Start, unit.Start) || !IsBlank(prose, unit.End, lastLine.End))
            return InLine(text, unit, firstLine, lastLine);

        int count = LineCount(source);
        bool Blank(int line) => IsBlank(text, lines.GetLineSpan(line, text));
        int LineStart(int line) => line < count ? lines.GetLineStart(line) : text.Length;

        int before = first;
        while (before > 0 && Blank(before - 1)) before--;
        int after = last;
        while (after + 1 < count && Blank(after + 1)) after++;
        bool contentBefore = before > 0, contentAfter = after + 1 < count;

        if (!contentBefore && !contentAfter) return TextSpan.FromBounds(0, text.Length);
        // At the top: the unit and the blank lines after it, so the file starts with the next content.
        if (!contentBefore) return TextSpan.FromBounds(LineStart(first), LineStart(after + 1));
        if (!contentAfter)
        {
            // At the bottom: the blank lines before it too. The file keeps its last line break, or its lack of one.
            bool endsWithBreak = text.Length > 0 && text[^1] is '\n' or '\r';
            return endsWithBreak
                ? TextSpan.FromBounds(LineStart(before), text.Length)
                : TextSpan.FromBounds(lines.GetLineSpan(before - 1, text).End, text.Length);
        }
        // Between content: with blank lines on both sides, the ones after go with it (one gap stays);
        // otherwise only the unit's own lines go, so the separation that was there stays.
        bool blankBefore = before < first, blankAfter = after > last;
        return TextSpan.FromBounds(LineStart(first), LineStart(blankBefore && blankAfter ? after + 1 : last + 1));
    }

    /// <summary>
    /// Lines as a reader counts them: the empty "line" after a final line break is not one.
    /// </summary>
    private static int LineCount(SourceText source)
    {
        int n = source.Lines.LineCount;
        return n > 1 && source.Lines.GetLineStart(n - 1) == source.Text.Length ? n - 1 : n;
    }

    /// <summary>A unit sharing its line: it goes with the spaces before it (or, at the line's start, after it).</summary>
    private static TextSpan InLine(string text, TextSpan unit, TextSpan firstLine, TextSpan lastLine)
    {
        int start = unit.Start, end = unit.End;
        if (!IsBlank(text, firstLine.Start, start))
        {
            while (start > firstLine.Start && IsSpace(text[start - 1])) start--;
        }
        else
        {
            while (end < lastLine.End && IsSpace(text[end])) end++;
        }
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Drops the quotation marks around a quotation (<paramref name="quotation"/> includes them).</summary>
    public static CodeFix RemoveQuotationMarks(TextSpan quotation, FixSafety safety) =>
        new("Drop the quotation marks",
            [new TextEdit(new TextSpan(quotation.Start, 1), ""), new TextEdit(new TextSpan(quotation.End - 1, 1), "")], safety);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u2009' or '\u202F';

    private static bool IsBlank(string text, TextSpan span) => IsBlank(text, span.Start, span.End);

    private static bool IsBlank(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }
}
