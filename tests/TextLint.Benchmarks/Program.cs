using BenchmarkDotNet.Running;
using TextLint.Benchmarks;

// dotnet run -c Release --project tests/TextLint.Benchmarks -- generate-corpus <dir> <megabytes>
// dotnet run -c Release --project tests/TextLint.Benchmarks -- lexicon            (the pack's literal phrases, one per line)
// dotnet run -c Release --project tests/TextLint.Benchmarks -- literal-scan <dir> [rules] [--cold]  (the literal pass alone, ns per character; the bundled pack or a rules folder; --cold: caches flushed between files, as the rules' work does in the tool)
// dotnet run -c Release --project tests/TextLint.Benchmarks -- shapes [maxMB=10] [read]   (time per MB of adversarial shapes)
// dotnet run -c Release --project tests/TextLint.Benchmarks -- [BenchmarkDotNet args, e.g. --filter *Engine*]
if (args.Length >= 3 && args[0] == "generate-corpus")
{
    var (files, bytes) = CorpusGenerator.Generate(TestPaths.Samples, args[1], long.Parse(args[2]) * 1024 * 1024);
    Console.WriteLine($"{files} files, {bytes:N0} bytes in {args[1]}");
    return 0;
}
if (args.Length >= 1 && args[0] == "lexicon")
{
    foreach (var phrase in Fixtures.LoadBundledRuleSet().LiteralPhrases.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        Console.WriteLine(phrase);
    return 0;
}
if (args.Length >= 2 && args[0] == "literal-scan")
{
    // The literal pass alone over a folder held in memory: best of five rounds, in ns per character.
    var folder = args.Skip(2).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
    var set = folder is not null ? Fixtures.LoadRuleSet(folder) : Fixtures.LoadBundledRuleSet();
    var matcher = set.Matcher;
    var texts = Directory.EnumerateFiles(args[1], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    long chars = texts.Sum(t => (long)t.Length), hits = 0;
    // --cold: 8 MB written between two files (more than the second-level cache), as the rules' own work
    // between two scans does in the tool; the writing is not timed.
    int[]? evict = args.Contains("--cold") ? new int[8 << 18] : null;
    double best = double.MaxValue;
    for (int round = 0; round < 5; round++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var t in texts)
        {
            matcher.Scan(t, (_, _) => hits++);
            if (evict is not null) { sw.Stop(); for (int k = 0; k < evict.Length; k += 16) evict[k]++; sw.Start(); }
        }
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"{matcher.Size.States:N0} states x {matcher.Size.Columns} columns; {chars / 1e6:F1} M chars, {hits / 5:N0} hits a round: best {best:F0} ms, {best * 1e6 / chars:F2} ns/char");
    // Which rules' phrases the hits are (and the payload: a prefilter's hits are its pattern's index plus a tag).
    var byRule = new Dictionary<(int Rule, int Tag), long>();
    foreach (var t in texts) matcher.Scan(t, (rule, m) => { var key = (rule, m.Payload >> 24); byRule[key] = byRule.GetValueOrDefault(key) + 1; });
    foreach (var ((rule, tag), n) in byRule.OrderByDescending(p => p.Value).Take(15))
        Console.WriteLine($"  {n,10:N0} hits  {set.Rules[rule].Descriptor.Id} (payload tag {tag})");
    return 0;
}
if (args.Length >= 1 && args[0] == "coldstart")
{
    // One cold process: where does start-up go? (run it several times; the first call of each phase pays JIT)
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var files = Fixtures.BundledPackFiles();
    var t0 = sw.Elapsed.TotalMilliseconds;
    var loaded = TextLint.Loading.RulePackLoader.Load(files);
    var t1 = sw.Elapsed.TotalMilliseconds;
    var set = TextLint.Engine.RuleSet.Compile(loaded.Rules);
    var t2 = sw.Elapsed.TotalMilliseconds;
    var engine = new TextLint.Engine.LintEngine(set);
    var article = TextLint.Text.SourceText.From(File.ReadAllText(Path.Combine(TestPaths.Samples, "004_57ce9da7169ad2f1.txt")), "a.txt");
    var n = engine.Analyze(TextLint.Documents.Document.Create(article)).Diagnostics.Length;
    var t3 = sw.Elapsed.TotalMilliseconds;
    n += engine.Analyze(TextLint.Documents.Document.Create(article)).Diagnostics.Length;
    var t4 = sw.Elapsed.TotalMilliseconds;
    Console.WriteLine($"read {t0:F0} ms, load {t1 - t0:F0} ms, compile {t2 - t1:F0} ms, first analyze {t3 - t2:F0} ms, second {t4 - t3:F1} ms ({n} findings)");
    return 0;
}
if (args.Length >= 1 && args[0] == "shapes")
{
    ShapeBench.MarkdigOnly = args.Contains("markdig");
    ShapeBench.Filter = args.FirstOrDefault(a => a.StartsWith("only=", StringComparison.Ordinal))?[5..];
    ShapeBench.Run(args.Length >= 2 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10, args.Contains("read"));
    return 0;
}
if (args.Length >= 1 && args[0] == "required-literals")
{
    RegexCost.DumpRequired();
    return 0;
}
if (args.Length >= 1 && args[0] == "regex-cost")
{
    RegexCost.Run(args.Length >= 2 ? args[1] : null);
    return 0;
}
if (args.Length >= 2 && args[0] == "profile")
{
    var pack = args.Skip(2).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
    RuleProfiler.Run(args[1], pack, perRule: !args.Contains("--families"));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Fixtures).Assembly).Run(args);
return 0;
