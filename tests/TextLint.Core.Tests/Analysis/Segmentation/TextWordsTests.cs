using CsCheck;
using TextLint.Documents.Segmentation;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis.Segmentation;

public class TextWordsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Putin's cold-blooded don't", 3)]
    [InlineData("a - b -- c", 3)]
    [InlineData("-a- 'b' x'-y", 4)]
    [InlineData("Київ та Kyiv, 2024", 4)]
    [InlineData("e\u0301te\u0301 \U0001F600 word", 3)]
    // A number is one word with its separators and a currency sign inside it, as a reader counts it.
    [InlineData("1-18 (Smith, 5.4 ov)", 4)]
    [InlineData("US$1 million, 4,489,235 votes (3.27 percent) at 10:30", 8)]
    [InlineData("HK$10 and £5.20 and €3", 5)]
    // Not between digits: a full stop, a comma or a colon still separates words.
    [InlineData("Jan. 7, 2008: wickets: 1-18", 5)]
    [InlineData("in 2005.The end,5 a$ $b", 7)]
    // An initialism is one word: a period between single letters joins them; after a longer word it does not.
    [InlineData("U.S. citizens and the U.K.", 5)]
    [InlineData("e.g. Smith.He and W. Bush", 6)]
    public void Count_CountsWordsWithTheirJoiners(string text, int expected) =>
        Assert.Equal(expected, TextWords.Count(text, new TextSpan(0, text.Length)));

    [Fact]
    public void NextAndPrevious_WalkANumberAsOneWord()
    {
        const string text = "won US$1.5 million, 4,489,235 votes at 10:30.";
        var forward = new List<string>();
        for (int at = 0; TextWords.Next(text, at, text.Length, out var w); at = w.End) forward.Add(text[w.Start..w.End]);
        Assert.Equal(["won", "US$1.5", "million", "4,489,235", "votes", "at", "10:30"], forward);
        var backward = new List<string>();
        for (int at = text.Length; TextWords.Previous(text, at, 0, out var w); at = w.Start) backward.Add(text[w.Start..w.End]);
        backward.Reverse();
        Assert.Equal(forward, backward);
    }

    /// <summary>Count (a table-driven pass) must agree with walking the words one by one with Next, on any slice of any text.</summary>
    [Fact]
    public void Count_EqualsTheWordsNextWalks()
    {
        var piece = Gen.OneOf<string>("a", "Bc", "é", "\u0301", "7", "_", "'", "\u2019", "-", "\u2010", "\u2011", " ", "\n", ".", ",", ":", "$", "\u00A3", "—", "\U0001F600", "\uD800", "日本");
        CountsEqualTheWordsNextWalks(piece, parts: 40, offsets: 200);
    }

    /// <summary>Texts made of <paramref name="piece"/>s, sliced anywhere: Count and the document's word starts count what Next walks.</summary>
    private static void CountsEqualTheWordsNextWalks(Gen<string> piece, int parts, int offsets)
    {
        Gen.Select(piece.Array[0, parts], Gen.Int[0, offsets], Gen.Int[0, offsets], (p, a, b) => (Text: string.Concat(p), A: a, B: b)).Sample(t =>
        {
            int start = Math.Min(t.A, t.Text.Length), end = Math.Min(Math.Max(start, t.B), t.Text.Length);
            var slice = t.Text.AsSpan(start, end - start);
            int walked = 0;
            for (int at = 0; TextWords.Next(slice, at, slice.Length, out var word); at = word.End) walked++;
            Assert.Equal(walked, TextWords.Count(t.Text, TextSpan.FromBounds(start, end)));
            Assert.Equal(walked, WordStarts.Of(t.Text).Count(TextSpan.FromBounds(start, end)));
        }, iter: 5000);
    }

    /// <summary>
    /// CountOwn is the long-paragraph rule's former walk (each word from Next, left out when it starts in a
    /// skipped span or its first letter of a script of its own is of another script than the dominant one),
    /// in one pass: the same count for every text, slice, set of skipped spans and script.
    /// </summary>
    [Fact]
    public void CountOwn_EqualsTheWalkOverNext()
    {
        var piece = Gen.OneOf<string>("a", "Bc", "word ", "é", "\u0301", "7", "_", "'", "\u2019", "-", "\u2010", " ", "\n", ".", ",", ":", "$",
            "\u00A3", "—", "\U0001F600", "\uD800", "日本", "Київ", "слово ", "Ω", "x.y", "U.S.", "5.4", "\u0661", "ـ");
        var scripts = Gen.OneOf<UnicodeScript?>(null, UnicodeScript.Latin, UnicodeScript.Cyrillic, UnicodeScript.Han, UnicodeScript.Greek);
        Gen.Select(piece.Array[0, 60], Gen.Int[0, 200], Gen.Int[0, 200], Gen.Int[0, 200].Array[0, 8], scripts,
            (parts, a, b, cuts, script) => (Text: string.Concat(parts), A: a, B: b, Cuts: cuts, Script: script))
            .Sample(t => Check(t.Text, t.A, t.B, t.Cuts, t.Script), iter: 20000);
        // Mostly ASCII text, skipped spans often outside the slice: the cases where nothing is left out.
        var ascii = Gen.OneOf<string>("a", "Bc", "word ", "7", "'", "-", " ", ".", ",", "U.S.", "5.4", "$", "é");
        Gen.Select(ascii.Array[0, 60], Gen.Int[0, 120], Gen.Int[0, 120], Gen.Int[0, 200].Array[0, 4], Gen.OneOf<UnicodeScript?>(null, UnicodeScript.Latin, UnicodeScript.Cyrillic),
            (parts, a, b, cuts, script) => (Text: string.Concat(parts), A: a, B: b, Cuts: cuts, Script: script))
            .Sample(t => Check(t.Text, t.A, t.B, t.Cuts, t.Script), iter: 20000);

        // The walk over Next, leaving out words that start in a skipped span or are of another script, against
        // CountOwn with and without the count the caller already has.
        static void Check(string text, int a, int b, int[] cutPoints, UnicodeScript? script)
        {
            int start = Math.Min(a, text.Length), end = Math.Min(Math.Max(start, b), text.Length);
            var body = TextSpan.FromBounds(start, end);
            // Skipped spans from cut points: every other interval between them (empty ones dropped by SpanSet).
            var cuts = cutPoints.Select(c => Math.Min(c, text.Length)).Order().ToArray();
            var spans = new List<TextSpan>();
            for (int i = 0; i + 1 < cuts.Length; i += 2) spans.Add(TextSpan.FromBounds(cuts[i], cuts[i + 1]));
            var skip = SpanSet.From(spans);
            int walked = 0;
            for (int pos = body.Start; TextWords.Next(text, pos, body.End, out var w); pos = w.End)
                if (!skip.Contains(w.Start) && !(script is { } dominant && InOtherScript(text, w, dominant))) walked++;
            Assert.Equal(walked, TextWords.CountOwn(text, body, skip.Spans.AsSpan(), script));
            Assert.Equal(walked, TextWords.CountOwn(text, body, skip.Spans.AsSpan(), script, TextWords.Count(text, body)));
        }

        static bool InOtherScript(string text, TextSpan word, UnicodeScript dominant)
        {
            for (int i = word.Start; i < word.End; i++)
            {
                var script = UnicodeScripts.Of(text[i]);
                if (UnicodeScripts.IsShared(script)) continue;
                return script != dominant;
            }
            return false;
        }
    }

    /// <summary>
    /// A document's word starts give every span of the text the count of <see cref="TextWords.Count"/> on that
    /// span alone, wherever the span starts: inside a word, after a joiner, an initialism's period or a
    /// number's separator, within the first three characters of the text, or at its end.
    /// </summary>
    [Fact]
    public void WordStarts_CountEqualsCountingTheSpan()
    {
        var piece = Gen.OneOf<string>("a", "Bc", "word ", "é", "\u0301", "7", "_", "'", "\u2019", "-", "\u2010", " ", "  ", "\n", ".", ",", ":", "$", "\u00A3", "—", "\u00AD", "\u201C", "\U0001F600", "\uD800", "日本", "Київ", "U.S.", "e.g", "5.4", "US$1");
        Gen.Select(piece.Array[0, 120], Gen.Int[0, 300], Gen.Int[0, 300], (parts, a, b) => (Text: string.Concat(parts), A: a, B: b)).Sample(t =>
        {
            int start = Math.Min(t.A, t.Text.Length), end = Math.Min(Math.Max(start, t.B), t.Text.Length);
            var words = WordStarts.Of(t.Text);
            Assert.Equal(TextWords.Count(t.Text, new TextSpan(0, t.Text.Length)), words.Total);
            Assert.Equal(TextWords.Count(t.Text, TextSpan.FromBounds(start, end)), words.Count(TextSpan.FromBounds(start, end)));
        }, iter: 5000);
    }

    /// <summary>
    /// On ASCII text, eight characters at a time, the starts are found from candidates: the same count as
    /// walking the words, wherever a word, joiner, initialism or number falls against the blocks.
    /// </summary>
    [Fact]
    public void Count_OnAsciiText_EqualsTheWordsNextWalks()
    {
        var piece = Gen.OneOf<string>("a", "Bc", "word ", "7", "42", "_", "'", "-", " ", "  ", "\n", ".", ",", ":", "$", "U.S.", "e.g.", "5.4", "US$1", "don't", "(x)", "@");
        CountsEqualTheWordsNextWalks(piece, parts: 120, offsets: 400);
    }

    [Theory]
    // A span that starts in a word, or just after a joiner, a number's separator or an initialism's period,
    // starts a word there; in the whole text no word starts at that position.
    [InlineData("Putin's cold-blooded U.S. 5.4 US$1", 2, 6, 1)]
    [InlineData("Putin's cold-blooded U.S. 5.4 US$1", 6, 13, 2)]
    [InlineData("Putin's cold-blooded U.S. 5.4 US$1", 13, 20, 1)]
    [InlineData("Putin's cold-blooded U.S. 5.4 US$1", 23, 34, 3)]
    [InlineData("Putin's cold-blooded U.S. 5.4 US$1", 27, 34, 2)]
    [InlineData("Putin's cold-blooded U.S. 5.4 US$1", 0, 34, 5)]
    public void WordStarts_CountsASpanAsTheSpanSeesIt(string text, int start, int end, int expected)
    {
        Assert.Equal(expected, TextWords.Count(text, TextSpan.FromBounds(start, end)));
        Assert.Equal(expected, WordStarts.Of(text).Count(TextSpan.FromBounds(start, end)));
    }

    [Theory]
    [InlineData("study's", true)]
    [InlineData("Smith\u2019s", true)]
    [InlineData("NATO'S", true)]
    [InlineData("boss", false)]
    [InlineData("its", false)]
    [InlineData("'s", true)]
    public void IsPossessive_TakesEitherApostropheInAnyCase(string word, bool expected) =>
        Assert.Equal(expected, TextWords.IsPossessive(word));
}
