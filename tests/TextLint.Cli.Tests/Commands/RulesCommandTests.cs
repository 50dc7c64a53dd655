using System.Text.Json;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Cli.Tests.Commands;

public class RulesCommandTests
{
    internal const string HousePack = """
        id: HS0002
        title: Second house rule
        message: "'{match}' again."
        category: Sourcing
        severity: info
        enabled: false
        kind: existence
        tokens: [again]
        examples:
          - bad: "[|again|]"
          - good: "once"
        ---
        id: HS0001
        title: Forbidden word
        message: "'{match}' is forbidden."
        category: Style
        severity: error
        description: Flags the forbidden word.
        why: Readers stop trusting a text that uses it.
        instead: An allowed word.
        tags: [house]
        kind: existence
        tokens: [forbidden]
        examples:
          - bad: "a [|forbidden|] word"
          - good: "an allowed word"
        """;

    [Fact]
    public void Table_ListsEveryLoadedRule_SortedById_WithAlignedColumns()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", HousePack);
        var r = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules");
        Assert.Equal(0, r.ExitCode);
        var lines = r.OutLines;
        Assert.Matches(@"^ID +Category +Severity +Fix +Title$", lines[0]);
        int title = lines[0].IndexOf("Title", StringComparison.Ordinal);
        int severity = lines[0].IndexOf("Severity", StringComparison.Ordinal);
        var house = lines.Where(l => l.StartsWith("HS", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["HS0001", "HS0002"], house.Select(l => l[..6]));
        Assert.Equal(["Forbidden word", "Second house rule"], house.Select(l => l[title..]));
        Assert.Equal(["error", "off"], house.Select(l => l[severity..].Split(' ')[0]));
        // The engine's built-in rules are loaded with any pack, and listed with them.
        var ids = lines[1..^2].Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("TL0001", ids);
        Assert.Matches(@"^\d+ rules in \d+ categories\. 'dotnet textlint rules show <ID>' explains one\.$", lines[^1]);
    }

    [Fact]
    public void Table_ShowsTheSeverityConfiguredHere_Starred()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", HousePack);
        dir.Write(".editorconfig", "root = true\n[*.md]\ntextlint_diagnostic.HS0001.severity = suggestion\n[*.txt]\ntextlint_diagnostic.HS0002.severity = warning\n");
        var md = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--category", "Style", "--category", "Sourcing");
        Assert.Contains(md.OutLines, l => l.StartsWith("HS0001", StringComparison.Ordinal) && l.Contains(" info* ", StringComparison.Ordinal));
        Assert.Contains(md.OutLines, l => l.StartsWith("HS0002", StringComparison.Ordinal) && l.Contains(" off ", StringComparison.Ordinal));
        Assert.Equal("* configured for article.md by .editorconfig, textlint.yaml or --severity.", md.OutLines[^1]);

        var txt = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--file", "notes/a.txt", "--severity", "HS0001=silent");
        Assert.Contains(txt.OutLines, l => l.StartsWith("HS0001", StringComparison.Ordinal) && l.Contains(" hidden* ", StringComparison.Ordinal));
        Assert.Contains(txt.OutLines, l => l.StartsWith("HS0002", StringComparison.Ordinal) && l.Contains(" warning* ", StringComparison.Ordinal));
        Assert.Equal("* configured for notes/a.txt by .editorconfig, textlint.yaml or --severity.", txt.OutLines[^1]);

        using var doc = JsonDocument.Parse(CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--format", "json").Out);
        var hs1 = doc.RootElement.GetProperty("rules").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "HS0001");
        Assert.Equal("info", hs1.GetProperty("severity").GetString());
        Assert.Equal("error", hs1.GetProperty("defaultSeverity").GetString());
    }

    [Fact]
    public void ABrokenTextlintYaml_ExitsTwo()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("textlint.yaml", "rulez: {}\n");
        var r = CliRunner.Run(dir.Path, "rules");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint.yaml(1,1)", r.Error);
    }

    [Fact]
    public void Table_OfTheBundledPack_HasARowPerRule()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules");
        Assert.Equal(0, r.ExitCode);
        int yamlDocuments = Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories)
            .Sum(f => File.ReadAllLines(f).Count(l => l.StartsWith("id: ", StringComparison.Ordinal)));
        int builtIn = TextLint.Rules.BuiltIn.BuiltInRules.All.Length;
        Assert.Equal(yamlDocuments + builtIn, r.OutLines.Length - 2);
        Assert.Contains(r.OutLines, l => l.StartsWith("TL1001  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Category_FiltersTheList_IgnoringCase()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", HousePack);
        var r = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--category", "style");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(3, r.OutLines.Length);
        Assert.Equal("1 rule in 1 category. 'dotnet textlint rules show <ID>' explains one.", r.OutLines[^1]);
        Assert.StartsWith("HS0001", r.OutLines[1]);
    }

    [Fact]
    public void UnknownCategory_IsAUsageError_ListingTheCategories()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", HousePack);
        var r = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--category", "Nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("No loaded rule has the category 'Nope'. Categories: Sourcing, Style, Suppression.", r.Error);
        Assert.Contains("usage: dotnet textlint rules", r.Error);
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", HousePack);
        var r = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml", "--no-default-rules", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("TextLint", root.GetProperty("tool").GetProperty("name").GetString());
        var rules = root.GetProperty("rules");
        var house = rules.EnumerateArray().Where(x => x.GetProperty("id").GetString()!.StartsWith("HS", StringComparison.Ordinal)).ToList();
        Assert.Equal(["HS0001", "HS0002"], house.Select(x => x.GetProperty("id").GetString()));
        var first = house[0];
        Assert.Equal(
            ["id", "title", "category", "defaultSeverity", "enabledByDefault", "preview", "severity", "kind", "fix", "message", "description", "why", "instead",
             "helpUri", "tags", "yieldsTo", "source", "configuration", "examples"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", first.GetProperty("defaultSeverity").GetString());
        Assert.Equal("Readers stop trusting a text that uses it.", first.GetProperty("why").GetString());
        // A house pack has no page on the tool's site, so no help link is made up for it.
        Assert.Equal(JsonValueKind.Null, first.GetProperty("helpUri").ValueKind);
        Assert.Equal("house.yaml", first.GetProperty("source").GetProperty("path").GetString());
        Assert.Equal(13, first.GetProperty("source").GetProperty("line").GetInt32());
        Assert.Equal("textlint_diagnostic.HS0001.severity", first.GetProperty("configuration").GetProperty("editorconfigSeverityKey").GetString());
        Assert.Contains("tokens", first.GetProperty("configuration").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("key").GetString()));
        var bad = first.GetProperty("examples")[0];
        Assert.Equal("bad", bad.GetProperty("kind").GetString());
        Assert.Equal("a forbidden word", bad.GetProperty("text").GetString());
        Assert.Equal(2, bad.GetProperty("spans")[0].GetProperty("start").GetInt32());
        Assert.Equal(9, bad.GetProperty("spans")[0].GetProperty("length").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.False(house[1].GetProperty("enabledByDefault").GetBoolean());
        Assert.Equal("none", house[1].GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, house[1].GetProperty("why").ValueKind);
    }

    [Fact]
    public void Json_OfTheBundledPack_GivesEachRuleItsPage()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.All(doc.RootElement.GetProperty("rules").EnumerateArray(),
            rule => Assert.EndsWith($"rules/docs/{rule.GetProperty("id").GetString()}.md", rule.GetProperty("helpUri").GetString()));
    }

    [Fact]
    public void AnId_IsNotAnArgumentOfRules()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "TL1001");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("dotnet textlint rules show <ID>", r.Error);
    }

    [Fact]
    public void BrokenPack_ExitsTwo()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("house.yaml", "id: HS1\n");
        var r = CliRunner.Run(dir.Path, "rules", "--rules", "house.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("house.yaml(1,1): error TL9002", r.Error);
        Assert.Equal("", r.Out);
    }
}
