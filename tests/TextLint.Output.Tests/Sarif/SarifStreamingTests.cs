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
}
