using System.Text;
using System.Text.Json;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// Incomplete is never success: an article that is matched but not linted completely (binary,
/// undecodable, over the size limit) fails the run — exit 2, SARIF executionSuccessful false with an
/// error-level notification naming the file, no baseline written — unless --allow-skipped (or
/// textlint.yaml's allowSkipped) asks for the old leniency. Damage that does not stop linting (a stray
/// NUL, a few invalid bytes, a last character cut short) is read as U+FFFD and linted.
/// </summary>
public class IncompleteRunTests
{
    private const string Article = "He supposedly left the city.\n";

    public static TheoryData<string, byte[]> Skipped => new()
    {
        { "TL9023", [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 13, .. Encoding.ASCII.GetBytes("He supposedly left.")] },
        { "TL9023", [.. Encoding.ASCII.GetBytes("He supposedly left."), .. new byte[200]] },
        // Czech in windows-1250 reads as no code page the detector knows: the encoding cannot be told.
        { "TL9026", [.. Encoding.ASCII.GetBytes("He supposedly left. "), .. Windows1250("Příliš žluťoučký kůň úpěl ďábelské ódy.")] },
    };

    private static byte[] Windows1250(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1250).GetBytes(text);
    }

    [Theory]
    [MemberData(nameof(Skipped))]
    public void ANamedArticleThatIsSkipped_FailsTheRun_InEveryReport(string code, byte[] bytes)
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.WriteBytes("story.md", bytes);
        dir.Write("other.md", Article);

        var run = CliRunner.Run(dir.Path, "story.md", "other.md", "--sarif", "log.sarif", "--no-inline-suppressions");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches($@"(?m)^story\.md: error {code}: ", run.Error);
        var invocation = Invocation(Path.Combine(dir.Path, "log.sarif"));
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var note = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Single(n => n.GetProperty("descriptor").GetProperty("id").GetString() == code);
        Assert.Equal("error", note.GetProperty("level").GetString());
        Assert.Equal("story.md", note.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());

        // --allow-skipped, or allowSkipped in textlint.yaml, keeps the old leniency: a warning, exit 0.
        var allowed = CliRunner.Run(dir.Path, "story.md", "other.md", "--allow-skipped");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Matches($@"(?m)^story\.md: warning {code}: ", allowed.Error);
        dir.Write("textlint.yaml", "allowSkipped: true\n");
        Assert.Equal(0, CliRunner.Run(dir.Path, "story.md", "other.md").ExitCode);
    }

    [Fact]
    public void AnArticleOverTheSizeLimit_FailsTheRun_AndTheBaselineIsNotWritten()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("articles/long.md", Article + new string('x', 2000));
        dir.Write("articles/short.md", Article);

        var run = CliRunner.Run(dir.Path, "articles", "--max-file-size", "1K", "--baseline", "base.json", "--update-baseline");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"(?m)^articles/long\.md: error TL9022: ", run.Error);
        Assert.Contains("The baseline was not written", run.Error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "base.json")));
    }

    [Fact]
    public void AFolderWalk_PassesOverTrueBinaries_WithANotice_AndSaysSoInTheSummary()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("articles/a.md", Article);
        dir.WriteBytes("articles/logo.md", [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        dir.WriteBytes("articles/dump.txt", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);

        var run = CliRunner.Run(dir.Path, "articles");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^articles/logo\.md: warning TL9023: Passed over: binary file \(PNG image\)", run.Error);
        Assert.Matches(@"(?m)^articles/dump\.txt: warning TL9023: Passed over: ", run.Error);
        Assert.StartsWith("1 file linted (2 binary files passed over): 1 finding", run.OutLines[^1]);
    }

    public static TheoryData<string, byte[], int> Damaged => new()
    {
        // A stray NUL, in a tiny file and in a larger one.
        { "stray NUL", [.. "He supposedly left.\0 Then he returned."u8], 1 },
        { "NULs in a long article", [.. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("The talks went on. ", 200))), 0, 0, 0, .. "He supposedly left."u8], 3 },
        // ASCII cut inside a UTF-8 character at the end: UTF-8 with one U+FFFD, not windows-1251.
        { "cut UTF-8", [.. "He supposedly left the city \u00d0"u8[..^1]], 1 },
        // A few invalid bytes in UTF-8.
        { "invalid bytes", [.. "Caf\u00e9 owners supposedly left "u8, 0xFF, .. " the city.\n"u8], 1 },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void AFewDamagedBytes_AreReadAsReplacementCharacters_AndTheArticleLinted(string why, byte[] bytes, int sequences)
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.WriteBytes("story.md", bytes);

        var run = CliRunner.Run(dir.Path, "story.md", "--format", "json");

        Assert.True(run.ExitCode == 0, $"{why}: exit {run.ExitCode}: {run.Error}");
        Assert.Contains("TL1001", run.Out);
        Assert.Contains(sequences == 1 ? "1 invalid byte sequence was read as U+FFFD" : $"{sequences} invalid byte sequences were read as U+FFFD", run.Error);
        Assert.Contains("not valid UTF-8", run.Error);
    }

    private static JsonElement Invocation(string sarifPath)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(sarifPath));
        return log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].Clone();
    }
}
