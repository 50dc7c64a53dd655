using System.Text.RegularExpressions;
using TextLint.Cli.Infrastructure;
using TextLint.Cli.Tests.Reliability;

namespace TextLint.Cli.Tests.Inputs;

/// <summary>--cache: a warm run reports exactly what a fresh run does, in every format, and never trusts a stale or damaged entry.</summary>
public class CacheTests
{
    private static string WithoutTime(string s) => Regex.Replace(s, @" in \d+\.\d\d s\.", " in <time> s.");

    private static string CacheFolder(TempDirectory dir) => Path.Combine(dir.Path, LintCache.DefaultFolder);

    private static string[] Entries(TempDirectory dir) =>
        Directory.GetFiles(CacheFolder(dir), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".gitignore", StringComparison.Ordinal)).ToArray();

    [Theory]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("github")]
    [InlineData("msbuild")]
    [InlineData("console")]
    public void AWarmRun_IsByteIdenticalToAFreshOne(string format)
    {
        using var dir = TestPaths.CreateTempDirectory();
        GeneratedCorpus.Write(Path.Combine(dir.Path, "corpus"), 80);
        dir.Write("corpus/suppressed.md", "<!-- textlint-disable-next-line TL1001 -- quoted -->\nHe supposedly left.\n");
        string[] args = ["corpus", "--format", format, "--no-source-root"];

        var fresh = CliRunner.Run(dir.Path, args);
        var cold = CliRunner.Run(dir.Path, [.. args, "--cache"]);
        int entries = Entries(dir).Length;
        var warm = CliRunner.Run(dir.Path, [.. args, "--cache"]);

        Assert.True(fresh.OutLines.Length > 80);
        Assert.True(entries > 70, $"{entries} cache entries");
        Assert.Equal(entries, Entries(dir).Length); // one entry per file: a warm run adds none
        foreach (var run in new[] { cold, warm })
        {
            Assert.Equal(fresh.ExitCode, run.ExitCode);
            Assert.True(WithoutTime(fresh.Out) == WithoutTime(run.Out), $"--format {format} differs with the cache");
            Assert.Equal(fresh.Error, run.Error);
        }
    }

    [Fact]
    public void AnEditedFile_OrChangedConfiguration_OrAChangedPack_IsLintedAgain()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/tokens.yaml", """
            id: XX0001
            title: Tokens
            message: "'{match}' found."
            category: Style
            severity: warning
            description: Test tokens.
            kind: existence
            tokens: [reportedly]
            examples:
              - bad: "He [|reportedly|] left."
              - good: "He left."
            """);
        dir.Write("a.md", "He reportedly left.\n");
        string[] args = ["a.md", "--rules", "pack", "--cache-location", "cache"];
        void AssertLikeAFreshRun()
        {
            var fresh = CliRunner.Run(dir.Path, args[..^2]);
            var cached = CliRunner.Run(dir.Path, args);
            Assert.Equal(WithoutTime(fresh.Out), WithoutTime(cached.Out));
            Assert.Equal(fresh.ExitCode, cached.ExitCode);
        }

        AssertLikeAFreshRun();
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "cache")));
        dir.Write("a.md", "He reportedly left, reportedly.\n");                     // the bytes
        AssertLikeAFreshRun();
        dir.Write(".editorconfig", "root = true\n[*.md]\ntextlint_diagnostic.XX0001.severity = error\n"); // the severity for this file
        AssertLikeAFreshRun();
        Assert.Contains("error XX0001", CliRunner.Run(dir.Path, args).Out);
        dir.Write("pack/tokens.yaml", File.ReadAllText(Path.Combine(dir.Path, "pack/tokens.yaml")).Replace("'{match}' found.", "'{match}' seen.")); // the pack
        AssertLikeAFreshRun();
        Assert.Contains("'reportedly' seen.", CliRunner.Run(dir.Path, args).Out);
        dir.Write("textlint.yaml", "inlineSuppressions: false\n");                   // textlint.yaml
        dir.Write("a.md", "<!-- textlint-disable-next-line XX0001 -- quoted -->\nHe reportedly left.\n");
        AssertLikeAFreshRun();
        dir.Write("textlint.yaml", "inlineSuppressions: true\n");
        AssertLikeAFreshRun();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public void ADamagedEntry_IsIgnoredWithANotice_AndTheResultsStayRight(string damage)
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", "He reportedly left.\n");
        var fresh = CliRunner.Run(dir.Path, "a.md", "--format", "sarif");
        Assert.Equal(0, CliRunner.Run(dir.Path, "a.md", "--cache").ExitCode);
        string entry = Assert.Single(Entries(dir));
        byte[] bytes = File.ReadAllBytes(entry);
        switch (damage)
        {
            case "truncated": bytes = bytes[..(bytes.Length / 2)]; break;
            case "flipped": bytes[^40] ^= 0x20; break; // in the payload: the checksum catches it
            case "garbage": bytes = "not a cache entry"u8.ToArray(); break;
            case "empty": bytes = []; break;
        }
        File.WriteAllBytes(entry, bytes);

        var r = CliRunner.Run(dir.Path, "a.md", "--format", "sarif", "--cache");
        Assert.Equal(fresh.Out, r.Out);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("a.md: warning TL9092: The cache entry of this file", r.Error);
        // The entry was rewritten: the next run is quiet.
        Assert.Equal("", CliRunner.Run(dir.Path, "a.md", "--format", "sarif", "--cache").Error);
    }

    [Fact]
    public void Fix_BypassesTheCache_AndTheNextCachedRunSeesTheFixedText()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", "The the minister spoke.\n");
        var before = CliRunner.Run(dir.Path, "a.md", "--cache");
        var fix = CliRunner.Run(dir.Path, "a.md", "--cache", "--fix");
        Assert.NotEqual("The the minister spoke.\n", File.ReadAllText(Path.Combine(dir.Path, "a.md")));
        var after = CliRunner.Run(dir.Path, "a.md", "--cache");
        Assert.Equal(WithoutTime(CliRunner.Run(dir.Path, "a.md").Out), WithoutTime(after.Out));
        Assert.NotEqual(WithoutTime(before.Out), WithoutTime(after.Out));
        Assert.Equal(0, fix.ExitCode);
    }

    [Fact]
    public void AnUnwritableCacheFolder_IsANotice_NotAFailure()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", "He reportedly left.\n");
        dir.Write("blocked", "a file where the cache folder would be");
        var fresh = CliRunner.Run(dir.Path, "a.md");
        var r = CliRunner.Run(dir.Path, "a.md", "--cache-location", "blocked");
        Assert.Equal(WithoutTime(fresh.Out), WithoutTime(r.Out));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning TL9093: The cache could not be written", r.Error);
    }
}
