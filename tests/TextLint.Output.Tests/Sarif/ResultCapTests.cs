using System.Text.Json;
using TextLint.Output.Console;
using TextLint.Output.Sarif;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

/// <summary>--max-results: the selection, and what the SARIF and console writers keep and say.</summary>
public class ResultCapTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(5000)]
    public void TopRanked_KeepsWhatSortingEverythingWouldKeep_InTheStreamsOrder(int max)
    {
        var random = new Random(max + 1);
        var stream = Enumerable.Range(0, 3000).Select(i => (Rank: random.Next(ResultCap.RankCount), Item: i)).ToList();
        var top = new TopRanked<int>(max, ResultCap.RankCount);
        foreach (var (rank, item) in stream) top.Add(rank, item);

        var expected = stream.OrderBy(x => x.Rank).ThenBy(x => x.Item).Take(max).Select(x => x.Item).Order().ToList();
        Assert.Equal(expected, top.Kept.ToList());
        var counts = stream.GroupBy(x => x.Rank).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(Enumerable.Range(0, ResultCap.RankCount).Select(r => counts.GetValueOrDefault(r)), top.Counts);
        Assert.Equal(ResultCap.LeftOut(top.Counts, max), top.LeftOut);
        Assert.Equal(Math.Max(0, stream.Count - max), top.LeftOut.Sum());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public void TopRanked_Keeps_SaysWhetherAddWouldKeepTheItem(int max)
    {
        var top = new TopRanked<int>(max, ResultCap.RankCount);
        foreach (var (item, rank) in DriftingRanks(seed: max + 7))
        {
            bool keeps = top.Keeps(rank);
            top.Add(rank, item);
            Assert.Equal(keeps, top.Kept.Contains(item));
        }
    }

    /// <summary>RejectsFrom is the first rank Keeps refuses, and it never rises: a worker may act on an old value.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public void TopRanked_RejectsFrom_IsWhereKeepsStops_AndOnlyFalls(int max)
    {
        var top = new TopRanked<int>(max, ResultCap.RankCount);
        int last = top.RejectsFrom;
        Assert.Equal(max == 0 ? 0 : ResultCap.RankCount, last);
        foreach (var (item, rank) in DriftingRanks(seed: max + 11))
        {
            top.Add(rank, item);
            int from = top.RejectsFrom;
            for (int r = 0; r < ResultCap.RankCount; r++) Assert.Equal(r < from, top.Keeps(r));
            Assert.True(from <= last, $"{from} > {last}");
            last = from;
        }
    }

    /// <summary>400 items whose ranks drift from the least to the most important, so items are dropped, evict and are evicted.</summary>
    private static IEnumerable<(int Item, int Rank)> DriftingRanks(int seed)
    {
        var random = new Random(seed);
        for (int item = 0; item < 400; item++)
            yield return (item, Math.Clamp(ResultCap.RankCount - 1 - item / 50 + random.Next(-1, 2), 0, ResultCap.RankCount - 1));
    }

    [Fact]
    public void TopRanked_Add_SaysWhichKeptItemItPushedOut()
    {
        var random = new Random(11);
        var top = new TopRanked<int>(20, ResultCap.RankCount);
        int evictions = 0;
        for (int item = 0; item < 600; item++)
        {
            int rank = Math.Clamp(ResultCap.RankCount - 1 - item / 80 + random.Next(-1, 2), 0, ResultCap.RankCount - 1);
            var before = top.Kept.ToHashSet();
            bool evicts = top.Add(rank, item, out int evicted);
            var gone = before.Except(top.Kept).ToList();
            if (evicts)
            {
                Assert.Equal([evicted], gone);
                evictions++;
            }
            else Assert.Empty(gone);
        }
        Assert.True(evictions > 50, $"only {evictions} evictions: the stream does not exercise them");
    }

    [Fact]
    public void TopRanked_MapKept_ReplacesEachKeptItem_InPlace()
    {
        var top = new TopRanked<int>(3, ResultCap.RankCount);
        foreach (var (rank, item) in new[] { (2, 1), (2, 2), (1, 3), (2, 4), (0, 5) }) top.Add(rank, item);
        Assert.Equal([1, 3, 5], top.Kept);
        top.MapKept(i => i * 10);
        Assert.Equal([10, 30, 50], top.Kept);
        top.Add(0, 6); // evicts 10, the last kept item of the lowest rank
        Assert.Equal([30, 50, 6], top.Kept);
    }

    [Fact]
    public void ByteArena_GivesBackEveryString_AcrossPages_AndOverAPageLong()
    {
        var random = new Random(3);
        var arena = new ByteArena();
        var kept = new List<(ByteArena.Slice Slice, byte[] Bytes)>();
        foreach (int length in Enumerable.Range(0, 400).Select(_ => random.Next(0, 40_000)).Append(ByteArena.PageSize + 17).Append(5).Append(ByteArena.PageSize))
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            kept.Add((arena.Append(bytes), bytes));
        }
        foreach (var (slice, bytes) in kept) Assert.Equal(bytes, arena[slice].ToArray());
        Assert.True(kept.Select(k => k.Slice.Page).Distinct().Count() > 5);
        Assert.True(arena.Size >= kept.Sum(k => (long)k.Bytes.Length));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ByteArena_Compact_KeepsTheLiveStrings_AndFreesThePagesTheOthersHeld(int seed)
    {
        var random = new Random(seed);
        var arena = new ByteArena();
        var all = new List<(ByteArena.Slice Slice, byte[] Bytes, bool Live)>();
        for (int round = 0; round < 3; round++)
        {
            // Strings of every size, a few longer than a page; about a third stay live.
            for (int k = 0; k < 300; k++)
            {
                int length = random.Next(20) == 0 ? ByteArena.PageSize + random.Next(5000) : random.Next(0, 30_000);
                var bytes = new byte[length];
                random.NextBytes(bytes);
                all.Add((arena.Append(bytes), bytes, random.Next(3) == 0));
            }
            long before = arena.Size;
            var live = all.Where(a => a.Live).ToList();
            int next = 0;
            arena.Compact(move =>
            {
                for (int i = 0; i < live.Count; i++) live[i] = live[i] with { Slice = move(live[i].Slice) };
                next = live.Count;
            });
            Assert.Equal(live.Count, next);
            foreach (var (slice, bytes, _) in live) Assert.Equal(bytes, arena[slice].ToArray());
            Assert.True(arena.Size < before, $"{arena.Size} >= {before}");
            // What the live strings need, a page's tail each (shorter than the longest ordinary string), and one
            // part-filled page after each live string of its own page and at the end.
            long needed = live.Sum(l => (long)l.Bytes.Length);
            Assert.True(arena.Size <= needed * 105 / 100 + (live.Count(l => l.Bytes.Length > ByteArena.PageSize) + 1L) * ByteArena.PageSize, $"{arena.Size} for {needed} live");
            // Appending after a compaction goes on where the live strings end.
            all = live;
        }
        var last = new byte[] { 1, 2, 3 };
        var slice3 = arena.Append(last);
        Assert.Equal(last, arena[slice3].ToArray());
        foreach (var (slice, bytes, _) in all) Assert.Equal(bytes, arena[slice].ToArray());
    }

    [Fact]
    public void LeftOut_ComesFromTheLeastSevereRanksFirst()
    {
        Assert.Equal([0L, 0, 3, 4, 0, 0, 0, 0], ResultCap.LeftOut([5, 10, 8, 4, 0, 0, 0, 0], 20));
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0, 0], ResultCap.LeftOut([5, 10, 0, 0, 0, 0, 0, 0], 25_000));
        Assert.Null(ResultCap.SarifNotification([25_000, 0, 0, 0, 0, 0, 0, 0], 25_000));
        var n = ResultCap.SarifNotification([2, 28_000, 373, 0, 0, 0, 0, 0], 25_000)!;
        Assert.Equal("TL9080", n.Code);
        Assert.Equal("28,375 results are over the limit of 25,000 (--max-results; code scanning rejects a run of more than 25,000): 3,375 of the least severe were left out of the SARIF log (3,002 warnings, 373 notes); the exit code counts them all", n.Message);
        Assert.Equal("textlint: warning TL9080: " + n.Message, n.ToString());
    }

    private static readonly string Text = "He reportedly left Kiev; they utilize it.\nKiev again, reportedly.";

    private static string[] RuleIds(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()!).ToArray();
    }

    [Fact]
    public void Sarif_OverTheCap_KeepsErrorsThenWarnings_InTheRunsOrder()
    {
        var report = Reports.Lint(SourceText.From(Text, "a.txt"));
        Assert.Equal(["XT1001", "XT7501", "XT7502", "XT7501", "XT1001"], RuleIds(Reports.Write((s, _) => new SarifWriter(s), [report])));
        Assert.Equal(["XT7501", "XT7501"], RuleIds(Reports.Write((s, _) => new SarifWriter(s, maxResults: 2), [report])));
        Assert.Equal(["XT1001", "XT7501", "XT7501"], RuleIds(Reports.Write((s, _) => new SarifWriter(s, maxResults: 3), [report])));
        Assert.Empty(RuleIds(Reports.Write((s, _) => new SarifWriter(s, maxResults: 0), [report])));
        // Never more than code scanning accepts, whatever is asked.
        Assert.Equal(5, RuleIds(Reports.Write((s, _) => new SarifWriter(s, maxResults: int.MaxValue), [report])).Length);
    }

    [Fact]
    public void Sarif_UnderTheCap_IsTheSameLogByteForByte()
    {
        var reports = new[] { Reports.Lint(SourceText.From(Text, "a.txt")), Reports.Lint(SourceText.From("Quiet.", "b.txt")), Reports.Lint(SourceText.From(Text, "c.txt")) };
        string full = Reports.Write((s, _) => new SarifWriter(s), reports);
        Assert.Equal(full, Reports.Write((s, _) => new SarifWriter(s, maxResults: 10), reports));
        Assert.NotEqual(full, Reports.Write((s, _) => new SarifWriter(s, maxResults: 9), reports));
        using var doc = JsonDocument.Parse(Reports.Write((s, _) => new SarifWriter(s, maxResults: 9), reports)); // still one valid log
        Assert.Equal(9, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    /// <summary>
    /// Results waiting for the cap sit in an arena that is compacted once evicted results' bytes are a
    /// quarter of the kept ones': the log is the same whether it is compacted often or never.
    /// </summary>
    [Fact]
    public void Sarif_ArenaCompactions_LeaveTheLogUnchanged()
    {
        // Quiet files, then files with errors: the errors evict the warnings and notes kept before them.
        var reports = Enumerable.Range(0, 60).Select(i => Reports.Lint(SourceText.From(i < 40 ? "He reportedly left; they utilize it." : Text, $"f{i:D2}.txt"))).ToArray();
        SarifWriter? compacted = null;
        string often = Reports.Write((s, _) => compacted = new SarifWriter(s, maxResults: 25) { MinDeadBytes = 0 }, reports);
        string never = Reports.Write((s, _) => new SarifWriter(s, maxResults: 25) { MinDeadBytes = long.MaxValue }, reports);
        Assert.True(compacted!.Compactions > 3, $"{compacted.Compactions} compactions");
        Assert.Equal(never, often);
        Assert.Equal(25, RuleIds(often).Length);
        Assert.Equal(Reports.Write((s, _) => new SarifWriter(s, maxResults: 25), reports), often);
    }

    [Fact]
    public void Console_WithMaxResults_ShowsTheMostSevere_AndTheSummaryCountsAll()
    {
        var report = Reports.Lint(SourceText.From(Text, "a.txt"));
        string output = Reports.Write((_, t) => new ConsoleWriter(t, maxResults: 2), [report]);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["a.txt(1,20): error XT7501: Use 'Kyiv' instead of 'Kiev'.", "a.txt(2,1): error XT7501: Use 'Kyiv' instead of 'Kiev'."], lines[..2]);
        Assert.Contains("5 findings (2 errors, 2 warnings, 1 info", lines[^1]);
        Assert.Contains("3 not shown (--max-results 2: the most severe are shown)", lines[^1]);
        Assert.DoesNotContain("not shown", Reports.Write((_, t) => new ConsoleWriter(t), [report]));
    }

    /// <summary>
    /// The VS Code SARIF Viewer shows <c>fullDescription ?? shortDescription</c> (markdown first) and never
    /// <c>help</c> (microsoft/sarif-vscode-extension, src/panel/details.tsx, renderRuleDesc); GitHub
    /// shows help.markdown. A rule's why and instead must be in both.
    /// </summary>
    [Fact]
    public void Rule_WhyAndInstead_AreInTheFullDescription_TheViewerReads()
    {
        using var doc = JsonDocument.Parse(Reports.Write((s, _) => new SarifWriter(s), []));
        var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var rule = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "XT1001");
        var full = rule.GetProperty("fullDescription");
        Assert.Equal("A claim attributed to no one. Why: Readers cannot weigh a claim whose source they cannot see. Instead: Name the source.", full.GetProperty("text").GetString());
        Assert.Equal("A claim attributed to no one.\n\n**Why:** Readers cannot weigh a claim whose source they cannot see.\n\n**Instead:** Name the source.", full.GetProperty("markdown").GetString());
        Assert.StartsWith(full.GetProperty("markdown").GetString(), rule.GetProperty("help").GetProperty("markdown").GetString());
        // A rule with no why or instead has no markdown to add.
        var plain = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "XT7501").GetProperty("fullDescription");
        Assert.False(plain.TryGetProperty("markdown", out _));
    }
}
