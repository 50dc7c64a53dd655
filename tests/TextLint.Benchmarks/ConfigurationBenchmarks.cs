using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Engine.Baselines;
using TextLint.Rules;
using TextLint.Rules.BuiltIn;
using TextLint.Text;

namespace TextLint.Benchmarks;

/// <summary>What configuration adds per file: suppression directives, .editorconfig resolution, baseline matching.</summary>
[MemoryDiagnoser]
public class ConfigurationBenchmarks
{
    private LintEngine _engine = null!;
    private SourceText _plain = null!;
    private SourceText _withDirectives = null!;
    private EditorConfigFile[] _chain = [];
    private Baseline _baseline = null!;
    private ImmutableArray<Diagnostic> _findings;

    [GlobalSetup]
    public void Setup()
    {
        var rules = Fixtures.LoadBundledRuleSet();
        _engine = new LintEngine(RuleSet.Compile(rules.Rules.AddRange(BuiltInRules.All)));
        _plain = Fixtures.Article();
        var lines = _plain.Text.Split('\n').ToList();
        lines.Insert(lines.Count / 3, "<!-- textlint-disable Attribution -- quoted -->");
        lines.Insert(lines.Count / 2, "<!-- textlint-enable Attribution -->");
        lines.Insert(2, "<!-- textlint-disable-next-line TL7501 -->");
        _withDirectives = SourceText.From(string.Join('\n', lines), "article.txt");

        var problems = new List<ConfigurationDiagnostic>();
        _chain =
        [
            EditorConfigFile.Parse("news/.editorconfig", "/repo/news", "[*.md]\ntextlint_diagnostic.TL1001.severity = error\n[{2023,2024}/**]\ntextlint_analyzer_diagnostic.severity = suggestion\n", problems),
            EditorConfigFile.Parse(".editorconfig", "/repo", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".editorconfig"))
                + "\n[*.{txt,md}]\ntextlint_analyzer_diagnostic.category-Attribution.severity = warning\n[archive/**]\ntextlint_analyzer_diagnostic.severity = none\n", problems),
        ];
        _findings = _engine.Analyze(Document.Create(_plain)).Diagnostics;
        _baseline = new Baseline(Baseline.EntriesFor("article.txt", _plain, _findings));
    }

    [Benchmark(Baseline = true, Description = "engine + built-ins, no directives (one article)")]
    public int EngineWithoutDirectives() => _engine.Analyze(Document.Create(_plain)).Diagnostics.Length;

    [Benchmark(Description = "engine + built-ins, three directives (one article)")]
    public int EngineWithDirectives() => _engine.Analyze(Document.Create(_withDirectives)).Diagnostics.Length;

    [Benchmark(Description = ".editorconfig chain resolved for one file")]
    public object ResolveEditorConfig() => EditorConfigFile.Resolve(_chain, "/repo/news/2024/05/story.md", SeverityOptions.Empty);

    [Benchmark(Description = "baseline classification (one article)")]
    public int ClassifyAgainstBaseline() => _baseline.Classify("article.txt", _plain, _findings, out _).Length;
}
