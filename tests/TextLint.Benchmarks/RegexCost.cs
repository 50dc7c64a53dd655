using System.Diagnostics;
using System.Text.RegularExpressions;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Benchmarks;

/// <summary>
/// What building the pack's regexes costs, pattern by pattern: the linear-time (NonBacktracking) engine's
/// construction against the backtracking interpreter's, and which patterns one small article makes a run
/// build. Construction is a fixed cost per process, so it is what a run on a few articles pays most.
/// </summary>
public static class RegexCost
{
    public static void Run(string? article)
    {
        RegexFactory.Recorder = new();
        var result = RulePackLoader.Load(Fixtures.BundledPackFiles());
        var patterns = RegexFactory.Recorder.Distinct().ToList();
        RegexFactory.Recorder = null;
        var rules = RuleSet.Compile(result.Rules);

        var rows = new List<(double Nb, double Bt, bool Linear, string Pattern)>();
        // warm-up: the first constructions pay for compiling the regex engine itself (JIT)
        foreach (var (pattern, ignoreCase) in patterns.Take(20))
            try { _ = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | (ignoreCase ? RegexOptions.IgnoreCase : 0)); } catch (NotSupportedException) { }
        foreach (var (pattern, ignoreCase) in patterns)
        {
            var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            double nb = double.NaN;
            var sw = Stopwatch.StartNew();
            try { _ = new Regex(pattern, options | RegexOptions.NonBacktracking); nb = sw.Elapsed.TotalMilliseconds; }
            catch (NotSupportedException) { }
            sw.Restart();
            _ = new Regex(pattern, options);
            double bt = sw.Elapsed.TotalMilliseconds;
            rows.Add((nb, bt, BacktrackingShape.IsLinear(pattern), pattern));
        }
        Console.WriteLine($"{rows.Count} distinct patterns; NonBacktracking construction {rows.Where(r => !double.IsNaN(r.Nb)).Sum(r => r.Nb):F0} ms in all, backtracking {rows.Sum(r => r.Bt):F0} ms");
        foreach (var r in rows.OrderByDescending(r => double.IsNaN(r.Nb) ? 0 : r.Nb).Take(40))
            Console.WriteLine($"{r.Nb,8:F2} ms NB {r.Bt,6:F2} ms BT {(r.Linear ? "shape-linear" : "            ")} {Shorten(r.Pattern)}");

        if (article is null) return;
        var engine = new LintEngine(rules);
        var sw2 = Stopwatch.StartNew();
        engine.Analyze(Document.Create(SourceText.From(File.ReadAllText(article), article)));
        Console.WriteLine($"one article ({article}): {sw2.Elapsed.TotalMilliseconds:F0} ms, first run; regexes built: {RegexFactory.BuiltLazyRegexes().Count()} of {RegexFactory.LazyRegexCount}");
        foreach (var r in RegexFactory.BuiltLazyRegexes())
            Console.WriteLine($"  built: {(RegexFactory.IsLinearTime(r.Value) ? "NB" : "BT")} {Shorten(r.Pattern)}");
    }

    /// <summary>Every bundled pattern with the phrase sets its prefilter gets (to compare two builds of RequiredLiterals).</summary>
    public static void DumpRequired()
    {
        RegexFactory.Recorder = new();
        RulePackLoader.Load(Fixtures.BundledPackFiles());
        var patterns = RegexFactory.Recorder.Distinct().ToList();
        RegexFactory.Recorder = null;
        foreach (var (pattern, _) in patterns.OrderBy(p => p.Pattern, StringComparer.Ordinal))
            Console.WriteLine($"{pattern}\n  => {string.Join(" && ", RequiredLiterals.AllOf(pattern).Select(set => string.Join("|", set)))}");
    }

    private static string Shorten(string s) => s.Length <= 110 ? s : s[..107] + "...";
}
