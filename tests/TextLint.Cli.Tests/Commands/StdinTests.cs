using System.Text;
using System.Text.Json;

namespace TextLint.Cli.Tests.Commands;

/// <summary>`--stdin --stdin-filename`: what an editor sends must be reported exactly as the saved file would be.</summary>
public class StdinTests
{
    private const string Article = "# Talks\n\nHe supposedly left Kiev.\n\n```\nsupposedly in code\n```\n";

    private static string[] Findings(CliResult r) => r.OutLines[..^1];

    [Theory]
    [InlineData("drafts/story.md")]
    [InlineData("drafts/story.txt")]
    public void Stdin_IsReportedAsTheNamedFile_Would_Be(string name)
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write(name, Article);
        var fromFile = CliRunner.Run(dir.Path, name);
        var fromStdin = CliRunner.RunWithInput(dir.Path, Article, "--stdin", "--stdin-filename", name);
        Assert.Equal(fromFile.ExitCode, fromStdin.ExitCode);
        Assert.NotEmpty(Findings(fromStdin));
        Assert.Equal(Findings(fromFile), Findings(fromStdin));
        Assert.StartsWith(name + "(3,4): warning TL1001", fromStdin.OutLines[0]);
    }

    [Fact]
    public void TheNamesExtension_PicksMarkdownOrText()
    {
        // Markdown's fenced code is not prose; in a .txt file the same line is.
        var md = CliRunner.RunWithInput(TestPaths.RepoRoot, Article, "--stdin", "--stdin-filename", "story.md");
        var txt = CliRunner.RunWithInput(TestPaths.RepoRoot, Article, "--stdin", "--stdin-filename", "story.txt");
        Assert.DoesNotContain(Findings(md), l => l.StartsWith("story.md(6,", StringComparison.Ordinal));
        Assert.Contains(Findings(txt), l => l.StartsWith("story.txt(6,1): warning TL1001", StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_FromStdin_IsTheSarifOfTheFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a b/story.md", Article);
        var fromFile = CliRunner.Run(dir.Path, "a b/story.md", "--format", "sarif");
        var fromStdin = CliRunner.RunWithInput(dir.Path, Article, "--stdin", "--stdin-filename", Path.Combine(dir.Path, "a b/story.md"), "--format", "sarif");
        using var doc = JsonDocument.Parse(fromStdin.Out);
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal("a%20b/story.md", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(Results(fromFile.Out), Results(fromStdin.Out));
    }

    private static string Results(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        return doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetRawText();
    }

    [Fact]
    public void WithoutAName_StdinIsPlainText_NamedStdin()
    {
        var r = CliRunner.RunWithInput(TestPaths.RepoRoot, "He supposedly left.", "--stdin");
        Assert.Equal("<stdin>(1,4): warning TL1001: 'supposedly' attributes the claim to no one; name the source or say how it is known.", r.OutLines[0]);
        Assert.StartsWith("1 file linted", r.OutLines[^1]);
    }

    [Fact]
    public void Dash_AsTheOnlyPath_ReadsStdin()
    {
        var r = CliRunner.RunWithInput(TestPaths.RepoRoot, "He supposedly left.", "-");
        Assert.StartsWith("<stdin>(1,4): warning TL1001", r.OutLines[0]);
    }

    [Fact]
    public void Stdin_IsDecodedAsFilesAre()
    {
        byte[] utf16 = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("He supposedly left.")];
        var r = CliRunner.RunWithInput(TestPaths.RepoRoot, utf16, "--stdin", "--stdin-filename", "x.txt");
        Assert.StartsWith("x.txt(1,4): warning TL1001", r.OutLines[0]);
    }

    [Fact]
    public void EmptyStdin_LintsAnEmptyFile()
    {
        var r = CliRunner.RunWithInput(TestPaths.RepoRoot, "", "--stdin");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("1 file linted: 0 findings", r.OutLines[0]);
    }

    [Fact]
    public void StdinOverTheSizeLimit_IsSkipped_WithANotification()
    {
        var r = CliRunner.RunWithInput(TestPaths.RepoRoot, "He supposedly left, and more words follow.", "--stdin", "--stdin-filename", "big.txt", "--max-file-size", "10");
        Assert.Contains("big.txt: warning TL9022: Skipped: standard input is over the 10-byte limit.", r.Error);
        Assert.DoesNotContain("TL1001", r.Out);
    }

    [Theory]
    [InlineData("--stdin", "a.txt")]
    [InlineData("-", "a.txt")]
    [InlineData("--stdin-filename", "a.txt")]
    public void StdinMixedWithPaths_OrANameWithoutStdin_IsAUsageError(string first, string second)
    {
        var r = CliRunner.RunWithInput(TestPaths.RepoRoot, "x", first, second);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("usage: dotnet textlint", r.Error);
        Assert.Equal("", r.Out);
    }
}
