using System.Collections.Immutable;
using System.Text;
using TextLint.Text;

namespace TextLint.Testing;

/// <summary>
/// Roslyn's test markup: <c>[|text|]</c> marks an expected finding's exact span. Returns the text with
/// the markers removed and the spans in that text.
/// </summary>
public static class TestMarkup
{
    public static (string Text, ImmutableArray<TextSpan> Spans) Parse(string markup)
    {
        var sb = new StringBuilder(markup.Length);
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var open = new Stack<int>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                open.Push(sb.Length);
                i++;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == ']' && open.Count > 0)
            {
                spans.Add(TextSpan.FromBounds(open.Pop(), sb.Length));
                i++;
            }
            else sb.Append(markup[i]);
        }
        if (open.Count > 0) throw new FormatException("Unclosed '[|' in test markup.");
        spans.Sort();
        return (sb.ToString(), spans.ToImmutable());
    }

    /// <summary>Renders spans back into markup, for readable failure messages.</summary>
    public static string Render(string text, IEnumerable<TextSpan> spans)
    {
        var points = new List<(int Offset, bool Open)>();
        foreach (var s in spans) { points.Add((s.Start, true)); points.Add((s.End, false)); }
        points.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.Open.CompareTo(b.Open));
        var sb = new StringBuilder(text.Length + points.Count * 2);
        int p = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            while (p < points.Count && points[p].Offset == i) sb.Append(points[p++].Open ? "[|" : "|]");
            if (i < text.Length) sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
