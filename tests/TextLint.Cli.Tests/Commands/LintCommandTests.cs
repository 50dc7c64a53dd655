using System.Text.Json;
using System.Text.RegularExpressions;

namespace TextLint.Cli.Tests.Commands;

public class LintCommandTests
{
    private const string ErrorRule = """
        id: XX0001
        title: Forbidden word
        message: "'{match}' is forbidden."
        category: Style
        severity: error
        kind: existence
        tokens: [forbidden]
        examples:
          - bad: "a [|forbidden|] word"
          - good: "an allowed word"
        """;

    [Fact]
    public void Samples_ProduceCanonicalLines_SortedByPathThenPosition()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "tests/samples");
        Assert.Equal(0, r.ExitCode);
        var lines = r.OutLines;
        var findings = lines[..^1];
        Assert.NotEmpty(findings);
        var pattern = new Regex(@"^(?<path>[^()]+)\((?<line>\d+),(?<col>\d+)\): (error|warning|info) [A-Z]{2,}\d+: .+$");
        var keys = findings.Select(l =>
        {
            var m = pattern.Match(l);
            Assert.True(m.Success, "Not canonical: " + l);
            Assert.StartsWith("tests/samples/", m.Groups["path"].Value);
            return (m.Groups["path"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value));
        }).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2).ThenBy(k => k.Item3), keys);
        Assert.Matches(@"^5 files linted: \d+ findings \(0 errors, \d+ warnings, \d+ info(; \d+ fixable with --fix)?(; \d+ more fixable with --unsafe-fixes)?\) in \d+\.\d\d s\.$", lines[^1]);
    }

    [Fact]
    public void ErrorLevelFinding_ExitsOne()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/rule.yaml", ErrorRule);
        dir.Write("a.txt", "A forbidden word.\n");
        var r = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("a.txt(1,3): error XX0001: 'forbidden' is forbidden.", r.OutLines[0]);
    }

    [Fact]
    public void BrokenPack_ExitsTwo_WithFileLineAndColumn_AndNoStackTrace()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/rule.yaml", ErrorRule.Replace("kind: existence", "kind: existance"));
        dir.Write("a.txt", "text");
        var r = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("pack/rule.yaml(6,7): error TL9002: rule XX0001: Unknown rule kind 'existance'", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "--formt", "sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Unknown option '--formt'. Did you mean '--format'?", r.Error);
        Assert.Contains("usage: dotnet textlint", r.Error);
    }

    [Fact]
    public void MissingPath_ExitsTwo_ButLintsTheRest()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "He supposedly left.");
        var r = CliRunner.Run(dir.Path, "a.txt", "missing.txt");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("No such file or folder: 'missing.txt'", r.Error);
        Assert.Contains("a.txt(1,4): warning TL1001", r.Out);
    }

    [Fact]
    public void Folders_AreSearchedForArticles_Only()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a/one.md", "supposedly");
        dir.Write("a/b/two.markdown", "supposedly");
        dir.Write("a/three.txt", "supposedly");
        dir.Write("a/skip.json", "supposedly");
        dir.Write("a/.hidden/four.txt", "supposedly");
        var r = CliRunner.Run(dir.Path, "a");
        Assert.Equal(["a/b/two.markdown", "a/one.md", "a/three.txt"], r.OutLines[..^1].Select(l => l[..l.IndexOf('(')]));
    }

    [Fact]
    public void Globs_AreExpanded()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("drafts/x/one.md", "supposedly");
        dir.Write("drafts/two.txt", "supposedly");
        var r = CliRunner.Run(dir.Path, "drafts/**/*.md");
        Assert.Single(r.OutLines[..^1]);
        Assert.StartsWith("drafts/x/one.md(1,1)", r.OutLines[0]);
    }

    [Fact]
    public void Sarif_ToAFile_IsCompleteAndValidJson_AndNothingElseIsLeft()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "He supposedly left Kiev.");
        var r = CliRunner.Run(dir.Path, "a.txt", "--format", "sarif", "-o", "out/report.sarif");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out/report.sarif")));
        Assert.Equal(2, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Equal(["report.sarif"], Directory.GetFiles(Path.Combine(dir.Path, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Sarif_IsTheSame_WithOneJobOrMany()
    {
        var one = CliRunner.Run(TestPaths.RepoRoot, "tests/samples", "--format", "sarif", "--jobs", "1");
        var many = CliRunner.Run(TestPaths.RepoRoot, "tests/samples", "--format", "sarif", "--jobs", "4");
        Assert.Equal(one.Out, many.Out);
    }

    [Fact]
    public void Version_PrintsThePackageVersion()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Out);
    }

    [Fact]
    public void TestRules_PassesOnTheBundledPack_AndFailsOnABadExample()
    {
        Assert.Equal(0, CliRunner.Run(TestPaths.RepoRoot, "test-rules").ExitCode);
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/rule.yaml", ErrorRule.Replace("a [|forbidden|] word", "[|a|] forbidden word"));
        var r = CliRunner.Run(dir.Path, "test-rules", "pack");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("pack/rule.yaml(9,10): error XX0001: The findings differ from the [|...|] marks.", r.Out);
        Assert.Contains("expected: [|a|] forbidden word", r.Out);
        Assert.Contains("actual:   a [|forbidden|] word", r.Out);
    }
}
