using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;

namespace TextLint.Cli.Tests.Inputs;

/// <summary>Folder walks respect .gitignore, .ignore, .textlintignore and .git/info/exclude, as ripgrep does.</summary>
public class IgnoreFilesTests
{
    private static List<string> Walk(string root, params string[] inputs) => Walk(root, InputOptions.Default, inputs);

    private static List<string> Walk(string root, InputOptions options, params string[] inputs)
    {
        var problems = new List<ConfigurationDiagnostic>();
        var files = InputFiles.Expand(inputs, root, problems, options with { AllowEmpty = true }).Select(f => f.DisplayPath).ToList();
        Assert.Empty(problems);
        return files;
    }

    /// <summary>
    /// The walk lists exactly the untracked files git does not ignore (git ls-files --others
    /// --exclude-standard), over a tree that exercises each part of the syntax.
    /// </summary>
    [Fact]
    public void TheWalk_AgreesWithGit()
    {
        using var repo = new GitRepo();
        string[] files =
        [
            "a.md", "b.txt", "build/out.md", "src/build/x.md", "node_modules/pkg/readme.md", "docs/node_modules/y.md",
            "logs/debug.md", "logs/keep.md", "notes/todo.md", "notes/sub/todo.md", "root-only.md", "sub/root-only.md",
            "deep/a/b/secret.md", "deep/secret.md", "x/generated/g.md", "x/y/generated/g.md", "x/y/z.md",
            "spaces/with space.md", "star/a*b.md", "star/ab.md", "hash/#tag.md", "bang/!important.md",
            "dir-only/file.md", "other/dir-only", "q/a1.md", "q/a22.md", "classes/ba.md", "classes/ca.md", "classes/da.md",
            "nested/keep.md", "nested/drop.md", "nested/inner/drop.md", "nested/inner/keep.md", "info/excluded.md", "info/kept.md", "dirmd.md", "z/dirmd.md/in.md",
        ];
        foreach (string f in files) repo.Write(f, "x");
        repo.Write(".gitignore", """
            # comments and blank lines are skipped

            node_modules/
            /build/
            logs/*
            !logs/keep.md
            /root-only.md
            **/secret.md
            x/**/generated
            with\ space.md
            star/a\*b.md
            \#tag.md
            \!important.md
            dir-only/
            dirmd.md/
            q/a?.md
            classes/[!bc]a.md
            trailing-space.md   
            """);
        repo.Write("nested/.gitignore", "drop.md\n!inner/drop.md\n");
        repo.Write("nested/inner/.gitignore", "keep.md\n");
        repo.Write(".git/info/exclude", "info/excluded.md\n");

        var expected = repo.Git("ls-files", "--others", "--exclude-standard")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim('"'))
            .Where(f => InputFiles.HasLintableExtension(f) && !f.Split('/').Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Walk(repo.Path, "."));
        // The same walk started in a subfolder reads the ignore files above it.
        Assert.Equal(expected.Where(f => f.StartsWith("nested/", StringComparison.Ordinal)).Select(f => f["nested/".Length..]),
            Walk(Path.Combine(repo.Path, "nested"), "."));
        // ... and git check-ignore agrees on a few by name.
        Assert.Contains("node_modules/pkg/readme.md", repo.Git("check-ignore", "--no-index", "node_modules/pkg/readme.md"));
    }

    [Fact]
    public void IgnoreAndTextlintignore_ApplyOutsideGit_GitignoreOnlyInsideARepository()
    {
        using var dir = TestPaths.CreateTempDirectory();
        foreach (string f in new[] { "a.md", "b.md", "c.md", "d.md" }) dir.Write("t/" + f, "x");
        dir.Write("t/.gitignore", "a.md\n");
        dir.Write("t/.ignore", "b.md\nd.md\n");
        dir.Write("t/.textlintignore", "c.md\n!d.md\n"); // overrides .ignore in the same folder
        Assert.Equal(["t/a.md", "t/d.md"], Walk(dir.Path, "t"));
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        Assert.Equal(["t/d.md"], Walk(dir.Path, "t"));
    }

    [Fact]
    public void NoIgnore_WalksEverything_AndNamedFilesAreAlwaysLinted()
    {
        using var repo = new GitRepo();
        repo.Write("articles/a.md", "He supposedly left.\n");
        repo.Write("node_modules/x/readme.md", "He supposedly left.\n");
        repo.Write(".gitignore", "node_modules/\n");

        Assert.Equal(["articles/a.md"], Walk(repo.Path, "."));
        Assert.Equal(["articles/a.md"], Walk(repo.Path, "**/*.md"));
        Assert.Equal(["articles/a.md", "node_modules/x/readme.md"], Walk(repo.Path, InputOptions.Default with { RespectIgnoreFiles = false }, "."));
        Assert.Equal(["node_modules/x/readme.md"], Walk(repo.Path, "node_modules/x/readme.md"));

        var r = CliRunner.Run(repo.Path, ".", "--no-ignore");
        Assert.Contains("node_modules/x/readme.md(1,4): warning TL1001", r.Out);
        Assert.DoesNotContain("node_modules", CliRunner.Run(repo.Path, ".").Out);
    }
}
