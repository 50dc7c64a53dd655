using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Output.Diff;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.Tests.Diff;

/// <summary>Each diff is applied by the real `git apply` to the original bytes and must give the fixed file exactly.</summary>
public class UnifiedDiffTests
{
    private static TextEdit Replace(string text, string old, string replacement, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = text.IndexOf(old, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' not found");
        return new TextEdit(new TextSpan(at, old.Length), replacement);
    }

    /// <summary>Diffs, applies with git, and returns the diff after checking the result equals FixApplier's.</summary>
    private static string Check(SourceText source, params TextEdit[] edits)
    {
        var fixes = edits.Select(e => new CodeFix("fix", [e], FixSafety.Safe)).ToList();
        var expected = FixApplier.Apply(source.Text, fixes, FixSafety.Safe).Text;
        string diff = UnifiedDiff.Create(source, edits.OrderBy(e => e.Span.Start).ToList(), "dir/file.txt");

        using var dir = TestPaths.CreateTempDirectory();
        var encoding = source.Encoding.GetEncoding();
        dir.WriteBytes("dir/file.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(source.Text)]);
        File.WriteAllBytes(Path.Combine(dir.Path, "fix.diff"), new UTF8Encoding(false).GetBytes(diff));
        var psi = new ProcessStartInfo("git", ["apply", "--whitespace=nowarn", "fix.diff"]) { WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        using var git = Process.Start(psi)!;
        string error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git apply failed: {error}\n{diff}");
        byte[] actual = File.ReadAllBytes(Path.Combine(dir.Path, "dir/file.txt"));
        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes(expected)], actual);
        return diff;
    }

    [Fact]
    public void OneLine_GetsThreeLinesOfContext()
    {
        string text = "one\ntwo\nthree\nfour Kiev\nfive\nsix\nseven\neight\n";
        string diff = Check(SourceText.From(text), Replace(text, "Kiev", "Kyiv"));
        Assert.Equal("--- a/dir/file.txt\n+++ b/dir/file.txt\n@@ -1,7 +1,7 @@\n one\n two\n three\n-four Kiev\n+four Kyiv\n five\n six\n seven\n", diff);
    }

    [Fact]
    public void DistantEdits_MakeSeparateHunks_CloseOnesShareOne()
    {
        string text = string.Concat(Enumerable.Range(1, 30).Select(i => $"line {i} Kiev\r\n"));
        string diff = Check(SourceText.From(text), Replace(text, "Kiev", "Kyiv", 0), Replace(text, "Kiev", "Kyiv", 5), Replace(text, "Kiev", "Kyiv", 25));
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@")));
        Assert.Contains("-line 1 Kiev\r\n+line 1 Kyiv\r\n", diff);
    }

    [Fact]
    public void LastLineWithoutNewline_IsMarked()
    {
        string text = "a\nb Kiev";
        string diff = Check(SourceText.From(text), Replace(text, "Kiev", "Kyiv"));
        Assert.EndsWith("-b Kiev\n\\ No newline at end of file\n+b Kyiv\n\\ No newline at end of file\n", diff);
    }

    [Fact]
    public void Bom_IsKept_OnTheFirstLine()
    {
        var source = new SourceText("f", "Kiev\nx\n", TextEncodingInfo.Utf8Bom);
        Check(source, Replace(source.Text, "Kiev", "Kyiv"));
    }

    [Fact]
    public void MultiLineEdits_AndInsertedBreaks_AndInsertionsAtTheEnd()
    {
        string text = "a\nb\nc\nd\n";
        Check(SourceText.From(text), Replace(text, "b\nc", "bc"));
        Check(SourceText.From(text), Replace(text, "b", "b1\nb2"));
        Check(SourceText.From(text), new TextEdit(new TextSpan(text.Length, 0), "e\n"));
        Check(SourceText.From("a\rb\rc"), new TextEdit(new TextSpan(2, 1), "B"));
    }

    [Fact]
    public void NoChange_IsNoDiff()
    {
        Assert.Equal("", UnifiedDiff.Create(SourceText.From("Kyiv"), [new TextEdit(new TextSpan(0, 4), "Kyiv")], "f"));
    }

    [Fact]
    public void Writer_PrintsEachFilesDiff_AndCountsOnTheSummary()
    {
        var source = SourceText.From("Kiev\n", "a.txt");
        var fix = new CodeFix("Replace", [new TextEdit(new TextSpan(0, 4), "Kyiv")], FixSafety.Safe);
        var rule = new RuleDescriptor { Id = "TL7501", Title = "Kyiv", MessageFormat = "m", Category = "Terminology", DefaultSeverity = Severity.Info, Kind = "substitution" };
        var finding = new Diagnostic(rule, new TextSpan(0, 4), "m", Severity.Info, fix);
        var report = new FileReport(source, ImmutableArray<Diagnostic>.Empty) { Fixes = new FileFixes(source, [.. fix.Edits], [finding], 1, Written: false) };
        var summary = new StringWriter();
        string output = Reports.Write((_, t) => new UnifiedDiffWriter(t, summary), [report]);
        Assert.Equal("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-Kiev\n+Kyiv\n", output);
        Assert.Equal("Would apply 1 fix to 1 file.", summary.ToString().Trim());
    }
}
