using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// An English sentence splitter over the paragraphs of the prose view. A sentence ends at '.', '!',
/// '?' or an ellipsis (with any closing quotes and brackets after it) followed by white space and a
/// character that is not a lower-case letter, except after a title abbreviation ("Gen.", "Dr."), a
/// month or number abbreviation before a number ("Jan. 5", "No. 4"), or a personal initial
/// ("John F. Kennedy"). After an initialism or a company suffix ("U.S.", "Inc.") it ends only when a
/// typical sentence opener follows ("... by the U.S. The move ..."). Decimals and domain names never
/// split (no white space after the point). A line break inside a paragraph ends a sentence after a
/// short line without final punctuation (a block of headline-like lines), and a bare URL followed by a
/// capitalised word ends one (flattened link lines in scraped text).
/// </summary>
public static class SentenceSplitter
{
    private static readonly SearchValues<char> Terminators = SearchValues.Create(".!?\u2026");

    /// <summary>Lines shorter than this that end without punctuation end their sentence at the line break.</summary>
    private const int ShortLine = 60;

    // Abbreviations that precede a name or a noun: never the end of a sentence. TL8004 (rules/typography.yaml) lists the
    // same words in its pattern, so that it reports no join the splitter does not split; a test keeps the two lists equal.
    internal static readonly FrozenSet<string> Titles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "gens", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr",
        "cdr", "brig", "cpl", "pvt", "gov", "sen", "rep", "reps", "rev", "fr", "hon", "pres", "supt", "insp", "st", "mt", "ft", "ave",
        "blvd", "dept", "univ", "approx", "est", "ca", "vs", "v", "cf", "viz", "al", "eg", "ie", "e.g", "i.e", "lit");

    // Abbreviations that precede a number ("No. 4", "Jan. 5", "Art. 12"): not an end before a digit.
    private static readonly FrozenSet<string> BeforeNumber = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "no", "nos", "art", "arts", "fig", "figs", "vol", "vols", "ch", "chap", "para", "pp", "p", "sec", "ed",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    // Abbreviations that may end a sentence: an end only before a typical sentence opener.
    private static readonly FrozenSet<string> Ambiguous = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "inc", "ltd", "co", "corp", "plc", "llc", "bros", "jr", "sr", "etc", "am", "pm");

    private static readonly FrozenSet<string> SentenceOpeners = FrozenSet.Create(StringComparer.Ordinal,
        "The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You", "In", "On", "At", "By", "But", "And", "Or", "So", "Yet",
        "This", "That", "These", "Those", "There", "Here", "His", "Her", "Their", "Our", "My", "As", "After", "Before", "When",
        "While", "If", "However", "Meanwhile", "For", "According", "Since", "Although", "Though", "Now", "Then", "Still", "Also",
        "Some", "Many", "Most", "One", "Both", "Each", "Every", "No", "Not", "What", "Why", "How", "Who", "Where", "Earlier",
        "Later", "Last", "Next", "Today", "Yesterday", "Officials", "Such", "Other", "Others", "Under", "With", "From", "During");

    /// <param name="prose">The prose view.</param>
    /// <param name="paragraphs">Its paragraphs.</param>
    /// <param name="source">The original text, where the prose view has blanked URLs: a URL is found there.</param>
    public static ImmutableArray<TextSpan> Split(string prose, ImmutableArray<TextSpan> paragraphs, string? source = null)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>(paragraphs.Length * 2);
        var ends = new List<int>();
        foreach (var p in paragraphs)
        {
            ends.Clear();
            FindEnds(prose, source ?? prose, p, ends);
            ends.Sort();
            int start = p.Start;
            foreach (int e in ends)
            {
                if (e <= start) continue;
                var s = ParagraphSplitter.Trim(prose, TextSpan.FromBounds(start, e));
                if (!s.IsEmpty) result.Add(s);
                start = e;
            }
            var last = ParagraphSplitter.Trim(prose, TextSpan.FromBounds(start, p.End));
            if (!last.IsEmpty) result.Add(last);
        }
        return result.ToImmutable();
    }

    private static void FindEnds(string prose, string source, TextSpan paragraph, List<int> ends)
    {
        ReadOnlySpan<char> text = prose;
        int end = paragraph.End;
        int i = paragraph.Start;
        while (i < end)
        {
            int k = text[i..end].IndexOfAny(Terminators);
            if (k < 0) break;
            int t = i + k;
            int j = t;
            while (j < end && Terminators.Contains(text[j])) j++;
            bool ellipsisOrMark = j - t > 1 || text[t] != '.';
            while (j < end && IsCloser(text[j])) j++;
            i = j;
            if (j >= end) continue;
            if (!char.IsWhiteSpace(text[j]))
            {
                if (j == t + 1 && IsFusedEnd(text, paragraph.Start, t, end)) ends.Add(j);
                continue;
            }
            int n = j;
            while (n < end && char.IsWhiteSpace(text[n])) n++;
            if (n >= end) continue;
            char next = text[n];
            if (char.IsLower(next)) continue;
            if (!ellipsisOrMark && !PeriodEndsSentence(text, paragraph.Start, t, n, end)) continue;
            ends.Add(j);
        }
        LineBreakEnds(text, paragraph, ends);
        UrlEnds(source, text, paragraph, ends);
    }

    /// <summary>Whether the single '.' at <paramref name="dot"/> ends a sentence, given the next word starts at <paramref name="next"/>.</summary>
    private static bool PeriodEndsSentence(ReadOnlySpan<char> text, int floor, int dot, int next, int end)
    {
        // The token before the point: letters and inner points ("U.S", "e.g", "Gen").
        int s = dot;
        while (s > floor && (char.IsLetter(text[s - 1]) || (text[s - 1] == '.' && s - 2 >= floor && char.IsLetter(text[s - 2])))) s--;
        var token = text[s..dot];
        if (token.IsEmpty) return true;
        if (s > floor && char.IsDigit(text[s - 1])) return true; // "5km." and the like
        char nc = text[next];
        if (token.Length == 1 && char.IsUpper(token[0]))
            return !char.IsUpper(nc) || IsOpenerAt(text, next, end); // an initial before a name
        var lookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(token)) return false;
        if (char.IsDigit(nc) && BeforeNumber.Has(token)) return false;
        if (token.Contains('.') || Ambiguous.Has(token))
            return IsOpenerAt(text, next, end);
        return true;
    }

    /// <summary>
    /// Whether the single mark at <paramref name="mark"/> ends a sentence that the next one follows with no
    /// space, as scrapers and pasted footnotes leave it: "vice president.In the Green Party". The word before
    /// ends in two or more lower-case letters after at most one capital and stands alone (not part of "e.g.",
    /// a domain, a path or an address, and not a title such as "Mrs"), and a capitalised word of two or more
    /// letters follows: "example.com", "U.S.Army", "Dr.Smith", "Node.js", "e.g.The", "System.CommandLine" and
    /// "Microsoft.Extensions.Logging" are not split here.
    /// Typography rule TL8004 reports the same places.
    /// </summary>
    internal static bool IsFusedEnd(ReadOnlySpan<char> text, int floor, int mark, int end)
    {
        if (text[mark] is not ('.' or '!' or '?')) return false;
        if (mark + 2 >= end || !char.IsUpper(text[mark + 1]) || !char.IsLower(text[mark + 2])) return false;
        // The word after is one capital and lower-case letters, not "CommandLine" or the "Extensions" of
        // "Microsoft.Extensions.Logging": dotted and camel-cased names in code.
        int w = mark + 3;
        while (w < end && char.IsLower(text[w])) w++;
        if (w < end && (char.IsLetterOrDigit(text[w]) || text[w] == '_' || (text[w] == '.' && w + 1 < end && char.IsLetter(text[w + 1])))) return false;
        int s = mark;
        while (s > floor && char.IsLower(text[s - 1])) s--;
        if (mark - s < 2) return false;
        if (s > floor && char.IsUpper(text[s - 1])) s--; // "Monday.Traffic"
        if (s > floor && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] is '.' or '@' or '/' or '\\' or '_')) return false;
        var lookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        return !lookup.Contains(text[s..mark]);
    }

    private static bool IsOpenerAt(ReadOnlySpan<char> text, int at, int end)
    {
        if (!TextWords.Next(text, at, end, out var w) || w.Start != at) return true; // a quote, bracket or digit opens
        return SentenceOpeners.Has(text[w.Start..w.End]);
    }

    /// <summary>Inside a paragraph, a short line without final punctuation followed by a capitalised line ends a sentence.</summary>
    private static void LineBreakEnds(ReadOnlySpan<char> text, TextSpan paragraph, List<int> ends)
    {
        int i = paragraph.Start;
        int end = paragraph.End;
        while (i < end)
        {
            int k = text[i..end].IndexOfAny('\n', '\r');
            if (k < 0) return;
            int br = i + k;
            int lineStart = i;
            i = br + 1;
            var line = ParagraphSplitter.Trim(text, TextSpan.FromBounds(lineStart, br));
            if (line.IsEmpty || line.Length >= ShortLine) continue;
            char last = text[line.End - 1];
            if (Terminators.Contains(last) || last == ',' || last == ';') continue;
            int n = i;
            while (n < end && char.IsWhiteSpace(text[n])) n++;
            if (n < end && !char.IsLower(text[n])) ends.Add(line.End);
        }
    }

    /// <summary>
    /// A bare URL followed by a capitalised word ends a sentence. The URL is looked for in the source
    /// text, since the prose view may have blanked it; the word after it is read from the prose.
    /// </summary>
    private static void UrlEnds(ReadOnlySpan<char> source, ReadOnlySpan<char> prose, TextSpan paragraph, List<int> ends)
    {
        int i = paragraph.Start;
        int end = paragraph.End;
        while (i < end)
        {
            int k = source[i..end].IndexOf("://", StringComparison.Ordinal);
            if (k < 0) return;
            int p = i + k;
            int e = p;
            while (e < end && !char.IsWhiteSpace(source[e])) e++;
            i = e;
            int n = e;
            while (n < end && char.IsWhiteSpace(prose[n])) n++;
            if (n < end && n > e && char.IsUpper(prose[n])) ends.Add(e);
        }
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB' or '\u203A';
}
