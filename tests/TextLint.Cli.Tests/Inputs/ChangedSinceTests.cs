namespace TextLint.Cli.Tests.Inputs;

/// <summary>--changed-since in a real git repository: commits, renames, deletions, uncommitted and untracked files.</summary>
public class ChangedSinceTests
{
    private const string Flagged = "He supposedly left.\n";

    private static string[] Linted(CliResult r) =>
        r.OutLines.Where(l => l.Contains("): ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf('(')]).Distinct().ToArray();

    /// <summary>main: a, b, c, old; the branch renames old, deletes c, modifies a, adds d; then edits e (uncommitted) and adds f (untracked).</summary>
    private static GitRepo PullRequest()
    {
        var repo = new GitRepo();
        foreach (string f in new[] { "articles/a.md", "articles/b.md", "articles/c.md", "articles/old.md", "docs/guide.md", "articles/e.md" })
            repo.Write(f, Flagged + f + " has a body long enough for git to see a rename as one.\n" + string.Concat(Enumerable.Repeat("Line of text.\n", 20)));
        repo.Commit("base");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Git("mv", "articles/old.md", "articles/new.md");
        repo.Delete("articles/c.md");
        repo.Write("articles/a.md", Flagged + "Changed.\n");
        repo.Write("articles/d.md", Flagged);
        repo.Write("docs/readme.txt", Flagged);
        repo.Commit("feature work");
        repo.Write("articles/e.md", Flagged + "Edited, not committed.\n");
        repo.Write("articles/f.md", Flagged); // untracked
        return repo;
    }

    [Fact]
    public void OnlyAddedModifiedAndRenamedFiles_AreLinted_DeletedOnesSkipped()
    {
        using var repo = PullRequest();
        var r = CliRunner.Run(repo.Path, "--changed-since", "main");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["articles/a.md", "articles/d.md", "articles/e.md", "articles/f.md", "articles/new.md", "docs/readme.txt"], Linted(r));
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void PathsAndGlobs_StillSayWhereToLook()
    {
        using var repo = PullRequest();
        Assert.Equal(["articles/a.md", "articles/d.md", "articles/e.md", "articles/f.md", "articles/new.md"],
            Linted(CliRunner.Run(repo.Path, "articles", "--changed-since", "main")));
        Assert.Equal(["articles/d.md", "articles/new.md"],
            Linted(CliRunner.Run(repo.Path, "articles/{d,new,b}.md", "--changed-since", "main")));
        // A path with no changed file is a green run, not an empty-input error: the path did match files.
        var none = CliRunner.Run(repo.Path, "articles/b.md", "--changed-since", "main");
        Assert.Equal(0, none.ExitCode);
        Assert.Matches("^0 files linted", none.OutLines[^1]);
    }

    [Fact]
    public void WorksFromASubfolder_WithPathsRelativeToIt()
    {
        using var repo = PullRequest();
        var r = CliRunner.Run(Path.Combine(repo.Path, "articles"), "--changed-since", "main");
        Assert.Equal(["a.md", "d.md", "e.md", "f.md", "new.md"], Linted(r));
    }

    [Fact]
    public void TheMergeBase_IsTheReference_SoChangesOnMainAreNotLinted()
    {
        using var repo = PullRequest();
        repo.Git("stash", "-u", "-q");
        repo.Git("checkout", "-q", "main");
        repo.Write("articles/b.md", Flagged + "Changed on main after the branch.\n");
        repo.Commit("main moves on");
        repo.Git("checkout", "-q", "feature");
        Assert.Equal(["articles/a.md", "articles/d.md", "articles/new.md", "docs/readme.txt"], Linted(CliRunner.Run(repo.Path, "--changed-since", "main")));
    }

    [Fact]
    public void WithABaseline_OnlyNewFindingsOfTheChangedFilesAreReported()
    {
        using var repo = new GitRepo();
        repo.Write("articles/a.md", Flagged);
        repo.Write("articles/b.md", Flagged);
        Assert.Equal(0, CliRunner.Run(repo.Path, "articles", "--baseline", "baseline.json", "--update-baseline").ExitCode);
        repo.Commit("base with baseline");
        repo.Write("articles/a.md", Flagged + "She supposedly stayed.\n");

        var r = CliRunner.Run(repo.Path, "articles", "--changed-since", "HEAD", "--baseline", "baseline.json");
        Assert.Equal(["articles/a.md(2,5): warning TL1001: 'supposedly' attributes the claim to no one; name the source or say how it is known."],
            r.OutLines.Where(l => l.Contains("TL1001", StringComparison.Ordinal)));
        // b.md was not linted: its baselined finding is not counted as gone.
        Assert.DoesNotContain("no longer occur", r.Error);

        var update = CliRunner.Run(repo.Path, "articles", "--changed-since", "HEAD", "--baseline", "baseline.json", "--update-baseline");
        Assert.Equal(2, update.ExitCode);
        Assert.Contains("--update-baseline", update.Error);
    }

    [Fact]
    public void AnUnknownRevision_IsAClearError()
    {
        using var repo = PullRequest();
        var r = CliRunner.Run(repo.Path, "--changed-since", "no-such-branch");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(".: error TL9091: --changed-since: unknown revision 'no-such-branch'", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void OutsideARepository_IsAClearError()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", Flagged);
        var r = CliRunner.Run(dir.Path, "--changed-since", "main");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error TL9091: --changed-since: '" + dir.Path + "' is not in a git repository", r.Error);
    }
}
