using TextLint.Cli.Infrastructure;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Pipeline;

namespace TextLint.Cli.Tests.Inputs;

/// <summary>The cache behind the pipeline: a hit skips the analysis and gives back exactly what it returned.</summary>
public class LintCacheTests
{
    private static string Describe(FileResult r) =>
        string.Join("\n", r.Report!.Diagnostics.Select(d => $"{d.Id} {d.Span} {d.Severity} {d.Message} [{string.Join("|", d.Arguments)}] {d.Fix?.Title} {d.Suppression}"))
        + "\n" + string.Join("\n", r.Notifications);

    [Fact]
    public void ASecondRun_IsServedFromTheCache_WithTheSameAnalysis_UntilTheFileChanges()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var set = RuleSet.Compile(RulePackLoader.Load([new PackFile("p.yaml", TestPacks.AttributionAndKyiv)]).Rules);
        var engine = new LintEngine(set);
        string article = dir.Write("a.txt", "He reportedly left Kiev.\n<!-- textlint-disable-next-line -->\nShe reportedly stayed.\n");
        var source = new DocumentSource(article, "a.txt");
        LintCache NewCache() => new(Path.Combine(dir.Path, "cache"), engine, DefaultSeverityProvider.Instance, [], null, null);

        var uncached = new FileLinter(engine).Lint(source);
        var first = NewCache();
        var cold = new FileLinter(engine) { Cache = first }.Lint(source);
        Assert.Equal((0, 1), (first.Hits, first.Misses));

        var second = NewCache(); // another run: only the folder is shared
        var warm = new FileLinter(engine) { Cache = second }.Lint(source);
        Assert.Equal((1, 0), (second.Hits, second.Misses));
        Assert.NotEmpty(uncached.Report!.Diagnostics);
        Assert.Equal(Describe(uncached), Describe(cold));
        Assert.Equal(Describe(uncached), Describe(warm));

        File.AppendAllText(article, "More.\n");
        var third = NewCache();
        new FileLinter(engine) { Cache = third }.Lint(source);
        Assert.Equal((0, 1), (third.Hits, third.Misses));
        Assert.Empty(third.Notices);
    }
}
