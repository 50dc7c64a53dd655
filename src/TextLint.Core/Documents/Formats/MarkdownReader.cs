using System.Collections.Immutable;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TextLint.Text;

namespace TextLint.Documents.Formats;

/// <summary>
/// Reads Markdown (.md, .markdown) with Markdig's syntax tree and precise source spans. The prose view
/// starts blank (line breaks kept) and gets back exactly the characters a reader sees as text:
/// paragraphs, heading text, list items, block quotes, table cells, link text, image alt text and
/// emphasised text. Markers ('#', '>', '-', '*', '|' rows, '[', '](url "title")'), front matter, code
/// (fenced, indented, inline), raw HTML (blocks, inline tags, comments — suppression comments are read
/// from the source, not from prose), autolinks, footnote marks and reference definitions stay blank.
/// <para>
/// Blanking a marker turns it into white space, which the matcher collapses: "*Kiev* regime" and
/// "[Kiev regime](http://x)" still read "Kiev regime". The one place where that would glue words that
/// do not belong together is a table row — "| Kiev | regime |" is two cells, not a phrase — so the '|'
/// between two cells stays in the prose as a separator.
/// </para>
/// </summary>
public static class MarkdownReader
{
    // Built once: a MarkdownPipeline is immutable and thread-safe. The extensions are those of the
    // Markdown that news CMSs and static-site generators write (GitHub-flavoured tables, strikethrough,
    // task lists, footnotes); others (sub/superscript, generic attributes) would read ordinary text as markup.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseFootnotes()
        .Build();

    public static DocumentStructure Read(SourceText source)
    {
        string text = source.Text;
        int frontMatterEnd = FrontMatter.Measure(text);
        // Past a bound on nesting or on reference definitions the parser's time outgrows the input: the
        // Markdown before that line is parsed, the rest is linted as plain text (and the runner says so).
        var (cut, cutReason) = MarkdownBounds.Find(text);
        MarkdownDocument tree;
        try
        {
            // Blanking the front matter (line breaks kept) rather than cutting it off keeps every offset
            // Markdig reports an offset in the file.
            string markdown = frontMatterEnd == 0 ? text : BlankPrefix(text, frontMatterEnd);
            tree = Markdown.Parse(cut < 0 ? markdown : markdown[..cut], Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // Markdig refuses pathological nesting ("too deeply nested") by throwing; such a file is not
            // sensible Markdown, so it is linted as plain text and the reader says so.
            return PlainTextReader.Read(source) with
            {
                FallbackReason = $"the Markdown could not be parsed ({ex.Message.TrimEnd('.')}); it was linted as plain text",
            };
        }

        var prose = new ProseBuffer(text);
        var headings = ImmutableArray.CreateBuilder<TextSpan>();
        var quotes = ImmutableArray.CreateBuilder<TextSpan>();
        var units = new List<TextBlock>();
        var images = new List<TextSpan>();
        TextSpan? firstH1 = null, firstHeading = null;
        var blocks = new Stack<(Markdig.Syntax.Block Block, bool InQuote, BlockKind Kind)>();
        PushChildren(blocks, tree, inQuote: false, BlockKind.Paragraph);
        while (blocks.Count > 0)
        {
            var (block, inQuote, kind) = blocks.Pop();
            switch (block)
            {
                case CodeBlock or HtmlBlock or LinkReferenceDefinitionGroup or LinkReferenceDefinition or ThematicBreakBlock:
                    continue; // not prose (FencedCodeBlock is a CodeBlock)
                case QuoteBlock quote:
                    if (!inQuote) quotes.Add(Span(quote, text));
                    PushChildren(blocks, quote, inQuote: true, kind);
                    continue;
                case TableRow row:
                    KeepCellSeparators(row, prose, text);
                    PushChildren(blocks, row, inQuote, BlockKind.TableCell);
                    continue;
                case ListItemBlock item:
                    PushChildren(blocks, item, inQuote, kind == BlockKind.TableCell ? kind : BlockKind.ListItem);
                    continue;
                case HeadingBlock heading when heading.Inline is { } inline:
                    var bounds = Span(heading, text);
                    images.Clear();
                    var span = ReadInlines(inline, prose, bounds, images)
                        ? Trim(Span(inline, text), text)
                        : ProseExtent(prose, bounds); // Markdig's inline span is off: take what was read
                    if (span.IsEmpty) continue;
                    headings.Add(span);
                    units.Add(new TextBlock(span, BlockKind.Heading));
                    // A heading inside a block quote is quoted material, not the article's title.
                    if (!inQuote)
                    {
                        firstHeading ??= span;
                        if (heading.Level == 1) firstH1 ??= span;
                    }
                    continue;
                case LeafBlock leaf when leaf.Inline is { } inlines:
                    var leafSpan = Span(leaf, text);
                    images.Clear();
                    ReadInlines(inlines, prose, leafSpan, images);
                    AddUnits(units, leafSpan, kind, images);
                    continue;
                case ContainerBlock container:
                    PushChildren(blocks, container, inQuote, kind);
                    continue;
            }
        }
        if (cut >= 0) prose.Copy(cut, text.Length); // the rest is plain text: all of it prose
        NonProseScanner.Blank(prose.Chars);
        string proseText = prose.ToString();
        var textBlocks = Extents(prose, units);
        if (cut >= 0) textBlocks = textBlocks.AddRange(PlainParagraphs(source, proseText, cut));
        return new DocumentStructure(proseText, firstH1 ?? firstHeading, headings.ToImmutable(), quotes.ToImmutable())
        {
            Blocks = textBlocks,
            FallbackReason = cutReason,
        };
    }

    /// <summary>The blank-line separated paragraphs of the plain-text rest of a file, from <paramref name="from"/> on.</summary>
    private static IEnumerable<TextBlock> PlainParagraphs(SourceText source, string prose, int from)
    {
        var lines = Segmentation.ParagraphSplitter.Lines(prose, source.Lines).Where(l => l.Start >= from).ToImmutableArray();
        foreach (var p in Segmentation.ParagraphSplitter.Split(prose, lines, blankLineSeparated: true, ImmutableArray<TextSpan>.Empty))
            yield return new TextBlock(p, BlockKind.Paragraph);
    }

    private static void PushChildren(Stack<(Markdig.Syntax.Block, bool, BlockKind)> stack, ContainerBlock container, bool inQuote, BlockKind kind)
    {
        // Reverse, so blocks pop in document order (headings must come out in order).
        for (int i = container.Count - 1; i >= 0; i--) stack.Push((container[i], inQuote, kind));
    }

    /// <summary>
    /// A leaf block's units: the block itself, cut at each image, whose alt text is a unit of its own
    /// ("![Chart of the results](c.png)" under a table is a picture's label, not a sentence of the text).
    /// </summary>
    private static void AddUnits(List<TextBlock> units, TextSpan leaf, BlockKind kind, List<TextSpan> images)
    {
        int start = leaf.Start;
        foreach (var image in images)
        {
            if (image.Start < start || image.End > leaf.End) continue;
            if (image.Start > start) units.Add(new TextBlock(TextSpan.FromBounds(start, image.Start), kind));
            units.Add(new TextBlock(image, BlockKind.ImageAlt));
            start = image.End;
        }
        if (leaf.End > start) units.Add(new TextBlock(TextSpan.FromBounds(start, leaf.End), kind));
    }

    /// <summary>Each unit trimmed to the prose it holds; units that hold none are dropped; in document order, not overlapping.</summary>
    private static ImmutableArray<TextBlock> Extents(ProseBuffer prose, List<TextBlock> units)
    {
        var result = ImmutableArray.CreateBuilder<TextBlock>(units.Count);
        units.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        int floor = 0;
        foreach (var u in units)
        {
            int start = Math.Max(u.Span.Start, floor);
            if (start >= u.Span.End) continue;
            var extent = ProseExtent(prose, TextSpan.FromBounds(start, u.Span.End));
            if (extent.IsEmpty) continue;
            result.Add(u with { Span = extent });
            floor = extent.End;
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Copies the text of a block's inlines. An explicit stack, not recursion: "***...***" nests
    /// emphasis as deep as the input is long. Returns false when some of Markdig's spans did not hold
    /// the text they claim (see <see cref="CopyLiteral"/>).
    /// </summary>
    private static bool ReadInlines(ContainerInline root, ProseBuffer prose, TextSpan block, List<TextSpan> images)
    {
        bool reliable = true;
        int cursor = block.Start; // literals come in document order: a relocated one is searched for after the last
        var stack = new Stack<Inline>();
        PushInlines(stack, root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case LiteralInline literal:
                    reliable &= CopyLiteral(literal, prose, block, ref cursor);
                    break;
                case HtmlEntityInline entity:
                    // "&mdash;" reads as "—": put the character where the entity starts, so quotation
                    // marks and dashes written as entities are seen; the rest of the entity stays blank.
                    var (start, end) = Bounds(entity);
                    if (start >= 0 && end <= prose.Length && end - start >= 3 && prose.Source[start] == '&' && prose.Source[end - 1] == ';')
                        prose.Put(start, end, entity.Transcoded.AsSpan());
                    else reliable = false;
                    break;
                case LinkInline link when link.IsAutoLink:
                    break; // a bare URL made a link: an address, not words
                case LinkInline image when image.IsImage:
                    var (imageStart, imageEnd) = Bounds(image);
                    if (imageStart >= block.Start && imageEnd <= block.End) images.Add(TextSpan.FromBounds(imageStart, imageEnd));
                    PushInlines(stack, image);
                    break;
                case ContainerInline container:
                    // Emphasis, links and images: the text or alt text is prose, the markers and destination are not.
                    PushInlines(stack, container);
                    break;
                // CodeInline, HtmlInline (tags and comments), AutolinkInline, LineBreakInline, TaskList,
                // FootnoteLink: not prose.
            }
        }
        return reliable;
    }

    private static void PushInlines(Stack<Inline> stack, ContainerInline container)
    {
        // ContainerInline is a linked list; collect and push in reverse for document order.
        var children = new List<Inline>();
        for (var c = container.FirstChild; c is not null; c = c.NextSibling) children.Add(c);
        for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
    }

    /// <summary>
    /// Copies a literal's source, blanking the backslash of each escape ("\*" reads as "*"). Markdig's
    /// precise spans are wrong in a few places (an ATX heading with a tab after its '#'s is shifted; some
    /// table cells inside lists and quotes), so each span is checked against the literal's text first. A
    /// literal whose span does not hold its text is looked for in its block, nearest the claimed place;
    /// if it is not found it stays blank: a missed word is better than a finding in the wrong place.
    /// </summary>
    private static bool CopyLiteral(LiteralInline literal, ProseBuffer prose, TextSpan block, ref int cursor)
    {
        var (start, end) = Bounds(literal);
        string text = prose.Source;
        var content = literal.Content.AsSpan();
        if (content.IsEmpty) return true;
        if (start >= 0 && end <= text.Length && SourceHolds(text, start, end, content))
        {
            CopyUnescaped(prose, start, end);
            cursor = end;
            return true;
        }
        int found = FindNearest(text.AsSpan(block.Start, block.Length), content, Math.Max(0, cursor - block.Start), start - block.Start);
        if (found >= 0)
        {
            prose.Copy(block.Start + found, block.Start + found + content.Length);
            cursor = block.Start + found + content.Length;
        }
        return false;
    }

    // SourceHolds and CopyUnescaped go from one backslash to the next (a vectorised search) and handle
    // the run between as a whole: a literal is mostly text without escapes.

    /// <summary>True when source[start..end), with its backslash escapes read, is exactly the literal's text.</summary>
    internal static bool SourceHolds(string text, int start, int end, ReadOnlySpan<char> content)
    {
        int k = 0;
        for (int i = start; i < end;)
        {
            int slash = NextBackslash(text, i, end);
            int run = slash - i;
            if (k + run > content.Length || !text.AsSpan(i, run).SequenceEqual(content.Slice(k, run))) return false;
            k += run;
            i = slash;
            if (i >= end) break;
            if (i + 1 < end && IsAsciiPunctuation(text[i + 1])) i++; // an escape: the character after it counts
            if (k >= content.Length || text[i] != content[k]) return false;
            i++;
            k++;
        }
        return k == content.Length;
    }

    /// <summary>Copies source[start..end) into the prose but for the backslashes of escapes (\\* is a '*').</summary>
    internal static void CopyUnescaped(ProseBuffer prose, int start, int end)
    {
        string text = prose.Source;
        for (int i = start; i < end;)
        {
            int slash = NextBackslash(text, i, end);
            prose.Copy(i, slash);
            if (slash >= end) break;
            i = slash + 1 < end && IsAsciiPunctuation(text[slash + 1]) ? slash + 1 : slash;
            prose.Copy(i, i + 1);
            i++;
        }
    }

    /// <summary>The first backslash in [from, end), or end.</summary>
    private static int NextBackslash(string text, int from, int end)
    {
        int k = text.AsSpan(from, end - from).IndexOf('\\');
        return k < 0 ? end : from + k;
    }

    /// <summary>The occurrence of <paramref name="needle"/> at or after <paramref name="from"/> nearest to <paramref name="near"/>; -1 if none.</summary>
    private static int FindNearest(ReadOnlySpan<char> haystack, ReadOnlySpan<char> needle, int from, int near)
    {
        int best = -1;
        for (int at = from; at <= haystack.Length - needle.Length;)
        {
            int i = haystack[at..].IndexOf(needle, StringComparison.Ordinal);
            if (i < 0) break;
            int position = at + i;
            if (best < 0 || Math.Abs(position - near) < Math.Abs(best - near)) best = position;
            else break; // occurrences only get farther from here on
            at = position + 1;
        }
        return best;
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    /// <summary>Keeps the '|' between adjacent cells of a row, so the words of two cells never read as one phrase.</summary>
    private static void KeepCellSeparators(TableRow row, ProseBuffer prose, string text)
    {
        for (int i = 0; i + 1 < row.Count; i++)
        {
            int from = Math.Max(0, row[i].Span.End + 1), to = Math.Min(text.Length, row[i + 1].Span.Start);
            for (int k = from; k < to; k++)
                if (text[k] == '|') prose.Copy(k, k + 1);
        }
    }

    /// <summary>Markdig's spans are inclusive of their end; ours are not.</summary>
    private static (int Start, int End) Bounds(MarkdownObject node) => (node.Span.Start, node.Span.End + 1);

    private static TextSpan Span(MarkdownObject node, string text)
    {
        int start = Math.Clamp(node.Span.Start, 0, text.Length);
        int end = Math.Clamp(node.Span.End + 1, start, text.Length);
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>From the first to the last non-blank character of the prose within <paramref name="bounds"/>.</summary>
    private static TextSpan ProseExtent(ProseBuffer prose, TextSpan bounds)
    {
        var chars = prose.Chars.Slice(bounds.Start, bounds.Length);
        int first = chars.IndexOfAnyExcept(ProseBlank), last = chars.LastIndexOfAnyExcept(ProseBlank);
        return first < 0 ? new TextSpan(bounds.Start, 0) : TextSpan.FromBounds(bounds.Start + first, bounds.Start + last + 1);
    }

    private static readonly System.Buffers.SearchValues<char> ProseBlank = System.Buffers.SearchValues.Create(" \t\r\n|");

    private static TextSpan Trim(TextSpan span, string text)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return TextSpan.FromBounds(s, e);
    }

    private static string BlankPrefix(string text, int end) =>
        string.Create(text.Length, (text, end), static (chars, state) =>
        {
            state.text.CopyTo(chars);
            for (int i = 0; i < state.end; i++)
                if (chars[i] is not ('\n' or '\r')) chars[i] = ' ';
        });
}
