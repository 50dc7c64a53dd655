using System.Text;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Pipeline;

namespace TextLint.Core.Tests.Pipeline;

public class LintPipelineTests
{
    private const string Pack = """
        id: XT0001
        title: Old spelling
        message: "Use 'Kyiv'."
        category: Terminology
        severity: warning
        kind: substitution
        swap:
          Kiev: Kyiv
        examples:
          - bad: "Talks in [|Kiev|]."
          - good: "Talks in Kyiv."
        """;

    private static FileLinter Linter(long maxFileSize = FileLinter.DefaultMaxFileSize)
    {
        var pack = RulePackLoader.Load([new PackFile("pack.yaml", Pack)]);
        Assert.Empty(pack.Errors);
        return new FileLinter(new LintEngine(RuleSet.Compile(pack.Rules))) { MaxFileSize = maxFileSize };
    }

    /// <summary>Documents of very uneven size, so parallel workers finish out of order.</summary>
    private static List<DocumentSource> Sources(int n) => Enumerable.Range(0, n).Select(i =>
        new DocumentSource($"/virtual/{i:D3}.txt", $"{i:D3}.txt")
        {
            Content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"Talks in Kiev, part {i}. ", i % 7 == 0 ? 3000 : 1 + i % 5))),
        }).ToList();

    private static List<string> Run(int jobs, IEnumerable<DocumentSource> sources, out IReadOnlyList<Diagnostics.ConfigurationDiagnostic> failures)
    {
        var emitted = new List<string>();
        failures = new LintPipeline(Linter(), jobs).Run(sources, r => r.Report!.Diagnostics.Length,
            (r, count) => emitted.Add($"{r.Source.DisplayPath}:{count}:{r.Report?.Diagnostics.Length}"));
        return emitted;
    }

    [Fact]
    public void Results_ComeInInputOrder_WhateverTheJobs()
    {
        var sources = Sources(120);
        var one = Run(1, sources, out _);
        var many = Run(8, sources, out var failures);
        Assert.Empty(failures);
        Assert.Equal(sources.Select(s => s.DisplayPath), many.Select(e => e.Split(':')[0]));
        Assert.Equal(one.Select(e => e.Split(':')[0] + ":" + e.Split(':')[2]), many.Select(e => e.Split(':')[0] + ":" + e.Split(':')[2]));
        Assert.Contains("007.txt:3000:3000", many); // prepared on the worker, handed over with its result
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void FailingInput_EndsTheRun_WithANotification(int jobs)
    {
        static IEnumerable<DocumentSource> Failing()
        {
            foreach (var s in Sources(5)) yield return s;
            throw new InvalidOperationException("listing broke");
        }
        var emitted = Run(jobs, Failing(), out var failures);
        Assert.Equal(5, emitted.Count);
        var failure = Assert.Single(failures);
        Assert.Equal("TL9029", failure.Code);
        Assert.Contains("listing broke", failure.Message);
    }

    [Fact]
    public void Cancellation_StopsTheRun()
    {
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => new LintPipeline(Linter(), 4).Run(Sources(200), r => 0, (r, _) =>
        {
            if (++seen == 3) cancel.Cancel();
        }, cancel.Token));
        Assert.Equal(3, seen);
    }

    [Fact]
    public void FileLinter_SkipsWithTheReason()
    {
        var linter = Linter(maxFileSize: 10);
        Assert.Equal("TL9022", Assert.Single(linter.Lint(new DocumentSource("/v/a.txt", "a.txt") { Content = new byte[11] }).Notifications).Code);
        Assert.Equal("TL9023", Assert.Single(Linter().Lint(new DocumentSource("/v/b.bin", "b.bin") { Content = [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0] }).Notifications).Code);
        var missing = Linter().Lint(new DocumentSource(Path.Combine(Path.GetTempPath(), "textlint-missing-" + Guid.NewGuid().ToString("N")), "gone.txt"));
        Assert.Null(missing.Report);
        Assert.Equal("TL9021", Assert.Single(missing.Notifications).Code);
        var linted = Linter().Lint(new DocumentSource("/v/c.txt", "c.txt") { Content = "Talks in Kiev.\n"u8.ToArray() });
        Assert.Equal("XT0001", Assert.Single(linted.Report!.Diagnostics).Id);
        Assert.Empty(linted.Notifications);
    }
}
