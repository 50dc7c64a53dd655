using System.Collections.Immutable;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Text;
using TextLint.Diagnostics;

namespace TextLint.Loading.Vale;

/// <summary>
/// A Vale rule's <c>scope</c>: a list of alternatives (each run separately), each a conjunction of terms
/// joined by <c>&amp;</c>, a term optionally negated by <c>~</c>: <c>text</c>, <c>sentence</c>,
/// <c>paragraph</c>, <c>heading</c>, <c>heading.h1</c>…<c>heading.h6</c>, <c>list</c>,
/// <c>blockquote</c>, <c>raw</c>, <c>summary</c>. Format-specific scopes (<c>text.html</c>,
/// <c>paragraph.rst</c>) apply only to their format and so never to the Markdown and plain text TextLint reads.
/// </summary>
public sealed class ValeScope
{
    private ValeScope(ImmutableArray<ImmutableArray<Term>> alternatives, string text)
    {
        Alternatives = alternatives;
        Text = text;
    }

    public readonly record struct Term(string Name, int Level, bool Negated, bool OtherFormat);

    public ImmutableArray<ImmutableArray<Term>> Alternatives { get; }
    public string Text { get; }

    public static ValeScope Default => s_default ??= Parse(["text"], out _)!;
    private static ValeScope? s_default;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "text", "sentence", "paragraph", "heading", "list", "blockquote", "raw", "summary", "title", "table", "alt", "attr", "code", "comment", "link", "strong", "emphasis",
    };

    private static readonly HashSet<string> Formats = new(StringComparer.Ordinal) { "md", "markdown", "txt", "text" };

    public static ValeScope? Parse(IReadOnlyList<string> items, out string? error)
    {
        error = null;
        var alternatives = ImmutableArray.CreateBuilder<ImmutableArray<Term>>();
        foreach (string item in items)
        {
            var terms = ImmutableArray.CreateBuilder<Term>();
            foreach (string part in item.Split('&'))
            {
                string t = part.Trim();
                bool negated = t.StartsWith('~');
                if (negated) t = t[1..].Trim();
                string name = t;
                int level = 0;
                bool otherFormat = false;
                int dot = t.IndexOf('.');
                if (dot > 0)
                {
                    name = t[..dot];
                    string suffix = t[(dot + 1)..];
                    if (name == "heading" && suffix.Length == 2 && suffix[0] == 'h' && suffix[1] is >= '1' and <= '6') level = suffix[1] - '0';
                    else if (!Formats.Contains(suffix)) otherFormat = true;
                }
                if (!Known.Contains(name))
                {
                    error = $"Unknown scope '{t}'; Vale's scopes are text, sentence, paragraph, heading, heading.h1–h6, list, blockquote, raw, summary (negated with '~', combined with '&').";
                    return null;
                }
                terms.Add(new Term(name, level, negated, otherFormat));
            }
            alternatives.Add(terms.ToImmutable());
        }
        return new ValeScope(alternatives.ToImmutable(), string.Join(", ", items));
    }

    /// <summary>The blocks of one alternative in a document.</summary>
    public static IReadOnlyList<ValeBlock> Blocks(ValeView view, ImmutableArray<Term> terms)
    {
        Term? positive = null;
        foreach (var t in terms)
            if (!t.Negated) { positive = t; break; }
        if (positive is { OtherFormat: true }) return [];
        IReadOnlyList<ValeBlock> candidates = positive is null ? view.Paragraphs : BlocksOf(view, positive.Value);
        bool filtered = false;
        foreach (var t in terms)
            if (t.Negated || !t.Equals(positive)) { filtered = true; break; }
        if (!filtered) return candidates;
        var result = new List<ValeBlock>();
        foreach (var block in candidates)
        {
            bool keep = true;
            foreach (var t in terms)
            {
                if (t.Equals(positive) || block.Map.Length == 0) continue;
                if (t.OtherFormat) { if (!t.Negated) keep = false; continue; }
                bool inside = Contains(view, t, block);
                if (inside == t.Negated) { keep = false; break; }
            }
            if (keep) result.Add(block);
        }
        return result;
    }

    private static bool Contains(ValeView view, Term t, ValeBlock block)
    {
        int at = block.Map[0];
        switch (t.Name)
        {
            case "heading":
                foreach (var h in view.Headings)
                    if ((t.Level == 0 || h.Level == t.Level) && at >= h.Map[0] && at <= h.Map[^1]) return true;
                return false;
            case "blockquote": return ValeView.Inside(view.BlockQuotes, at);
            case "list": return ValeView.Inside(view.ListItems, at);
            default: return true;
        }
    }

    private static IReadOnlyList<ValeBlock> BlocksOf(ValeView view, Term t) => t.Name switch
    {
        "raw" => [view.Raw],
        "summary" => [view.All],
        "sentence" => view.Sentences,
        "paragraph" => view.Paragraphs,
        "heading" or "title" => t.Level == 0 ? view.Headings : view.Headings.Where(h => h.Level == t.Level).ToList(),
        "list" => view.ListItems,
        "blockquote" => view.BlockQuotes,
        "text" => view.Paragraphs,
        _ => [], // table, alt, attr, code, ...: structures TextLint's readers do not expose
    };
}
