using System.Text.Json;
using System.Text.Json.Nodes;
using TextLint.Cli.Tests.Configuration;

namespace TextLint.Cli.Tests.LanguageServer;

/// <summary>
/// The server against the CLI: the same findings for the same text and configuration (textlint.yaml,
/// .editorconfig, inline suppressions, baseline), configuration changes picked up while it runs, broken
/// configuration reported on its file while the last good one keeps serving, and the baseline action.
/// </summary>
public sealed class ServerConfigurationTests
{
    private const string Article = """
        # Talks resume

        He reportedly left Kiev. Some say he allegedly returned.

        <!-- textlint-disable-next-line TT1002 -- the minister's words -->
        Some say it was very cold in Kiev.

        drafts are reportedly fine.

        """;

    private static List<(string Rule, int Line, int Column, int EndLine, int EndColumn, int Severity)> ServerFindings(JsonObject published) =>
        published["diagnostics"]!.AsArray().Select(d => (
            (string)d!["code"]!,
            (int)d["range"]!["start"]!["line"]! + 1, (int)d["range"]!["start"]!["character"]! + 1,
            (int)d["range"]!["end"]!["line"]! + 1, (int)d["range"]!["end"]!["character"]! + 1,
            (int)d["severity"]!)).ToList();

    /// <summary>What an editor should show from the CLI's JSON report: not suppressed, not in the baseline, with LSP's severity numbers.</summary>
    private static List<(string Rule, int Line, int Column, int EndLine, int EndColumn, int Severity)> CliFindings(CliResult r)
    {
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("suppression").ValueKind == JsonValueKind.Null && d.GetProperty("baselineState").GetString() != "unchanged")
            .Select(d => (
                d.GetProperty("rule").GetString()!,
                d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(),
                d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32(),
                d.GetProperty("severity").GetString() switch { "error" => 1, "warning" => 2, "info" => 3, _ => 4 }))
            .ToList();
    }

    [Fact]
    public void TheServer_ReportsWhatTheCliReports_ForTheSameTextAndConfiguration()
    {
        using var p = new ConfigFixture(ConfigFixture.ProjectConfig + "rules:\n  TT3001: { enabled: true }\n  TT1001: { severity: error }\n");
        p.Write(".editorconfig", "root = true\n[drafts/**]\ntextlint_diagnostic.TT1001.severity = suggestion\n[*.md]\ntextlint_diagnostic.TT2001.severity = warning\n");
        // The baseline knows the first paragraph's findings; the rest are new.
        p.Write("a.md", "# Talks resume\n\nHe reportedly left Kiev. Some say he allegedly returned.\n");
        Assert.Equal(0, p.Run("a.md", "--baseline", "baseline.json", "--update-baseline").ExitCode);
        p.Write("a.md", Article);
        p.Write("drafts/b.md", Article);

        using var client = new LspTestClient(p.Path, "--baseline", "baseline.json");
        client.Initialize(p.Path);
        foreach (string name in new[] { "a.md", "drafts/b.md" })
        {
            string file = Path.Combine(p.Path, name);
            var cli = CliFindings(p.Run(name, "--format", "json", "--baseline", "baseline.json"));
            client.Open(file, File.ReadAllText(file));
            var server = ServerFindings(client.Diagnostics(file, 1));
            Assert.NotEmpty(cli);
            Assert.Equal(cli, server);
        }
        // And the configuration did matter: a suppressed, a baselined and a re-severitied finding.
        Assert.DoesNotContain(CliFindings(p.Run("a.md", "--format", "json", "--baseline", "baseline.json")), f => f.Line == 3 && f.Rule == "TT1001");
        Assert.Contains(CliFindings(p.Run("drafts/b.md", "--format", "json")), f => f.Rule == "TT1001" && f.Severity == 3);
    }

    [Fact]
    public void TheServer_MatchesTheCli_OnTheBundledPack_ForEverySample()
    {
        using var dir = new TempDirectory();
        using var client = new LspTestClient(dir.Path);
        client.Initialize(dir.Path);
        int version = 0;
        foreach (string sample in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "samples")).Order(StringComparer.Ordinal))
        {
            string file = dir.Write(Path.GetFileName(sample), File.ReadAllText(sample));
            var cli = CliFindings(CliRunner.Run(dir.Path, Path.GetFileName(file), "--format", "json"));
            client.Open(file, File.ReadAllText(file), ++version);
            Assert.Equal(cli, ServerFindings(client.Diagnostics(file, version)));
        }
    }

    private static void Changed(LspTestClient client, string file) =>
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspTestClient.Uri(file), ["type"] = 2 }),
        });

    [Fact]
    public void ConfigurationChanges_AreApplied_AndABrokenOne_IsReportedOnItsFile_WhileTheLastGoodOneServes()
    {
        using var p = new ConfigFixture();
        string doc = p.Write("a.md", "He reportedly left Kiev.\n");
        using var client = new LspTestClient(p.Path);
        client.Initialize(p.Path);
        client.Open(doc, "He reportedly left Kiev.\n");
        Assert.Equal([("TT1001", 2), ("TT2001", 3)], ServerFindings(client.Diagnostics(doc, 1)).Select(f => (f.Rule, f.Severity)));

        // textlint.yaml edited: re-resolved and re-published.
        string config = p.Write("textlint.yaml", ConfigFixture.ProjectConfig + "rules:\n  TT1001: { severity: error }\n");
        Changed(client, config);
        Assert.Equal([("TT1001", 1), ("TT2001", 3)], ServerFindings(client.Diagnostics(doc, 1)).Select(f => (f.Rule, f.Severity)));

        // .editorconfig too.
        string editorconfig = p.Write(".editorconfig", "root = true\n[*]\ntextlint_diagnostic.TT2001.severity = none\n");
        Changed(client, editorconfig);
        Assert.Equal([("TT1001", 1)], ServerFindings(client.Diagnostics(doc, 1)).Select(f => (f.Rule, f.Severity)));

        // Broken: a diagnostic at the line and column on textlint.yaml, a message, and the last good configuration goes on.
        p.Write("textlint.yaml", ConfigFixture.ProjectConfig + "exlude: [drafts]\n");
        Changed(client, config);
        var problems = client.Diagnostics(config);
        var problem = Assert.Single(problems["diagnostics"]!.AsArray())!;
        Assert.Equal("TL9040", (string?)problem["code"]);
        Assert.Equal(1, (int)problem["severity"]!);
        Assert.Equal(2, (int)problem["range"]!["start"]!["line"]!); // textlint.yaml(3,1)
        Assert.Equal(0, (int)problem["range"]!["start"]!["character"]!);
        Assert.Contains("exclude", (string?)problem["message"]);
        var shown = client.WaitFor(m => (string?)m["method"] == "window/showMessage");
        Assert.Equal(1, (int)shown["params"]!["type"]!);
        Assert.Contains("last good configuration", (string?)shown["params"]!["message"]);
        Assert.Equal([("TT1001", 1)], ServerFindings(client.Diagnostics(doc, 1)).Select(f => (f.Rule, f.Severity)));

        // A broken rule pack: reported on the pack at its line, the last good rules still serve.
        p.Write("textlint.yaml", ConfigFixture.ProjectConfig);
        string pack = p.Write("pack/rules.yaml", ConfigFixture.Pack.Replace("kind: substitution", "kind: nonsense"));
        Changed(client, pack);
        Assert.Empty(client.Diagnostics(config)["diagnostics"]!.AsArray()); // textlint.yaml is fine again
        var packProblem = Assert.Single(client.Diagnostics(pack)["diagnostics"]!.AsArray())!;
        Assert.Equal(ConfigFixture.Pack.Split('\n').ToList().FindIndex(l => l.StartsWith("kind: substitution", StringComparison.Ordinal)),
            (int)packProblem["range"]!["start"]!["line"]!);
        client.WaitFor(m => (string?)m["method"] == "window/showMessage");
        Assert.Equal([("TT1001", 1)], ServerFindings(client.Diagnostics(doc, 1)).Select(f => (f.Rule, f.Severity)));

        // Repaired through didChangeConfiguration as well.
        p.Write("pack/rules.yaml", ConfigFixture.Pack);
        client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["textlint"] = new JsonObject { ["debounce"] = 10 } } });
        Assert.Empty(client.Diagnostics(pack)["diagnostics"]!.AsArray());
        Assert.Equal([("TT1001", 2)], ServerFindings(client.Diagnostics(doc, 1)).Select(f => (f.Rule, f.Severity)));
    }

    [Fact]
    public void AnInitiallyBrokenConfiguration_LintsNothing_AndSaysWhy()
    {
        using var p = new ConfigFixture("packs: [pack, missing-pack]\n");
        string doc = p.Write("a.md", "He reportedly left.\n");
        using var client = new LspTestClient(p.Path);
        client.Initialize(p.Path);
        var problem = Assert.Single(client.Diagnostics(Path.Combine(p.Path, "textlint.yaml"))["diagnostics"]!.AsArray())!;
        Assert.Equal(0, (int)problem["range"]!["start"]!["line"]!);
        Assert.Equal(14, (int)problem["range"]!["start"]!["character"]!); // textlint.yaml(1,15)
        Assert.Contains("Nothing is linted", (string?)client.WaitFor(m => (string?)m["method"] == "window/showMessage")["params"]!["message"]);
        client.Open(doc, "He reportedly left.\n");
        var only = Assert.Single(client.Diagnostics(doc, 1)["diagnostics"]!.AsArray())!;
        Assert.Contains("configuration has errors", (string?)only["message"]);
    }

    [Fact]
    public void AddToBaseline_RecordsTheFinding_AndItIsNoLongerShown()
    {
        using var p = new ConfigFixture();
        p.Write("a.md", "Nothing to see.\n");
        Assert.Equal(0, p.Run("a.md", "--baseline", "baseline.json", "--update-baseline").ExitCode);
        string text = "He reportedly left Kiev.\n";
        string doc = p.Write("a.md", text);
        using var client = new LspTestClient(p.Path, "--baseline", "baseline.json");
        client.Initialize(p.Path);
        client.Open(doc, text);
        Assert.Equal(["TT1001", "TT2001"], ServerFindings(client.Diagnostics(doc, 1)).Select(f => f.Rule));
        var actions = client.Request("textDocument/codeAction", ServerProtocolTests.CodeActionParams(doc, 0, 4, 0, 4))!.AsArray();
        var add = actions.Single(a => ((string?)a!["title"])!.Contains("baseline", StringComparison.Ordinal))!;
        Assert.Contains("TT1001", (string?)add["title"]);
        Assert.Null(client.Request("workspace/executeCommand", add["command"]!.DeepClone()));
        Assert.Equal(["TT2001"], ServerFindings(client.Diagnostics(doc, 1)).Select(f => f.Rule));
        // The file is the CLI's baseline: a lint run now agrees.
        var run = p.Run("a.md", "--baseline", "baseline.json", "--format", "json");
        Assert.Equal(["TT2001"], CliFindings(run).Select(f => f.Rule));
    }
}
