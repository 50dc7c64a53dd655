using System.Text;

namespace TextLint.Cli.Docs;

/// <summary>The little Markdown the generated pages need, written so any text survives it.</summary>
internal static class Markdown
{
    /// <summary>A fenced code block whose fence is longer than any run of backticks inside it.</summary>
    public static void CodeBlock(StringBuilder sb, string info, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        int longest = 0;
        foreach (string l in list)
        {
            int run = 0;
            foreach (char c in l)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }
        string fence = new('`', Math.Max(3, longest + 1));
        sb.Append(fence).Append(info).Append('\n');
        foreach (string l in list) sb.Append(l).Append('\n');
        sb.Append(fence).Append('\n');
    }

    /// <summary>Inline code that may itself contain backticks.</summary>
    public static string Code(string text)
    {
        int longest = 0, run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        string ticks = new('`', longest + 1);
        string pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return ticks + pad + text + pad + ticks;
    }

    /// <summary>Text for a table cell: pipes escaped, line breaks folded.</summary>
    public static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|");

    /// <summary>Prose from a rule's YAML, one paragraph per blank-line-separated block, lines unwrapped as written.</summary>
    public static string Prose(string text) => text.Trim().ReplaceLineEndings("\n");

    /// <summary>GitHub's heading anchor for a one-word heading (categories are single PascalCase words).</summary>
    public static string Anchor(string heading) => heading.ToLowerInvariant();
}
