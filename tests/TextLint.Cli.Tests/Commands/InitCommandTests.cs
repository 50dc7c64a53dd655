namespace TextLint.Cli.Tests.Commands;

public class InitCommandTests
{
    [Fact]
    public void Init_WritesBothStarters_WhichTheToolReadsWithoutComplaint()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var r = CliRunner.Run(dir.Path, "init");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["Wrote textlint.yaml.", "Wrote .editorconfig."], r.OutLines);
        Assert.Contains("inlineSuppressions: true", File.ReadAllText(Path.Combine(dir.Path, "textlint.yaml")));
        Assert.Contains("root = true", File.ReadAllText(Path.Combine(dir.Path, ".editorconfig")));

        dir.Write("a.txt", "He reportedly left.\n");
        var lint = CliRunner.Run(dir.Path, "a.txt");
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal("", lint.Error);
        Assert.Contains("a.txt(1,4): warning TL1001", lint.Out);
    }

    [Fact]
    public void TheStarters_CommentedExamples_AreValidWhenUncommented()
    {
        using var dir = TestPaths.CreateTempDirectory();
        Assert.Equal(0, CliRunner.Run(dir.Path, "init").ExitCode);
        foreach (string name in new[] { "textlint.yaml", ".editorconfig" })
        {
            string path = Path.Combine(dir.Path, name);
            // The starters' convention: "# text" is prose, "#text" or "#  text" an example to uncomment.
            var lines = File.ReadAllLines(path).Select(l => l.StartsWith('#') && !l.StartsWith("# ", StringComparison.Ordinal) || l.StartsWith("#  ", StringComparison.Ordinal) ? l[1..] : l);
            File.WriteAllLines(path, lines);
        }
        dir.Write("house-style/r.yaml", "id: HS1001\ntitle: t\nmessage: m\ncategory: House\nkind: existence\ntokens: [x]\n");
        dir.Write("articles/a.txt", "He reportedly left Kiev.\n");
        var r = CliRunner.Run(dir.Path, ".");
        Assert.Equal("", r.Error);
        Assert.Contains("articles/a.txt(1,4): error TL1001", r.Out);
    }

    [Fact]
    public void Init_RefusesToOverwrite_UnlessForced()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write(".editorconfig", "[*.cs]\nindent_size = 4\n");
        var refused = CliRunner.Run(dir.Path, "init");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(".editorconfig already exists; nothing was written. Use --force", refused.Error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "textlint.yaml")));
        Assert.Equal("[*.cs]\nindent_size = 4\n", File.ReadAllText(Path.Combine(dir.Path, ".editorconfig")));

        var forced = CliRunner.Run(dir.Path, "init", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("textlint_", File.ReadAllText(Path.Combine(dir.Path, ".editorconfig")));
    }

    [Fact]
    public void Init_IntoAFolder_AndBadArguments()
    {
        using var dir = TestPaths.CreateTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "site"));
        Assert.Equal(0, CliRunner.Run(dir.Path, "init", "site").ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "site", "textlint.yaml")));
        var bad = CliRunner.Run(dir.Path, "init", "--forse");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Unknown option '--forse'. Did you mean '--force'?", bad.Error);
    }
}
