using System.Text.Json;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Rules;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>User patterns and failing rules, end to end: the run finishes and says what went wrong.</summary>
public class PathologicalRuleTests
{
    private const string Header = """
        title: Pattern
        message: "'{match}' matched."
        category: Style
        kind: existence
        examples:
          - bad: "[|x|]"
          - good: "y"

        """;

    private static string Rule(string id, string regex) => $"id: {id}\n{Header}regex: ['{regex}']\n";

    [Fact]
    public async Task CatastrophicPattern_RunsInLinearTime_OverFiftyThousandCharacters()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/rule.yaml", Rule("XX0001", "(a+)+$").Replace("[|x|]", "[|aaa|]").Replace("\"y\"", "\"aaa!\""));
        dir.Write("a.txt", new string('a', 50_000) + "!\n");
        var r = await Task.Run(() => CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules")).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error); // no timeout notification: the pattern ran on the linear-time engine
        Assert.Matches("^1 file linted: 0 findings", r.OutLines[^1]);
    }

    [Fact]
    public void BacktrackingOnlyPattern_TimesOut_AndTheNotificationReachesSarifAndStderr()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/slow.yaml", Rule("XX0002", @"(?<=^|\s)(a+)+b").Replace("[|x|]", " [|aab|]").Replace("\"y\"", "\"aaa!\""));
        dir.Write("pack/fast.yaml", Rule("XX0003", "left").Replace("[|x|]", "[|left|]"));
        dir.Write("a.txt", "He left. " + new string('a', 50_000) + "!\n");
        dir.Write("b.txt", "She left.\n");
        var r = CliRunner.Run(dir.Path, ".", "--rules", "pack", "--no-default-rules", "--format", "sarif");

        Assert.Equal(2, r.ExitCode); // a timeout is an error: a.txt is not completely linted (the rest of the run is)
        Assert.Contains("a.txt: error TL9010: Rule XX0002 was stopped on this file: The pattern '(?<=^|\\s)(a+)+b' timed out.", r.Error);
        using var log = JsonDocument.Parse(r.Out);
        var run = log.RootElement.GetProperty("runs")[0];
        var note = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("TL9010", note.GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Contains("XX0002", note.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("a.txt", note.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        // The other rule still reported both files.
        Assert.Equal(2, run.GetProperty("results").EnumerateArray().Count(x => x.GetProperty("ruleId").GetString() == "XX0003"));
    }

    /// <summary>Throws for one file: a stand-in for any bug outside the rules (the runner's last line of defence).</summary>
    private sealed class FailingSeverities(string failOn) : ISeverityProvider
    {
        public Severity GetSeverity(RuleDescriptor rule, string path) =>
            path == failOn ? throw new InvalidOperationException("configuration exploded") : DefaultSeverityProvider.Instance.GetSeverity(rule, path);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task AnUnexpectedExceptionOnOneFile_IsANotificationForThatFile_AndNeitherCrashesNorStallsTheRun(int jobs)
    {
        using var dir = TestPaths.CreateTempDirectory();
        for (int i = 0; i < 200; i++) dir.Write($"a/{i:D3}.txt", "He reportedly left.\n");
        var files = InputFiles.Expand(["a"], dir.Path, new List<ConfigurationDiagnostic>());
        var engine = new LintEngine(RuleSet.Compile(BundledRules.Load()), new FailingSeverities("a/017.txt"));
        var writer = new RecordingWriter();

        var totals = await Task.Run(() => new LintRunner(engine, jobs).Run(files, [writer])).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(199, writer.Paths.Count);
        Assert.DoesNotContain("a/017.txt", writer.Paths);
        var n = Assert.Single(totals.ExecutionNotifications);
        Assert.Equal(("TL9029", Severity.Error, "a/017.txt"), (n.Code, n.Severity, n.Path));
        Assert.StartsWith("Internal error while linting this file (InvalidOperationException: configuration exploded.)", n.Message);
    }

    [Fact]
    public void Cancellation_StopsTheRunnerBetweenFiles_WithoutWaitingForever()
    {
        using var dir = TestPaths.CreateTempDirectory();
        for (int i = 0; i < 500; i++) dir.Write($"a/{i:D3}.txt", "He reportedly left.\n");
        var files = InputFiles.Expand(["a"], dir.Path, new List<ConfigurationDiagnostic>());
        var engine = new LintEngine(RuleSet.Compile(BundledRules.Load()));
        using var cancel = new CancellationTokenSource();
        var writer = new CancellingWriter(after: 50, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => new LintRunner(engine, jobs: 4).Run(files, [writer], cancel.Token));
        Assert.Equal(50, writer.Count);
    }

    private sealed class CancellingWriter(int after, CancellationTokenSource cancel) : TextLint.Output.IReportWriter
    {
        public int Count;
        public void Begin(TextLint.Output.RunInfo run) { }
        public void WriteFile(TextLint.Pipeline.FileReport file) { if (++Count == after) cancel.Cancel(); }
        public void End(TextLint.Output.RunSummary summary) { }
        public void Dispose() { }
    }
}
