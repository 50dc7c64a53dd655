using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Documents;

/// <summary>
/// Context patterns decided once per document. Rules of a pack share context patterns (ten
/// loaded-language rules ask of each sentence whether it is in the first person, nine whether it is a
/// question), and the regex factory gives one <see cref="LazyRegex"/> per pattern: the answer for a
/// pattern and a unit is worked out for the first rule that asks and kept for the others. A document is
/// analysed by one thread at a time.
/// </summary>
public sealed partial class Document
{
    private Dictionary<(LazyRegex Regex, TextSpan Unit, bool OutsideQuotations), bool>? _unitMatches;
    private TextSpan _blankedParagraph;
    private char[]? _blankedChars;

    /// <summary>Whether <paramref name="regex"/> matches in <paramref name="unit"/> of the prose (<see cref="PatternRunner.IsMatch(LazyRegex, string, TextSpan)"/>).</summary>
    public bool UnitMatches(LazyRegex regex, TextSpan unit)
    {
        _unitMatches ??= new();
        if (!_unitMatches.TryGetValue((regex, unit, false), out bool matches))
            _unitMatches[(regex, unit, false)] = matches = PatternRunner.IsMatch(regex, Prose, unit);
        return matches;
    }

    /// <summary>
    /// Whether <paramref name="regex"/> matches in <paramref name="paragraph"/> read without its
    /// quotations: the paragraph's prose with every quotation that starts in it blanked to spaces.
    /// </summary>
    public bool ParagraphMatchesOutsideQuotations(LazyRegex regex, TextSpan paragraph)
    {
        _unitMatches ??= new();
        if (_unitMatches.TryGetValue((regex, paragraph, true), out bool matches)) return matches;
        matches = PatternRunner.IsMatch(regex, WithoutQuotations(paragraph));
        _unitMatches[(regex, paragraph, true)] = matches;
        return matches;
    }

    /// <summary>The paragraph's characters with its quotations blanked; the last paragraph asked for is kept (its rules ask in a row).</summary>
    private ReadOnlySpan<char> WithoutQuotations(TextSpan p)
    {
        if (_blankedChars is not null && _blankedParagraph == p) return _blankedChars;
        var chars = Prose.ToCharArray(p.Start, p.Length);
        // Quotations are in order of their start and lie within a paragraph: only those starting in it matter.
        var quotes = Quotations;
        int lo = 0, hi = quotes.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (quotes[mid].Span.Start < p.Start) lo = mid + 1;
            else hi = mid;
        }
        for (int k = lo; k < quotes.Length && quotes[k].Span.Start < p.End; k++)
        {
            var q = quotes[k].Span;
            int s = q.Start - p.Start, e = Math.Min(q.End, p.End) - p.Start;
            if (e > s) Array.Fill(chars, ' ', s, e - s);
        }
        _blankedParagraph = p;
        _blankedChars = chars;
        return chars;
    }
}
