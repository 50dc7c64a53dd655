using System.Text.Json;

namespace TextLint.Cli.Tests.Commands;

/// <summary>Preview rules (YAML preview: true), as Ruff has them: off unless --preview or textlint.yaml's preview: true.</summary>
public class PreviewRulesTests
{
    private const string Pack = """
        id: HS0001
        title: Stable rule
        message: "'{match}' is stable."
        category: Style
        kind: existence
        tokens: [stable]
        ---
        id: HS0002
        title: New rule
        message: "'{match}' is new."
        category: Style
        severity: warning
        preview: true
        kind: existence
        tokens: [novel]
        examples:
          - bad: "a [|novel|] idea"
          - good: "an old idea"
        """;

    private static TempDirectory Setup()
    {
        var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", Pack);
        dir.Write("story.txt", "A stable and novel idea.\n");
        return dir;
    }

    private static string[] Rules(CliResult r)
    {
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("rule").GetString()!).ToArray();
    }

    [Fact]
    public void PreviewRule_IsOffByDefault_AndOnWithThePreviewFlag()
    {
        using var dir = Setup();
        var off = CliRunner.Run(dir.Path, "story.txt", "--rules", "house.yaml", "--no-default-rules", "--format", "json");
        Assert.Equal(["HS0001"], Rules(off));
        var on = CliRunner.Run(dir.Path, "story.txt", "--rules", "house.yaml", "--no-default-rules", "--format", "json", "--preview");
        Assert.Equal(["HS0001", "HS0002"], Rules(on));
    }

    [Fact]
    public void TextlintYaml_PreviewTrue_EnablesPreviewRules()
    {
        using var dir = Setup();
        dir.Write("textlint.yaml", "preview: true\n");
        var on = CliRunner.Run(dir.Path, "story.txt", "--rules", "house.yaml", "--no-default-rules", "--format", "json");
        Assert.Equal(["HS0001", "HS0002"], Rules(on));
    }

    [Fact]
    public void NamingAPreviewRule_TurnsItOnAlone()
    {
        using var dir = Setup();
        var r = CliRunner.Run(dir.Path, "story.txt", "--rules", "house.yaml", "--no-default-rules", "--format", "json", "--severity", "HS0002=warning");
        Assert.Equal(["HS0001", "HS0002"], Rules(r));
    }

    [Fact]
    public void Rules_ListsPreviewStatus_InTheTable_TheJson_AndTheSarifRuleProperties()
    {
        using var dir = Setup();
        var table = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules");
        var line = Assert.Single(table.OutLines, l => l.StartsWith("HS0002", StringComparison.Ordinal));
        Assert.EndsWith("New rule (preview)", line);
        Assert.Matches(@"^HS0002 +Style +off ", line);
        var previewTable = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--preview");
        Assert.Matches(@"^HS0002 +Style +warning ", Assert.Single(previewTable.OutLines, l => l.StartsWith("HS0002", StringComparison.Ordinal)));

        using (var json = JsonDocument.Parse(CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--format", "json").Out))
        {
            var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
            Assert.True(rules.Single(r => r.GetProperty("id").GetString() == "HS0002").GetProperty("preview").GetBoolean());
            Assert.False(rules.Single(r => r.GetProperty("id").GetString() == "HS0001").GetProperty("preview").GetBoolean());
        }

        var sarif = CliRunner.Run(dir.Path, "story.txt", "--rules", "house.yaml", "--no-default-rules", "--format", "sarif");
        using var log = JsonDocument.Parse(sarif.Out);
        var sarifRules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var preview = sarifRules.Single(r => r.GetProperty("id").GetString() == "HS0002");
        Assert.True(preview.GetProperty("properties").GetProperty("preview").GetBoolean());
        Assert.False(preview.GetProperty("defaultConfiguration").GetProperty("enabled").GetBoolean());
        Assert.False(sarifRules.Single(r => r.GetProperty("id").GetString() == "HS0001").GetProperty("properties").TryGetProperty("preview", out _));
    }

    [Fact]
    public void RuleShow_SaysHowToEnableAPreviewRule()
    {
        using var dir = Setup();
        var r = CliRunner.Run(dir.Path, "rules", "show", "HS0002", "--rules", "house.yaml", "--no-default-rules");
        Assert.Contains("preview rule: off unless --preview or preview: true in textlint.yaml", r.Out);
    }
}
