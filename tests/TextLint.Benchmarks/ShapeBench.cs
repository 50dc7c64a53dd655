using System.Diagnostics;
using Markdig;
using System.Text;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Text;

namespace TextLint.Benchmarks;

/// <summary>
/// Time per MB of adversarial document shapes from 10 KB up (issue #19): linear time means a flat
/// ms/MB column. Run with `dotnet run -c Release --project tests/TextLint.Benchmarks -- shapes [maxMB] [read]`;
/// "read" times only reading and segmenting (Document.Create, paragraphs, sentences), not the rules.
/// Results are written down in docs/benchmarks/shapes.md.
/// </summary>
internal static class ShapeBench
{
    public static readonly (string Name, string Path, Func<int, string> Make)[] Shapes =
    [
        ("single sentence", "sentence.txt", SingleSentence),
        ("single line", "line.txt", SingleLine),
        ("4,000 bullets run together", "bullets.txt", BulletsRunTogether),
        ("markdown link reference definitions", "refs.md", LinkReferenceDefinitions),
        ("markdown list nested by indentation", "nest.md", NestedList),
        ("markdown block quotes nested", "quotes.md", NestedQuotes),
        ("markdown 4,000-item bullet runs", "bullets.md", Bullets),
        ("markdown table rows", "table.md", TableRows),
    ];

    /// <summary>One sentence (commas, no full stop until the end) with matches of the bundled pack every few words: each match once re-ran its rule's context patterns over the whole sentence.</summary>
    public static string SingleSentence(int bytes)
    {
        var sb = new StringBuilder("The ");
        while (sb.Length < bytes) sb.Append("refugees are vermin and reportedly some argue that it is believed the orcs are said to be animals who, according to officials, ");
        return sb.Append("left.\n").ToString();
    }

    /// <summary>"word word word …" with no line break: 5 MB of it gave 524,000 findings and 3.2 GB.</summary>
    public static string SingleLine(int bytes)
    {
        var sb = new StringBuilder();
        while (sb.Length < bytes) sb.Append("word ");
        return sb.Append('\n').ToString();
    }

    /// <summary>Plain-text bullets that start lower-case, so they run together into sentences thousands of items long.</summary>
    public static string BulletsRunTogether(int bytes)
    {
        var sb = new StringBuilder();
        for (int d = 0; sb.Length < bytes; d++) sb.Append("- the refugees are said to be here, item ").Append(d % 4000).Append('\n');
        return sb.ToString();
    }

    public static string LinkReferenceDefinitions(int bytes)
    {
        var sb = new StringBuilder("# Links\n\nSee [the first][r1] and [the second][r2].\n\n");
        for (int i = 0; sb.Length < bytes; i++) sb.Append("[r").Append(i).Append("]: https://example.com/").Append(i).Append('\n');
        return sb.ToString();
    }

    public static string NestedList(int bytes)
    {
        var sb = new StringBuilder();
        for (int d = 0; sb.Length < bytes; d++) sb.Append(' ', 2 * (d % 2000)).Append("- item number ").Append(d).Append(" of the list\n");
        return sb.ToString();
    }

    public static string NestedQuotes(int bytes)
    {
        var sb = new StringBuilder();
        for (int d = 0; sb.Length < bytes; d++) sb.Append('>', 1 + d % 2000).Append(" quoted line ").Append(d).Append('\n');
        return sb.ToString();
    }

    public static string Bullets(int bytes)
    {
        var sb = new StringBuilder();
        for (int d = 0; sb.Length < bytes; d++) sb.Append("- the refugees are said to be here, item ").Append(d).Append('\n');
        return sb.ToString();
    }

    public static string TableRows(int bytes)
    {
        var sb = new StringBuilder("| name | status | note |\n| --- | --- | --- |\n");
        for (int d = 0; sb.Length < bytes; d++) sb.Append("| package ").Append(d).Append(" | builds | reportedly fine |\n");
        return sb.ToString();
    }

    public static bool MarkdigOnly;
    public static string? Filter;
    private static readonly Markdig.MarkdownPipeline Pipeline = new Markdig.MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().UseTaskLists().UseFootnotes().Build();

    public static void Run(double maxMb, bool readOnly)
    {
        var engine = readOnly ? null : new LintEngine(Fixtures.LoadBundledRuleSet());
        Console.WriteLine(readOnly ? "| shape | size | read + segment ms | ms per MB |" : "| shape | size | lint ms | ms per MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, path, make) in Shapes)
        {
            if (Filter is not null && !name.Contains(Filter, StringComparison.OrdinalIgnoreCase)) continue;
            for (double kb = 10; kb <= maxMb * 1024 + 1; kb *= 10)
            {
                string text = make((int)(kb * 1024));
                var source = SourceText.From(text, path);
                Measure(engine, source); // warm-up (JIT)
                var sw = Stopwatch.StartNew();
                int runs = 0;
                do { Measure(engine, source); runs++; } while (sw.ElapsedMilliseconds < 300 && runs < 20);
                double ms = sw.Elapsed.TotalMilliseconds / runs;
                double mb = text.Length / (1024.0 * 1024.0);
                Console.WriteLine($"| {name} | {Size(text.Length)} | {ms:F1} | {ms / mb:F0} |");
            }
        }
    }

    private static void Measure(LintEngine? engine, SourceText source)
    {
        if (MarkdigOnly) { try { Markdig.Markdown.Parse(source.Text, Pipeline); } catch (Exception) { } return; }
        var doc = Document.Create(source);
        if (engine is null) { _ = doc.Sentences; return; }
        engine.Analyze(doc);
    }

    private static string Size(int chars) => chars >= 1024 * 1024 ? $"{chars / (1024.0 * 1024.0):F0} MB" : $"{chars / 1024} KB";
}
