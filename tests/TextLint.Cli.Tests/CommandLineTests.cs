using TextLint.Cli.Commands;

namespace TextLint.Cli.Tests;

/// <summary>
/// The command line as System.CommandLine parses it: our messages and exit codes for bad input, help
/// generated from the options the parser accepts, completions, and the flagged line under findings.
/// </summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("--jobs", "Option '--jobs' needs a value: --jobs <n>.")]
    [InlineData("--jobs 0", "--jobs needs a positive whole number, not '0'.")]
    [InlineData("--format json --format sarif", "Option '--format' may be given only once.")]
    [InlineData("--fix=yes", "Option '--fix' takes no value.")]
    [InlineData("--no-such-option", "Unknown option '--no-such-option'.")]
    [InlineData("--fxi", "Unknown option '--fxi'. Did you mean '--fix'?")]
    [InlineData("--source --no-source", "--source shows the flagged lines and --no-source hides them; give one of them.")]
    [InlineData("rules --format markdown", "Unknown format 'markdown'; use console or json.")]
    [InlineData("rules TL1001", "Unexpected argument 'TL1001'. To explain one rule: dotnet textlint rules show <ID>.")]
    [InlineData("generate-docs a b", "Document one pack at a time.")]
    [InlineData("completions", "Name the shell: bash, zsh, pwsh.")]
    [InlineData("completions fish", "Unknown shell 'fish'; use bash, zsh or pwsh.")]
    public void BadCommandLines_AreUsageErrors_InOurWords(string args, string message)
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, args.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("textlint: error: " + message + Environment.NewLine + "usage: dotnet textlint", r.Error);
        Assert.Contains("for more.", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Options_TakeTheirValueInEitherForm_AndDoubleDashEndsOptions()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("--odd.txt", "He supposedly left.\n");
        dir.Write("@notes.txt", "He supposedly left.\n");
        var r = CliRunner.Run(dir.Path, "--jobs=2", "-j", "1", "--", "--odd.txt");
        Assert.Equal(2, r.ExitCode); // --jobs given twice
        var ok = CliRunner.Run(dir.Path, "--jobs=2", "--format=console", "--", "--odd.txt");
        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("--odd.txt(1,4): warning TL1001", ok.OutLines[0]);
        // '@' is a file name, not a response file.
        var at = CliRunner.Run(dir.Path, "@notes.txt");
        Assert.StartsWith("@notes.txt(1,4): warning TL1001", at.OutLines[0]);
    }

    [Fact]
    public void APathNamedLikeTheCommand_IsStillAPath()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("lint/a.txt", "He supposedly left.\n");
        var r = CliRunner.Run(dir.Path, "lint", "lint");
        Assert.StartsWith("lint/a.txt(1,4): warning TL1001", r.OutLines[0]);
    }

    [Fact]
    public void Help_IsGeneratedFromTheOptionsTheParserAccepts()
    {
        foreach (var command in CliApp.Commands)
        {
            string help = HelpCommand.Render(command);
            foreach (var option in command.Syntax.Options.Where(o => !o.Hidden))
                Assert.Contains(option.Name, help);
            Assert.Contains(command.Usage, help);
        }
        string lint = CliRunner.Run(TestPaths.RepoRoot, "--help").Out;
        Assert.Contains("  -j, --jobs <n>", lint);
        Assert.Contains("  --format <console|sarif|json|github|msbuild>", lint);
        Assert.Contains("usage: dotnet textlint [lint] [<path|glob>...] [options]", lint);
        string init = CliRunner.Run(TestPaths.RepoRoot, "init", "--help").Out;
        Assert.Contains("usage: dotnet textlint init [<folder>] [--force]", init);
    }

    [Fact]
    public void HelpWins_OverAMissingArgument()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "show", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("usage: dotnet textlint rules show <ID>", r.Out);
    }

    [Fact]
    public void TheSuggestDirective_CompletesCommandsOptionsAndValues()
    {
        string Complete(string line) => CliRunner.Run(TestPaths.RepoRoot, $"[suggest:{line.Length}]", line).Out;
        Assert.Contains("rules", Complete("textlint ru").Split('\n'));
        Assert.DoesNotContain("init", Complete("textlint ru").Split('\n'));
        var show = Complete("textlint rules show --f").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["--file", "--format"], show);
        // Values: the accepted ones that contain what is typed (the shell script narrows them to its prefix).
        Assert.Equal(["console", "json", "msbuild", "sarif"], Complete("textlint --format s").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        // Building the completion tree leaves each command parsing on its own as before.
        Assert.Equal(0, CliRunner.Run(TestPaths.RepoRoot, "rules", "--category", "Attribution").ExitCode);
        Assert.Contains("zsh", Complete("textlint completions z").Split('\n'));
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("pwsh")]
    public void Completions_PrintAScriptThatAsksTheTool(string shell)
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "completions", shell);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[suggest:", r.Out);
        Assert.DoesNotContain("\r", r.Out);
        if (shell == "bash" && File.Exists("/bin/bash"))
        {
            // The script is valid bash: 'bash -n' parses it without running it.
            using var dir = TestPaths.CreateTempDirectory();
            dir.Write("c.bash", r.Out);
            var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/bash", ["-n", Path.Combine(dir.Path, "c.bash")]) { RedirectStandardError = true })!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, err);
        }
    }

    [Fact]
    public void TheFlaggedLine_IsShownOnATerminal_AndNotWhenRedirected()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "\tHe supposedly left.\n");
        string[] snippet = [" 1 |     He supposedly left.", "   |        ^^^^^^^^^^"];

        var terminal = CliRunner.Run(dir.Path, _ => null, terminal: true, "a.txt", "--no-color");
        Assert.Equal(snippet, terminal.OutLines[1..3]);

        var redirected = CliRunner.Run(dir.Path, "a.txt");
        Assert.DoesNotContain(redirected.OutLines, l => l.Contains(" | "));

        var forced = CliRunner.Run(dir.Path, "a.txt", "--show-source");
        Assert.Equal(snippet, forced.OutLines[1..3]);

        var off = CliRunner.Run(dir.Path, _ => null, terminal: true, "a.txt", "--no-source", "--no-color");
        Assert.DoesNotContain(off.OutLines, l => l.Contains(" | "));

        // Not into a report file, and not in machine formats.
        Assert.Equal(0, CliRunner.Run(dir.Path, _ => null, terminal: true, "a.txt", "-o", "r.txt").ExitCode);
        Assert.DoesNotContain(" | ", File.ReadAllText(Path.Combine(dir.Path, "r.txt")));
        Assert.DoesNotContain(" | ", CliRunner.Run(dir.Path, "a.txt", "--source", "--format", "msbuild").Out);
    }

    [Fact]
    public void TheFlaggedLine_OfHostileText_IsEscaped_AndCaretsAlign()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "\u001b]0;pwned\u0007 \u202Esupposedly\u202C he left.\n");
        var r = CliRunner.Run(dir.Path, "a.txt", "--source");
        string source = r.OutLines[1], carets = r.OutLines[2];
        Assert.DoesNotContain('\u001b', r.Out);
        Assert.DoesNotContain('\u202E', r.Out);
        Assert.Equal(source.IndexOf("supposedly", StringComparison.Ordinal), carets.IndexOf('^'));
    }
}
