using System.Text.RegularExpressions;
using TextLint.Output.MsBuild;
using TextLint.Text;

namespace TextLint.Output.Tests.MsBuild;

public class MsBuildWriterTests
{
    // VS Code's $msCompile problem matcher (vscode/src/vs/workbench/contrib/tasks/common/problemMatcher.ts).
    private static readonly Regex MsCompile = new(@"^(?:\s*\d+>)?(\S.*?)(?:\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\))?\s*:\s+(?:(\S+)\s+)?(error|warning|info)\s+(\w+\d+)?\s*:\s*(.*)$");

    [Fact]
    public void Lines_AreCanonical_WithAbsolutePathsAndFullRanges_AndNothingElse()
    {
        string output = Reports.Write((_, t) => new MsBuildWriter(t), [Reports.Lint(SourceText.From("😀 He reportedly left.\nKiev", "news/a.txt"))], "/work/site");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "/work/site/news/a.txt(1,1,1,3): warning XT8001: Emoji '😀' in copy.",
            "/work/site/news/a.txt(1,7,1,17): warning XT1001: 'reportedly' names no source.",
            "/work/site/news/a.txt(2,1,2,5): error XT7501: Use 'Kyiv' instead of 'Kiev'.",
        ], lines);
        foreach (var line in lines)
        {
            var m = MsCompile.Match(line);
            Assert.True(m.Success, line);
            Assert.Equal("/work/site/news/a.txt", m.Groups[1].Value);
        }
        Assert.DoesNotContain("\u001b", output);
    }

    [Fact]
    public void ByteColumns_CountUtf8Bytes_ForVimsQuickfix()
    {
        // '😀 ' is 3 UTF-16 units but 5 UTF-8 bytes; 'Мир ' is 4 units, 7 bytes.
        var report = Reports.Lint(SourceText.From("😀 He reportedly left.\nМир Kiev", "news/a.txt"));
        string output = Reports.Write((_, t) => new MsBuildWriter(t, ColumnUnit.Bytes), [report], "/work/site");
        Assert.Equal(
        [
            "/work/site/news/a.txt(1,1,1,5): warning XT8001: Emoji '😀' in copy.",
            "/work/site/news/a.txt(1,9,1,19): warning XT1001: 'reportedly' names no source.",
            "/work/site/news/a.txt(2,8,2,12): error XT7501: Use 'Kyiv' instead of 'Kiev'.",
        ], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        string console = Reports.Write((_, t) => new TextLint.Output.Console.ConsoleWriter(t, summary: false, columns: ColumnUnit.Bytes), [report], "/work/site");
        Assert.Equal(["news/a.txt(1,1): warning XT8001", "news/a.txt(1,9): warning XT1001", "news/a.txt(2,8): error XT7501"],
            console.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':', l.IndexOf(')') + 3)]));
    }
}
