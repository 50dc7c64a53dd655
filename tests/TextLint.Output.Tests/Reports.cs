using System.Collections.Immutable;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Output.Tests.Sarif;
using TextLint.Pipeline;
using TextLint.Text;

namespace TextLint.Output.Tests;

/// <summary>Runs any writer over sources linted with the fixture pack (tests/fixtures/sarif/pack.yaml).</summary>
internal static class Reports
{
    public static readonly string FixtureDir = Path.Combine(TestPaths.Fixtures, "sarif");

    public static FileReport Lint(SourceText source)
    {
        var pack = SarifLogs.LoadPack(Path.Combine(FixtureDir, "pack.yaml"));
        var engine = new LintEngine(RuleSet.Compile(pack.Rules));
        return new FileReport(source, engine.Analyze(Document.Create(source)).Diagnostics);
    }

    public static string Write(Func<Stream, TextWriter, IReportWriter> create, IEnumerable<FileReport> files, string workingDirectory = "/work/articles",
        ImmutableArray<ConfigurationDiagnostic> notifications = default)
    {
        var pack = SarifLogs.LoadPack(Path.Combine(FixtureDir, "pack.yaml"));
        using var stream = new MemoryStream();
        var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        int count = 0;
        using (var writer = create(stream, text))
        {
            writer.Begin(new RunInfo
            {
                ToolName = "TextLint",
                ToolVersion = "1.2.3",
                InformationUri = "https://github.com/textlint-dotnet/textlint",
                Rules = RuleSet.Compile(pack.Rules).Descriptors,
                WorkingDirectory = workingDirectory,
            });
            foreach (var f in files)
            {
                writer.WriteFile(f);
                count++;
            }
            writer.End(new RunSummary { FileCount = count, Elapsed = TimeSpan.Zero, ExecutionNotifications = notifications.IsDefault ? [] : notifications });
        }
        text.Flush();
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
