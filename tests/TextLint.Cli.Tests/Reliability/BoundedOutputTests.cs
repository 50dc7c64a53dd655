using System.Text.Json;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>Issue #19: one file with many findings cannot exhaust memory; one finding stands for those past the limit.</summary>
public class BoundedOutputTests
{
    private const string Pack = """
        id: XX0001
        title: Word
        message: "'{match}' again."
        category: Style
        severity: error
        kind: existence
        tokens: [word]

        """;

    private static TempDirectory Setup(int words, string? config = null)
    {
        var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/rule.yaml", Pack);
        dir.Write("a.txt", string.Concat(Enumerable.Repeat("word ", words)) + "\n");
        if (config is not null) dir.Write("textlint.yaml", config);
        return dir;
    }

    [Fact]
    public void PastTheLimit_OneFindingSaysHowManyMore_InEveryFormat()
    {
        using var dir = Setup(50);
        var r = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules", "--max-findings-per-rule", "5");
        Assert.Equal(1, r.ExitCode);
        var lines = r.OutLines.Where(l => l.Contains("XX0001")).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal("a.txt(1,26): error XX0001: ...and 45 more XX0001 findings in this file, from here on (at most 5 of one rule are listed per file)", lines[^1]);

        var sarif = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules", "--max-findings-per-rule", "5", "--format", "sarif");
        using var log = JsonDocument.Parse(sarif.Out);
        Assert.Equal(6, log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void TheLimit_ComesFromTextlintYaml_UnderTheCommandLine_AndDefaultsToAThousand()
    {
        using (var dir = Setup(1_200))
        {
            var r = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules");
            Assert.Equal(1_001, r.OutLines.Count(l => l.Contains("XX0001")));
            Assert.Contains("...and 200 more XX0001 findings", r.Out);
        }
        using (var dir = Setup(50, "maxFindingsPerRule: 3\n"))
        {
            Assert.Equal(4, CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules").OutLines.Count(l => l.Contains("XX0001")));
            Assert.Equal(8, CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules", "--max-findings-per-rule", "7").OutLines.Count(l => l.Contains("XX0001")));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("many")]
    public void ABadLimit_IsAUsageError(string value)
    {
        using var dir = Setup(5);
        var r = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules", "--max-findings-per-rule", value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--max-findings-per-rule needs a positive whole number, not '{value}'.", r.Error);
    }
}
