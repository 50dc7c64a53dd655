using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TextLint.Cli.Infrastructure;
using TextLint.Engine;
using TextLint.Output.Sarif;
using TextLint.Output.Tests.Sarif;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// What authors may submit, all at once: the run must finish, report every problem as a notification
/// (SARIF and stderr), lint everything else, and exit 2 when a file could not be read.
/// </summary>
public class HostileInputTests
{
    /// <summary>
    /// Small files in the suite's tree. The 100,000-file tree of the issue is built and run by
    /// tests/stress/hostile-tree.sh (about 10 s on 2 cores: too slow to pay on every test run).
    /// </summary>
    private const int ManySmallFiles = 3_000;

    private static readonly TimeSpan NoHang = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task HostileTree_EveryProblemIsANotification_TheRestIsLinted_AndTheRunExitsTwo()
    {
        using var dir = TestPaths.CreateTempDirectory();
        string tree = Path.Combine(dir.Path, "tree");
        dir.Write("tree/empty.txt", "");
        dir.WriteBytes("tree/binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01]);
        // UTF-8 with one damaged byte: read with U+FFFD in its place, linted, and reported.
        dir.WriteBytes("tree/damaged.txt", [.. Encoding.UTF8.GetBytes("Caf\u00e9 owners \u201csupposedly\u201d left "), 0xFF, .. "the na\u00efve city.\n"u8]);
        // 20 MB on one line, the finding at its very end.
        var oneLine = new StringBuilder(20_000_100);
        while (oneLine.Length < 20_000_000) oneLine.Append("The minister spoke at length about the budget. ");
        oneLine.Append("He supposedly left.");
        dir.Write("tree/one-line.txt", oneLine.ToString());
        for (int i = 0; i < ManySmallFiles; i++)
            dir.Write($"tree/many/{i / 500:D2}/f{i:D5}.txt", $"Story {i}: he supposedly left.\n");
        string deep = "tree/deep/" + string.Join('/', Enumerable.Repeat("d", 300)) + "/bottom.txt";
        dir.Write(deep, "Deep down, it supposedly rained.\n");
        dir.Write("tree/x.txt/inside.txt", "A folder named like an article: it supposedly holds one.\n");
        dir.Write("tree/.git/hidden.txt", "supposedly");
        Directory.CreateDirectory(Path.Combine(tree, "loop"));
        File.CreateSymbolicLink(Path.Combine(tree, "loop", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(tree, "linked.txt"), Path.Combine(tree, "empty.txt"));
        Posix("mkfifo", Path.Combine(tree, "fifo.txt"));
        bool device = TryPosix("mknod", Path.Combine(tree, "null.txt"), "c", "1", "3"); // needs root, as in CI containers
        using (var sparse = File.Create(Path.Combine(tree, "huge.txt"))) sparse.SetLength(LintRunner.DefaultMaxFileSize + 1);
        // Named on the command line: a link whose target vanished, and a link to a device that never ends.
        File.CreateSymbolicLink(Path.Combine(dir.Path, "gone.txt"), Path.Combine(dir.Path, "deleted.txt"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.txt"), "/dev/zero");

        var run = await Task.Run(() => CliRunner.Run(dir.Path, "tree", "gone.txt", "zero.txt", "--format", "sarif", "-o", "report.sarif")).WaitAsync(NoHang);

        Assert.Equal(2, run.ExitCode);
        string json = File.ReadAllText(Path.Combine(dir.Path, "report.sarif"));
        SarifSchema.AssertValid(json);
        using var log = JsonDocument.Parse(json);
        var sarifRun = log.RootElement.GetProperty("runs")[0];
        var invocation = sarifRun.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());

        var notes = invocation.GetProperty("toolExecutionNotifications").EnumerateArray()
            .Select(n => (Id: n.GetProperty("descriptor").GetProperty("id").GetString()!,
                          Level: n.GetProperty("level").GetString()!,
                          Uri: n.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!))
            .ToList();
        var expected = new List<(string, string, string)>
        {
            ("TL9020", "error", "gone.txt"),
            ("TL9028", "error", "zero.txt"),
            ("TL9028", "warning", "tree/fifo.txt"),
            ("TL9022", "error", "tree/huge.txt"), // an article not linted: the run fails
            ("TL9023", "warning", "tree/binary.txt"),
            ("TL9024", "warning", "tree/damaged.txt"),
        };
        if (device) expected.Add(("TL9028", "warning", "tree/null.txt"));
        Assert.Equal(expected.OrderBy(e => e.ToString(), StringComparer.Ordinal), notes.OrderBy(e => e.ToString(), StringComparer.Ordinal));

        // Every notification is also one line on stderr.
        var stderr = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (id, level, uri) in expected)
            Assert.Contains(stderr, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{System.Text.RegularExpressions.Regex.Escape(uri)}(\(\d+,\d+\))?: {level} {id}: "));

        var resultFiles = sarifRun.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("tree/damaged.txt", resultFiles);
        Assert.Contains("tree/one-line.txt", resultFiles);
        Assert.Contains(deep, resultFiles);
        Assert.Contains("tree/x.txt/inside.txt", resultFiles);
        Assert.Equal(ManySmallFiles, resultFiles.Count(f => f.StartsWith("tree/many/", StringComparison.Ordinal)));
        Assert.DoesNotContain(resultFiles, f => f.Contains(".git", StringComparison.Ordinal) || f.Contains("loop", StringComparison.Ordinal));

        var farFinding = sarifRun.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "tree/one-line.txt"
                && r.GetProperty("ruleId").GetString() == "TL1001");
        var region = farFinding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        Assert.Equal(oneLine.Length - "supposedly left.".Length + 1, region.GetProperty("startColumn").GetInt32());

        // Linted files: everything under tree/ that is a regular article, reached without following links.
        int linted = ManySmallFiles + 4 /* damaged, one-line, deep, x.txt/inside */ + 1 /* empty */;
        Assert.Equal(["report.sarif"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Where(n => n!.EndsWith(".sarif") || n.EndsWith(".tmp")));
        var console = await Task.Run(() => CliRunner.Run(dir.Path, "tree")).WaitAsync(NoHang);
        Assert.Matches($@"^{linted} files linted \(1 binary file passed over\): ", console.OutLines[^1]);
        Assert.Equal(2, console.ExitCode); // walked binaries, FIFOs and devices are notices; the article over the size limit fails the run
        Assert.Equal(0, CliRunner.Run(dir.Path, "tree", "--allow-skipped").ExitCode);
    }

    [Fact]
    public async Task FilesThatVanishOrTurnIntoAFifoAfterTheWalk_AreNotifications_AndTheOthersAreLinted()
    {
        using var dir = TestPaths.CreateTempDirectory();
        for (int i = 0; i < 40; i++) dir.Write($"a/{i:D2}.txt", "He supposedly left.\n");
        var problems = new List<TextLint.Diagnostics.ConfigurationDiagnostic>();
        var files = InputFiles.Expand(["a"], dir.Path, problems);
        Assert.Equal(40, files.Count);
        Assert.Empty(problems);

        // Between the walk and the read: one file is deleted, one is replaced by a FIFO (opening it would block).
        File.Delete(Path.Combine(dir.Path, "a/07.txt"));
        File.Delete(Path.Combine(dir.Path, "a/23.txt"));
        Posix("mkfifo", Path.Combine(dir.Path, "a/23.txt"));

        var engine = new LintEngine(RuleSet.Compile(BundledRules.Load()));
        var writer = new RecordingWriter();
        var totals = await Task.Run(() => new LintRunner(engine, jobs: 4).Run(files, [writer])).WaitAsync(NoHang);

        Assert.Equal(38, totals.Files);
        Assert.Equal(38, writer.Paths.Count);
        Assert.Equal(writer.Paths.Order(StringComparer.Ordinal), writer.Paths);
        Assert.Collection(totals.ExecutionNotifications,
            n => Assert.Equal(("TL9021", "a/07.txt", "Could not read the file: it no longer exists."), (n.Code, n.Path, n.Message)),
            n => Assert.Equal(("TL9028", "a/23.txt", "Not read: the path is now a FIFO (named pipe), not a regular file."), (n.Code, n.Path, n.Message)));
        Assert.All(totals.ExecutionNotifications, n => Assert.Equal(TextLint.Diagnostics.Severity.Error, n.Severity));
    }

    [Fact]
    public void ExplicitLinks_AreFollowed_WalkedLinks_AreNot_AndGlobsDoNotLoop()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("real/story.txt", "He supposedly left.\n");
        dir.Write("walk/own.txt", "She supposedly stayed.\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "walk/link.txt"), Path.Combine(dir.Path, "real/story.txt"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "walk/again"), Path.Combine(dir.Path, "walk"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "named.txt"), Path.Combine(dir.Path, "real/story.txt"));

        var explicitLink = CliRunner.Run(dir.Path, "named.txt");
        Assert.StartsWith("named.txt(1,4): warning TL1001", explicitLink.OutLines[0]);

        var walked = CliRunner.Run(dir.Path, "walk");
        Assert.Equal(["walk/own.txt"], walked.OutLines[..^1].Select(l => l[..l.IndexOf('(')]).Distinct());

        var globbed = CliRunner.Run(dir.Path, "walk/**/*.txt");
        Assert.Equal(0, globbed.ExitCode);
        Assert.Equal(["walk/own.txt"], globbed.OutLines[..^1].Select(l => l[..l.IndexOf('(')]).Distinct());
    }

    [Fact]
    public void MaxFileSize_SkipsLargerFiles_WithANotification()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("small.txt", "He supposedly left.\n");
        dir.Write("large.txt", "He supposedly left. " + new string('x', 2048));
        var r = CliRunner.Run(dir.Path, ".", "--max-file-size", "1K");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("large.txt: error TL9022: Skipped: the file is 2,068 bytes, over the 1,024-byte limit (--max-file-size).", r.Error);
        Assert.Single(r.OutLines[..^1]);
        Assert.StartsWith("small.txt(1,4)", r.OutLines[0]);

        var bad = CliRunner.Run(dir.Path, ".", "--max-file-size", "lots");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--max-file-size needs a size such as 50M", bad.Error);
    }

    [Fact]
    public void AFileThatReportsNoLengthButHasContent_IsReadOnlyUpToTheLimit()
    {
        // Files in /proc claim a length of 0 and still have content: the reader must not trust the length.
        const string proc = "/proc/self/status";
        Assert.True(File.Exists(proc) && new FileInfo(proc).Length == 0, "This test needs Linux's /proc.");
        var all = CliRunner.Run(TestPaths.RepoRoot, proc);
        Assert.Matches("^1 file linted", all.OutLines[^1]);
        var limited = CliRunner.Run(TestPaths.RepoRoot, proc, "--max-file-size", "100");
        Assert.Contains("error TL9022: Skipped: the file grew past the 100-byte limit (--max-file-size) while it was read.", limited.Error);
        Assert.Matches("^0 files linted", limited.OutLines[^1]);
    }

    internal static void Posix(string tool, params string[] args) =>
        Assert.True(TryPosix(tool, args), $"{tool} {string.Join(' ', args)} failed");

    private static bool TryPosix(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
