using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

/// <summary>
/// <c>merge</c> on logs the SARIF writer makes: the shards of a run put back in the run's order, and the
/// logs it refuses, each with a message naming the file. (The whole tool, sharded across processes, is in
/// the CLI's ShardMergeTests.)
/// </summary>
public class SarifMergerTests
{
    private static readonly string[] Texts =
    [
        "He reportedly left Kiev; they utilize it.",
        "Quiet.",
        "Kiev again, reportedly.",
        "They utilize Kiev.",
        "Reportedly, nothing.",
    ];

    private static List<FileReport> Files() => Texts.Select((t, i) => Reports.Lint(SourceText.From(t, $"f{i}.txt"))).ToList();

    /// <summary>One run's log, or (with <paramref name="shard"/>) the log of shard i/n: the files of that shard.</summary>
    private static byte[] Log(List<FileReport> files, (int Index, int Count)? shard = null, int maxResults = ResultCap.SarifLimit, string? category = null,
        Func<int, bool>? ruleFilter = null, ImmutableArray<ConfigurationDiagnostic> notifications = default)
    {
        var pack = SarifLogs.LoadPack(Path.Combine(Reports.FixtureDir, "pack.yaml"));
        var rules = RuleSet.Compile(pack.Rules).Descriptors;
        if (ruleFilter is not null) rules = [.. rules.Where((_, i) => ruleFilter(i))];
        var mine = files.Select((f, i) => (File: f, Order: (long)i)).Where(x => shard is not { } s || x.Order % s.Count == s.Index).ToList();
        using var stream = new MemoryStream();
        using (var writer = new SarifWriter(stream, maxResults: maxResults))
        {
            writer.Begin(new RunInfo
            {
                ToolName = "TextLint",
                ToolVersion = "1.2.3",
                InformationUri = "https://github.com/textlint-dotnet/textlint",
                Rules = rules,
                WorkingDirectory = "/work/articles",
                Category = category,
            });
            foreach (var (f, _) in mine) writer.WriteFile(f);
            var counts = new long[ResultCap.RankCount];
            foreach (var (f, _) in mine)
                foreach (var d in f.Diagnostics.Where(d => d.Severity != Severity.None)) counts[ResultCap.Rank(d)]++;
            var all = files.SelectMany(f => f.Diagnostics).Where(d => d.Severity != Severity.None).GroupBy(ResultCap.Rank).ToDictionary(g => g.Key, g => (long)g.Count());
            var execution = notifications.IsDefault ? [] : notifications;
            if (ResultCap.SarifNotification(Enumerable.Range(0, ResultCap.RankCount).Select(r => shard is null ? all.GetValueOrDefault(r) : counts[r]).ToArray(), Math.Min(maxResults, ResultCap.SarifLimit)) is { } leftOut)
                execution = execution.Add(leftOut);
            writer.End(new RunSummary
            {
                FileCount = mine.Count,
                Elapsed = TimeSpan.Zero,
                ExecutionNotifications = execution,
                Shard = shard is { } s ? new ShardSummary(s.Index, s.Count, [.. mine.Select(x => new ShardFile(x.File.Source.Path, x.Order))], 0) : null,
            });
        }
        return stream.ToArray();
    }

    private static string Merge(params (string Name, byte[] Content)[] logs)
    {
        using var output = new MemoryStream();
        SarifMerger.Merge(logs, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static (string, byte[])[] Shards(List<FileReport> files, int n, int maxResults = ResultCap.SarifLimit) =>
        Enumerable.Range(0, n).Select(i => ($"shard-{i}.sarif", Log(files, (i, n), maxResults))).Reverse().ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_MergeIntoTheLogOfOneRun(int n)
    {
        var files = Files();
        Assert.Equal(Encoding.UTF8.GetString(Log(files)), Merge(Shards(files, n)));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 4)]
    [InlineData(3, 6)]
    public void CappedShards_MergeIntoTheCappedLogOfOneRun_WithItsTL9080(int n, int max)
    {
        var files = Files();
        string merged = Merge(Shards(files, n, max));
        Assert.Equal(Encoding.UTF8.GetString(Log(files, maxResults: max)), merged);
        Assert.Contains("TL9080", merged);
    }

    [Fact]
    public void RulesMissingFromAShard_AreAddedOnce_AndResultsPointAtThem()
    {
        var files = Files();
        var a = Log(files, (0, 2), ruleFilter: i => i != 0);
        var b = Log(files, (1, 2));
        using var doc = JsonDocument.Parse(Merge(("a.sarif", a), ("b.sarif", b)));
        var run = doc.RootElement.GetProperty("runs")[0];
        var ids = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct(), ids);
        foreach (var r in run.GetProperty("results").EnumerateArray())
            Assert.Equal(r.GetProperty("ruleId").GetString(), ids[r.GetProperty("ruleIndex").GetInt32()]);
        Assert.False(run.TryGetProperty("properties", out _));
    }

    [Fact]
    public void BadInput_IsRefused_NamingTheFile()
    {
        var files = Files();
        var shards = Shards(files, 3);
        var e = Assert.Throws<SarifMergeException>(() => Merge(shards[0], ("broken.sarif", "{\n  \"runs\": [\n    {,\n"u8.ToArray())));
        Assert.StartsWith("broken.sarif(3,6): not valid JSON: ", e.Message);
        Assert.DoesNotContain("LineNumber", e.Message);
        e = Assert.Throws<SarifMergeException>(() => Merge(shards[0], shards[1]));
        Assert.Equal("Shard 0/3 missing: the merged log would leave its files out.", e.Message);
        e = Assert.Throws<SarifMergeException>(() => Merge(shards[0], shards[1], shards[2], ("again.sarif", shards[2].Item2)));
        Assert.Contains("are both shard 0/3", e.Message);
        e = Assert.Throws<SarifMergeException>(() => Merge(("full.sarif", Log(files))));
        Assert.Equal("full.sarif: not a TextLint shard log: it has no shard record; write each shard's log with --shard i/n.", e.Message);
        e = Assert.Throws<SarifMergeException>(() => Merge(("a.sarif", Log(files, (0, 2), category: "articles")), ("b.sarif", Log(files, (1, 2), category: "docs"))));
        Assert.Equal("a.sarif and b.sarif differ in 'automationDetails': shards of one run are written by the same version, with the same options, in the same checkout.", e.Message);
        e = Assert.Throws<SarifMergeException>(() => Merge(("a.sarif", Log(files, (0, 2), maxResults: 3)), ("b.sarif", Log(files, (1, 2)))));
        Assert.Contains("run every shard with the same --max-results", e.Message);
        e = Assert.Throws<SarifMergeException>(() => Merge(("x.sarif", "[1, 2]"u8.ToArray())));
        Assert.Equal("x.sarif: not a TextLint shard log: it is not a SARIF log (no runs).", e.Message);
    }
}
