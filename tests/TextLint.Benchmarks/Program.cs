using BenchmarkDotNet.Running;
using TextLint.Benchmarks;

// dotnet run -c Release --project tests/TextLint.Benchmarks -- generate-corpus <dir> <megabytes>
// dotnet run -c Release --project tests/TextLint.Benchmarks -- lexicon            (the pack's literal phrases, one per line)
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
BenchmarkSwitcher.FromAssembly(typeof(Fixtures).Assembly).Run(args);
return 0;
