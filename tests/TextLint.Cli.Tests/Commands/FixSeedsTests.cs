using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Tests;
using TextLint.Text;

namespace TextLint.Cli.Tests.Commands;

/// <summary>
/// The clean-up run on the seed articles (scraped news with residue, repeated headlines and a broken
/// word), with the bundled pack, through the real CLI: what --fix removes, what it never touches, that it
/// is stable, and that --diff, --fix --dry-run, --stdin --fix and an independent SARIF applier all agree
/// with what it writes.
/// </summary>
public class FixSeedsTests
{
    private static IEnumerable<string> SeedNames() =>
        Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> Seeds() => new(SeedNames());

    private static TempDirectory CopySeeds()
    {
        var dir = TestPaths.CreateTempDirectory();
        foreach (string name in SeedNames()) File.Copy(Path.Combine(TestPaths.Seeds, name), Path.Combine(dir.Path, name));
        return dir;
    }

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*.txt").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    /// <summary>Rule IDs and categories of the findings in a JSON report.</summary>
    private static List<(string Rule, string Category, string File)> Findings(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("rule").GetString()!, d.GetProperty("category").GetString()!, d.GetProperty("file").GetString()!))
            .ToList();
    }

    private static bool IsResidueOrRepetition((string Rule, string Category, string File) f) =>
        f.Category is "Boilerplate" or "Structure" || f.Rule == "TL8002";

    [Fact]
    public void Fix_RemovesEveryBoilerplateAndRepetitionFinding_AndASecondFixChangesNothing()
    {
        using var dir = CopySeeds();
        var before = Findings(CliRunner.Run(dir.Path, ".", "--format", "json").Out);
        Assert.True(before.Count(IsResidueOrRepetition) >= 10, string.Join("\n", before));

        var fix = CliRunner.Run(dir.Path, ".", "--fix", "--format", "json");
        Assert.True(fix.ExitCode is 0 or 1, fix.Error);
        Assert.DoesNotContain(Findings(fix.Out), IsResidueOrRepetition);
        // The report is that of the files as they now are: linting them again gives the same findings.
        var after = CliRunner.Run(dir.Path, ".", "--format", "json");
        Assert.Equal(Findings(fix.Out), Findings(after.Out));
        Assert.DoesNotContain(Findings(after.Out), IsResidueOrRepetition);
        // Findings that need a person stay: the fix removes residue, not editorial judgement.
        Assert.Contains(Findings(after.Out), f => f.Category == "Attribution");

        var fixedOnce = Snapshot(dir.Path);
        var again = CliRunner.Run(dir.Path, ".", "--fix");
        Assert.True(again.ExitCode is 0 or 1, again.Error);
        Assert.DoesNotContain(" fixed", again.Out);
        Assert.Equal(fixedOnce, Snapshot(dir.Path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fix_ChangesNothingInsideQuotations(bool unsafeFixes)
    {
        using var dir = CopySeeds();
        var originals = SeedNames().ToDictionary(n => n, n => File.ReadAllText(Path.Combine(dir.Path, n)));
        var fix = CliRunner.Run(dir.Path, unsafeFixes ? [".", "--fix", "--unsafe-fixes"] : [".", "--fix"]);
        Assert.True(fix.ExitCode is 0 or 1, fix.Error);
        int checkedQuotes = 0;
        foreach (var (name, original) in originals)
        {
            string now = File.ReadAllText(Path.Combine(dir.Path, name));
            var doc = Document.Create(SourceText.From(original, name));
            foreach (var q in doc.Quotations)
            {
                // Unsafe fixes may drop the marks of a scare quote (not speech); direct speech is never edited.
                if (unsafeFixes && !q.IsDirectSpeech) continue;
                string quoted = original.Substring(q.Span.Start, q.Span.Length);
                Assert.True(Count(now, quoted) >= Count(original[..q.Span.Start], quoted) + 1,
                    $"{name}: the quotation {quoted} at {q.Span.Start} was changed by --fix{(unsafeFixes ? " --unsafe-fixes" : "")}.");
                checkedQuotes++;
            }
        }
        Assert.True(checkedQuotes >= 10, $"only {checkedQuotes} quotations in the seeds");
    }

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>
    /// An applier written here from the SARIF log alone: lint to SARIF, apply each result's safe fix (first in
    /// file order wins, see <see cref="SarifReplacements"/>), write, and again until the log offers no fix —
    /// what --fix's passes must add up to, byte for byte.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fix_EqualsTheSarifFixesAppliedUntilStable(bool unsafeFixes)
    {
        using var bySarif = CopySeeds();
        using var byFix = CopySeeds();
        string[] unsafeFlag = unsafeFixes ? ["--unsafe-fixes"] : [];
        int passes = 0;
        for (bool changed = true; changed; passes++)
        {
            Assert.True(passes < 10, "the SARIF fixes did not settle in 10 passes");
            changed = false;
            string log = CliRunner.Run(bySarif.Path, ".", "--format", "sarif").Out;
            foreach (string name in SeedNames())
            {
                string path = Path.Combine(bySarif.Path, name);
                string text = File.ReadAllText(path);
                string applied = SarifReplacements.Apply(log, name, text, unsafeFixes);
                if (applied == text) continue;
                File.WriteAllText(path, applied, new UTF8Encoding(false));
                changed = true;
            }
        }
        Assert.True(passes >= 2, "the seeds need fixing");

        var fix = CliRunner.Run(byFix.Path, [".", "--fix", .. unsafeFlag]);
        Assert.True(fix.ExitCode is 0 or 1, fix.Error);
        var expected = Snapshot(bySarif.Path);
        var actual = Snapshot(byFix.Path);
        foreach (string name in SeedNames())
            Assert.True(expected[name].AsSpan().SequenceEqual(actual[name]), $"{name} differs:\n{Encoding.UTF8.GetString(actual[name])}");
    }

    [Theory]
    [InlineData("--diff")]
    [InlineData("--fix --dry-run")]
    [InlineData("--diff --unsafe-fixes")]
    public void Diff_AppliesWithGitApply_AndGivesWhatFixWrites(string options)
    {
        using var repo = CopySeeds();
        Git(repo.Path, "init", "-q");
        Git(repo.Path, "add", ".");
        Git(repo.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "seeds");
        var original = Snapshot(repo.Path);

        var diff = CliRunner.Run(repo.Path, [".", .. options.Split(' ')]);
        Assert.True(diff.ExitCode is 0 or 1, diff.Error);
        Assert.Equal(original, Snapshot(repo.Path)); // nothing written
        Assert.StartsWith("--- a/", diff.Out);
        Assert.Matches(@"Would apply \d+ fixes to 4 files\.", diff.Error);
        string patch = Path.Combine(Path.GetTempPath(), $"textlint-{Guid.NewGuid():N}.diff");
        File.WriteAllText(patch, diff.Out, new UTF8Encoding(false));
        try
        {
            Git(repo.Path, "apply", "--check", patch);
            Git(repo.Path, "apply", patch);
        }
        finally
        {
            File.Delete(patch);
        }
        var patched = Snapshot(repo.Path);

        using var byFix = CopySeeds();
        var fix = CliRunner.Run(byFix.Path, [".", "--fix", .. options.Contains("--unsafe-fixes") ? ["--unsafe-fixes"] : Array.Empty<string>()]);
        Assert.True(fix.ExitCode is 0 or 1, fix.Error);
        Assert.Equal(Snapshot(byFix.Path), patched);
        Assert.NotEqual(original, patched);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StdinFix_PrintsTheFixedText_AndWritesNoFile(string name)
    {
        using var dir = CopySeeds();
        byte[] input = File.ReadAllBytes(Path.Combine(dir.Path, name));
        using var empty = TestPaths.CreateTempDirectory();
        var r = CliRunner.RunWithInput(empty.Path, input, "--stdin", "--stdin-filename", "drafts/" + name, "--fix");
        Assert.True(r.ExitCode is 0 or 1, r.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty.Path)); // neither drafts/<name> nor "<stdin>"

        var fix = CliRunner.Run(dir.Path, name, "--fix");
        Assert.True(fix.ExitCode is 0 or 1, fix.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, name)), r.Out);
        // The findings go to standard error, named as the file would be.
        Assert.Contains("linted:", r.Error);
    }

    [Fact]
    public void StdinFix_WithoutAName_PrintsTheText_AndCreatesNoFileNamedStdin()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var r = CliRunner.RunWithInput(dir.Path, "Talks resumed.\n\nPost a Comment\n", "--stdin", "--fix");
        Assert.Equal("Talks resumed.\n", r.Out);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
        var clean = CliRunner.RunWithInput(dir.Path, "Nothing to fix here.\n", "-", "--fix", "--format", "json");
        Assert.Equal("Nothing to fix here.\n", clean.Out);
        Assert.Contains("\"diagnostics\"", clean.Error); // the report moved to standard error
    }

    [Fact]
    public void ShowFixes_ListsTheFixesPerFile_AndTheSummaryCountsWhatFixWouldResolve()
    {
        using var dir = CopySeeds();
        var plain = CliRunner.Run(dir.Path, ".");
        Assert.Matches(@"; \d+ fixable with --fix; \d+ more fixable with --unsafe-fixes\)", plain.OutLines[^1]);

        var r = CliRunner.Run(dir.Path, ".", "--fix", "--show-fixes");
        Assert.True(r.ExitCode is 0 or 1, r.Error);
        Assert.Contains("- 003_39d5fe8787735384.txt:", r.Out);
        Assert.Contains("    2 × TL5001 (Comment widget residue)", r.Out);
        Assert.Contains("    1 × TL8001 (Word broken by a spaced dash)", r.Out);
        Assert.Matches(@"Fixed \d+ findings:", r.Out);
    }

    private static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git", args) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        using var git = Process.Start(psi)!;
        string error = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
    }
}
