using TextLint.Diagnostics;
using TextLint.Output.GitHub;
using TextLint.Text;

namespace TextLint.Output.Tests.GitHub;

public class GitHubActionsWriterTests
{
    [Fact]
    public void Findings_AreWorkflowCommands_WithPositionAndRuleTitle()
    {
        string output = Reports.Write((_, t) => new GitHubActionsWriter(t), [Reports.Lint(SourceText.From("Title\nHe reportedly left Kiev; they utilize it.", "news/a.txt"))]);
        Assert.Equal(
        [
            "::warning file=news/a.txt,line=2,col=4,endLine=2,endColumn=14,title=XT1001::'reportedly' names no source.",
            "::error file=news/a.txt,line=2,col=20,endLine=2,endColumn=24,title=XT7501::Use 'Kyiv' instead of 'Kiev'.",
            "::notice file=news/a.txt,line=2,col=31,endLine=2,endColumn=38,title=XT7502::'utilize' may read as 'use'.",
        ], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
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
        Assert.Equal("::error file=pack/r.yaml,line=3,col=5,title=TL9002::rule X: bad, very: bad.\n", output);
    }
}
