using static TextLint.Cli.Tests.Configuration.ConfigFixture;

namespace TextLint.Cli.Tests.Configuration;

/// <summary>textlint.yaml on disk: discovery, --config, packs, include/exclude, per-rule settings, errors.</summary>
public class ProjectConfigTests
{
    [Fact]
    public void IsFound_ByWalkingUpFromTheWorkingFolder_WithPacksRelativeToIt()
    {
        using var p = new ConfigFixture();
        p.Write("news/a.txt", "He reportedly left.\n");
        var r = CliRunner.Run(Path.Combine(p.Path, "news"), "a.txt");
        Assert.Equal(["a.txt(1,4): warning TT1001"], Findings(r));
    }

    [Fact]
    public void ConfigFlag_NamesAnotherFile_AndAMissingOneIsAnError()
    {
        using var p = new ConfigFixture(projectConfig: null);
        p.Write("cfg/project.yaml", "packs: [../pack]\ndefaultRules: false\nrules:\n  TT1001: { severity: error }\n");
        p.Write("a.txt", "He reportedly left.\n");
        var r = p.Run("a.txt", "--config", "cfg/project.yaml");
        Assert.Equal(["a.txt(1,4): error TT1001"], Findings(r));
        Assert.Equal(1, r.ExitCode);

        var missing = p.Run("a.txt", "--config", "nope.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml: error TL9040: No such configuration file.", missing.Error);
    }

    [Fact]
    public void DefaultRules_True_LoadsTheBundledPackBesideTheProjectsPacks()
    {
        using var p = new ConfigFixture("packs: [pack]\n");
        p.Write("a.txt", "Talks in Kiev.\n");
        var ids = Findings(p.Run("a.txt")).Select(f => f[(f.LastIndexOf(' ') + 1)..]).ToList();
        Assert.Contains("TT2001", ids);
        Assert.Contains("TL7501", ids);
        Assert.DoesNotContain("TL7501", Findings(p.Run("a.txt", "--no-default-rules")).Select(f => f[(f.LastIndexOf(' ') + 1)..]));
    }

    [Fact]
    public void IncludeAndExclude_FilterWalkedAndGlobbedFiles_NotNamedOnes()
    {
        using var p = new ConfigFixture(ProjectConfig + "include: [\"articles/**\"]\nexclude: [\"articles/drafts\", \"**/*.old.txt\"]\n");
        foreach (string f in new[] { "articles/a.txt", "articles/drafts/b.txt", "articles/c.old.txt", "notes/d.txt" })
            p.Write(f, "He reportedly left.\n");
        Assert.Equal(["articles/a.txt(1,4): warning TT1001"], Findings(p.Run(".")));
        Assert.Equal(["articles/a.txt(1,4): warning TT1001"], Findings(p.Run("**/*.txt")));
        Assert.Equal(["articles/drafts/b.txt(1,4): warning TT1001", "notes/d.txt(1,4): warning TT1001"],
            Findings(p.Run("articles/drafts/b.txt", "notes/d.txt")));
    }

    [Fact]
    public void RuleSettings_SeverityEnabledAndOptions()
    {
        using var p = new ConfigFixture(ProjectConfig + """
            rules:
              TT1001:
                severity: error
                extend: { tokens: [purportedly] }
              TT1002: { enabled: false }
              TT3001: { enabled: true }
              TT2001:
                swap: { Odessa: Odesa }
            """);
        p.Write("a.txt", "He purportedly left Kiev for Odessa.\nSome say it was very cold.\n");
        Assert.Equal(["a.txt(1,4): error TT1001", "a.txt(1,30): info TT2001", "a.txt(2,17): warning TT3001"], Findings(p.Run("a.txt")));
    }

    [Fact]
    public void EditorConfig_BeatsTextlintYaml()
    {
        using var p = new ConfigFixture(ProjectConfig + "rules:\n  TT1001: { severity: error }\n");
        p.Write(".editorconfig", "root = true\n[drafts/**]\ntextlint_diagnostic.TT1001.severity = suggestion\n");
        p.Write("a.txt", "He reportedly left.\n");
        p.Write("drafts/b.txt", "He reportedly left.\n");
        Assert.Equal(["a.txt(1,4): error TT1001", "drafts/b.txt(1,4): info TT1001"], Findings(p.Run(".")));
    }

    [Fact]
    public void Errors_HaveFileLineAndColumn_AndExitTwo_AllAtOnce()
    {
        using var p = new ConfigFixture("""
            packs: [pack, missing-pack]
            defaultRules: false
            exlude: [drafts]
            """);
        p.Write("a.txt", "He reportedly left.\n");
        var r = p.Run("a.txt");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint.yaml(3,1): error TL9040: Unknown key 'exlude' (did you mean 'exclude'?)", r.Error);
        Assert.Contains("textlint.yaml(1,15): error TL9040: No such rule pack: 'missing-pack'.", r.Error);
        Assert.Contains("2 errors in the configuration or rule packs; nothing was linted.", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void RuleOptionErrors_PointIntoTextlintYaml()
    {
        using var p = new ConfigFixture(ProjectConfig + """
            rules:
              TT1001:
                tokenz: [x]
              TT9999: { severity: error }
              TL0001:
                tokens: [x]
            """);
        p.Write("a.txt", "text\n");
        var r = p.Run("a.txt");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint.yaml(5,5): error TL9002: rule TT1001: Unknown key 'tokenz' for a rule of kind 'existence'.", r.Error);
        Assert.DoesNotContain("TT9999", r.Error); // reported once the packs load
        p.Write("textlint.yaml", ProjectConfig + "rules:\n  TT9999: { severity: error }\n  TL0001:\n    tokens: [x]\n");
        var second = p.Run("a.txt");
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("textlint.yaml(4,3): error TL9040: No loaded rule has the ID 'TT9999'", second.Error);
        Assert.Contains("textlint.yaml(6,5): error TL9040: rule TL0001: a built-in rule has no options; only 'severity' and 'enabled' apply.", second.Error);
    }

    [Fact]
    public void InlineSuppressions_CanBeSwitchedOff_ForTheProject()
    {
        using var p = new ConfigFixture(ProjectConfig + "inlineSuppressions: false\n");
        p.Write("a.txt", "<!-- textlint-disable -->\nHe reportedly left.\n");
        Assert.Equal(["a.txt(2,4): warning TT1001"], Findings(p.Run("a.txt")));
    }
}
