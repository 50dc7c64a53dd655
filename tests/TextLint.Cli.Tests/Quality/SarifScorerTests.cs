namespace TextLint.Cli.Tests.Quality;

/// <summary>
/// The scorer itself must be right, or the quality bar means nothing. The expected numbers below were
/// produced by ../shared/tools/score-sarif.py on the same files.
/// </summary>
public class SarifScorerTests
{
    private const string Article = "Title line\r\nHe \u201Creportedly\u201D left \U0001F600 reportedly.\nRegime here.\n";

    private const string Labels = """
        [
         {"file": "a.txt", "text": "reportedly", "nth": 0, "category": "Attribution", "expect": "flag"},
         {"file": "a.txt", "text": "reportedly", "nth": 1, "category": "Attribution", "expect": "flag"},
         {"file": "a.txt", "text": "Regime", "nth": 0, "category": "EmotiveLanguage", "expect": "clean"},
         {"file": "a.txt", "text": "Title line", "nth": 0, "category": "Structure", "expect": "either"}
        ]
        """;

    private static string Sarif(string results) => $$$"""
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [
          {"id": "A1", "properties": {"category": "Attribution"}},
          {"id": "E1", "properties": {"tags": ["editorial", "EmotiveLanguage"]}},
          {"id": "S1", "properties": {"category": "Structure"}},
          {"id": "X1", "properties": {"category": "Terminology"}}]}},
          "columnKind": "utf16CodeUnits",
          "results": [{{{results}}}]}]}
        """;

    private static string Result(int ruleIndex, int line, int col, int endCol, string uri = "a.txt") =>
        "{\"ruleId\": \"r\", \"ruleIndex\": " + ruleIndex + ", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"" + uri
        + "\"}, \"region\": {\"startLine\": " + line + ", \"startColumn\": " + col + ", \"endLine\": " + line + ", \"endColumn\": " + endCol + "}}}]}";

    [Fact]
    public void Scores_AsTheReferenceScriptDoes()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("corpus/a.txt", Article);
        dir.Write("corpus/labels.json", Labels);
        // Second "reportedly" sits after an emoji (two UTF-16 units): line 2, columns 25..35.
        string results = string.Join(",",
            Result(0, 2, 5, 15),    // "reportedly" in quotes: hit
            Result(0, 2, 25, 35),   // second "reportedly": hit
            Result(0, 3, 1, 7),     // Attribution on "Regime": no Attribution label there: false positive
            Result(1, 3, 1, 7),     // Emotive on a clean label: false positive on clean
            Result(2, 1, 1, 6),     // Structure on an 'either' label: neutral
            Result(3, 1, 1, 6),     // Terminology: not a scored category
            Result(0, 1, 1, 2, "other.txt"));
        string sarif = dir.Write("log.sarif", Sarif(results));
        var report = SarifScorer.Score(sarif, Path.Combine(dir.Path, "corpus"));

        // python3 score-sarif.py log.sarif corpus:
        //   Attribution recall 2/2 results 3 false-pos 1 (on clean labels 0)
        //   EmotiveLanguage recall 0/0 results 1 false-pos 1 (on clean labels 1)
        //   Structure recall 0/0 results 1 false-pos 0
        //   core recall 1.00 (2/2) precision 0.50 (2/4)
        Assert.Equal((2, 2, 3, 1, 0), Tuple(report.Categories["Attribution"]));
        Assert.Equal((0, 0, 1, 1, 1), Tuple(report.Categories["EmotiveLanguage"]));
        Assert.Equal((0, 0, 1, 0, 0), Tuple(report.Categories["Structure"]));
        Assert.Equal(1.0, report.CoreRecall);
        Assert.Equal(0.5, report.CorePrecision);
        Assert.Empty(report.Misses);
    }

    [Fact]
    public void AMissedFlag_IsAMiss()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("corpus/a.txt", Article);
        dir.Write("corpus/labels.json", Labels);
        string sarif = dir.Write("log.sarif", Sarif(Result(0, 2, 5, 15)));
        var report = SarifScorer.Score(sarif, Path.Combine(dir.Path, "corpus"));
        Assert.Equal(0.5, report.CoreRecall);
        Assert.Equal(("Attribution", "a.txt", "reportedly"), Assert.Single(report.Misses));
    }

    private static (int, int, int, int, int) Tuple(CategoryScore s) => (s.Hits, s.Flags, s.Results, s.FalsePositives, s.FalsePositivesOnClean);
}
