using Microsoft.Extensions.FileSystemGlobbing;
using TextLint.Cli.Infrastructure;
using TextLint.Configuration;
using TextLint.Diagnostics;

namespace TextLint.Cli.Tests.Inputs;

/// <summary>Command-line globs speak EditorConfig's dialect, the one of .editorconfig and textlint.yaml.</summary>
public class GlobTests
{
    private static readonly string[] Tree =
    [
        "articles/a.md", "articles/b.txt", "articles/c.markdown", "articles/d.html",
        "articles/part1.md", "articles/part2.md", "articles/part3.md", "articles/part10.md",
        "articles/x/part2.md", "articles/x/y/z.md", "articles/*star.md", "drafts/a.md", "drafts/b.md", "top.md",
    ];

    private static List<string> Expand(string glob)
    {
        using var dir = TestPaths.CreateTempDirectory();
        foreach (string f in Tree) dir.Write(f, "text");
        var problems = new List<ConfigurationDiagnostic>();
        var files = InputFiles.Expand([glob], dir.Path, problems, new InputOptions { AllowEmpty = true }).Select(f => f.DisplayPath).ToList();
        Assert.Empty(problems);
        return files;
    }

    [Theory]
    [InlineData("articles/*.{md,txt}", "articles/*star.md articles/a.md articles/b.txt articles/part1.md articles/part10.md articles/part2.md articles/part3.md")]
    [InlineData("articles/part{1..3}.md", "articles/part1.md articles/part2.md articles/part3.md")]
    [InlineData("articles/**/part{2..10}.md", "articles/part10.md articles/part2.md articles/part3.md articles/x/part2.md")]
    [InlineData("articles/part?.md", "articles/part1.md articles/part2.md articles/part3.md")]
    [InlineData("articles/part[13].md", "articles/part1.md articles/part3.md")]
    [InlineData("articles/part[!13].md", "articles/part2.md")]
    [InlineData("articles/part[1-2].md", "articles/part1.md articles/part2.md")]
    [InlineData(@"articles/\**.md", "articles/*star.md")]
    [InlineData("{articles/x,drafts}/*.md", "articles/x/part2.md drafts/a.md drafts/b.md")]
    [InlineData("*.md", "top.md")]                  // relative to the working folder, not at any depth
    [InlineData("**/z.md", "articles/x/y/z.md")]
    [InlineData("articles/*.html", "articles/d.html")] // a glob names the files it wants, whatever their extension
    public void CommandLineGlobs_MatchAsEditorConfigSays(string glob, string expected)
    {
        Assert.Equal(expected.Split(' '), Expand(glob));
    }

    /// <summary>
    /// The pattern FileSystemGlobbing walks with must find every path the EditorConfig glob matches,
    /// or files would be missed: checked over generated globs and paths.
    /// </summary>
    [Fact]
    public void TheWalkPattern_MatchesEveryPathTheGlobMatches()
    {
        var random = new Random(16);
        string[] atoms = ["a", "b", "*", "**", "?", "[ab]", "[!a]", "{a,b}", "{a,b/c}", "{1..3}", "x", "2", @"\*", "."];
        string[] names = ["a", "b", "c", "ab", "ba", "a.b", "x", "1", "2", "12", "*", "x2", "a.x"];
        int checkedMatches = 0;
        for (int n = 0; n < 30000; n++)
        {
            string glob = string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 3)).Select(_ => atoms[random.Next(atoms.Length)]))));
            string path = string.Join('/', Enumerable.Range(0, random.Next(1, 5)).Select(_ => names[random.Next(names.Length)]));
            if (!EditorConfigGlob.ParsePath(glob).IsMatch(path)) continue;
            checkedMatches++;
            var walker = new Matcher(StringComparison.Ordinal);
            walker.AddInclude(InputFiles.WalkPattern(glob));
            Assert.True(walker.Match(path).HasMatches, $"'{glob}' matches '{path}', but the walk pattern '{InputFiles.WalkPattern(glob)}' would not find it.");
        }
        Assert.True(checkedMatches > 1000, $"only {checkedMatches} matching pairs were generated");
    }

    [Theory]
    [InlineData("articles/*.{md,txt}", "articles", "*.{md,txt}")]
    [InlineData("a/b/**/c.md", "a/b", "**/c.md")]
    [InlineData("*.md", ".", "*.md")]
    [InlineData("a/{b/c,d}/*.md", "a", "{b/c,d}/*.md")]
    public void TheLiteralFolders_AreTheBase(string glob, string expectedBase, string expectedRest)
    {
        Assert.Equal((expectedBase, expectedRest), InputFiles.SplitGlob(glob));
    }

    [Fact]
    public void TextlintYaml_SpeaksTheSameDialect()
    {
        using var dir = TestPaths.CreateTempDirectory();
        foreach (string f in Tree) dir.Write(f, "He supposedly left.\n");
        dir.Write("textlint.yaml", "include: [\"articles/part{1..3}.md\", \"{drafts,nothing}/*.md\"]\nexclude: [\"b.md\"]\n");
        var r = CliRunner.Run(dir.Path, ".");
        Assert.Equal(["articles/part1.md", "articles/part2.md", "articles/part3.md", "drafts/a.md"],
            r.OutLines[..^1].Select(l => l[..l.IndexOf('(')]).Distinct());
    }
}
