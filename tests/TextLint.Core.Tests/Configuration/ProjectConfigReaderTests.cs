using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Text;
using TextLint.Yaml;

namespace TextLint.Core.Tests.Configuration;

public class ProjectConfigReaderTests
{
    private const string Pack = TestPacks.AttributionAndKyiv;

    private static (ProjectConfig Config, List<ConfigurationDiagnostic> Errors) Read(string yaml)
    {
        var errors = new List<ConfigurationDiagnostic>();
        return (ProjectConfigReader.Read("textlint.yaml", "/p", yaml, errors), errors);
    }

    private static PackLoadResult LoadWith(string yaml, out List<ConfigurationDiagnostic> configErrors)
    {
        (var config, configErrors) = Read(yaml);
        return RulePackLoader.Load([new PackFile("pack.yaml", Pack)], config.Rules.ToDictionary(r => r.Id));
    }

    private static string[] Findings(PackLoadResult result, string text)
    {
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var engine = new LintEngine(RuleSet.Compile(result.Rules));
        return engine.Analyze(Document.Create(SourceText.From(text, "a.txt"))).Diagnostics.Select(d => $"{d.Id} {text.Substring(d.Span.Start, d.Span.Length)}").ToArray();
    }

    [Fact]
    public void EmptyFile_IsTheDefaults()
    {
        var (config, errors) = Read("# nothing yet\n");
        Assert.Empty(errors);
        Assert.Null(config.DefaultRules);
        Assert.Empty(config.Packs);
        Assert.Empty(config.Rules);
    }

    [Fact]
    public void AllSettings_AreRead()
    {
        var (config, errors) = Read("""
            packs: [house/, extra.yaml]
            defaultRules: false
            include: ["articles/**"]
            exclude: [drafts]
            inlineSuppressions: false
            rules:
              TL1001: { severity: error }
              TL7501: { enabled: false }
              TL1005: { enabled: true }
            """);
        Assert.Empty(errors);
        Assert.Equal(["house/", "extra.yaml"], config.Packs.Select(p => p.Value));
        Assert.Equal(new SourcePosition(1, 9), config.Packs[0].Position);
        Assert.False(config.DefaultRules);
        Assert.Equal(["articles/**"], config.Include.Select(p => p.Value));
        Assert.Equal(["drafts"], config.Exclude.Select(p => p.Value));
        Assert.False(config.InlineSuppressions);
        Assert.Equal(["error", "none", "on"], config.Rules.Select(r => r.Level.ToString()));
    }

    [Fact]
    public void UnknownKeys_AndBadValues_AreErrors_WithPositions()
    {
        var (_, errors) = Read("""
            packs: {a: b}
            defaultRule: true
            inlineSuppressions: maybe
            exclude: ["/abs/**", "../up"]
            rules:
              TL1001:
                severity: eror
              TL7501:
                enabled: false
                severity: error
              TL1002: loud
              TL1003:
                kind: substitution
                extend: [x]
            """);
        Assert.Equal(
        [
            "textlint.yaml(2,1): error TL9040: Unknown key 'defaultRule' (did you mean 'defaultRules'?); textlint.yaml knows packs, defaultRules, include, exclude, inlineSuppressions, allowSkipped, preview, allowEmpty, rules, extend-safe-fixes, extend-unsafe-fixes.",
            "textlint.yaml(1,8): error TL9040: 'packs' must be a list of strings, not a mapping.",
            "textlint.yaml(4,11): error TL9040: '/abs/**' must be relative to textlint.yaml's folder and stay inside it (no leading '/', no '..').",
            "textlint.yaml(4,22): error TL9040: '../up' must be relative to textlint.yaml's folder and stay inside it (no leading '/', no '..').",
            "textlint.yaml(3,21): error TL9040: 'inlineSuppressions' must be true or false.",
            "textlint.yaml(7,15): error TL9040: rule TL1001: severity must be one of error, warning, suggestion (info), silent (hidden), none, default.",
            "textlint.yaml(10,5): error TL9040: rule TL7501: give either 'enabled: false' or a 'severity', not both.",
            "textlint.yaml(11,11): error TL9040: rule TL1002: the settings must be a mapping (severity, enabled or the rule's options), not a scalar.",
            "textlint.yaml(13,5): error TL9040: rule TL1003: 'kind' says what the rule is and cannot be changed in textlint.yaml; write a rule of your own in a pack instead.",
            "textlint.yaml(14,13): error TL9040: rule TL1003: 'extend' must be a mapping of list options to the items to add.",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void SyntaxErrors_ComeFromTheYamlReader()
    {
        var (_, errors) = Read("rules:\n  TL1001: [unclosed\n");
        Assert.Single(errors);
        Assert.StartsWith("textlint.yaml(", errors[0].ToString());
        Assert.Contains("error TL9001: YAML syntax error", errors[0].ToString());
    }

    [Fact]
    public void RuleOptions_ReplaceThePacksValues()
    {
        var result = LoadWith("rules:\n  TL1001:\n    tokens: [allegedly]\n", out var errors);
        Assert.Empty(errors);
        Assert.Equal(["TL1001 allegedly"], Findings(result, "He reportedly and allegedly left."));
    }

    [Fact]
    public void Extend_AddsToALists_AndToAMapping()
    {
        var result = LoadWith("""
            rules:
              TL1001:
                extend: { tokens: [allegedly] }
              TL7501:
                extend:
                  swap: { Odessa: Odesa }
            """, out var errors);
        Assert.Empty(errors);
        Assert.Equal(["TL1001 reportedly", "TL1001 allegedly", "TL7501 Kiev", "TL7501 Odessa"],
            Findings(result, "He reportedly and allegedly left Kiev for Odessa."));
    }

    [Fact]
    public void OptionErrors_AreTheKindsOwn_AndPointIntoTextlintYaml()
    {
        var result = LoadWith("""
            rules:
              TL1001:
                tokenz: [x]
                ignorecase: perhaps
              TL7501:
                extend: { swap: [Odessa] }
            """, out var errors);
        Assert.Empty(errors);
        Assert.False(result.Success);
        Assert.Equal(
        [
            "textlint.yaml(4,17): error TL9002: rule TL1001: 'ignorecase' must be true or false.",
            "textlint.yaml(3,5): error TL9002: rule TL1001: Unknown key 'tokenz' for a rule of kind 'existence'.",
            "textlint.yaml(6,21): error TL9040: rule TL7501: 'extend.swap' must be a mapping, like the rule's own 'swap'.",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void SeverityOptions_HoldTheRuleLevels()
    {
        var (config, _) = Read("rules:\n  TL1001: { severity: suggestion }\n  TL7501: { maxWords: 3 }\n");
        var rule = EditorConfigFileTests.Rule("TL1001");
        Assert.Equal(Severity.Info, config.SeverityOptions().Resolve(rule));
        Assert.Null(config.SeverityOptions().Resolve(EditorConfigFileTests.Rule("TL7501")));
    }

    [Fact]
    public void Preview_IsReadAsABoolean_AndUnsetByDefault()
    {
        Assert.Null(Read("# nothing\n").Config.Preview);
        var (on, errors) = Read("preview: true\n");
        Assert.Empty(errors);
        Assert.True(on.Preview);
        var (_, bad) = Read("preview: often\n");
        Assert.Contains(bad, e => e.Message.Contains("'preview' must be true or false", StringComparison.Ordinal));
    }
}
