using System.Text;
using System.Text.RegularExpressions;
using TextLint.Core.Tests.Rules;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Core.Tests.Matching;

/// <summary>
/// Issue #19: linear time and deterministic results on any input. No test here is timed: they count the
/// work (<see cref="PatternRunner.Work"/>) or check which engine a pattern runs on, so they fail the same
/// way on an idle machine and on a loaded one.
/// </summary>
public class LinearTimeTests
{
    /// <summary>
    /// Bundled patterns the linear-time engine cannot run: <see cref="RegexFactory.AuditedBacktracking"/>,
    /// with the reasons there. The test below keeps that list and the pack in step.
    /// </summary>
    private static readonly string[] JustifiedBacktracking = [.. RegexFactory.AuditedBacktracking];

    private static List<(string Pattern, bool IgnoreCase)> BundledPatterns()
    {
        RegexFactory.Recorder = new();
        try
        {
            var result = BundledPackTests.LoadBundled();
            Assert.True(result.Success, string.Join("\n", result.Errors));
            return RegexFactory.Recorder.Distinct().ToList();
        }
        finally
        {
            RegexFactory.Recorder = null;
        }
    }

    [Fact]
    public void EveryBundledPattern_RunsOnTheLinearTimeEngine_OrIsAJustifiedException()
    {
        var patterns = BundledPatterns();
        Assert.True(patterns.Count > 50, $"only {patterns.Count} patterns recorded");
        var backtracking = new List<string>();
        foreach (var (pattern, ignoreCase) in patterns)
        {
            var regex = RegexFactory.TryCreate(pattern, ignoreCase, out string? error);
            Assert.True(regex is not null, error);
            // No bundled pattern has a timeout: nothing the machine's load does can change a result.
            Assert.Equal(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
            if (!RegexFactory.IsLinearTime(regex)) backtracking.Add(pattern);
        }
        Assert.Empty(backtracking.Except(JustifiedBacktracking));
        // The list cannot rot: each exception is still in the pack, and still of a shape that cannot blow up.
        Assert.Empty(JustifiedBacktracking.Except(backtracking));
        foreach (var p in JustifiedBacktracking) Assert.True(BacktrackingShape.IsLinear(p), p);
    }

    [Fact]
    public void APatternTheLinearEngineAllows_HasNoTimeout_AndOneThatNeedsBacktracking_HasOne()
    {
        var linear = RegexFactory.TryCreate(@"\b(?:\w+\s+)+said\b", true, out _)!;
        Assert.True(RegexFactory.IsLinearTime(linear));
        Assert.Equal(Regex.InfiniteMatchTimeout, linear.MatchTimeout);
        var backtracking = RegexFactory.TryCreate(@"(?<=\bit\s)said\b", true, out _)!;
        Assert.False(RegexFactory.IsLinearTime(backtracking));
        Assert.Equal(RegexFactory.MatchTimeout, backtracking.MatchTimeout);
    }

    private static string Words(int length, int seed)
    {
        string[] words = ["it", "said", "is", "was", "the", "report", "believed", "to", "be", "x", "it's", "said,"];
        var random = new Random(seed);
        var sb = new StringBuilder();
        while (sb.Length < length) sb.Append(words[random.Next(words.Length)]).Append(random.Next(8) == 0 ? "\n" : " ");
        return sb.ToString();
    }

    [Theory]
    [InlineData(@"(?<=\bit\s+(?:is|was)\s+)(?:said|believed)\b")]
    [InlineData(@"\b(?:said|believed)\s+to\b(?!\s+be)")]
    [InlineData(@"(?<=^|\s)it(?=\s)")]
    [InlineData(@"(\w+) \1")]
    public void ABacktrackingPattern_InBoundedWindows_FindsWhatOnePassOverTheWholeTextFinds(string pattern)
    {
        var regex = RegexFactory.TryCreate(pattern, ignoreCase: false, out _)!;
        Assert.False(RegexFactory.IsLinearTime(regex));
        for (int seed = 0; seed < 4; seed++)
        {
            string text = Words(5 * PatternRunner.Window + 123, seed);
            var expected = regex.Matches(text).Where(m => m.Length > 0).Select(m => new TextSpan(m.Index, m.Length)).ToList();
            Assert.NotEmpty(expected);
            PatternRunner.ResetWork();
            var actual = PatternRunner.MatchesIn(regex, text, new TextSpan(0, text.Length));
            Assert.Equal(expected, actual);
            // It did run in windows: several calls, each over at most a window.
            var (evaluations, characters) = PatternRunner.Work;
            Assert.True(evaluations >= 5, $"{evaluations} evaluations");
            Assert.True(characters <= evaluations * PatternRunner.Window);
            // Whole regions in the middle of the text too (offsets in the whole text).
            var region = TextSpan.FromBounds(777, text.Length - 555);
            var inRegion = regex.Matches(text.Substring(region.Start, region.Length)).Where(m => m.Length > 0).Select(m => new TextSpan(region.Start + m.Index, m.Length));
            Assert.Equal(inRegion, PatternRunner.MatchesIn(regex, text, region));
            Assert.Equal(expected.Count > 0, PatternRunner.IsMatch(regex, text, new TextSpan(0, text.Length)));
        }
    }

    [Fact]
    public void ABacktrackingPatternWhoseMatchOutgrowsItsWindow_IsACutOff_NotADifferentFinding()
    {
        var regex = RegexFactory.TryCreate(@"(?<=x)a+", ignoreCase: false, out _)!;
        string text = new string(' ', 6000) + "x" + new string('a', 3000) + new string(' ', 30_000);
        var ex = Assert.Throws<RuleCutOffException>(() => PatternRunner.MatchesIn(regex, text, new TextSpan(0, text.Length)));
        Assert.Equal(6001, ex.Offset);
        // A short text is one window: the match is found whole.
        Assert.Equal([new TextSpan(1, 3000)], PatternRunner.MatchesIn(regex, "x" + new string('a', 3000) + " ", new TextSpan(0, 3002)));
    }

    private const string Header = """
        title: Pattern
        message: "'{match}' matched."
        category: Style

        """;

    [Fact]
    public void ACutOff_IsAnErrorForTheFile_NamingTheRuleAndThePlace()
    {
        var engine = KindTestHelper.Engine("id: XX0001\n" + Header + "kind: existence\nregex: ['(?<=x)a+']\n");
        string text = new string(' ', 6000) + "\n\nx" + new string('a', 3000) + new string(' ', 30_000);
        var result = engine.Analyze(Document.Create(SourceText.From(text, "long.txt")));
        Assert.Empty(result.Diagnostics);
        var n = Assert.Single(result.Notifications);
        Assert.Equal((NotificationCodes.RuleCutOff, Severity.Error, "long.txt", 3, 2), (n.Code, n.Severity, n.Path, n.Line, n.Column));
        Assert.Contains("Rule XX0001 was stopped on this file", n.Message);
    }

    /// <summary>One sentence of <paramref name="length"/> characters with a match every few words.</summary>
    private static string OneSentence(int length)
    {
        var sb = new StringBuilder("The ");
        while (sb.Length < length) sb.Append("reportedly the vermin were seen near the river, ");
        return sb.Append("today.\n").ToString();
    }

    [Fact]
    public void ASentenceContextPattern_IsEvaluatedOncePerSentence_NotOncePerMatch()
    {
        var engine = KindTestHelper.Engine("id: XX0002\n" + Header + "kind: existence\ntokens: [vermin]\n" +
            "unlessSentence: ['\\b(?:rats|mice)\\b', '\\bpest control\\b']\n");
        string text = OneSentence(20_000);
        PatternRunner.ResetWork();
        var result = engine.Analyze(Document.Create(SourceText.From(text, "a.txt")));
        Assert.True(result.Diagnostics.Length > 300);
        var (evaluations, characters) = PatternRunner.Work;
        Assert.Equal(2, evaluations);
        Assert.True(characters <= 2 * text.Length);
    }

    /// <summary>
    /// A marker pattern with two required parts ("some|many" and "fans|poets") runs only on sentences that
    /// hold a phrase of each (<see cref="RequiredLiterals.AllOf"/>): sentences with only one part cost no
    /// evaluation, and the one with both is still found.
    /// </summary>
    [Fact]
    public void AnAttributionPattern_RunsOnlyOnSentencesHoldingBothOfItsRequiredParts()
    {
        var engine = KindTestHelper.Engine("id: XX0005\n" + Header + "kind: attribution\n" +
            "regex: ['\\b(?:some|many)\\s+(?:fans|poets)\\s+say\\b']\n");
        string text = "The fans say it loud. Some of us stayed home. Many people left early. Poets say little.\n\nMany fans say the match was fixed.\n";
        PatternRunner.ResetWork();
        var result = engine.Analyze(Document.Create(SourceText.From(text, "a.txt")));
        Assert.Equal(1, PatternRunner.Work.Evaluations);
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal("Many fans say", text.Substring(finding.Span.Start, finding.Span.Length));
    }

    /// <summary>
    /// <see cref="PatternRunner.MatchesAt"/> tries a backtracking pattern at the given offsets only (so a
    /// match elsewhere is not its to find), moves on past each match as a scan does, and leaves a
    /// linear-time pattern to its ordinary scan.
    /// </summary>
    [Fact]
    public void ABacktrackingPattern_TriedAtGivenOffsets_IsTriedThereOnly()
    {
        const string text = "It is said that it is said to be so, and it is said.";
        var region = new TextSpan(0, text.Length);
        var backtracking = RegexFactory.TryCreateLazy(@"(?<=\bis\s)said\b(?: to)?", ignoreCase: true, out _)!;
        Assert.False(RegexFactory.IsLinearTime(backtracking.Value));
        int[] all = [6, 22, 47];
        List<TextSpan> At(params int[] starts)
        {
            var found = new List<TextSpan>();
            PatternRunner.MatchesAt(backtracking, text, region, starts, found);
            return found;
        }
        Assert.Equal(PatternRunner.MatchesIn(backtracking, text, region), At(all));
        Assert.Equal([new TextSpan(6, 4), new TextSpan(22, 7), new TextSpan(47, 4)], At(all));
        Assert.Equal([new TextSpan(22, 7)], At(22));
        Assert.Empty(At(0, 3, 12));                       // offsets where no match starts

        // "said said": a scan finds one match; the second "said" is inside it and is not tried again.
        const string twice = "It is said said.";
        var overlapping = RegexFactory.TryCreateLazy(@"(?<=\s)said\b(?: said)?", ignoreCase: true, out _)!;
        var found = new List<TextSpan>();
        PatternRunner.MatchesAt(overlapping, twice, new TextSpan(0, twice.Length), [6, 11], found);
        Assert.Equal([new TextSpan(6, 9)], found);
        Assert.Equal(PatternRunner.MatchesIn(overlapping, twice, new TextSpan(0, twice.Length)), found);

        var linear = RegexFactory.TryCreateLazy(@"\bsaid\b", ignoreCase: true, out _)!;
        Assert.True(RegexFactory.IsLinearTime(linear.Value));
        var scanned = new List<TextSpan>();
        PatternRunner.MatchesAt(linear, text, region, [], scanned);
        Assert.Equal(3, scanned.Count);
    }

    [Fact]
    public void AnEarlierInSentencePattern_ReadsABoundedWindow_NotTheWholeRunOnSentence()
    {
        // unlessBefore runs once per match on the text before it: on one 80 KB "sentence" with a match every
        // few words, reading back to the sentence start would be quadratic.
        var engine = KindTestHelper.Engine("id: XX0004\n" + Header + "kind: existence\ntokens: [vermin]\n" +
            "unlessBefore: ['\\bpest control\\b']\n");
        long Work(int length)
        {
            string text = OneSentence(length);
            PatternRunner.ResetWork();
            var result = engine.Analyze(Document.Create(SourceText.From(text, "a.txt")));
            Assert.True(result.Diagnostics.Length > length / 100);
            return PatternRunner.Work.Characters;
        }
        long small = Work(20_000), large = Work(80_000);
        Assert.True(large <= 4.5 * small + 10_000, $"{small} characters of pattern work at 20 KB, {large} at 80 KB");
    }

    [Fact]
    public void AttributionSourcePatterns_AreEvaluatedOncePerSentence_NotOncePerMarker()
    {
        var engine = KindTestHelper.Engine("id: XX0003\n" + Header + "kind: attribution\nmarkers: [reportedly]\nnamedSources: false\n" +
            "sources: ['\\bin an? statement\\b', '\\bthe river\\b']\n");
        string text = OneSentence(20_000) + OneSentence(20_000);
        PatternRunner.ResetWork();
        engine.Analyze(Document.Create(SourceText.From(text, "a.txt")));
        var (evaluations, characters) = PatternRunner.Work;
        Assert.True(evaluations <= 2 * 2, $"{evaluations} evaluations");
        Assert.True(characters <= 2 * text.Length, $"{characters} characters for {text.Length}");
    }

    [Theory]
    [InlineData("sentence")]
    [InlineData("line")]
    [InlineData("bullets")]
    public void TheBundledPack_DoesPatternWorkInProportionToTheText(string shape)
    {
        static string Make(string shape, int length)
        {
            var sb = new StringBuilder();
            while (sb.Length < length)
                sb.Append(shape switch
                {
                    "sentence" => "the refugees are vermin and reportedly some argue that it is believed the orcs are said to be animals, ",
                    "line" => "word ",
                    _ => "- the refugees are said to be here, and it is believed they are vermin\n",
                });
            return sb.ToString();
        }
        var engine = new LintEngine(RuleSet.Compile(BundledPackTests.LoadBundled().Rules));
        long Work(int length)
        {
            var doc = Document.Create(SourceText.From(Make(shape, length), "a.txt"));
            PatternRunner.ResetWork();
            engine.Analyze(doc);
            return PatternRunner.Work.Characters;
        }
        long small = Work(20_000), large = Work(80_000);
        // Linear: four times the text, about four times the work (per-match context patterns made it sixteen).
        Assert.True(large <= 4.5 * small + 10_000, $"{small} characters of pattern work at 20 KB, {large} at 80 KB");
    }

    [Fact]
    public void PastTheLimit_OneSummaryFinding_StandsForTheRest()
    {
        var result = RulePackLoader.Load([new PackFile("test.yaml", "id: XX0004\n" + Header + "kind: existence\ntokens: [vermin]\n")]);
        var engine = new LintEngine(RuleSet.Compile(result.Rules)) { MaxFindingsPerRule = 10 };
        string text = string.Concat(Enumerable.Repeat("The vermin left. ", 100));
        var diagnostics = engine.Analyze(Document.Create(SourceText.From(text, "a.txt"))).Diagnostics;
        Assert.Equal(11, diagnostics.Length);
        var summary = diagnostics[10];
        Assert.Equal("XX0004", summary.Id);
        Assert.Equal("...and 90 more XX0004 findings in this file, from here on (at most 10 of one rule are listed per file)", summary.Message);
        Assert.Equal(text.IndexOf("vermin", diagnostics[9].Span.End, StringComparison.Ordinal), summary.Span.Start);
        Assert.Null(summary.Fix);
        // At the limit exactly, no summary.
        var exact = new LintEngine(RuleSet.Compile(result.Rules)) { MaxFindingsPerRule = 100 };
        Assert.Equal(100, exact.Analyze(Document.Create(SourceText.From(text, "a.txt"))).Diagnostics.Length);
    }

    [Fact]
    public void APatternOverTheLengthLimit_IsALoadError_WithFileLineAndColumn_BeforeItIsParsed()
    {
        string pattern = string.Join("|", Enumerable.Range(0, 4000).Select(i => "word" + i));
        var result = RulePackLoader.Load([new PackFile("big.yaml", "id: XX0005\n" + Header + "kind: existence\nregex:\n  - '" + pattern + "'\n")]);
        Assert.False(result.Success);
        var e = Assert.Single(result.Errors);
        Assert.Equal(("big.yaml", 7, 5), (e.Path, e.Line, e.Column));
        Assert.Contains("the limit is 20,000", e.Message);
    }
}
