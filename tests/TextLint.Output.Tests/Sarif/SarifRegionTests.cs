using System.Text.Json;
using TextLint.Output.Sarif;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

/// <summary>
/// Regions checked against the files themselves, by a reader written from the spec (SarifReplacements),
/// over fixtures with a BOM, CR LF, tabs, surrogate pairs, ZWJ sequences, combining marks and invalid UTF-8.
/// </summary>
public class SarifRegionTests
{
    private static readonly string FixtureDir = Path.Combine(TestPaths.Fixtures, "sarif");

    public static TheoryData<string> Fixtures => new(Directory.EnumerateFiles(FixtureDir, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static (JsonDocument Log, string Text) LintFixture(string name)
    {
        var pack = SarifLogs.LoadPack(Path.Combine(FixtureDir, "pack.yaml"));
        var source = SarifLogs.Read(Path.Combine(FixtureDir, name), FixtureDir);
        return (JsonDocument.Parse(SarifLogs.Write(pack.Rules, [source], FixtureDir)), source.Text);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryRegion_MatchesItsSnippet_AndItsContextContainsIt(string name)
    {
        var (log, text) = LintFixture(name);
        using var _ = log;
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.NotEqual(0, results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal(name, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            var region = location.GetProperty("region");
            var (start, end) = SarifReplacements.Range(text, region);
            Assert.Equal(text[start..end], region.GetProperty("snippet").GetProperty("text").GetString());
            Assert.False(start > 0 && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]), $"{name}: region starts inside a surrogate pair");
            Assert.False(end < text.Length && end > 0 && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]), $"{name}: region ends inside a surrogate pair");

            if (location.TryGetProperty("contextRegion", out var context))
            {
                var (cs, ce) = SarifReplacements.Range(text, context);
                Assert.Equal(text[cs..ce], context.GetProperty("snippet").GetProperty("text").GetString());
                Assert.True(cs <= start && end <= ce && ce - cs > end - start, $"{name}: contextRegion [{cs},{ce}) is not a proper superset of region [{start},{end})");
            }
            if (result.TryGetProperty("fixes", out var fixes))
            {
                var replacement = fixes[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
                // A substitution replaces exactly what was flagged, in the file as it was read.
                Assert.Equal(text[start..end], SarifReplacements.TextOf(text, replacement.GetProperty("deletedRegion")));
            }
        }
    }

    [Fact]
    public void Bom_IsNotCounted_AndCrLf_IsOneLineBreak()
    {
        var (log, _) = LintFixture("bom.txt");
        using var _d = log;
        var first = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((1, 1, 1, 5), (first.GetProperty("startLine").GetInt32(), first.GetProperty("startColumn").GetInt32(), first.GetProperty("endLine").GetInt32(), first.GetProperty("endColumn").GetInt32()));

        var (crlf, _) = LintFixture("crlf.txt");
        using var _c = crlf;
        var regions = crlf.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region"))
            .Select(r => (r.GetProperty("startLine").GetInt32(), r.GetProperty("startColumn").GetInt32())).ToList();
        Assert.Equal([(1, 10), (2, 4), (4, 1), (5, 6)], regions);
    }

    [Fact]
    public void Emoji_CountTwoColumns_AsUtf16CodeUnits()
    {
        var (log, _) = LintFixture("emoji.txt");
        using var _d = log;
        var kiev = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("ruleId").GetString() == "XT7501").GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        // "😀 He reportedly left 🔥 Kiev.": two emoji of two code units each before it.
        Assert.Equal(26, kiev.GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void ContextRegion_OfAWholeLineRegion_TakesTheNeighbouringLines()
    {
        var source = SourceText.From("First line.\nKiev\nLast line.", "a.txt");
        var span = SarifWriter.ContextSpan(source, source.Lines, new TextSpan(12, 4));
        Assert.Equal("First line.\nKiev\nLast line.", source.ToString(span!.Value));
    }

    [Fact]
    public void ContextRegion_IsOmitted_WhenTheRegionIsTheWholeFile()
    {
        var source = SourceText.From("Kiev", "a.txt");
        Assert.Null(SarifWriter.ContextSpan(source, source.Lines, new TextSpan(0, 4)));
    }

    [Fact]
    public void ContextWindow_OnAVeryLongLine_NeverSplitsASurrogatePair()
    {
        // The window is cut 160 code units either side; put a pair across both cuts.
        string left = new string('a', 99) + "😀" + new string('b', 159);
        string right = new string('c', 159) + "😀" + new string('d', 400);
        string text = left + "Kiev" + right;
        var source = SourceText.From(text, "a.txt");
        var region = new TextSpan(left.Length, 4);
        var context = SarifWriter.ContextSpan(source, source.Lines, region)!.Value;
        Assert.True(context.Contains(region));
        Assert.False(char.IsLowSurrogate(text[context.Start]), "context starts inside a pair");
        Assert.False(char.IsLowSurrogate(text[context.End]), "context ends inside a pair");
        Assert.True(context.Length < text.Length);
    }
}
