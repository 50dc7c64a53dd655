using BenchmarkDotNet.Attributes;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Benchmarks;

/// <summary>The document model on one article: each layer built from a fresh document, as a rule's first use builds it.</summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private SourceText _article = null!;

    [GlobalSetup]
    public void Setup() => _article = Fixtures.Article();

    [Benchmark(Description = "document: format + prose view")]
    public int Prose() => Document.Create(_article).Prose.Length;

    [Benchmark(Description = "document + paragraphs")]
    public int Paragraphs() => Document.Create(_article).Paragraphs.Length;

    [Benchmark(Description = "document + sentences")]
    public int Sentences() => Document.Create(_article).Sentences.Length;

    [Benchmark(Description = "document + quotations")]
    public int Quotations() => Document.Create(_article).Quotations.Length;

    [Benchmark(Description = "document + direct speech")]
    public bool Speech() => Document.Create(_article).Speech.Contains(0);
}

/// <summary>
/// Each rule kind alone on one article: the bundled pack's rules of that kind, on a document whose
/// segmentation is already built (its cost is SegmentationBenchmarks'), so the figure is the kind's own
/// work plus the one literal pass every analysis makes.
/// </summary>
[MemoryDiagnoser]
public class KindBenchmarks
{
    private RuleSet _rules = null!;
    private Document _document = null!;
    private LintEngine _engine = null!;

    public static IEnumerable<string> Kinds() =>
        Fixtures.LoadBundledRuleSet().Descriptors.Select(d => d.Kind).Distinct().Order(StringComparer.Ordinal);

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _rules = Fixtures.LoadBundledRuleSet();
        _engine = new LintEngine(_rules, new OnlyKind(Kind));
        _document = Document.Create(Fixtures.Article());
        _ = (_document.Paragraphs, _document.Sentences, _document.Quotations, _document.Speech, _document.LineSpans);
        _engine.Analyze(_document); // builds the kind's regexes before measuring
    }

    [Benchmark(Description = "rules of one kind (one article)")]
    public int Analyze() => _engine.Analyze(_document).Diagnostics.Length;

    private sealed class OnlyKind(string kind) : ISeverityProvider
    {
        public Severity GetSeverity(RuleDescriptor rule, string path) =>
            rule.Kind == kind ? (rule.IsEnabledByDefault ? rule.DefaultSeverity : Severity.Warning) : Severity.None;
    }
}
