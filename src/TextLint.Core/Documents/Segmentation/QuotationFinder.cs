using System.Buffers;
using System.Collections.Immutable;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Finds quotations paragraph by paragraph with a stack, so quotations nest (“… ‘…’ …”). Curly and
/// angle marks say which way they face; straight marks are read from what stands beside them (white
/// space or an opening bracket before and a word after opens; a word or punctuation before and white
/// space or punctuation after closes). Apostrophes are not quote marks: a mark between letters
/// (Putin's, rock’n’roll), before a two-digit year ('90s), in "'n'", before a clipped word ('em,
/// 'til), and after the s of a plural possessive (soldiers’ families) when no single quotation is open
/// or a later mark can close the open one.
/// </summary>
public static class QuotationFinder
{
    internal static readonly SearchValues<char> Marks = SearchValues.Create("\"'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A");

    private enum Facing : byte { Open, Close, Either }

    private struct Open
    {
        public int Position;
        public QuoteFamily Family;
    }

    // The marks searched as three sets, each found exactly by comparisons (the straight marks and the
    // guillemets; U+2018..U+201F; U+2039..U+203A). As one set, ASCII and non-ASCII mixed, the runtime
    // falls back to a probabilistic map after the first non-ASCII character: every space is a false hit
    // there (0x20 is the high byte of U+2018..U+203A), and the map's shuffles are not accelerated in the
    // Native AOT build.
    private static readonly SearchValues<char> NarrowMarks = SearchValues.Create("\"'\u00AB\u00BB");
    private static readonly SearchValues<char> CurlyMarks = SearchValues.Create("\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F");
    private static readonly SearchValues<char> AngleMarks = SearchValues.Create("\u2039\u203A");

    /// <summary>True when the text holds any character that can be a quote mark (a vectorised search).</summary>
    public static bool HasQuoteMarks(ReadOnlySpan<char> text) =>
        text.ContainsAny(NarrowMarks) || text.ContainsAny(CurlyMarks) || text.ContainsAny(AngleMarks);

    /// <summary>
    /// The quote marks of a text in order, for a reader that only moves forward: each of the three sets
    /// remembers its next mark, so the text is scanned once per set however many marks it holds.
    /// </summary>
    internal ref struct MarkSearch(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _narrow = -1, _curly = -1, _angle = -1; // the next mark of each set (the text's length: none); -1: not searched yet

        /// <summary>The first mark at or after <paramref name="from"/>, or -1; <paramref name="from"/> must not decrease from call to call.</summary>
        public int Next(int from)
        {
            if (_narrow < from) _narrow = Find(_text, from, NarrowMarks);
            if (_curly < from) _curly = Find(_text, from, CurlyMarks);
            if (_angle < from) _angle = Find(_text, from, AngleMarks);
            int next = Math.Min(_narrow, Math.Min(_curly, _angle));
            return next < _text.Length ? next : -1;
        }

        private static int Find(ReadOnlySpan<char> text, int from, SearchValues<char> marks)
        {
            int k = from < text.Length ? text[from..].IndexOfAny(marks) : -1;
            return k < 0 ? text.Length : from + k;
        }
    }

    public static ImmutableArray<Quotation> Find(string prose, ImmutableArray<TextSpan> paragraphs)
    {
        var result = new List<Quotation>();
        var stack = new List<Open>();
        foreach (var p in paragraphs)
        {
            stack.Clear();
            FindInParagraph(prose, p, stack, result);
        }
        result.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        return result.ToImmutableArray();
    }

    private static void FindInParagraph(string prose, TextSpan paragraph, List<Open> stack, List<Quotation> result)
    {
        ReadOnlySpan<char> text = prose;
        int ps = paragraph.Start, pe = paragraph.End;
        int i = ps;
        var marks = new MarkSearch(text[..pe]);
        while (i < pe)
        {
            i = marks.Next(i);
            if (i < 0) break;
            char m = text[i];
            var family = FamilyOf(m);
            char prev = i > ps ? text[i - 1] : ' ';
            char next = i + 1 < pe ? text[i + 1] : ' ';
            bool canOpen = !char.IsWhiteSpace(next) && (i == ps || char.IsWhiteSpace(prev) || IsOpeningPunctuation(prev) || Marks.Contains(prev));
            bool canClose = i > ps && !char.IsWhiteSpace(prev) && (i + 1 >= pe || char.IsWhiteSpace(next) || IsClosingPunctuation(next) || Marks.Contains(next));

            if (family == QuoteFamily.Single)
            {
                int skip = ApostropheLength(text, ps, pe, i, canOpen, canClose, stack);
                if (skip > 0) { i += skip; continue; }
            }

            var facing = FacingOf(m);
            bool familyOpen = IndexOfOpen(stack, family) >= 0;
            bool close = facing switch
            {
                Facing.Open => false,
                // A closing glyph with nothing to close but a word after it is a mis-typed opener.
                Facing.Close => familyOpen || !(canOpen && !canClose),
                _ => canClose && !canOpen ? true : canOpen && !canClose ? false : canOpen && familyOpen,
            };
            bool open = facing switch
            {
                Facing.Open => true,
                Facing.Close => !familyOpen && canOpen && !canClose,
                _ => !close && canOpen,
            };
            if (close && familyOpen)
            {
                int at = IndexOfOpen(stack, family);
                var o = stack[at];
                stack.RemoveRange(at, stack.Count - at);
                result.Add(new Quotation(TextSpan.FromBounds(o.Position, i + 1), TextSpan.FromBounds(o.Position + 1, i), family, at, false));
            }
            else if (open)
            {
                stack.Add(new Open { Position = i, Family = family });
            }
            i++;
        }
        // Speech that runs on into the next paragraph opens at the paragraph's start and is not closed.
        if (stack.Count > 0 && stack[0].Position == ps)
            result.Add(new Quotation(TextSpan.FromBounds(ps, pe), TextSpan.FromBounds(ps + 1, pe), stack[0].Family, 0, true));
    }

    private static int IndexOfOpen(List<Open> stack, QuoteFamily family)
    {
        for (int j = stack.Count - 1; j >= 0; j--)
            if (stack[j].Family == family) return j;
        return -1;
    }

    /// <summary>How many characters from <paramref name="i"/> are apostrophes rather than quote marks (0 if it is a mark).</summary>
    private static int ApostropheLength(ReadOnlySpan<char> text, int ps, int pe, int i, bool canOpen, bool canClose, List<Open> stack)
    {
        char prev = i > ps ? text[i - 1] : ' ';
        char next = i + 1 < pe ? text[i + 1] : ' ';
        if (CharClass.IsWordChar(prev) && CharClass.IsWordChar(next)) return 1;
        if (canOpen)
        {
            // rock 'n' roll
            if (i + 2 < pe && (next == 'n' || next == 'N') && FamilyOf(text[i + 2]) == QuoteFamily.Single && text[i + 2] != '\u2018'
                && (i + 3 >= pe || !CharClass.IsWordChar(text[i + 3])))
                return 3;
            // '90s, ’08
            if (char.IsAsciiDigit(next) && i + 2 < pe && char.IsAsciiDigit(text[i + 2]) && (i + 3 >= pe || !char.IsAsciiDigit(text[i + 3])))
                return 1;
            if (IsClippedWord(text, i + 1, pe)) return 1;
        }
        if (canClose && !canOpen && char.IsLetter(prev) && text[i] != '\u2018')
        {
            // soldiers’ families / Jesus' words: a possessive unless it closes an open single quotation.
            if (IndexOfOpen(stack, QuoteFamily.Single) < 0) return 1;
            if ((prev == 's' || prev == 'S') && char.IsWhiteSpace(next) && i + 2 < pe && char.IsLetter(text[i + 2]) && LaterCloser(text, i + 1, pe))
                return 1;
        }
        return 0;
    }

    private static readonly string[] ClippedWords = ["em", "til", "cause", "tis", "twas", "bout", "nuff", "round", "cos"];

    private static bool IsClippedWord(ReadOnlySpan<char> text, int from, int end)
    {
        if (!TextWords.Next(text, from, end, out var w) || w.Start != from) return false;
        var word = text[w.Start..w.End];
        // A clipped word followed by a closing mark ('em' in quotes) is a quotation, not an elision.
        if (w.End < end && FamilyOf(text[w.End]) == QuoteFamily.Single && Marks.Contains(text[w.End])) return false;
        foreach (var c in ClippedWords)
            if (word.Equals(c, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>True when a single mark later in the paragraph could close a quotation.</summary>
    private static bool LaterCloser(ReadOnlySpan<char> text, int from, int end)
    {
        for (int j = from; j < end; j++)
        {
            char c = text[j];
            if (c is not ('\'' or '\u2019' or '\u203A')) continue;
            char prev = text[j - 1];
            char next = j + 1 < end ? text[j + 1] : ' ';
            if (CharClass.IsWordChar(prev) && CharClass.IsWordChar(next)) continue;
            if (!char.IsWhiteSpace(prev) && (char.IsWhiteSpace(next) || IsClosingPunctuation(next) || Marks.Contains(next) || j + 1 >= end))
                return true;
        }
        return false;
    }

    private static QuoteFamily FamilyOf(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' ? QuoteFamily.Double : QuoteFamily.Single;

    private static Facing FacingOf(char c) => c switch
    {
        '\u201C' or '\u201E' or '\u201F' or '\u00AB' or '\u2018' or '\u201A' or '\u201B' or '\u2039' => Facing.Open,
        '\u201D' or '\u00BB' or '\u2019' or '\u203A' => Facing.Close,
        _ => Facing.Either,
    };

    private static bool IsOpeningPunctuation(char c) => c is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' or ':';

    private static bool IsClosingPunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\u2014' or '\u2013' or '-' or '/' or '\u2026';
}
