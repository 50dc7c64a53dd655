using System.Text.Json;

namespace TextLint.Cli.Tests.Inputs;

/// <summary>A folder or glob that yields nothing to lint is an error naming it (exit 2), as ESLint's "No files matching the pattern"; --allow-empty accepts it.</summary>
public class EmptyInputTests
{
    private static TempDirectory Project()
    {
        var dir = TestPaths.CreateTempDirectory();
        dir.Write("articles/a.md", "He supposedly left.\n");
        dir.Write("html/index.html", "<p>He supposedly left.</p>\n");
        dir.Write("empty/.keep", "");
        return dir;
    }

    private static void AssertMatchedNothing(CliResult r, string input, bool glob)
    {
        Assert.Equal(2, r.ExitCode);
        string expected = glob
            ? $"{input}: error TL9090: No files matching the pattern '{input}' were found"
            : $"{input}: error TL9090: No file to lint (*.txt, *.md, *.markdown) was found in '{input}'";
        Assert.Contains(expected, r.Error);
        Assert.Contains("nothing was linted", r.Error);
        Assert.DoesNotContain("TL1001", r.Out); // nothing was linted, not even the inputs that matched
    }

    [Theory]
    [InlineData("missing/*.md", true)]              // a glob whose folder does not exist
    [InlineData("articles/*.txt", true)]            // a glob that matches no file
    [InlineData("articles/*.{txt,markdown}", true)] // a brace glob that matches no file
    [InlineData("html", false)]                     // a folder of files that are not articles
    [InlineData("empty", false)]                    // a folder with only hidden files
    public void AnInputThatMatchesNothing_IsAnError_NamingIt(string input, bool glob)
    {
        using var dir = Project();
        AssertMatchedNothing(CliRunner.Run(dir.Path, "articles", input), input, glob);
    }

    [Fact]
    public void TheDefaultFolder_WithNothingToLint_IsAnError()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("index.html", "<p>x</p>\n");
        AssertMatchedNothing(CliRunner.Run(dir.Path), ".", glob: false);
    }

    [Fact]
    public void AFolderWhoseFilesAreAllIgnored_MatchesNothing()
    {
        using var dir = Project();
        dir.Write("articles/.textlintignore", "*.md\n");
        AssertMatchedNothing(CliRunner.Run(dir.Path, "articles"), "articles", glob: false);
        Assert.Equal(0, CliRunner.Run(dir.Path, "articles", "--no-ignore").ExitCode);
    }

    [Fact]
    public void AGlobWhoseFilesAreAllExcludedByTextlintYaml_MatchesNothing()
    {
        using var dir = Project();
        dir.Write("textlint.yaml", "exclude: [articles]\n");
        AssertMatchedNothing(CliRunner.Run(dir.Path, "**/*.md"), "**/*.md", glob: true);
    }

    [Fact]
    public void AllowEmpty_OnTheCommandLineOrInTextlintYaml_AcceptsIt()
    {
        using var dir = Project();
        var flag = CliRunner.Run(dir.Path, "html", "--allow-empty");
        Assert.Equal(0, flag.ExitCode);
        Assert.Matches("^0 files linted", flag.OutLines[^1]);
        Assert.Equal("", flag.Error);

        dir.Write("textlint.yaml", "allowEmpty: true\n");
        Assert.Equal(0, CliRunner.Run(dir.Path, "html", "missing/*.md").ExitCode);
    }

    [Fact]
    public void AMissingPath_StaysTL9020_NotTL9090()
    {
        using var dir = Project();
        var r = CliRunner.Run(dir.Path, "articles", "nosuch.md");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("TL9020", r.Error);
        Assert.DoesNotContain("TL9090", r.Error);
    }

    [Fact]
    public void TheSarifLog_OfAnEmptyRun_SaysWhy()
    {
        using var dir = Project();
        var r = CliRunner.Run(dir.Path, "html", "--format", "sarif");
        Assert.Equal(2, r.ExitCode);
        using var log = JsonDocument.Parse(r.Out);
        var invocation = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains("TL9090", invocation.ToString());
    }
}
