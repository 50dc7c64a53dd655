using TextLint.Diagnostics;
using TextLint.Output.GitHub;
using TextLint.Text;

namespace TextLint.Output.Tests.GitHub;

public class GitHubActionsWriterTests
{
    [Fact]
    public void Findings_AreWorkflowCommands_WithPositionAndRuleTitle_ErrorsFirst_ThenASummary()
    {
        string output = Reports.Write((_, t) => new GitHubActionsWriter(t), [Reports.Lint(SourceText.From("Title\nHe reportedly left Kiev; they utilize it.", "news/a.txt"))]);
        Assert.Equal(
        [
            "::error file=news/a.txt,line=2,col=20,endLine=2,endColumn=24,title=XT7501::Use 'Kyiv' instead of 'Kiev'.",
            "::warning file=news/a.txt,line=2,col=4,endLine=2,endColumn=14,title=XT1001::'reportedly' names no source.",
            "::notice file=news/a.txt,line=2,col=31,endLine=2,endColumn=38,title=XT7502::'utilize' may read as 'use'.",
            "TextLint: 1 file linted: 3 findings in 1 file (1 error, 1 warning, 1 notice).",
        ], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// GitHub turns only the first ten annotations of each level in a step into annotations: errors from
    /// the last file come before the warnings and notices of the first, each level in the run's order,
    /// each level's tool notifications after its findings; the last line counts everything.
    /// </summary>
    [Fact]
    public void Levels_AreGrouped_ErrorsBeforeWarningsBeforeNotices_AcrossFiles()
    {
        var files = Enumerable.Range(0, 12).Select(i => Reports.Lint(SourceText.From(i % 4 == 3 ? "In Kiev." : "He reportedly left; they utilize it.", $"a{i:D2}.txt"))).ToList();
        string output = Reports.Write((_, t) => new GitHubActionsWriter(t), files, notifications:
            [new ConfigurationDiagnostic("TL9024", Severity.Warning, "a00.txt", 1, 1, "invalid bytes"), new ConfigurationDiagnostic("TL9021", Severity.Error, "gone.txt", 0, 0, "vanished")]);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var levels = lines[..^1].Select(l => l[2..l.IndexOf(' ')]).ToList();
        Assert.Equal([.. Enumerable.Repeat("error", 4), .. Enumerable.Repeat("warning", 10), .. Enumerable.Repeat("notice", 9)], levels);
        Assert.Equal(["a03.txt", "a07.txt", "a11.txt"], lines[..3].Select(l => l.Split(',')[0].Split('=')[1]));
        Assert.Contains("title=TL9021::vanished", lines[3]);
        Assert.Contains("title=TL9024::invalid bytes", lines[13]);
        Assert.Equal("TextLint: 12 files linted: 21 findings in 12 files (3 errors, 9 warnings, 9 notices).", lines[^1]);
    }

    [Fact]
    public void Escaping_FollowsTheActionsToolkit()
    {
        Assert.Equal("100%25 sure%0D%0Anext: a, b", GitHubActionsWriter.EscapeData("100% sure\r\nnext: a, b"));
        Assert.Equal("dir%2Cx/a%3Ab.txt%25", GitHubActionsWriter.EscapeProperty("dir,x/a:b.txt%"));
        string output = Reports.Write((_, t) => new GitHubActionsWriter(t), [Reports.Lint(SourceText.From("Kiev", "odd, name: 100%.txt"))]);
        Assert.StartsWith("::error file=odd%2C name%3A 100%25.txt,line=1,", output);
    }

    [Fact]
    public void PathsAreRelativeToTheRepository_WhenItIsKnown()
    {
        string output = Reports.Write((_, t) => new GitHubActionsWriter(t, repositoryRoot: "/home/runner/work/site"),
            [Reports.Lint(SourceText.From("Kiev", "a.txt"))], workingDirectory: "/home/runner/work/site/articles");
        Assert.StartsWith("::error file=articles/a.txt,", output);
    }

    [Fact]
    public void Notifications_FollowTheFindings()
    {
        string output = Reports.Write((_, t) => new GitHubActionsWriter(t), [], notifications:
            [new ConfigurationDiagnostic("TL9002", Severity.Error, "pack/r.yaml", 3, 5, "rule X: bad, very: bad.")]);
        Assert.Equal("::error file=pack/r.yaml,line=3,col=5,title=TL9002::rule X: bad, very: bad.\nTextLint: 0 files linted: 0 findings in 0 files (0 errors, 0 warnings, 0 notices).\n", output);
    }
}
