using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using TextLint.Text;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Diagnostics;

namespace TextLint.Loading.Vale;

/// <summary>
/// A run of text a Vale rule is run on (Vale's "block"): the text as Vale sees it, with markup taken out
/// rather than blanked (so <c>**bold** text</c> reads <c>bold text</c>, as in Vale), and for each of its
/// characters the offset in the source it came from. Matches map back to source offsets exactly.
/// </summary>
public sealed class ValeBlock
{
    public ValeBlock(string text, int[] map, int kindLevel = 0)
    {
        Text = text;
        Map = map;
        Level = kindLevel;
    }

    public string Text { get; }

    /// <summary>Source offset of each character of <see cref="Text"/>.</summary>
    public int[] Map { get; }

    /// <summary>The heading level (1–6) for a heading block; 0 otherwise.</summary>
    public int Level { get; }

    /// <summary>The source span of the block characters [start, end).</summary>
    public TextSpan SourceSpan(int start, int end)
    {
        if (Map.Length == 0) return new TextSpan(0, 0);
        if (end <= start) { int at = start < Map.Length ? Map[start] : Map[^1] + 1; return new TextSpan(at, 0); }
        return TextSpan.FromBounds(Map[start], Map[Math.Min(end, Map.Length) - 1] + 1);
    }
}

/// <summary>
/// A document as Vale rules see it: its prose without markup (a plain-text file is all prose, as in Vale),
/// split into the blocks of each scope. Built once per document and shared by every Vale rule.
/// </summary>
public sealed class ValeView
{
    private static readonly ConditionalWeakTable<Document, ValeView> Cache = new();

    private readonly Document _document;
    private readonly string _text;     // prose without markup
    private readonly int[] _map;       // source offset of each character of _text
    private ImmutableArray<ValeBlock> _paragraphs;
    private ImmutableArray<ValeBlock> _sentences;
    private ImmutableArray<ValeBlock> _headings;
    private ImmutableArray<ValeBlock> _lists;
    private ImmutableArray<ValeBlock> _quotes;
    private ValeBlock? _raw;
    private ValeBlock? _all;

    private ValeView(Document document)
    {
        _document = document;
        string source = document.Source.Text;
        string prose = document.Format == DocumentFormat.PlainText ? source : document.Prose;
        var sb = new StringBuilder(prose.Length);
        var map = new List<int>(prose.Length);
        var math = document.Format == DocumentFormat.Markdown ? DisplayMath(document) : null;
        for (int i = 0; i < prose.Length; i++)
        {
            char p = prose[i];
            if (math is not null && math[i] && p != '\n') continue;
            if (p != source[i] && p == ' ')
            {
                // Markup blanked by the reader: dropped, as Vale's rendered text has none. A blanked run
                // between two words keeps one space, so words never run together.
                continue;
            }
            sb.Append(p);
            map.Add(i);
        }
        _text = sb.ToString();
        _map = map.ToArray();
    }

    /// <summary>Display math (<c>$$</c> on a line of its own, to the next such line): not prose, as in Vale.</summary>
    private static bool[]? DisplayMath(Document document)
    {
        string text = document.Source.Text;
        if (!text.Contains("$$", StringComparison.Ordinal)) return null;
        var lines = document.Source.Lines;
        var math = new bool[text.Length];
        int open = -1;
        for (int l = 0; l < lines.LineCount; l++)
        {
            var line = lines.GetLineSpan(l, text);
            if (text.AsSpan(line.Start, line.Length).Trim().SequenceEqual("$$"))
            {
                if (open < 0) open = line.Start;
                else { for (int i = open; i < line.End; i++) math[i] = true; open = -1; }
            }
        }
        return math;
    }

    private ValeComments? _comments;

    /// <summary>The document's &lt;!-- vale ... --&gt; switches.</summary>
    public ValeComments Comments => _comments ??= ValeComments.Parse(_document.Source.Text);

    public static ValeView Of(Document document) => Cache.GetValue(document, static d => new ValeView(d));

    public Document Document => _document;

    /// <summary>The whole source, untouched (Vale's <c>raw</c> scope).</summary>
    public ValeBlock Raw => _raw ??= Identity(_document.Source.Text, 0, _document.Source.Length);

    /// <summary>All prose as one block.</summary>
    public ValeBlock All => _all ??= new ValeBlock(_text, _map);

    /// <summary>Vale's blocks for scope <c>text</c>: one per paragraph, heading, list item or table row of Markdown; the whole file for plain text.</summary>
    public ImmutableArray<ValeBlock> Paragraphs
    {
        get
        {
            if (!_paragraphs.IsDefault) return _paragraphs;
            // Plain text is one block in Vale; per paragraph here, so each match runs over a bounded text
            // (a word rule never spans a blank line either way).
            return _paragraphs = Slice(_document.Paragraphs);
        }
    }

    public ImmutableArray<ValeBlock> Sentences => _sentences.IsDefault ? _sentences = Slice(_document.Sentences) : _sentences;

    public ImmutableArray<ValeBlock> Headings
    {
        get
        {
            if (!_headings.IsDefault) return _headings;
            var b = ImmutableArray.CreateBuilder<ValeBlock>();
            foreach (var h in _document.Headings)
            {
                var block = SliceOne(h, HeadingLevel(h));
                if (block is not null) b.Add(block);
            }
            return _headings = b.ToImmutable();
        }
    }

    public ImmutableArray<ValeBlock> BlockQuotes => _quotes.IsDefault ? _quotes = Slice(_document.QuotedBlocks) : _quotes;

    /// <summary>List items: Markdown lines that start with a bullet or a number, without the marker.</summary>
    public ImmutableArray<ValeBlock> ListItems
    {
        get
        {
            if (!_lists.IsDefault) return _lists;
            var spans = new List<TextSpan>();
            if (_document.Format == DocumentFormat.Markdown)
            {
                string text = _document.Source.Text;
                var lines = _document.Source.Lines;
                for (int l = 0; l < lines.LineCount; l++)
                {
                    var line = lines.GetLineSpan(l, text);
                    int i = line.Start;
                    while (i < line.End && text[i] is ' ' or '\t' or '>') i++;
                    int start = i;
                    if (i < line.End && text[i] is '-' or '*' or '+') i++;
                    else { while (i < line.End && char.IsAsciiDigit(text[i])) i++; if (i > start && i < line.End && text[i] is '.' or ')') i++; else continue; }
                    if (i >= line.End || text[i] is not (' ' or '\t')) continue;
                    spans.Add(TextSpan.FromBounds(i, line.End));
                }
            }
            return _lists = Slice(spans);
        }
    }

    /// <summary>Whether the character at a source offset is part of the text Vale rules see (not markup, code or display math).</summary>
    public bool Contains(int offset) => Array.BinarySearch(_map, offset) >= 0;

    /// <summary>Whether the source offset lies inside one of the spans.</summary>
    public static bool Inside(ImmutableArray<ValeBlock> blocks, int offset)
    {
        foreach (var b in blocks)
            if (b.Map.Length > 0 && offset >= b.Map[0] && offset <= b.Map[^1]) return true;
        return false;
    }

    private int HeadingLevel(TextSpan heading)
    {
        string text = _document.Source.Text;
        var lines = _document.Source.Lines;
        int l = lines.GetLineFromOffset(heading.Start);
        var line = lines.GetLineSpan(l, text);
        int i = line.Start;
        while (i < line.End && text[i] is ' ' or '>') i++;
        int hashes = 0;
        while (i < line.End && text[i] == '#') { hashes++; i++; }
        if (hashes is > 0 and <= 6) return hashes;
        if (l + 1 < lines.LineCount)
        {
            var next = lines.GetLineSpan(l + 1, text);
            string underline = text[next.Start..next.End].Trim();
            if (underline.Length > 0 && underline.All(c => c == '=')) return 1;
            if (underline.Length > 0 && underline.All(c => c == '-')) return 2;
        }
        return 1;
    }

    private ImmutableArray<ValeBlock> Slice(IEnumerable<TextSpan> spans)
    {
        var b = ImmutableArray.CreateBuilder<ValeBlock>();
        foreach (var s in spans)
        {
            var block = SliceOne(s, 0);
            if (block is not null) b.Add(block);
        }
        return b.ToImmutable();
    }

    private ValeBlock? SliceOne(TextSpan span, int level)
    {
        int from = LowerBound(span.Start), to = LowerBound(span.End);
        // Trim white space at both ends: Vale's blocks are the element's text.
        while (from < to && char.IsWhiteSpace(_text[from])) from++;
        while (to > from && char.IsWhiteSpace(_text[to - 1])) to--;
        if (to <= from) return null;
        return new ValeBlock(_text[from..to], _map[from..to], level);
    }

    private int LowerBound(int offset)
    {
        int i = Array.BinarySearch(_map, offset);
        return i >= 0 ? i : ~i;
    }

    private static ValeBlock Identity(string text, int start, int end)
    {
        var map = new int[end - start];
        for (int i = 0; i < map.Length; i++) map[i] = start + i;
        return new ValeBlock(text[start..end], map);
    }
}
