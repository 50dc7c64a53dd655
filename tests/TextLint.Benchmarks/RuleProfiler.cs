using System.Diagnostics;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Benchmarks;

/// <summary>
/// Times each rule alone (and the shared literal scan and segmentation) over a corpus held in memory:
/// the "profile before tuning" step. Prints a table sorted by cost.
/// </summary>
public static class RuleProfiler
{
    /// <param name="pack">A folder of rule files to profile instead of the bundled pack (to compare packs on one engine).</param>
    public static void Run(string corpus, string? pack = null, bool perRule = true, int rounds = 2)
    {
        var rules = pack is null ? Fixtures.LoadBundledRuleSet() : Fixtures.LoadRuleSet(pack);
        var texts = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => SourceText.From(File.ReadAllText(p), p)).ToList();
        long bytes = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"{texts.Count} files, {bytes / 1e6:F1} M chars, {rules.Rules.Length} rules");

        double Time(Action action)
        {
            action(); // warm-up (JIT, lazy regexes)
            var sw = Stopwatch.StartNew();
            for (int r = 0; r < rounds; r++) action();
            return sw.Elapsed.TotalMilliseconds / rounds;
        }

        var none = new LintEngine(rules, new Only(null));
        var rows = new List<(string Name, double Ms)>
        {
            ("document structure only", Time(() => { foreach (var t in texts) _ = Document.Create(t); })),
            ("literal scan (all rules)", Time(() => { foreach (var t in texts) rules.Matcher.Scan(t.Text, (_, _) => { }); })),
        };
        var all = new LintEngine(rules);
        rows.Add(("ALL RULES (engine)", Time(() => { foreach (var t in texts) all.Analyze(Document.Create(t)); })));
        // Interactions: what the whole pack saves without each family (TL1xxx, TL2xxx, ...), shared
        // document analyses included, which a rule alone does not show.
        foreach (var family in rules.Rules.Select(r => r.Descriptor.Id[..3]).Distinct().Order(StringComparer.Ordinal))
        {
            var without = new LintEngine(rules, new AllBut(family));
            rows.Add(($"ALL but {family}xxx", Time(() => { foreach (var t in texts) without.Analyze(Document.Create(t)); })));
        }
        foreach (var rule in perRule ? rules.Rules.AsEnumerable() : [])
        {
            var engine = new LintEngine(rules, new Only(rule.Descriptor.Id));
            rows.Add(($"{rule.Descriptor.Id} {rule.Descriptor.Kind}", Time(() => { foreach (var t in texts) engine.Analyze(Document.Create(t)); })));
        }
        foreach (var (name, ms) in rows.OrderByDescending(r => r.Ms))
            Console.WriteLine($"{ms,10:F0} ms  {bytes / 1e3 / ms,8:F1} MB/s  {name}");
    }

    private sealed class AllBut(string family) : ISeverityProvider
    {
        public Severity GetSeverity(RuleDescriptor rule, string path) =>
            rule.Id.StartsWith(family, StringComparison.Ordinal) ? Severity.None : DefaultSeverityProvider.Instance.GetSeverity(rule, path);
    }

    private sealed class Only(string? id) : ISeverityProvider
    {
        public Severity GetSeverity(RuleDescriptor rule, string path) => rule.Id == id ? Severity.Warning : Severity.None;
    }
}
