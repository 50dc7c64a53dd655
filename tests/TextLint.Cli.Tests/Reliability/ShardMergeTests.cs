using System.Diagnostics;
using System.Text.Json;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// --shard i/n and <c>merge</c>, as a CI matrix runs them: each shard a separate process of the real tool
/// on the generated corpus (binary and invalid files, so notifications too, and a path that does not
/// exist, which every shard reports), then <c>merge</c>, whose log must be byte for byte the log of one
/// unsharded run.
/// </summary>
public class ShardMergeTests
{
    private static string ToolPath => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "dotnet-textlint.exe" : "dotnet-textlint");

    /// <summary>The real tool as a process; its exit code and standard error.</summary>
    private static (int ExitCode, string Error) Tool(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(ToolPath) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        if (!p.WaitForExit(600_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet-textlint {string.Join(' ', args)} did not finish in ten minutes.");
        }
        _ = stdout.Result;
        return (p.ExitCode, stderr);
    }

    private static TempDirectory Corpus()
    {
        var dir = TestPaths.CreateTempDirectory();
        GeneratedCorpus.Write(Path.Combine(dir.Path, "articles"), 400);
        return dir;
    }

    private static void AssertMergeIsOneRun(string dir, int n, params string[] options)
    {
        string[] inputs = ["articles", "missing.txt", "--format", "sarif", "--jobs", "2", .. options];
        var whole = Tool(dir, [.. inputs, "-o", "whole.sarif"]);
        Assert.True(whole.ExitCode == 2, whole.Error); // missing.txt: TL9020, an error notification
        var shards = new List<string>();
        for (int i = 0; i < n; i++)
        {
            var shard = Tool(dir, [.. inputs, "--shard", $"{i}/{n}", "-o", $"shard-{i}.sarif"]);
            Assert.True(shard.ExitCode == 2, shard.Error);
            shards.Add($"shard-{i}.sarif");
        }
        shards.Reverse(); // the order they are given in does not matter
        var merge = Tool(dir, ["merge", .. shards, "-o", "merged.sarif"]);
        Assert.True(merge.ExitCode == 0, merge.Error);

        byte[] expected = File.ReadAllBytes(Path.Combine(dir, "whole.sarif"));
        byte[] actual = File.ReadAllBytes(Path.Combine(dir, "merged.sarif"));
        if (!expected.AsSpan().SequenceEqual(actual))
            Assert.Fail($"merge of {n} shards differs from one run:\n{Approvals.LineDiff(File.ReadAllText(Path.Combine(dir, "whole.sarif")), File.ReadAllText(Path.Combine(dir, "merged.sarif")))}");

        // Every file in exactly one shard, and a shard is a real share of the work.
        var files = new List<string>();
        foreach (string s in shards)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, s)));
            var record = doc.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("textlint/shard");
            files.AddRange(record.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("uri").GetString()!));
        }
        Assert.Equal(400, files.Count);
        Assert.Equal(400, files.Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void MergedShards_AreByteIdentical_ToOneRun(int n)
    {
        using var dir = Corpus();
        AssertMergeIsOneRun(dir.Path, n);
    }

    /// <summary>Capped, each shard keeps its most severe results; the merge keeps the run's, with the run's TL9080.</summary>
    [Fact]
    public void CappedShards_MergeIntoTheCappedRun()
    {
        using var dir = Corpus();
        AssertMergeIsOneRun(dir.Path, 3, "--max-results", "700", "--severity", "TL1001=error", "--category", "archive");
        string merged = File.ReadAllText(Path.Combine(dir.Path, "merged.sarif"));
        Assert.Contains("TL9080", merged);
        using var doc = JsonDocument.Parse(merged);
        Assert.Equal(700, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    /// <summary>A file's shard is a function of its path: adding articles moves no other file.</summary>
    [Fact]
    public void Shards_AreStable_WhenFilesAreAdded()
    {
        using var dir = TestPaths.CreateTempDirectory();
        GeneratedCorpus.Write(Path.Combine(dir.Path, "articles"), 60);
        HashSet<string> ShardFiles(int i)
        {
            var r = CliRunner.Run(dir.Path, "articles", "--shard", $"{i}/4", "--format", "sarif", "--max-results", "0");
            using var doc = JsonDocument.Parse(r.Out);
            return doc.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("textlint/shard").GetProperty("files")
                .EnumerateArray().Select(f => f.GetProperty("uri").GetString()!).ToHashSet();
        }
        var before = Enumerable.Range(0, 4).Select(ShardFiles).ToList();
        Assert.All(before, b => Assert.InRange(b.Count, 5, 30)); // a share, not all or nothing
        for (int i = 0; i < 40; i++) dir.Write($"articles/new/late{i:D2}.txt", "He supposedly left.\n");
        dir.Write("articles/aaa-first.txt", "Sorted before every other file.\n");
        var after = Enumerable.Range(0, 4).Select(ShardFiles).ToList();
        for (int i = 0; i < 4; i++)
        {
            Assert.Subset(after[i], before[i]);
            Assert.All(before[i], f => Assert.Equal(i, ShardSpec.ShardOf(f, 4)));
        }
        Assert.Equal(60 + 41, after.Sum(a => a.Count));
        // './' and '\' do not change a path's shard.
        Assert.Equal(ShardSpec.ShardOf("articles/a.txt", 7), ShardSpec.ShardOf("./articles/a.txt", 7));
        Assert.Equal(ShardSpec.ShardOf("articles/a.txt", 7), ShardSpec.ShardOf("articles\\a.txt", 7));
    }

    [Fact]
    public void Merge_OfBadInput_Exits2_NamingTheFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "He supposedly left.\n");
        Assert.Equal(0, CliRunner.Run(dir.Path, "a.txt", "--shard", "0/2", "--format", "sarif", "-o", "s0.sarif").ExitCode);
        Assert.Equal(0, CliRunner.Run(dir.Path, "a.txt", "--shard", "1/2", "--format", "sarif", "-o", "s1.sarif").ExitCode);
        dir.Write("bad.sarif", "{\n  \"runs\": [ }\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "folder.sarif"));

        var r = CliRunner.Run(dir.Path, "merge", "s0.sarif", "bad.sarif", "-o", "all.sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("textlint: error: bad.sarif(2,13): not valid JSON: ", r.Error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "all.sarif")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*", SearchOption.AllDirectories).Concat(Directory.GetFiles(dir.Path, ".all.sarif*")));

        r = CliRunner.Run(dir.Path, "merge", "s0.sarif", "nowhere.sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint: error: nowhere.sarif: cannot be read: no such file.", r.Error);
        r = CliRunner.Run(dir.Path, "merge", "s0.sarif", "folder.sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint: error: folder.sarif: cannot be read: ", r.Error);
        r = CliRunner.Run(dir.Path, "merge", "s1.sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("textlint: error: Shard 0/2 missing", r.Error);
        r = CliRunner.Run(dir.Path, "merge", "s0.sarif", "s1.sarif", "-o", "s0.sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("also a log to merge", r.Error);
        r = CliRunner.Run(dir.Path, "merge");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Give the SARIF logs of the shards to merge", r.Error);

        r = CliRunner.Run(dir.Path, "merge", "s0.sarif", "s1.sarif", "-o", "all.sarif");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(CliRunner.Run(dir.Path, "a.txt", "--format", "sarif").Out, File.ReadAllText(Path.Combine(dir.Path, "all.sarif")));
    }
}
