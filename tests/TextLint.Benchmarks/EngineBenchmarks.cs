using BenchmarkDotNet.Attributes;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Output;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Text;

namespace TextLint.Benchmarks;

[MemoryDiagnoser]
public class PackBenchmarks
{
    private IReadOnlyList<PackFile> _files = [];

    [GlobalSetup]
    public void Setup() => _files = Fixtures.BundledPackFiles();

    [Benchmark(Description = "load + compile bundled pack")]
    public RuleSet LoadAndCompile() => RuleSet.Compile(RulePackLoader.Load(_files).Rules);
}

[MemoryDiagnoser]
public class EngineBenchmarks
{
    private LintEngine _engine = null!;
    private SourceText _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new LintEngine(Fixtures.LoadBundledRuleSet());
        _article = Fixtures.Article();
    }

    [Benchmark(Description = "literal scan only (one article)")]
    public int LiteralScan()
    {
        int n = 0;
        _engine.Rules.Matcher.Scan(_article.Text, (_, _) => n++);
        return n;
    }

    [Benchmark(Description = "whole engine (one article)")]
    public int WholeEngine() => _engine.Analyze(Document.Create(_article)).Diagnostics.Length;
}

[MemoryDiagnoser]
public class SarifBenchmarks
{
    private RunInfo _run = null!;
    private FileReport[] _reports = [];

    [GlobalSetup]
    public void Setup()
    {
        var rules = Fixtures.LoadBundledRuleSet();
        var engine = new LintEngine(rules);
        _run = new RunInfo { ToolName = "TextLint", ToolVersion = "0.0.0", InformationUri = "https://example.org", Rules = rules.Descriptors, WorkingDirectory = "/tmp" };
        _reports = Directory.EnumerateFiles(TestPaths.Samples, "*.txt").Order(StringComparer.Ordinal)
            .Select(p => SourceText.From(File.ReadAllText(p), Path.GetFileName(p)))
            .Select(s => new FileReport(s, engine.Analyze(Document.Create(s)).Diagnostics)).ToArray();
    }

    [Benchmark(Description = "SARIF for the sample articles")]
    public long WriteSarif()
    {
        using var stream = new MemoryStream();
        using (var writer = new SarifWriter(stream))
        {
            writer.Begin(_run);
            foreach (var r in _reports) writer.WriteFile(r);
            writer.End(new RunSummary { FileCount = _reports.Length, Elapsed = TimeSpan.Zero });
        }
        return stream.Length;
    }
}
