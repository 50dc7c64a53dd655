using System.Text;
using System.Text.Json;
using CsCheck;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Output.Console;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Tests.Properties;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

/// <summary>Whatever the text, the SARIF log of the bundled pack's findings is valid against the OASIS schema.</summary>
public class SarifPropertyTests
{
    private static readonly RuleSet Rules = RuleSet.Compile(RulePackLoader.Load(
        Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => new PackFile(Path.GetFileName(p), File.ReadAllText(p)))).Rules);

    private static readonly LintEngine Engine = new(Rules);

    private static string WriteLog(IReadOnlyList<string> texts, Func<Stream, IReportWriter> create)
    {
        using var stream = new MemoryStream();
        using (var writer = create(stream))
        {
            writer.Begin(new RunInfo
            {
                ToolName = "TextLint",
                ToolVersion = "1.0.0",
                InformationUri = "https://example.org/textlint",
                Rules = Rules.Descriptors,
                WorkingDirectory = "/work/articles",
            });
            for (int i = 0; i < texts.Count; i++)
            {
                var source = SourceText.From(texts[i], $"desk {i}/story #{i}.txt");
                writer.WriteFile(new FileReport(source, Engine.Analyze(Document.Create(source)).Diagnostics));
            }
            writer.End(new RunSummary { FileCount = texts.Count, Elapsed = TimeSpan.Zero });
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Sarif_IsAlwaysSchemaValid_AndItsRegionsAreOrdered()
    {
        // Schema validation costs milliseconds per log: fewer, multi-file logs keep this under a few seconds.
        AdversarialText.Text.Array[1, 6].Sample(texts =>
        {
            string json = WriteLog(texts, s => new SarifWriter(s));
            SarifSchema.AssertValid(json);
            using var log = JsonDocument.Parse(json);
            foreach (var result in log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
                var start = (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
                var end = (region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32());
                Assert.True(start.CompareTo(end) <= 0, $"region {start} > {end}");
            }
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void ConsoleWriter_NeverThrows()
    {
        AdversarialText.Text.Array[1, 4].Sample(texts =>
        {
            using var output = new StringWriter();
            WriteLog(texts, _ => new ConsoleWriter(output));
        }, iter: 500);
    }
}
