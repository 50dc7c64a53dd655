using System.Text;
using System.Text.Json;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

/// <summary>
/// No file's part of a SARIF log needs a buffer of its own: a file with more than
/// <see cref="SarifWriter.MaxRenderedResults"/> results is not formatted on the worker but streamed into
/// the log, with the same bytes a rendered part would have had; nothing is dropped.
/// </summary>
public class SarifStreamingTests
{
    private const string Pack = """
        id: XT1001
        title: Word
        message: "'{match}' again."
        category: Style
        kind: existence
        tokens: [word]
        """;

    private static readonly RuleSet Rules = RuleSet.Compile(RulePackLoader.Load([new PackFile("p.yaml", Pack)]).Rules);

    private static RunInfo Run => new()
    {
        ToolName = "TextLint",
        ToolVersion = "1.2.3",
        InformationUri = "https://example.org/textlint",
        Rules = Rules.Descriptors,
        WorkingDirectory = "/work/articles",
    };

    private static FileReport Report(string path, int words)
    {
        var source = SourceText.From(string.Concat(Enumerable.Repeat("word ", words)), path);
        return new FileReport(source, new LintEngine(Rules) { MaxFindingsPerRule = int.MaxValue }.Analyze(Document.Create(source)).Diagnostics);
    }

    /// <summary>The log written with each file's part rendered (where the writer renders it) or streamed.</summary>
    private static byte[] Log(FileReport[] reports, bool render)
    {
        using var stream = new MemoryStream();
        using (var writer = new SarifWriter(stream))
        {
            writer.Begin(Run);
            foreach (var r in reports)
            {
                if (render && writer.Render(r) is { } part) writer.WriteRendered(r, part);
                else writer.WriteFile(r);
            }
            writer.End(new RunSummary { FileCount = reports.Length, Elapsed = TimeSpan.Zero });
        }
        return stream.ToArray();
    }

    [Fact]
    public void AFileWithVeryManyResults_IsStreamed_NotRendered_AndNothingIsDropped()
    {
        var small = Report("a.txt", 3);
        var large = Report("b.txt", SarifWriter.MaxRenderedResults + 5);
        using var probe = new SarifWriter(new MemoryStream());
        probe.Begin(Run);
        Assert.NotNull(probe.Render(small));
        Assert.Null(probe.Render(large));

        byte[] rendered = Log([small, large, small], render: true);
        byte[] streamed = Log([small, large, small], render: false);
        Assert.Equal(Encoding.UTF8.GetString(rendered), Encoding.UTF8.GetString(streamed));

        using var log = JsonDocument.Parse(streamed);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(3 + SarifWriter.MaxRenderedResults + 5 + 3, results.GetArrayLength());
    }

    private const string TwoSeverities = """
        id: XT2001
        title: Warned word
        message: "'{match}' warned."
        category: Style
        severity: warning
        kind: existence
        tokens: [alarm]
        ---
        id: XT2002
        title: Noted word
        message: "'{match}' noted."
        category: Style
        severity: info
        kind: existence
        tokens: [note]
        """;

    /// <summary>
    /// Under --max-results, a worker does not format the results the cap can no longer keep (the cap is
    /// full of more important ones), and the log is byte for byte the one written without rendering, even
    /// when the parts were rendered several files ahead of the ordered writer, with an older cut-off.
    /// </summary>
    [Fact]
    public void ResultsTheCapCanNoLongerKeep_AreNotRendered_AndTheLogIsTheSame()
    {
        var rules = RuleSet.Compile(RulePackLoader.Load([new PackFile("p.yaml", TwoSeverities)]).Rules);
        var run = Run with { Rules = rules.Descriptors };
        var engine = new LintEngine(rules);
        var reports = Enumerable.Range(0, 12).Select(i =>
        {
            // Notes first, then files with warnings that push the kept notes out.
            string text = i < 6 ? "note note note. alarm." : "alarm note alarm note.";
            var source = SourceText.From(text, $"f{i:00}.txt");
            return new FileReport(source, engine.Analyze(Document.Create(source)).Diagnostics);
        }).ToArray();

        byte[] Write(int ahead, List<RenderedPart>? parts)
        {
            using var stream = new MemoryStream();
            using (var writer = new SarifWriter(stream, maxResults: 10))
            {
                writer.Begin(run);
                var pending = new Queue<(FileReport, RenderedPart?)>();
                foreach (var r in reports)
                {
                    // Rendering runs ahead of writing, as workers do.
                    pending.Enqueue((r, ahead < 0 ? null : writer.Render(r)));
                    if (pending.Count > ahead) Flush();
                }
                while (pending.Count > 0) Flush();
                writer.End(new RunSummary { FileCount = reports.Length, Elapsed = TimeSpan.Zero });

                void Flush()
                {
                    var (report, part) = pending.Dequeue();
                    if (part is null) writer.WriteFile(report);
                    else
                    {
                        parts?.Add(part);
                        writer.WriteRendered(report, part);
                    }
                }
            }
            return stream.ToArray();
        }

        string streamed = Encoding.UTF8.GetString(Write(-1, null));
        foreach (int ahead in new[] { 0, 1, 3 })
        {
            var parts = new List<RenderedPart>();
            Assert.Equal(streamed, Encoding.UTF8.GetString(Write(ahead, parts)));
            // The test is only worth something if parts did leave results out.
            Assert.Contains(parts, p => p.LeftOutFromRank < ResultCap.RankCount);
        }
        using var log = JsonDocument.Parse(streamed);
        Assert.Equal(10, log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }
}
