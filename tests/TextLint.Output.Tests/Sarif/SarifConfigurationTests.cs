using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

/// <summary>What configuration puts into SARIF: overrides, suppressions, baseline states.</summary>
public class SarifConfigurationTests
{
    private const string Pack = TestPacks.AttributionAndKyiv;

    private static JsonElement Run(Func<Diagnostic, Diagnostic> edit, params RuleConfigurationOverride[] overrides)
    {
        var set = RuleSet.Compile(RulePackLoader.Load([new PackFile("p.yaml", Pack)]).Rules);
        var source = SourceText.From("He reportedly left Kiev.\n", "a.txt");
        var diagnostics = new LintEngine(set).Analyze(Document.Create(source)).Diagnostics.Select(edit).ToImmutableArray();
        using var stream = new MemoryStream();
        using (var writer = new SarifWriter(stream))
        {
            writer.Begin(new RunInfo { ToolName = "TextLint", ToolVersion = "1.0.0", InformationUri = "https://example.org", Rules = set.Descriptors, WorkingDirectory = "/w" });
            writer.WriteFile(new FileReport(source, diagnostics));
            writer.End(new RunSummary { FileCount = 1, Elapsed = TimeSpan.Zero, RuleConfigurationOverrides = [.. overrides] });
        }
        string json = Encoding.UTF8.GetString(stream.ToArray());
        SarifSchema.AssertValid(json);
        return JsonDocument.Parse(json).RootElement.GetProperty("runs")[0].Clone();
    }

    [Fact]
    public void RuleConfigurationOverrides_NameTheRuleByIdAndIndex()
    {
        var run = Run(d => d, new RuleConfigurationOverride("TL7501", Severity.Error), new RuleConfigurationOverride("TL1001", Severity.None));
        var overrides = run.GetProperty("invocations")[0].GetProperty("ruleConfigurationOverrides");
        Assert.Equal(2, overrides.GetArrayLength());
        Assert.Equal("TL7501", overrides[0].GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Equal(1, overrides[0].GetProperty("descriptor").GetProperty("index").GetInt32());
        Assert.True(overrides[0].GetProperty("configuration").GetProperty("enabled").GetBoolean());
        Assert.Equal("error", overrides[0].GetProperty("configuration").GetProperty("level").GetString());
        Assert.False(overrides[1].GetProperty("configuration").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void NoOverrides_NoProperty()
    {
        Assert.False(Run(d => d).GetProperty("invocations")[0].TryGetProperty("ruleConfigurationOverrides", out _));
    }

    [Fact]
    public void BaselineState_AndSuppressions_AreWrittenPerResult()
    {
        var run = Run(d => d.Id == "TL1001"
            ? d with { BaselineState = BaselineState.Unchanged, Suppression = new Suppression("inSource", "the ministry's words") }
            : d with { BaselineState = BaselineState.New });
        var results = run.GetProperty("results");
        Assert.Equal("unchanged", results[0].GetProperty("baselineState").GetString());
        var suppression = results[0].GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("the ministry's words", suppression.GetProperty("justification").GetString());
        Assert.Equal("new", results[1].GetProperty("baselineState").GetString());
        Assert.False(results[1].TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void WithoutABaseline_ThereIsNoBaselineState()
    {
        Assert.False(Run(d => d).GetProperty("results")[0].TryGetProperty("baselineState", out _));
    }
}
