using System.Text.Json;

namespace TextLint.Cli.Tests.Vale;

/// <summary>A .vale.ini or a Vale style folder wherever a rule pack goes: --rules, textlint.yaml's packs, with configuration, suppressions and SARIF by Style.Rule.</summary>
public sealed class ValePackTests
{
    private const string Rule = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens:\n  - utilize\n";

    private static TempDirectory Project()
    {
        var dir = new TempDirectory();
        dir.Write("styles/House/Avoid.yml", Rule);
        dir.Write(".vale.ini", "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = House\n");
        return dir;
    }

    [Fact]
    public void ValeIni_AsRules_ReportsStyleDotRule()
    {
        using var dir = Project();
        dir.Write("a.md", "We utilize it.\n");
        var r = CliRunner.Run(dir.Path, "lint", "--no-default-rules", "--rules", ".vale.ini", "a.md");
        Assert.Equal(0, r.ExitCode); // warnings only
        Assert.Equal("a.md(1,4): warning House.Avoid: Avoid 'utilize'.", r.OutLines[0]);
    }

    [Fact]
    public void StyleFolder_InTextlintYamlPacks_SarifRuleIdIsStyleDotRule()
    {
        using var dir = Project();
        dir.Write("textlint.yaml", "defaultRules: false\npacks:\n  - styles/House\n");
        dir.Write("a.txt", "We utilize it.\n");
        var r = CliRunner.Run(dir.Path, "lint", "a.txt", "--format", "sarif");
        using var sarif = JsonDocument.Parse(r.Out);
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("House.Avoid", run.GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), rule => rule.GetProperty("id").GetString() == "House.Avoid");
    }

    [Fact]
    public void EditorConfigSeverity_AndSuppressions_WorkByValeName()
    {
        using var dir = Project();
        dir.Write(".editorconfig", "root = true\n[b.md]\ntextlint_diagnostic.House.Avoid.severity = none\n");
        dir.Write("a.md", "utilize\n\n<!-- textlint-disable House.Avoid -->\n\nutilize\n\n<!-- textlint-enable House.Avoid -->\n\n<!-- vale House.Avoid = NO -->\n\nutilize\n");
        dir.Write("b.md", "utilize\n");
        var r = CliRunner.Run(dir.Path, "lint", "--no-default-rules", "--rules", ".vale.ini", "a.md", "b.md");
        Assert.Equal(["a.md(1,1): warning House.Avoid: Avoid 'utilize'."], r.OutLines[..^1]);
    }

    [Fact]
    public void BrokenValeIni_ExitsTwo_NamingFileLineAndColumn()
    {
        using var dir = Project();
        dir.Write(".vale.ini", "StylesPath = styles\n[*.md]\nBasedOnStyles House\n");
        var r = CliRunner.Run(dir.Path, "lint", "--no-default-rules", "--rules", ".vale.ini", ".");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(".vale.ini(3,1): error TL9070: Expected 'key = value' or a '[section]' header, not 'BasedOnStyles House'.", r.Error);
    }

    [Fact]
    public void UnknownExtends_AndBadRegex_ExitTwo_WithPositions()
    {
        using var dir = Project();
        dir.Write("styles/House/Bad.yml", "extends: existance\nmessage: x\n");
        dir.Write("styles/House/Regex.yml", "extends: existence\nmessage: x\ntokens:\n  - '(?<open'\n");
        var r = CliRunner.Run(dir.Path, "lint", "--no-default-rules", "--rules", ".vale.ini", ".");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("styles/House/Bad.yml(1,10): error TL9071: rule House.Bad: 'extends' is 'existance'", r.Error);
        Assert.Contains("styles/House/Regex.yml(4,5): error TL9071: rule House.Regex: Invalid regular expression", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void UnsupportedValeKind_IsAWarning_TheRunGoesOn()
    {
        using var dir = Project();
        dir.Write("styles/House/Spelling.yml", "extends: spelling\nmessage: \"'%s'?\"\n");
        dir.Write("a.md", "We utilize it.\n");
        var r = CliRunner.Run(dir.Path, "lint", "--no-default-rules", "--rules", ".vale.ini", "a.md");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("styles/House/Spelling.yml(1,1): warning TL9072: rule House.Spelling: Vale's 'spelling' rules are not supported by TextLint; this rule does not run.", r.Error);
    }

    [SharedDataFact("vale/styles")]
    public void MicrosoftProselintAlex_LoadTogether_WithoutErrors()
    {
        using var dir = new TempDirectory();
        string styles = TestPaths.SharedData("vale/styles");
        dir.Write(".vale.ini", $"StylesPath = {styles}\nMinAlertLevel = suggestion\n[*]\nBasedOnStyles = Microsoft, proselint, alex\n");
        dir.Write("a.md", "We will utilize the e-mail server. Obviously, it is very unique.\n");
        var r = CliRunner.Run(dir.Path, "lint", "--no-default-rules", "--rules", ".vale.ini", "a.md");
        Assert.True(r.ExitCode == 1, r.Error);
        Assert.DoesNotContain("error TL9", r.Error);
        Assert.Contains(r.OutLines, l => l.Contains("Microsoft.Wordiness"));
        Assert.Contains(r.OutLines, l => l.Contains("proselint.Uncomparables"));
        Assert.Contains(r.OutLines, l => l.Contains("alex.Condescending"));
    }
}
