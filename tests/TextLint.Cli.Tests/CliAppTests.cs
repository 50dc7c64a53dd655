namespace TextLint.Cli.Tests;

/// <summary>Dispatch and help: every command has --help with examples; bad usage prints the usage line and exits 2.</summary>
public class CliAppTests
{
    public static TheoryData<string> CommandNames() => new(CliApp.Commands.Select(c => c.Name));

    [Fact]
    public void TopLevelHelp_ListsEveryCommand()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var c in CliApp.Commands) Assert.Contains($"  {c.Name} {c.Arguments}", r.Out);
        Assert.Contains("test-rules", r.Out);
        Assert.Equal(r.Out, CliRunner.Run(TestPaths.RepoRoot, "help").Out);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EveryCommand_HasHelp_WithUsageAndExamples(string name)
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, [.. name.Split(' '), "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("usage: dotnet textlint", r.Out);
        Assert.Contains("Example", r.Out);
        Assert.Equal(r.Out, CliRunner.Run(TestPaths.RepoRoot, ["help", .. name.Split(' ')]).Out);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EveryCommand_RejectsAnUnknownOption_WithItsUsageLine(string name)
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, [.. name.Split(' '), "--no-such-option"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint: error: ", r.Error);
        Assert.Contains(name == "lint" ? "usage: dotnet textlint [lint]" : $"usage: dotnet textlint {name}", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void ExplicitLint_IsTheDefaultCommand()
    {
        var plain = CliRunner.Run(TestPaths.RepoRoot, "tests/samples", "--jobs", "1");
        var explicitLint = CliRunner.Run(TestPaths.RepoRoot, "lint", "tests/samples", "--jobs", "1");
        Assert.Equal(plain.OutLines[..^1], explicitLint.OutLines[..^1]);
    }

    [Fact]
    public void AMistypedCommand_IsNotLintedAsAPath()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rule", "show", "TL1001");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'rule' is neither a command nor a file or folder. Did you mean 'dotnet textlint rules'?", r.Error);
    }

    [Fact]
    public void AFolderNamedLikeACommand_IsLintedWhenWrittenAsAPath()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("rules/a.txt", "He supposedly left.");
        var r = CliRunner.Run(dir.Path, "./rules");
        Assert.StartsWith("rules/a.txt(1,4): warning TL1001", r.OutLines[0]);
    }

    [Fact]
    public void HelpForAnUnknownCommand_IsAUsageError()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "help", "rulez");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("No command 'rulez'. Did you mean 'rules'?", r.Error);
    }
}
