using TextLint.Cli.Commands;

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

        dir.Write("a.txt", "He supposedly left.\n");
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
        dir.Write("articles/a.txt", "He supposedly left Kiev.\n");
        var r = CliRunner.Run(dir.Path, ".");
        Assert.Equal("", r.Error);
        Assert.Contains("articles/a.txt(1,4): error TL1001", r.Out);
    }

    [Fact]
    public void Init_RefusesToOverwriteTextlintYaml_UnlessForced_AndARefusedInitChangesNothing()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("textlint.yaml", "defaultRules: false\n");
        dir.Write(".editorconfig", "[*.cs]\nindent_size = 4\n");
        var refused = CliRunner.Run(dir.Path, "init");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("textlint.yaml already exists; nothing was written. Use --force", refused.Error);
        Assert.Equal("defaultRules: false\n", File.ReadAllText(Path.Combine(dir.Path, "textlint.yaml")));
        Assert.Equal("[*.cs]\nindent_size = 4\n", File.ReadAllText(Path.Combine(dir.Path, ".editorconfig")));

        var forced = CliRunner.Run(dir.Path, "init", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("inlineSuppressions: true", File.ReadAllText(Path.Combine(dir.Path, "textlint.yaml")));
        Assert.StartsWith("[*.cs]\nindent_size = 4\n\n" + InitCommand.SectionMarker, File.ReadAllText(Path.Combine(dir.Path, ".editorconfig")));
    }

    [Fact]
    public void Init_AddsItsSectionToAnExistingEditorConfig_KeepingEveryByte_OnceOnly()
    {
        using var dir = TestPaths.CreateTempDirectory();
        // A byte-order mark, CRLF line ends, no final newline, a non-ASCII comment: all kept as they are.
        byte[] original = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("root = true\r\n# café\r\n[*.cs]\r\nindent_size = 4")];
        File.WriteAllBytes(Path.Combine(dir.Path, ".editorconfig"), original);

        var first = CliRunner.Run(dir.Path, "init");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(["Wrote textlint.yaml.", "Added TextLint's section to .editorconfig."], first.OutLines);
        byte[] after = File.ReadAllBytes(Path.Combine(dir.Path, ".editorconfig"));
        Assert.Equal(original, after[..original.Length]);
        string added = System.Text.Encoding.UTF8.GetString(after[original.Length..]);
        Assert.StartsWith("\r\n\r\n" + InitCommand.SectionMarker + "\r\n", added);
        Assert.DoesNotContain("\n", added.Replace("\r\n", ""));
        Assert.DoesNotContain("\r\nroot = true\r\n", added); // only a new file is the root

        var second = CliRunner.Run(dir.Path, "init", "--force");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains(".editorconfig already has TextLint's section; left as it was.", second.Out);
        Assert.Equal(after, File.ReadAllBytes(Path.Combine(dir.Path, ".editorconfig")));

        // The merged file is one the tool reads: an uncommented key in the added section takes effect.
        File.WriteAllText(Path.Combine(dir.Path, ".editorconfig"),
            File.ReadAllText(Path.Combine(dir.Path, ".editorconfig")).Replace("#textlint_diagnostic.TL1001.severity = error", "textlint_diagnostic.TL1001.severity = error"));
        dir.Write("a.md", "He supposedly left.\n");
        var lint = CliRunner.Run(dir.Path, "a.md");
        Assert.Equal("", lint.Error);
        Assert.Contains("a.md(1,4): error TL1001", lint.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("[*]\nend_of_line = lf\n\n")]
    public void Init_AppendsAfterAnyEnding_WithOneBlankLineBetween(string existing)
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write(".editorconfig", existing);
        Assert.Equal(0, CliRunner.Run(dir.Path, "init").ExitCode);
        string text = File.ReadAllText(Path.Combine(dir.Path, ".editorconfig"));
        Assert.StartsWith(existing, text);
        Assert.DoesNotContain("\n\n\n", text[..(text.IndexOf(InitCommand.SectionMarker, StringComparison.Ordinal) + 1)]);
        Assert.Equal(1, text.Split(InitCommand.SectionMarker).Length - 1);
    }

    [Fact]
    public void Init_WhereAConfigNameIsAFolder_IsAClearErrorAndWritesNothing()
    {
        using var dir = TestPaths.CreateTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".editorconfig"));
        var r = CliRunner.Run(dir.Path, "init", "--force");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint: error: .editorconfig is a folder; nothing was written.", r.Error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "textlint.yaml")));
    }

    [Fact]
    public void Init_AFolderNamedInit_IsAFolder()
    {
        using var dir = TestPaths.CreateTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "init"));
        Assert.Equal(0, CliRunner.Run(dir.Path, "init", "init").ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "init", "textlint.yaml")));
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
