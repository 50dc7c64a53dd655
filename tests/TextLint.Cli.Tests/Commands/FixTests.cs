using System.Diagnostics;
using System.Text;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Output;
using TextLint.Pipeline;
using TextLint.Text;

namespace TextLint.Cli.Tests.Commands;

/// <summary>--fix, --unsafe-fixes and --diff against real files: what is written, what is never touched.</summary>
public class FixTests
{
    private static readonly string FixtureDir = Path.Combine(TestPaths.Fixtures, "sarif");
    private static readonly DateTime Past = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    /// <summary>A temporary copy of the fixture articles and their pack.</summary>
    private static TempDirectory CopyFixtures()
    {
        var dir = TestPaths.CreateTempDirectory();
        foreach (string f in Directory.EnumerateFiles(FixtureDir).Where(f => f.EndsWith(".txt") || f.EndsWith(".yaml")))
            File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        return dir;
    }

    private static CliResult Lint(string dir, params string[] extra) =>
        CliRunner.Run(dir, ["--rules", "pack.yaml", "--no-default-rules", .. extra]);

    /// <summary>Decodes a file as an independent reader would: BOM-detecting StreamReader, the BOM not part of the text.</summary>
    private static string ReadText(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void Fix_WritesSafeFixes_KeepsBomAndLineEnds_AndTouchesNoOtherFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.WriteBytes("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Talks in Kiev.\r\nThey utilize it in KIEV.\r\n")]);
        dir.Write("clean.txt", "Nothing to fix, reportedly.\n");
        dir.Write("unsafe-only.txt", "They utilize it.\n");
        foreach (var f in Directory.GetFiles(dir.Path)) File.SetLastWriteTimeUtc(f, Past);
        File.Copy(Path.Combine(FixtureDir, "pack.yaml"), Path.Combine(dir.Path, "pack.yaml"));

        var r = Lint(dir.Path, "a.txt", "clean.txt", "unsafe-only.txt", "--fix");
        Assert.Equal(0, r.ExitCode); // the two error-level findings were fixed
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Talks in Kyiv.\r\nThey utilize it in KYIV.\r\n")], File.ReadAllBytes(Path.Combine(dir.Path, "a.txt")));
        Assert.Equal(Past, File.GetLastWriteTimeUtc(Path.Combine(dir.Path, "clean.txt")));
        Assert.Equal(Past, File.GetLastWriteTimeUtc(Path.Combine(dir.Path, "unsafe-only.txt")));
        Assert.Equal("They utilize it.\n", File.ReadAllText(Path.Combine(dir.Path, "unsafe-only.txt")));
        Assert.Contains("2 fixed", r.Out);
        // The report shows the files as they now are: no Kiev left, the remaining findings at their new places.
        Assert.DoesNotContain("XT7501", r.Out);
        Assert.Contains("clean.txt(1,17): warning XT1001", r.Out);
        Assert.Equal(["a.txt", "clean.txt", "pack.yaml", "unsafe-only.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // A second run finds nothing to fix and writes nothing.
        File.SetLastWriteTimeUtc(Path.Combine(dir.Path, "a.txt"), Past);
        var again = Lint(dir.Path, "a.txt", "clean.txt", "unsafe-only.txt", "--fix");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("fixed", again.Out);
        Assert.All(Directory.GetFiles(dir.Path, "*.txt"), f => Assert.Equal(Past, File.GetLastWriteTimeUtc(f)));
    }

    [Fact]
    public void UnsafeFixes_NeedTheirFlag()
    {
        using var dir = CopyFixtures();
        Lint(dir.Path, "crlf.txt", "--fix");
        Assert.Contains("They utilize it.", File.ReadAllText(Path.Combine(dir.Path, "crlf.txt")));
        var r = Lint(dir.Path, "crlf.txt", "--fix", "--unsafe-fixes");
        Assert.Contains("They use it.", File.ReadAllText(Path.Combine(dir.Path, "crlf.txt")));
        Assert.Contains("1 fixed", r.Out);
    }

    public static TheoryData<string, bool> FixableArticles => new()
    {
        { "bom.txt", false }, { "crlf.txt", false }, { "crlf.txt", true }, { "tabs.txt", false },
        { "emoji.txt", false }, { "combining.txt", false }, { "fix.txt", false }, { "fix.txt", true },
    };

    [Theory]
    [MemberData(nameof(FixableArticles))]
    public void WhatFixWrites_EqualsTheSarifFixesAppliedToTheOriginal(string name, bool includeUnsafe)
    {
        using var dir = CopyFixtures();
        string path = Path.Combine(dir.Path, name);
        string original = ReadText(path);
        byte[] originalBytes = File.ReadAllBytes(path);
        string[] unsafeFlag = includeUnsafe ? ["--unsafe-fixes"] : [];

        var log = Lint(dir.Path, name, "--format", "sarif");
        Assert.True(log.ExitCode is 0 or 1, log.Error);
        string expected = SarifReplacements.Apply(log.Out, name, original, includeUnsafe);
        Assert.NotEqual(original, expected);

        var fix = Lint(dir.Path, [name, "--fix", .. unsafeFlag]);
        Assert.True(fix.ExitCode is 0 or 1, fix.Error);
        Assert.Equal(expected, ReadText(path));
        // Same encoding and BOM as before.
        bool hadBom = originalBytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF });
        Assert.Equal(hadBom, File.ReadAllBytes(path).AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));

        // And --diff shows exactly that change: git apply on the original gives the same bytes.
        File.WriteAllBytes(path, originalBytes);
        var diff = Lint(dir.Path, [name, "--diff", .. unsafeFlag]);
        Assert.Equal(originalBytes, File.ReadAllBytes(path));
        byte[] fixedBytes = ApplyWithGit(dir.Path, diff.Out);
        Assert.Equal(expected, ReadText(path));
        Assert.NotEqual(originalBytes, fixedBytes);
    }

    private static byte[] ApplyWithGit(string dir, string diff)
    {
        string patch = Path.Combine(dir, "fix.diff");
        File.WriteAllText(patch, diff, new UTF8Encoding(false));
        var psi = new ProcessStartInfo("git", ["apply", "-p1", "--whitespace=nowarn", patch]) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        using var git = Process.Start(psi)!;
        string error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        File.Delete(patch);
        Assert.True(git.ExitCode == 0, $"git apply failed: {error}\n{diff}");
        return File.ReadAllBytes(Path.Combine(dir, diff.Split('\n')[0]["--- a/".Length..]));
    }

    [Fact]
    public void Diff_ChangesNoFile_AndExitsAsLintDoes()
    {
        using var dir = CopyFixtures();
        var before = Snapshot(dir.Path);
        var lint = Lint(dir.Path, ".");
        var diff = Lint(dir.Path, ".", "--diff");
        Assert.Equal(lint.ExitCode, diff.ExitCode);
        Assert.Equal(1, diff.ExitCode);
        Assert.Equal(before, Snapshot(dir.Path));
        Assert.StartsWith("--- a/bom.txt\n+++ b/bom.txt\n@@ ", diff.Out);
        Assert.DoesNotContain("linted", diff.Out); // stdout is the diff alone
        Assert.Matches(@"Would apply \d+ fixes to \d+ files\.", diff.Error);
    }

    [Fact]
    public void Diff_WithOutput_StillWritesTheReport()
    {
        using var dir = CopyFixtures();
        var r = Lint(dir.Path, "bom.txt", "--diff", "--format", "json", "-o", "report.json");
        Assert.StartsWith("--- a/bom.txt", r.Out);
        Assert.Contains("\"rule\": \"XT7501\"", File.ReadAllText(Path.Combine(dir.Path, "report.json")));
    }

    [Fact]
    public void DamagedUtf8_IsNotRewritten()
    {
        using var dir = CopyFixtures();
        byte[] before = File.ReadAllBytes(Path.Combine(dir.Path, "damaged-utf8.txt"));
        var r = Lint(dir.Path, "damaged-utf8.txt", "--fix");
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir.Path, "damaged-utf8.txt")));
        Assert.Contains("damaged-utf8.txt: warning TL9062: The file is not valid UTF-8, so writing it back would replace its invalid bytes; 1 fix was not applied.", r.Error);
        Assert.Equal(1, r.ExitCode); // the error-level finding is still there
    }

    [Fact]
    public void LegacyCodePage_IsWrittenBackInIt()
    {
        using var dir = CopyFixtures();
        string path = dir.WriteBytes("legacy.txt", [.. "Caf"u8, 0xE9, .. " in Kiev.\n"u8]);
        var r = Lint(dir.Path, "legacy.txt", "--fix", "--encoding", "windows-1252");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([.. "Caf"u8, 0xE9, .. " in Kyiv.\n"u8], File.ReadAllBytes(path));
    }

    [Fact]
    public void Utf16_AndFileMode_AreKept()
    {
        using var dir = TestPaths.CreateTempDirectory();
        File.Copy(Path.Combine(FixtureDir, "pack.yaml"), Path.Combine(dir.Path, "pack.yaml"));
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        string path = dir.WriteBytes("u.txt", [.. utf16.GetPreamble(), .. utf16.GetBytes("Kiev 😀\n")]);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherExecute);
        Lint(dir.Path, "u.txt", "--fix");
        Assert.Equal([.. utf16.GetPreamble(), .. utf16.GetBytes("Kyiv 😀\n")], File.ReadAllBytes(path));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(path));
    }

    [Fact]
    public void ReadOnlyFile_IsNotChanged_AndTheRunSaysSo()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = CopyFixtures();
        string path = Path.Combine(dir.Path, "fix.txt");
        byte[] before = File.ReadAllBytes(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var r = Lint(dir.Path, "fix.txt", "--fix");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("fix.txt: error TL9061: The file is read-only; it was not fixed.", r.Error);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Path, "*fix.txt*"));
    }

    [Fact]
    public void SymbolicLink_StaysALink_AndItsTargetIsFixed()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = CopyFixtures();
        dir.Write("real/story.txt", "Kiev\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link.txt"), Path.Combine("real", "story.txt"));
        Lint(dir.Path, "link.txt", "--fix");
        Assert.NotNull(new FileInfo(Path.Combine(dir.Path, "link.txt")).LinkTarget);
        Assert.Equal("Kyiv\n", File.ReadAllText(Path.Combine(dir.Path, "real", "story.txt")));
    }

    [Fact]
    public void HiddenFindings_AreNotFixed()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack.yaml", File.ReadAllText(Path.Combine(FixtureDir, "pack.yaml")).Replace("severity: error", "severity: hidden"));
        dir.Write("a.txt", "Kiev\n");
        Lint(dir.Path, "a.txt", "--fix");
        Assert.Equal("Kiev\n", File.ReadAllText(Path.Combine(dir.Path, "a.txt")));
    }

    [Fact]
    public void OnlyWhatIsReported_IsFixed_NotCodeNorSuppressedText()
    {
        using var dir = CopyFixtures();
        string md = "# Kiev\n\nTalks in Kiev, `Kiev` in code.\n\n<!-- textlint-disable-next-line XT7501 -- the speaker's words -->\nKiev, he said.\n\n```\nKiev\n```\n";
        string path = dir.Write("story.md", md);
        var r = Lint(dir.Path, "story.md", "--fix");
        Assert.Equal(md.Replace("# Kiev", "# Kyiv").Replace("Talks in Kiev", "Talks in Kyiv"), File.ReadAllText(path));
        Assert.Contains("2 fixed", r.Out);
        Assert.Contains("1 suppressed", r.Out);
        // With suppressions ignored, the suppressed finding is reported and fixed too.
        Lint(dir.Path, "story.md", "--fix", "--no-inline-suppressions");
        Assert.Contains("Kyiv, he said.", File.ReadAllText(path));
        Assert.Contains("`Kiev` in code", File.ReadAllText(path));
    }

    [Fact]
    public void BaselinedFindings_AreNotFixed()
    {
        using var dir = CopyFixtures();
        string path = dir.Write("a.txt", "Talks in Kiev.\n");
        Assert.Equal(0, Lint(dir.Path, "a.txt", "--baseline", "textlint.baseline.json", "--update-baseline").ExitCode);
        File.AppendAllText(path, "Kiev again.\n");
        var r = Lint(dir.Path, "a.txt", "--baseline", "textlint.baseline.json", "--fix");
        Assert.Equal("Talks in Kiev.\nKyiv again.\n", File.ReadAllText(path));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1 in baseline", r.Out);
        Assert.DoesNotContain("no longer occur", r.Error);
    }

    [Fact]
    public void OverlappingFixes_FirstInFileOrderWins_TheOthersWaitForTheNextPass()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack.yaml", """
            id: XO1001
            title: Kyiv
            message: "Use '{replacement}' instead of '{match}'."
            category: Terminology
            kind: substitution
            swap: {Kiev: Kyiv}
            ---
            id: XO1002
            title: Talks
            message: "Use '{replacement}' instead of '{match}'."
            category: Terminology
            kind: substitution
            swap: {Kiev talks: negotiations in Kyiv}
            """);
        dir.Write("a.txt", "Kiev talks resumed. Kiev again.\n");
        var r = Lint(dir.Path, "a.txt", "--fix");
        Assert.Equal("Kyiv talks resumed. Kyiv again.\n", File.ReadAllText(Path.Combine(dir.Path, "a.txt")));
        // The second rule's fix overlapped the first and waited; after the first pass its phrase is gone.
        Assert.DoesNotContain("TL9063", r.Error);
        Assert.Contains("2 fixed", r.Out);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void FileChangedSinceItWasRead_IsLeftAlone_AndReported()
    {
        using var dir = TestPaths.CreateTempDirectory();
        string path = dir.Write("a.txt", "Talks in Kiev.\n");
        var pack = RulePackLoader.Load([new PackFile("pack.yaml", File.ReadAllText(Path.Combine(FixtureDir, "pack.yaml")))]);
        var engine = new LintEngine(RuleSet.Compile(pack.Rules));
        var source = TextDecoder.Decode("a.txt", File.ReadAllBytes(path)).Text!;
        var report = new FileReport(source, engine.Analyze(Document.Create(source)).Diagnostics);

        // An editor saves the file between the read and the replacement.
        var fixer = new FixWriter(FixSafety.Safe, write: true, dir.Path) { BeforeReplace = target => File.WriteAllText(target, "Talks in Kiev, edited.\n") };
        var notes = new List<ConfigurationDiagnostic>();
        var result = fixer.Apply(report, Relint(engine), notes);

        Assert.Equal("Talks in Kiev, edited.\n", File.ReadAllText(path));
        var note = Assert.Single(notes);
        Assert.Equal(FixWriter.ChangedCode, note.Code);
        Assert.Null(result.Fixes);
        Assert.Equal(["a.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName)); // no temporary file left

        // Without the interference the same fixer writes the file.
        var plain = new FixWriter(FixSafety.Safe, write: true, dir.Path);
        File.WriteAllText(path, "Talks in Kiev.\n");
        Assert.True(plain.Apply(report, Relint(engine), notes).Fixes is { Written: true });
        Assert.Equal("Talks in Kyiv.\n", File.ReadAllText(path));
    }

    private static Func<SourceText, FileAnalysis> Relint(LintEngine engine) => text =>
    {
        var a = engine.Analyze(Document.Create(text));
        return new FileAnalysis(a.Diagnostics, a.Notifications);
    };

    [Fact]
    public void FixAndSarif_TheLogDescribesTheFixedFiles()
    {
        using var dir = CopyFixtures();
        var r = Lint(dir.Path, "fix.txt", "--fix", "--sarif", "fixed.sarif");
        string log = File.ReadAllText(Path.Combine(dir.Path, "fixed.sarif"));
        Assert.DoesNotContain("\"ruleId\": \"XT7501\"", log);
        Assert.Contains("\"ruleId\": \"XT7502\"", log); // the unsafe fix was not applied
        Assert.Contains("6 fixed", r.Out);
    }

    [Theory]
    [InlineData("--unsafe-fixes", "--unsafe-fixes needs --fix or --diff.")]
    [InlineData("--fix --diff", "--fix writes the fixes and --diff only shows them; give one of them.")]
    public void ConflictingFixOptions_AreUsageErrors(string options, string message)
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, ["tests/samples", .. options.Split(' ')]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
    }
}
