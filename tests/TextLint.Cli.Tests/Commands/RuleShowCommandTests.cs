using System.Text.Json;
using TextLint.Diagnostics;

namespace TextLint.Cli.Tests.Commands;

public class RuleShowCommandTests
{
    [Fact]
    public void Show_PrintsEverySection_WithCaretsUnderTheExample()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", RulesCommandTests.HousePack);
        var r = CliRunner.Run(dir.Path, "rules", "show", "HS0001", "--rules", "house.yaml", "--no-default-rules");
        Assert.Equal(0, r.ExitCode);
        string o = r.Out.ReplaceLineEndings("\n");
        Assert.StartsWith("HS0001: Forbidden word\n", o);
        Assert.Contains("  Category  Style\n", o);
        Assert.Contains("  Severity  error\n", o);
        Assert.Contains("  Fix       none", o);
        Assert.Contains("  Defined   house.yaml(13,1)\n", o);
        Assert.DoesNotContain("Help ", o);
        var headings = o.Split('\n').Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0])).Skip(1).ToArray();
        Assert.Equal(["What it flags", "Why", "Examples", "Use instead", "Configuration"], headings);
        Assert.Contains("Why\n  Readers stop trusting a text that uses it.\n", o);
        Assert.Contains("    a forbidden word\n      ^^^^^^^^^\n", o);
        Assert.Contains("  Not flagged:\n    an allowed word\n", o);
        Assert.Contains("textlint_diagnostic.HS0001.severity = error", o);
        Assert.Contains("textlint_analyzer_diagnostic.category-Style.severity", o);
        Assert.Contains("--severity HS0001=error", o);
        Assert.Contains("    tokens ", o);
        Assert.Contains("<!-- textlint-disable-next-line HS0001 -- reason -->", o);
    }

    [Fact]
    public void Show_OfABundledRule_GivesItsHelpLink_AndAFileThatExists()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "show", "TL1001");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("  Help      https://github.com/textlint-dotnet/textlint/blob/main/rules/docs/TL1001.md", r.Out);
        string defined = r.OutLines.Single(l => l.StartsWith("  Defined", StringComparison.Ordinal))["  Defined   ".Length..];
        Assert.True(File.Exists(defined[..defined.LastIndexOf('(')]), defined);
    }

    [Fact]
    public void Id_IsMatchedIgnoringCase()
    {
        Assert.StartsWith("TL1001: ", CliRunner.Run(TestPaths.RepoRoot, "rules", "show", "tl1001").Out);
    }

    [Fact]
    public void UnknownId_ExitsTwo_WithTheNearestId()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "show", "TL1O01");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("No loaded rule has the ID 'TL1O01'. Did you mean 'TL1001'?", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void NotificationCodes_AreExplainedAsNotRules()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "show", "TL9020");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("TL9020 is one of the tool's own notification codes", r.Error);
    }

    [Fact]
    public void NoId_IsAUsageError()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "show");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Name the rule to show", r.Error);
        Assert.Contains("usage: dotnet textlint rules show <ID>", r.Error);
    }

    [Fact]
    public void Json_IsTheListShape_WithOneRule()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "show", "TL7501", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var rule = Assert.Single(doc.RootElement.GetProperty("rules").EnumerateArray());
        Assert.Equal("TL7501", rule.GetProperty("id").GetString());
        Assert.Equal("safe", rule.GetProperty("fix").GetString());
    }
}
