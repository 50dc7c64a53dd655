using static TextLint.Cli.Tests.Configuration.ConfigFixture;

namespace TextLint.Cli.Tests.Configuration;

/// <summary>In-source suppressions through the whole tool: console, SARIF, --no-inline-suppressions, TL0001 configuration.</summary>
public class SuppressionTests
{
    private const string Article = """
        <!-- textlint-disable-next-line TT1001 -- the ministry's own words -->
        He reportedly left Kiev.
        <!-- textlint-disable-next-line Terminology -->
        A clean line.
        """;

    [Fact]
    public void Console_HidesSuppressedFindings_AndCountsThem()
    {
        using var p = new ConfigFixture();
        p.Write("a.md", Article);
        var r = p.Run("a.md");
        Assert.Equal(["a.md(2,20): info TT2001"], Findings(r));
        Assert.Contains("1 suppressed", r.OutLines[^1]);
    }

    [Fact]
    public void Sarif_KeepsThem_WithKindAndJustification_AndTheHiddenUnusedFinding()
    {
        using var p = new ConfigFixture();
        p.Write("a.txt", Article);
        var results = SarifRun(p.Run("a.txt", "--format", "sarif")).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["TT1001", "TT2001", "TL0001"], results.Select(x => x.GetProperty("ruleId").GetString()));
        var suppression = results[0].GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("the ministry's own words", suppression.GetProperty("justification").GetString());
        Assert.Equal("none", results[2].GetProperty("level").GetString());
        Assert.Equal("'Terminology' suppresses no finding here; remove it.", results[2].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void UnusedSuppressions_CanBeShownOnTheConsole_ByConfiguration()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", "root = true\n[*]\ntextlint_diagnostic.TL0001.severity = warning\n");
        p.Write("a.txt", Article);
        Assert.Equal(["a.txt(2,20): info TT2001", "a.txt(3,33): warning TL0001"], Findings(p.Run("a.txt")));
    }

    [Fact]
    public void NoInlineSuppressions_ReportsEverything()
    {
        using var p = new ConfigFixture();
        p.Write("a.txt", Article);
        var r = p.Run("a.txt", "--no-inline-suppressions", "--format", "sarif");
        var results = SarifRun(r).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["TT1001", "TT2001"], results.Select(x => x.GetProperty("ruleId").GetString()));
        Assert.All(results, x => Assert.False(x.TryGetProperty("suppressions", out _)));
    }

    [Fact]
    public void AnInvalidDirective_IsAWarning()
    {
        using var p = new ConfigFixture();
        p.Write("a.txt", "<!-- textlint-disable TT1O01 -->\nHe reportedly left.\n");
        var r = p.Run("a.txt");
        Assert.Contains("a.txt(1,23): warning TL0002: 'TT1O01' is not the ID or category of a loaded rule; did you mean 'TT1001'?", r.Out);
        Assert.Contains("a.txt(2,4): warning TT1001", r.Out);
    }
}
