using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;

namespace TextLint.Cli.Tests.Infrastructure;

public class InputFilesTests
{
    [Fact]
    public void TheWalk_YieldsFilesInOrdinalOrderOfTheirPaths_WithoutSortingThemAll()
    {
        // Names chosen so that visiting siblings by plain name order would go wrong: "a/..." sorts
        // after "a.b/..." and "a-b.txt" because '/' is greater than '.' and '-'.
        using var dir = TestPaths.CreateTempDirectory();
        string[] names =
        [
            "a/b.txt", "a.b/c.txt", "a-b.txt", "a.txt", "a0/x.md", "A/z.txt", "ab.txt", "a/b/c.txt", "a/b.md",
            "a/a.markdown", "z.txt", "é.txt", "b/a.txt/c.txt", "a b/c.txt", "a_/d.txt",
        ];
        foreach (var n in names) dir.Write("root/" + n, "text");
        var problems = new List<ConfigurationDiagnostic>();

        var walked = InputFiles.Enumerate(["root"], dir.Path, problems).Select(f => f.DisplayPath).ToList();

        Assert.Equal(names.Select(n => "root/" + n).Order(StringComparer.Ordinal), walked);
        Assert.Empty(problems);
    }

    [Fact]
    public void SeveralInputs_AreMergedInOrder_AndAFileNamedTwiceIsLintedOnce()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("b/1.txt", "x");
        dir.Write("b/2.txt", "x");
        dir.Write("a/3.txt", "x");
        dir.Write("c.txt", "x");
        var problems = new List<ConfigurationDiagnostic>();

        var files = InputFiles.Expand(["b", "c.txt", "a", "b/2.txt", "b/*.txt", "missing"], dir.Path, problems);

        Assert.Equal(["a/3.txt", "b/1.txt", "b/2.txt", "c.txt"], files.Select(f => f.DisplayPath));
        Assert.Equal("TL9020", Assert.Single(problems).Code);
    }

    [Fact]
    public void ProblemsMetWhileWalking_AreAddedWhenTheWalkEnds_SortedByPath()
    {
        using var dir = TestPaths.CreateTempDirectory();
        foreach (var n in new[] { "z", "m", "a" })
        {
            Directory.CreateDirectory(Path.Combine(dir.Path, "t", n));
            Reliability.HostileInputTests.Posix("mkfifo", Path.Combine(dir.Path, "t", n, "pipe.txt"));
        }
        var problems = new List<ConfigurationDiagnostic>();
        var files = InputFiles.Enumerate(["t"], dir.Path, problems, new InputOptions { AllowEmpty = true }); // a folder of FIFOs alone is also TL9090 otherwise
        Assert.Empty(problems); // nothing walked yet
        Assert.Empty(files.ToList());
        Assert.Equal(["t/a/pipe.txt", "t/m/pipe.txt", "t/z/pipe.txt"], problems.Select(p => p.Path));
    }
}
