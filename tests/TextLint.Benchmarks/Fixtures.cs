using TextLint.Engine;
using TextLint.Loading;
using TextLint.Text;

namespace TextLint.Benchmarks;

internal static class Fixtures
{
    public static IReadOnlyList<PackFile> BundledPackFiles() =>
        Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => new PackFile(p, File.ReadAllText(p))).ToList();

    public static RuleSet LoadBundledRuleSet()
    {
        var result = RulePackLoader.Load(BundledPackFiles());
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return RuleSet.Compile(result.Rules);
    }

    /// <summary>The rule files of a folder, compiled.</summary>
    public static RuleSet LoadRuleSet(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(p => new PackFile(p, File.ReadAllText(p)));
        var result = RulePackLoader.Load(files);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return RuleSet.Compile(result.Rules);
    }

    /// <summary>The longest seed article (about 15 KB).</summary>
    public static SourceText Article() =>
        Directory.EnumerateFiles(TestPaths.Samples, "*.txt").Select(p => SourceText.From(File.ReadAllText(p), Path.GetFileName(p)))
            .OrderByDescending(s => s.Length).First();
}
