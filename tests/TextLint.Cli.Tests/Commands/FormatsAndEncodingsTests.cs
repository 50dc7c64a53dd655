using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TextLint.Cli.Tests.Commands;

/// <summary>
/// End to end through the CLI: Markdown and encoding fixtures give findings at the same line and column
/// on the console and in SARIF, and every decoding decision is reported as a notification.
/// </summary>
public class FormatsAndEncodingsTests
{
    static FormatsAndEncodingsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string TokenPack = """
        id: XX0001
        title: Test tokens
        message: "'{match}' found."
        category: Test
        severity: warning
        kind: existence
        tokens: [reportedly, Kiev]
        speech: include
        examples:
          - bad: "He [|reportedly|] left."
          - good: "He left."
        """;

    private static TempDirectory WithFixtures(string folder)
    {
        var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/tokens.yaml", TokenPack);
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, folder)))
            if (!f.EndsWith(".py", StringComparison.Ordinal))
                dir.WriteBytes(Path.Combine(folder, Path.GetFileName(f)), File.ReadAllBytes(f));
        return dir;
    }

    private static readonly Regex Canonical = new(@"^(?<path>[^()]+)\((?<line>\d+),(?<col>\d+)\): warning XX0001: '(?<match>[^']+)' found\.$");

    private static List<(string Path, int Line, int Column, string Match)> ConsoleFindings(CliResult r) =>
        r.OutLines[..^1].Select(l =>
        {
            var m = Canonical.Match(l);
            Assert.True(m.Success, "Not canonical: " + l);
            return (m.Groups["path"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["match"].Value);
        }).ToList();

    private static List<(string Path, int Line, int Column, string Match)> SarifFindings(CliResult r)
    {
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(result =>
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            string message = result.GetProperty("message").GetProperty("text").GetString()!;
            return (location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
                message[1..message.IndexOf('\'', 1)]);
        }).ToList();
    }

    [Fact]
    public void MarkdownArticle_ConsoleAndSarif_GiveTheSameExactPositions()
    {
        using var dir = WithFixtures("markdown");
        string[] args = ["markdown/article.md", "markdown/article-crlf.md", "--rules", "pack", "--no-default-rules"];
        var console = CliRunner.Run(dir.Path, args);
        var sarif = CliRunner.Run(dir.Path, [.. args, "--format", "sarif"]);
        Assert.Equal(0, console.ExitCode);
        Assert.Equal("", console.Error);

        // article.findings lists the findings the Core tests check too: line,column match.
        var article = File.ReadAllLines(Path.Combine(TestPaths.Fixtures, "markdown", "article.findings"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Line: int.Parse(l.Split(' ')[0].Split(',')[0]), Column: int.Parse(l.Split(' ')[0].Split(',')[1]), Match: l.Split(' ')[1]))
            .ToList();
        Assert.Equal(15, article.Count);
        var expected = new[] { "markdown/article-crlf.md", "markdown/article.md" }
            .SelectMany(p => article.Select(f => (p, f.Line, f.Column, f.Match)))
            .ToList();
        Assert.Equal(expected, ConsoleFindings(console));
        Assert.Equal(expected, SarifFindings(sarif));
    }

    [Fact]
    public void EncodingFixtures_AreLintedAtTheirPositions_AndEachDecisionIsReported()
    {
        using var dir = WithFixtures("encodings");
        var r = CliRunner.Run(dir.Path, "encodings", "--rules", "pack", "--no-default-rules");
        Assert.Equal(0, r.ExitCode);
        var findings = ConsoleFindings(r);
        (int, int, string)[] unicode = [(1, 4, "Kiev"), (2, 4, "reportedly"), (2, 20, "Kiev")];
        foreach (var name in new[] { "utf8.txt", "utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt", "utf16le-nobom.txt", "utf32le-bom.txt", "utf32be-bom.txt" })
            Assert.Equal(unicode, findings.Where(f => f.Path == "encodings/" + name).Select(f => (f.Line, f.Column, f.Match)));
        Assert.Equal([(1, 23, "Kiev"), (2, 5, "reportedly")], findings.Where(f => f.Path == "encodings/invalid-utf8.txt").Select(f => (f.Line, f.Column, f.Match)));
        Assert.Equal([(3, 19, "reportedly"), (3, 35, "Kiev")], findings.Where(f => f.Path == "encodings/windows-1251-ru.txt").Select(f => (f.Line, f.Column, f.Match)));
        Assert.Equal([(1, 20, "reportedly"), (1, 50, "Kiev")], findings.Where(f => f.Path == "encodings/windows-1252-curly.txt").Select(f => (f.Line, f.Column, f.Match)));
        Assert.DoesNotContain(findings, f => f.Path == "encodings/binary.txt");
        Assert.Equal([(2, 19, "reportedly"), (2, 35, "Kiev")], findings.Where(f => f.Path == "encodings/koi8-r-ru.txt").Select(f => (f.Line, f.Column, f.Match)));
        // 12 fixtures, of which the binary one is passed over; 7 Unicode files × 3 findings, 4 others × 2.
        Assert.Matches(@"^11 files linted \(1 binary file passed over\): 29 findings \(0 errors, 29 warnings, 0 info\)", r.OutLines[^1]);

        Assert.Equal(
        [
            "encodings/binary.txt: warning TL9023: Passed over: binary file (PNG image); not an article.",
            "encodings/invalid-utf8.txt(1,19): warning TL9024: The file is not valid UTF-8: 2 invalid byte sequences were read as U+FFFD (the first is here); every other position is unaffected.",
            "encodings/koi8-r-ru.txt: warning TL9025: Decoded as koi8-r (detected: it is not UTF-8 and reads as text in this code page). Convert it to UTF-8, or confirm with --encoding koi8-r.",
            "encodings/utf16le-nobom.txt: warning TL9025: Decoded as utf-16le (detected: it has no byte-order mark but reads as UTF-16). Convert it to UTF-8, or confirm with --encoding utf-16le.",
            "encodings/windows-1251-ru.txt: warning TL9025: Decoded as windows-1251 (detected: it is not UTF-8 and reads as text in this code page). Convert it to UTF-8, or confirm with --encoding windows-1251.",
            "encodings/windows-1252-curly.txt: warning TL9025: Decoded as windows-1252 (detected: it is not UTF-8 and reads as text in this code page). Convert it to UTF-8, or confirm with --encoding windows-1252.",
        ], r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Sarif_ColumnsAreUtf16CodeUnits_AsOnTheConsole()
    {
        using var dir = WithFixtures("encodings");
        string[] args = ["encodings/utf16be-bom.txt", "encodings/utf8.txt", "encodings/windows-1252-curly.txt", "--rules", "pack", "--no-default-rules"];
        var console = CliRunner.Run(dir.Path, args);
        var sarif = CliRunner.Run(dir.Path, [.. args, "--format", "sarif"]);
        Assert.Equal(ConsoleFindings(console), SarifFindings(sarif));
        Assert.Contains(("encodings/utf8.txt", 1, 4, "Kiev"), SarifFindings(sarif)); // after "😀 ": two code units and a space
        using var log = JsonDocument.Parse(sarif.Out);
        var notes = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications");
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("descriptor").GetProperty("id").GetString() == "TL9025");
    }

    [Fact]
    public void EncodingOption_ConfirmsALegacyEncoding_AndSilencesTheDetectionNote()
    {
        using var dir = WithFixtures("encodings");
        var r = CliRunner.Run(dir.Path, "encodings/windows-1251-ru.txt", "--encoding", "windows-1251", "--rules", "pack", "--no-default-rules");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        Assert.Equal(["encodings/windows-1251-ru.txt(3,19): warning XX0001: 'reportedly' found.", "encodings/windows-1251-ru.txt(3,35): warning XX0001: 'Kiev' found."], r.OutLines[..^1]);
    }

    [Fact]
    public void EncodingOption_ReadsAFileNoCodePageCouldBeGuessedFor()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/tokens.yaml", TokenPack);
        dir.WriteBytes("cz.txt", Encoding.GetEncoding(1250).GetBytes("Příliš žluťoučký kůň úpěl ďábelské ódy.\nKiev reportedly.\n"));

        var guessed = CliRunner.Run(dir.Path, "cz.txt", "--rules", "pack", "--no-default-rules");
        // Not linted, so the run fails (an article skipped is never a success).
        Assert.Equal(2, guessed.ExitCode);
        Assert.Equal("0 files linted: 0 findings (0 errors, 0 warnings, 0 info) in", guessed.OutLines[^1][..^8]);
        Assert.StartsWith("cz.txt: error TL9026: Skipped: the file is not UTF-8 and its encoding could not be told from its bytes", guessed.Error);
        Assert.Contains("name its encoding with --encoding.", guessed.Error);

        var given = CliRunner.Run(dir.Path, "cz.txt", "--encoding", "windows-1250", "--rules", "pack", "--no-default-rules");
        Assert.Equal(["cz.txt(2,1): warning XX0001: 'Kiev' found.", "cz.txt(2,6): warning XX0001: 'reportedly' found."], given.OutLines[..^1]);
    }

    [Fact]
    public void UnknownEncodingName_IsAUsageError()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "tests/samples", "--encoding", "windows-9999");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Unknown encoding 'windows-9999'", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void MarkdownTooDeepToParse_IsLintedAsPlainText_WithANotification()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/tokens.yaml", TokenPack);
        dir.Write("deep.md", new string('>', 5000) + " reportedly\n");
        var r = CliRunner.Run(dir.Path, "deep.md", "--rules", "pack", "--no-default-rules");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["deep.md(1,5002): warning XX0001: 'reportedly' found."], r.OutLines[..^1]);
        // The nesting bound is met before the parser gives up: from that line on the file is plain text.
        Assert.StartsWith("deep.md: warning TL9027: The Markdown nests more than 32 levels deep at line 1;", r.Error);
        Assert.Contains("it was linted as plain text.", r.Error);
    }
}
