using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Rules;
using TextLint.Rules.BuiltIn;
using TextLint.Text;

namespace TextLint.Core.Tests.Suppressions;

public class InSourceSuppressionsTests
{
    private const string Pack = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly, allegedly]
        ---
        id: TL1002
        title: Weasel
        message: "'{match}' is vague."
        category: Attribution
        kind: existence
        tokens: [some say]
        ---
        id: TL7501
        title: Kyiv
        message: "Use '{replacement}' instead of '{match}'."
        category: Terminology
        kind: substitution
        swap: {Kiev: Kyiv}
        """;

    private static readonly RuleSet Rules = RuleSet.Compile(RulePackLoader.Load([new PackFile("p.yaml", Pack)]).Rules.AddRange(BuiltInRules.All));

    /// <summary>TL0001 is hidden by default; these tests want to see it.</summary>
    private sealed class UnusedVisible : ISeverityProvider
    {
        public Severity GetSeverity(RuleDescriptor rule, string path) =>
            rule.Id == BuiltInRules.UnusedSuppressionId ? Severity.Warning : SeverityResolver.DefaultOf(rule);
    }

    private static List<Diagnostic> Analyze(string text, string path = "a.txt", bool inline = true, ISeverityProvider? severities = null, int maxFindings = LintEngine.DefaultMaxFindingsPerRule) =>
        new LintEngine(Rules, severities ?? new UnusedVisible()) { InlineSuppressions = inline, MaxFindingsPerRule = maxFindings }
            .Analyze(Document.Create(SourceText.From(text, path))).Diagnostics.ToList();

    /// <summary>"line: ID 'text'" and, when suppressed, " (suppressed: reason)".</summary>
    private static string[] Render(string text, IEnumerable<Diagnostic> diagnostics)
    {
        var source = SourceText.From(text);
        return diagnostics.Select(d =>
        {
            int line = source.Lines.GetLineFromOffset(d.Span.Start) + 1;
            string s = $"{line}: {d.Id} '{source.ToString(d.Span)}'";
            return d.Suppression is { } sup ? $"{s} (suppressed: {sup.Justification ?? "-"})" : s;
        }).ToArray();
    }

    private static string[] Run(string text, string path = "a.txt", bool inline = true) => Render(text, Analyze(text, path, inline));

    [Fact]
    public void DisableNextLine_CoversTheNextLineOnly_WithItsReason()
    {
        string text = """
            <!-- textlint-disable-next-line TL1001 -- the ministry's own words -->
            He reportedly left Kiev.
            He reportedly returned.
            """;
        Assert.Equal(
        [
            "2: TL1001 'reportedly' (suppressed: the ministry's own words)",
            "2: TL7501 'Kiev'",
            "3: TL1001 'reportedly'",
        ], Run(text));
    }

    [Fact]
    public void DisableEnable_CoversTheRange_AndNoIdsMeansAllRules()
    {
        string text = """
            He reportedly left.
            <!-- textlint-disable -->
            He allegedly left Kiev.
            <!-- textlint-enable -->
            Some say Kiev.
            """;
        Assert.Equal(
        [
            "1: TL1001 'reportedly'",
            "3: TL1001 'allegedly' (suppressed: -)",
            "3: TL7501 'Kiev' (suppressed: -)",
            "5: TL1002 'Some say'",
            "5: TL7501 'Kiev'",
        ], Run(text));
    }

    [Fact]
    public void ACategory_CoversEveryRuleOfIt_AndADisableWithoutEnable_RunsToTheEnd()
    {
        string text = """
            <!-- textlint-disable attribution, TL7501 -- quoted material -->
            Some say he reportedly left Kiev.

            Later, he allegedly returned.
            """;
        Assert.Equal(
        [
            "2: TL1002 'Some say' (suppressed: quoted material)",
            "2: TL1001 'reportedly' (suppressed: quoted material)",
            "2: TL7501 'Kiev' (suppressed: quoted material)",
            "4: TL1001 'allegedly' (suppressed: quoted material)",
        ], Run(text));
    }

    [Fact]
    public void EnableOneRule_UnderADisableAll_ReEnablesOnlyThatRule()
    {
        string text = """
            <!-- textlint-disable -->
            <!-- textlint-enable TL7501 -->
            He reportedly left Kiev.
            <!-- textlint-disable TL7501 -->
            Kiev again.
            """;
        Assert.Equal(
        [
            "3: TL1001 'reportedly' (suppressed: -)",
            "3: TL7501 'Kiev'",
            "5: TL7501 'Kiev' (suppressed: -)",
        ], Run(text));
    }

    [Fact]
    public void UnusedSuppressions_AreReported_PerDirectiveOrPerName()
    {
        string text = """
            <!-- textlint-disable-next-line -- stale -->
            A clean sentence.
            <!-- textlint-disable-next-line TL1001 Terminology -->
            He reportedly left.
            <!-- textlint-disable TL1002 -->
            Nothing vague here.
            <!-- textlint-enable TL1002 -->
            """;
        Assert.Equal(
        [
            "1: TL0001 '<!-- textlint-disable-next-line -- stale -->'",
            "3: TL0001 'Terminology'",
            "4: TL1001 'reportedly' (suppressed: -)",
            "5: TL0001 'TL1002'",
        ], Run(text));
        var unused = Analyze(text).Where(d => d.Id == "TL0001").Select(d => d.Message);
        Assert.Equal(
        [
            "'textlint-disable-next-line' suppresses no finding here; remove it.",
            "'Terminology' suppresses no finding here; remove it.",
            "'TL1002' suppresses no finding here; remove it.",
        ], unused);
    }

    [Fact]
    public void TheNearestDirective_GetsTheCredit_SoARedundantOuterOneIsUnused()
    {
        string text = """
            <!-- textlint-disable Attribution -->
            <!-- textlint-disable-next-line TL1001 -->
            He reportedly left.
            """;
        Assert.Equal(["1: TL0001 'Attribution'", "3: TL1001 'reportedly' (suppressed: -)"], Run(text));
    }

    [Fact]
    public void UnusedIsHidden_ByDefault()
    {
        var d = Assert.Single(Analyze("<!-- textlint-disable -->\nclean\n", severities: DefaultSeverityProvider.Instance));
        Assert.Equal((BuiltInRules.UnusedSuppressionId, Severity.Hidden), (d.Id, d.Severity));
    }

    [Fact]
    public void ASuppressionForARuleThatIsOff_IsNotCalledUnused()
    {
        var off = new OffFor("TL1001");
        var found = Analyze("<!-- textlint-disable-next-line TL1001 -->\nclean\n", severities: off);
        Assert.Empty(found);
    }

    private sealed class OffFor(string id) : ISeverityProvider
    {
        public Severity GetSeverity(RuleDescriptor rule, string path) =>
            rule.Id == id ? Severity.None : rule.Id == BuiltInRules.UnusedSuppressionId ? Severity.Warning : SeverityResolver.DefaultOf(rule);
    }

    [Fact]
    public void MalformedDirectives_AreReported_AndSuppressNothing()
    {
        string text = """
            <!-- textlint-disable TL1O01 -->
            He reportedly left.
            <!-- textlint-disabel TL1001 -->
            <!-- textlint-enable TL7501 -->
            """;
        var found = Analyze(text);
        Assert.Equal(
        [
            "1: TL0002 'TL1O01'",
            "2: TL1001 'reportedly'",
            "3: TL0002 '<!-- textlint-disabel TL1001 -->'",
            "4: TL0002 'TL7501'",
        ], Render(text, found));
        Assert.Equal(
        [
            "'TL1O01' is not the ID or category of a loaded rule; did you mean 'TL1001'?",
            "Unknown directive 'textlint-disabel'; use textlint-disable, textlint-enable or textlint-disable-next-line.",
            "'TL7501' is not disabled here, so there is nothing to enable.",
        ], found.Where(d => d.Id == "TL0002").Select(d => d.Message));
    }

    [Fact]
    public void OnlyACommentAloneOnItsLine_IsADirective()
    {
        string text = "He reportedly left. <!-- textlint-disable -->\nHe allegedly left.\n";
        Assert.Equal(["1: TL1001 'reportedly'", "2: TL1001 'allegedly'"], Run(text));
    }

    [Fact]
    public void FindingsInsideTheCommentItself_AreNotReported()
    {
        // In plain text the comment is prose to the rules; its reason may quote the flagged word.
        string text = "<!-- textlint-disable-next-line TL1001 -- 'reportedly' is the ministry's -->\nHe reportedly left.\n";
        Assert.Equal(["2: TL1001 'reportedly' (suppressed: 'reportedly' is the ministry's)"], Run(text));
    }

    [Fact]
    public void Markdown_IsTheSame_ButNotInsideCodeBlocks()
    {
        string text = """
            # Title

            <!-- textlint-disable-next-line TL1001 -->
            He reportedly left.

            ```
            <!-- textlint-disable -->
            ```

                <!-- textlint-disable -->

            He allegedly left.
            """;
        Assert.Equal(["4: TL1001 'reportedly' (suppressed: -)", "12: TL1001 'allegedly'"], Run(text, "a.md"));
    }

    [Fact]
    public void NoInlineSuppressions_IgnoresThemAll()
    {
        string text = "<!-- textlint-disable -->\nHe reportedly left.\n<!-- textlint-disable TL9999 -->\n";
        Assert.Equal(["2: TL1001 'reportedly'"], Run(text, inline: false));
    }

    [Fact]
    public void ManyDirectives_EachSuppressTheirOwnLine()
    {
        // 25,000 directives and findings: regions are indexed, not scanned per finding.
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 25_000; i++)
        {
            sb.Append(i % 2 == 0 ? "<!-- textlint-disable-next-line TL1001 -->\n" : "<!-- textlint-disable Attribution -->\n");
            sb.Append("He reportedly left.\n");
            if (i % 2 == 1) sb.Append("<!-- textlint-enable Attribution -->\n");
        }
        var found = Analyze(sb.ToString(), maxFindings: 100_000);
        Assert.Equal(25_000, found.Count);
        Assert.All(found, d => Assert.NotNull(d.Suppression));
    }

    [Fact]
    public void CrLfLines_Work()
    {
        Assert.Equal(["2: TL1001 'reportedly' (suppressed: -)"], Run("<!-- textlint-disable-next-line -->\r\nHe reportedly left.\r\n"));
    }
}
