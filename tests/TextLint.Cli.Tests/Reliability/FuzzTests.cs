using System.Text;
using System.Text.Json;
using TextLint.Text;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// A property test over random bytes, random Markdown and random file names (fixed seeds, bounded size
/// and count, so it runs in seconds and a failure reproduces): whatever the input, no internal error, no
/// hang, every format parseable (SARIF and json as JSON, github as workflow commands, console and msbuild
/// as finding lines), and nothing from the input starts a line of its own or reaches the terminal raw.
/// </summary>
public class FuzzTests
{
    private const int FilesPerSeed = 24;
    private static readonly TimeSpan NoHang = TimeSpan.FromMinutes(3);

    private static readonly string[] NameParts =
        ["a", "Story", " ", ":", "::", "\\", "\n", "\r", "\t", "\u001b[31m", "\u0007", "%", "%0A", ",", "\"", "'", "\u2028", "\u202e", "\u0085", "é", "日本", "-", "#", "[", "]", "error file=x", "::stop-commands::"];

    private static readonly string[] MarkdownParts =
    [
        "# ", "## ", "- ", "* ", "1. ", "> ", "```\n", "    ", "[a](b)", "[x]: http://example.com\n", "| a | b |\n|---|---|\n", "**", "_", "`",
        "<!-- textlint-disable -->", "<!-- textlint-enable -->", "<!-- ", " -->", "reportedly", "allegedly", "according to sources", "officials said",
        "“", "”", "\"", "'", ".", "!", "?", " ", " ", " ", "\n", "\n\n", "\r\n", "\u00ad", "\u200b", "\u2060", "\u001b[2J", "\u0007", "\u0000", "😀", "Київ",
        "The minister", "left the city", "refugees", "vermin", "---\ntitle: x\n---\n", "<div>", "</div>", "\\", "::error::forged", "\u2028",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomFilesAndNames_EveryFormatParses_AndNothingEscapes(int seed)
    {
        if (OperatingSystem.IsWindows()) return; // the names use characters Windows does not allow
        var random = new Random(seed);
        using var dir = TestPaths.CreateTempDirectory();
        string root = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(root);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < FilesPerSeed)
        {
            var name = new StringBuilder();
            int parts = random.Next(1, 5);
            for (int i = 0; i < parts; i++) name.Append(NameParts[random.Next(NameParts.Length)]);
            name.Append(random.Next(2) == 0 ? ".md" : ".txt");
            string n = name.ToString();
            if (n.StartsWith('.') || !names.Add(n)) continue;
            File.WriteAllBytes(Path.Combine(root, n), Content(random));
        }

        foreach (string format in new[] { "sarif", "json", "github", "console", "msbuild" })
        {
            var run = await Task.Run(() => CliRunner.Run(root, ".", "--format", format, "--jobs", "2")).WaitAsync(NoHang);
            string context = $"seed {seed}, {format}";
            Assert.True(run.ExitCode is 0 or 1 or 2, $"{context}: exit {run.ExitCode}");
            Assert.DoesNotContain("TL9029", run.Error);
            Assert.DoesNotContain("Exception", run.Error);
            foreach (char c in new[] { '\u001b', '\u0007', '\0', '\u0085', '\u2028' })
            {
                if (format is "sarif" or "json") Assert.DoesNotContain(c, run.Error);
                else Assert.DoesNotContain(c, run.Out + run.Error);
            }
            AssertParses(format, run.Out, names, root, context);
            // Notifications on stderr: each line begins with a file's (escaped) name, or is the tool's own.
            foreach (string line in Lines(run.Error))
                Assert.True(line.StartsWith("textlint:", StringComparison.Ordinal) || StartsWithAName(line, names),
                    $"{context}: a stderr line that no file name begins: {line}");
        }
    }

    private static void AssertParses(string format, string output, HashSet<string> names, string root, string context)
    {
        switch (format)
        {
            case "sarif":
            {
                using var log = JsonDocument.Parse(output);
                Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
                foreach (var result in log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
                {
                    string uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                    Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), $"{context}: {uri}");
                }
                break;
            }
            case "json":
                using (JsonDocument.Parse(output)) { }
                break;
            case "github":
            {
                // Workflow commands, then one summary line of ours.
                var all = Lines(output);
                Assert.Matches(@"^TextLint: \d+ files? linted", all[^1]);
                foreach (string line in all[..^1])
                    Assert.Matches(@"^::(error|warning|notice) (file=[^,:\r\n]*(,line=\d+)?(,col=\d+)?(,endLine=\d+)?(,endColumn=\d+)?,)?title=TL\d{4}::", line);
                break;
            }
            case "msbuild":
                foreach (string line in Lines(output))
                {
                    Assert.True(line.StartsWith(root + "/", StringComparison.Ordinal), $"{context}: {line}");
                    Assert.Matches(@"\(\d+,\d+,\d+,\d+\): (error|warning|info) TL\d{4}: ", line);
                }
                break;
            default:
                var lines = Lines(output);
                Assert.Matches(@"^\d+ files? linted", lines[^1]);
                foreach (string line in lines[..^1])
                    Assert.True(StartsWithAName(line, names), $"{context}: a console line that no file name begins: {line}");
                break;
        }
    }

    /// <summary>The line begins with one of the files' names as shown (escaped), then its location or ':'.</summary>
    private static bool StartsWithAName(string line, HashSet<string> names) =>
        names.Any(n => line.StartsWith(Printable.Path(n) + "(", StringComparison.Ordinal) || line.StartsWith(Printable.Path(n) + ":", StringComparison.Ordinal));

    private static string[] Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static byte[] Content(Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                var bytes = new byte[random.Next(0, 3000)];
                random.NextBytes(bytes);
                return bytes;
            case 1:
                var md = new StringBuilder();
                int parts = random.Next(0, 400);
                for (int i = 0; i < parts; i++) md.Append(MarkdownParts[random.Next(MarkdownParts.Length)]);
                return Encoding.UTF8.GetBytes(md.ToString());
            default:
                // Text with a little damage: a stray NUL or an invalid byte among the words.
                var text = new List<byte>();
                int words = random.Next(0, 300);
                for (int i = 0; i < words; i++)
                {
                    text.AddRange(Encoding.UTF8.GetBytes(MarkdownParts[random.Next(MarkdownParts.Length)]));
                    if (random.Next(100) == 0) text.Add((byte)random.Next(0x80, 0x100));
                }
                return [.. text];
        }
    }
}
