using System.Text.RegularExpressions;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// What is not the tool's own — file names, article text — is escaped in every line-based format: a name
/// or a text cannot forge a finding or a GitHub workflow command, stop GitHub's command processing, or
/// send ESC and BEL to a terminal; a backslash in a Linux file name is shown as it is.
/// </summary>
public class EscapingTests
{
    [Fact]
    public void HostileFileNamesAndText_CannotStartALine_OrReachTheTerminalRaw()
    {
        if (OperatingSystem.IsWindows()) return; // such names are Unix file names
        using var dir = TestPaths.CreateTempDirectory();
        // A name that would stop GitHub's command processing, one that forges a line, one with a backslash,
        // one with ESC; each holds a finding, and a NUL (a notification names the file too).
        string[] names =
        [
            "::stop-commands::x.md",
            "a\n::error file=forged.md::forged\n.md",
            "back\\slash.md",
            "esc\u001b[31mred\u0007.md",
            " ::warning::lead.md",
        ];
        foreach (string name in names)
            dir.WriteBytes(Path.Combine("in", name), [.. "He supposedly left \u001b]0;title\u0007 the city.\n\u0000"u8]);
        // Article text with ESC and BEL inside a flagged span, as rule messages quote it.
        dir.Write("in/quoted.md", "They called it a \u201csuccess\u001b[2J\u0007\u201d, supposedly.\n");

        foreach (string format in new[] { "console", "github", "msbuild" })
        {
            // Run from inside the folder, so each line starts with a file's name itself.
            var run = CliRunner.Run(Path.Combine(dir.Path, "in"), ".", "--format", format, "--source");
            Assert.True(run.ExitCode is 0 or 1, $"{format}: exit {run.ExitCode}: {run.Error}");
            string all = run.Out + run.Error;
            Assert.DoesNotContain('\u001b', all);
            Assert.DoesNotContain('\u0007', all);
            Assert.DoesNotContain('\0', all);
            var lines = all.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (string line in lines)
            {
                // Only the tool's own commands start with "::" (after white space, as GitHub's runner trims).
                if (format == "github" && line.StartsWith("::", StringComparison.Ordinal))
                    Assert.Matches(@"^::(error|warning|notice) (file=[^,:]*,)?", line);
                else
                    Assert.DoesNotMatch(@"^\s*::", line);
            }
            // Every finding line names one file of ours, never a line made from the name's remainder.
            Assert.DoesNotContain(lines, l => l.StartsWith(".md", StringComparison.Ordinal) || l.StartsWith("::error file=forged", StringComparison.Ordinal));
            // A backslash in a Linux file name is shown as it is.
            Assert.Contains("back\\slash.md", all);
            Assert.DoesNotContain("back/slash.md", all);
        }
    }

    [Fact]
    public void GitHubProperties_UseGitHubsEscapes_SoTheAnnotationNamesTheRealFile()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("in/a,b:c%d.md", "He supposedly left.\n");

        var run = CliRunner.Run(dir.Path, "in", "--format", "github");

        Assert.Matches(new Regex("^::warning file=in/a%2Cb%3Ac%25d\\.md,line=1,", RegexOptions.Multiline), run.Out);
    }
}
