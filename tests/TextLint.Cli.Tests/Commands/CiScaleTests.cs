using System.Diagnostics;
using System.Text.Json;
using TextLint.Cli.Infrastructure;
using TextLint.Cli.Tests.Reliability;
using TextLint.Output;

namespace TextLint.Cli.Tests.Commands;

/// <summary>
/// CI at any size (issue 16), the output half: the 25,000-result cap, --category and the log's
/// versionControlProvenance, checked as GitHub's side checks them (the SARIF Multitool's
/// <c>validate --rule-kind "Sarif;Ghas"</c> and <c>publish-to-ghas --dry-run</c>), in real git
/// repositories in temporary folders.
/// </summary>
public class CiScaleTests
{
    /// <summary>git in <paramref name="dir"/>; its output, trimmed. Commits need no user configuration.</summary>
    internal static string Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", .. args]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr.Result}");
        return output.Trim();
    }

    private static JsonElement Run0(JsonDocument doc) => doc.RootElement.GetProperty("runs")[0];

    private static JsonElement? Provenance(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        return Run0(doc).TryGetProperty("versionControlProvenance", out var p) ? p[0].Clone() : null;
    }

    /// <summary>
    /// 2,100 generated articles give more than 25,000 results (some made errors): the log keeps 25,000,
    /// every error among them, then the warnings in the run's order; TL9080 says what was left out; the
    /// exit code is the full run's; the category and provenance are there; and GitHub's checks pass.
    /// </summary>
    [SarifMultitoolFact]
    public void LargeRun_IsCappedAt25000_MostSevereFirst_AndPassesTheMultitoolAndPublishToGhas()
    {
        using var dir = TestPaths.CreateTempDirectory();
        GeneratedCorpus.Write(Path.Combine(dir.Path, "articles"), 2100);
        Git(dir.Path, "init", "-q");
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "archive");
        Git(dir.Path, "remote", "add", "origin", "https://x-access-token:ghs_secret123@github.com/newsroom/archive.git");
        string head = Git(dir.Path, "rev-parse", "HEAD");

        var r = CliRunner.Run(dir.Path, "articles", "--severity", "TL1011=error", "--format", "json", "-o", "full.json", "--sarif", "capped.sarif", "--category", "articles");
        // TL9023/TL9024 (binary, invalid bytes) are warnings; the errors are TL1011's ('reportedly' in the seed articles): exit 1, as for the full result.
        Assert.True(r.ExitCode == 1, r.Error);

        using var full = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "full.json")));
        var all = full.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => (
            Key: $"{d.GetProperty("file").GetString()}:{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}:{d.GetProperty("rule").GetString()}",
            Rank: d.GetProperty("severity").GetString() switch { "error" => 0, "warning" => 1, "info" => 2, _ => 3 })).ToList();
        Assert.True(all.Count > ResultCap.SarifLimit, $"the corpus gave {all.Count} results; it must pass the cap");
        Assert.Contains(all, d => d.Rank == 0);
        var expected = all.Select((d, i) => (d.Key, d.Rank, Order: i)).OrderBy(d => d.Rank).ThenBy(d => d.Order).Take(ResultCap.SarifLimit).OrderBy(d => d.Order).Select(d => d.Key).ToList();

        string sarifPath = Path.Combine(dir.Path, "capped.sarif");
        using var log = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var run = Run0(log);
        var kept = run.GetProperty("results").EnumerateArray().Select(x =>
        {
            var l = x.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = l.GetProperty("region");
            return $"{Uri.UnescapeDataString(l.GetProperty("artifactLocation").GetProperty("uri").GetString()!)}:{region.GetProperty("startLine").GetInt32()}:{region.GetProperty("startColumn").GetInt32()}:{x.GetProperty("ruleId").GetString()}";
        }).ToList();
        Assert.Equal(ResultCap.SarifLimit, kept.Count);
        Assert.Equal(expected, kept);

        var counts = new long[ResultCap.RankCount];
        foreach (var d in all) counts[d.Rank]++;
        string message = ResultCap.SarifNotification(counts, ResultCap.SarifLimit)!.Message;
        var notes = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        Assert.Equal("TL9080", notes[^1].GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Equal(message + ".", notes[^1].GetProperty("message").GetProperty("text").GetString());
        Assert.Contains($"textlint: warning TL9080: {message}", r.Error);

        Assert.Equal("textlint/articles/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        var vcs = run.GetProperty("versionControlProvenance")[0];
        Assert.Equal("https://github.com/newsroom/archive.git", vcs.GetProperty("repositoryUri").GetString());
        Assert.DoesNotContain("ghs_secret123", File.ReadAllText(sarifPath));
        Assert.Equal(head, vcs.GetProperty("revisionId").GetString());
        Assert.Equal("refs/heads/main", vcs.GetProperty("branch").GetString());
        Assert.Equal("%SRCROOT%", vcs.GetProperty("mappedTo").GetProperty("uriBaseId").GetString());

        Assert.Empty(SarifMultitool.Validate(sarifPath));
        var (exit, output) = SarifMultitool.PublishToGhasDryRun(sarifPath);
        Assert.True(exit == 0, output);
        Assert.Contains("newsroom/archive", output);
        Assert.Contains("refs/heads/main", output);
        Assert.Contains(head, output);
    }

    [Fact]
    public void Provenance_FollowsTheRepository_TheFilesAreIn()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("site/articles/a.txt", "He supposedly left.\n");
        string site = Path.Combine(dir.Path, "site");
        string[] lint = ["articles", "--format", "sarif"];

        // Not a repository: no provenance (the temporary folder is outside any repository).
        Assert.Null(Provenance(CliRunner.Run(site, lint).Out));

        // A repository with no commit and no remote: named by its folder, on its branch, no revision.
        Git(site, "init", "-q");
        var p = Provenance(CliRunner.Run(site, lint).Out)!.Value;
        Assert.Equal(new Uri(site).AbsoluteUri, p.GetProperty("repositoryUri").GetString());
        Assert.False(p.TryGetProperty("revisionId", out _));
        Assert.Equal("refs/heads/main", p.GetProperty("branch").GetString());
        // ... unless the log must not reveal the machine's paths.
        Assert.Null(Provenance(CliRunner.Run(site, [.. lint, "--no-source-root"]).Out));

        // Committed, with a remote that carries credentials: they never reach the log.
        Git(site, "add", "-A");
        Git(site, "commit", "-q", "-m", "one");
        Git(site, "remote", "add", "upstream", "https://deskbot:hunter2%40secret@git.example.com:8443/desk/site.git");
        string head = Git(site, "rev-parse", "HEAD");
        string sarif = CliRunner.Run(site, lint).Out;
        p = Provenance(sarif)!.Value;
        Assert.Equal("https://git.example.com:8443/desk/site.git", p.GetProperty("repositoryUri").GetString());
        Assert.DoesNotContain("deskbot", sarif);
        Assert.DoesNotContain("hunter2", sarif);
        Assert.Equal(head, p.GetProperty("revisionId").GetString());
        Assert.Equal("refs/heads/main", p.GetProperty("branch").GetString());
        // origin is preferred to other remotes; an scp-like address becomes an ssh: URI without its user.
        Git(site, "remote", "add", "origin", "git@github.com:desk/site.git");
        Assert.Equal("ssh://github.com/desk/site.git", Provenance(CliRunner.Run(site, lint).Out)!.Value.GetProperty("repositoryUri").GetString());

        // Run from a subfolder: the repository's root is a base of its own, mapped.
        string sub = Path.Combine(site, "articles");
        using (var doc = JsonDocument.Parse(CliRunner.Run(sub, "a.txt", "--format", "sarif").Out))
        {
            var run = Run0(doc);
            Assert.Equal("REPOROOT", run.GetProperty("versionControlProvenance")[0].GetProperty("mappedTo").GetProperty("uriBaseId").GetString());
            Assert.Equal(new Uri(site + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("REPOROOT").GetProperty("uri").GetString());
        }

        // A detached HEAD (a pull request's checkout) has no branch, unless GitHub names the ref of that commit.
        Git(site, "checkout", "-q", "--detach");
        p = Provenance(CliRunner.Run(site, lint).Out)!.Value;
        Assert.False(p.TryGetProperty("branch", out _));
        Assert.Equal(head, p.GetProperty("revisionId").GetString());
        var github = CliRunner.Run(site, v => v switch { "GITHUB_REF" => "refs/pull/7/merge", "GITHUB_SHA" => head, _ => null }, false, lint);
        Assert.Equal("refs/pull/7/merge", Provenance(github.Out)!.Value.GetProperty("branch").GetString());
        var other = CliRunner.Run(site, v => v switch { "GITHUB_REF" => "refs/pull/7/merge", "GITHUB_SHA" => "0000000", _ => null }, false, lint);
        Assert.False(Provenance(other.Out)!.Value.TryGetProperty("branch", out _));

        // --no-vcs leaves it out; --sarif carries it as --format sarif does.
        Assert.Null(Provenance(CliRunner.Run(site, [.. lint, "--no-vcs"]).Out));
        CliRunner.Run(site, "articles", "--sarif", "x.sarif");
        Assert.NotNull(Provenance(File.ReadAllText(Path.Combine(site, "x.sarif"))));
    }

    [Theory]
    [InlineData("https://github.com/o/r.git", "https://github.com/o/r.git")]
    [InlineData("https://x-access-token:ghs_abc@github.com/o/r", "https://github.com/o/r")]
    [InlineData("https://user@dev.azure.com/org/p/_git/r", "https://dev.azure.com/org/p/_git/r")]
    [InlineData("ssh://git:pw@host.example:2222/o/r.git", "ssh://host.example:2222/o/r.git")]
    [InlineData("git@github.com:o/r.git", "ssh://github.com/o/r.git")]
    [InlineData("github.com:o/r.git", "ssh://github.com/o/r.git")]
    public void RemoteUrls_LoseTheirCredentials(string url, string expected) =>
        Assert.Equal(expected, GitProvenance.StripCredentials(url));

    [Fact]
    public void Category_NamesTheAutomation_AndBadNamesAreUsageErrors()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "He supposedly left.\n");
        using (var doc = JsonDocument.Parse(CliRunner.Run(dir.Path, "a.txt", "--format", "sarif", "--category", "docs/en").Out))
            Assert.Equal("textlint/docs/en/", Run0(doc).GetProperty("automationDetails").GetProperty("id").GetString());
        using (var doc = JsonDocument.Parse(CliRunner.Run(dir.Path, "a.txt", "--format", "sarif").Out))
        {
            Assert.Equal("textlint/", Run0(doc).GetProperty("automationDetails").GetProperty("id").GetString());
            // The viewer renders fullDescription.markdown with HTML allowed: TL0002's "instead" is a comment, escaped so it shows.
            var rule = Run0(doc).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "TL0002");
            Assert.Contains("**Instead:** \\<!-- textlint-disable ID|Category", rule.GetProperty("fullDescription").GetProperty("markdown").GetString());
            Assert.Contains("Instead: <!-- textlint-disable ID|Category", rule.GetProperty("fullDescription").GetProperty("text").GetString());
        }
        foreach (string bad in (string[])["", "/docs", "docs/", " docs"])
        {
            var r = CliRunner.Run(dir.Path, "a.txt", "--format", "sarif", "--category", bad);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains($"--category needs a name such as 'articles' or 'docs/en'", r.Error);
        }
    }

    [Fact]
    public void MaxResults_OnTheConsole_AndWhatTheSarifLogLeftOut_AreInTheSummary()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "He supposedly left Kiev.\n\nThey supposedly met.\n");
        var r = CliRunner.Run(dir.Path, "a.txt", "--severity", "TL1001=error", "--max-results", "1", "--sarif", "x.sarif", "--no-source");
        Assert.Equal(1, r.ExitCode);
        var lines = r.OutLines;
        Assert.Matches(@"^a\.txt\(1,4\): error TL1001: ", lines[0]);
        Assert.Matches(@"^1 file linted: \d+ findings \(2 errors, .*; \d+ not shown \(--max-results 1: the most severe are shown\); \d+ left out of the SARIF log \(TL9080\)\)", lines[^1]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("textlint: warning TL9080: ", r.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "x.sarif")));
        Assert.Equal(1, Run0(doc).GetProperty("results").GetArrayLength());

        // No --max-results: the console shows everything, and the SARIF log is within its limit.
        var plain = CliRunner.Run(dir.Path, "a.txt", "--sarif", "x.sarif", "--no-source");
        Assert.DoesNotContain("not shown", plain.Out);
        Assert.DoesNotContain("TL9080", plain.Error);
    }

    [Fact]
    public void Shard_UsageErrors()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "text\n");
        foreach (string bad in (string[])["3/3", "1", "a/b", "0/0", "1/2/3", "+1/2"])
        {
            var r = CliRunner.Run(dir.Path, "a.txt", "--shard", bad);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("--shard takes i/n, 0 <= i < n", r.Error);
        }
        var stdin = CliRunner.RunWithInput(dir.Path, "text", "--stdin", "--shard", "0/2");
        Assert.Equal(2, stdin.ExitCode);
        Assert.Contains("--shard splits the files to lint; standard input is one.", stdin.Error);
        var baseline = CliRunner.Run(dir.Path, "a.txt", "--shard", "0/2", "--baseline", "b.json", "--update-baseline");
        Assert.Equal(2, baseline.ExitCode);
        Assert.Contains("--update-baseline with --shard", baseline.Error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "b.json")));
    }
}
