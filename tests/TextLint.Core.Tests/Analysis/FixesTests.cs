using System.Collections.Immutable;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Configuration;
using TextLint.Core.Tests.Rules;
using TextLint.Diagnostics;
using TextLint.Loading;
using TextLint.Text;
using TextLint.Yaml;

namespace TextLint.Core.Tests.Analysis;

/// <summary>The mechanical fixes: what a deletion takes with it, the fix loop, speech, suppressions and configured safety.</summary>
public class FixesTests
{
    private const string Residue = """
        id: XB5001
        title: Residue
        message: "'{match}' is residue."
        category: Boilerplate
        kind: boilerplate
        fix: safe
        lines: [Post a Comment, Close Menu, Ad Code]
        """;

    private const string Doubled = """
        id: XT8002
        title: Doubled word
        message: "'{match}' repeats a word."
        category: Typography
        kind: repetition
        unit: word
        speech: include
        fix: safe
        """;

    private static string FixAll(string yaml, string text, int maxPasses = FixLoop.MaxPasses)
    {
        var engine = KindTestHelper.Engine(yaml);
        IReadOnlyList<Diagnostic> Lint(string t) => engine.Analyze(Document.Create(SourceText.From(t, "a.txt"))).Diagnostics;
        var loop = FixLoop.Run(text, Lint(text), Lint, d => d.Fix, maxPasses);
        // Whatever the passes did, the composed edits against the original give the same text.
        Assert.Equal(loop.Text, FixApplier.Apply(text, loop.Edits.Select(e => new CodeFix("", [e], FixSafety.Safe)), FixSafety.Safe).Text);
        return loop.Text;
    }

    [Theory]
    // Between paragraphs: the line and one of the blank lines around it, so one gap stays.
    [InlineData("A.\n\nPost a Comment\n\nB.\n", "A.\n\nB.\n")]
    // Between lines of one block: the line only; never two paragraphs joined.
    [InlineData("A.\nPost a Comment\nB.\n", "A.\nB.\n")]
    [InlineData("A.\n\nPost a Comment\nB.\n", "A.\n\nB.\n")]
    [InlineData("A.\nPost a Comment\n\nB.\n", "A.\n\nB.\n")]
    // At the top and at the bottom: no blank line left at either end; the last line break kept or not as it was.
    [InlineData("Ad Code\n\nA.\n", "A.\n")]
    [InlineData("A.\n\nClose Menu\n", "A.\n")]
    [InlineData("A.\n\nClose Menu", "A.")]
    // Several in a row, the last one at the end of the file: passes until stable.
    [InlineData("A.\n\nPost a Comment\n\nClose Menu\n\nAd Code", "A.")]
    [InlineData("Ad Code\n\nPost a Comment\n\nA.\n\nB.\n", "A.\n\nB.\n")]
    // CR LF kept; a whole file of residue becomes empty.
    [InlineData("A.\r\n\r\nPost a Comment\r\n\r\nB.\r\n", "A.\r\n\r\nB.\r\n")]
    [InlineData("Post a Comment\n", "")]
    public void DeletingALine_LeavesTheShapeOfTheText(string text, string expected) => Assert.Equal(expected, FixAll(Residue, text));

    [Fact]
    public void DeletingAMarkdownListItem_TakesItsBullet()
    {
        var engine = KindTestHelper.Engine(Residue);
        const string text = "# Talks\n\nA.\n\n- Post a Comment\n\nB.\n";
        var d = Assert.Single(engine.Analyze(Document.Create(SourceText.From(text, "a.md"))).Diagnostics);
        Assert.Equal("# Talks\n\nA.\n\nB.\n", FixApplier.Apply(text, [d.Fix!], FixSafety.Safe).Text);
    }

    [Fact]
    public void DeletingASentence_TakesTheSpaceBeforeIt()
    {
        string rule = Residue.Replace("kind: boilerplate", "kind: boilerplate\nscope: sentence").Replace("[Post a Comment, Close Menu, Ad Code]", "['Screenshot: KCNA website']");
        Assert.Equal("Kim inspected a hospital.\n\nNext.\n", FixAll(rule, "Kim inspected a hospital. Screenshot: KCNA website\n\nNext.\n"));
    }

    [Theory]
    [InlineData("at the the border", "at the border")]
    [InlineData("They want to\nto meet.", "They want to meet.")]
    [InlineData("It is the the the end.", "It is the end.")]
    public void DoubledWord_KeepsTheFirst(string text, string expected) => Assert.Equal(expected, FixAll(Doubled, text));

    [Fact]
    public void NoFix_EditsDirectSpeech_UnlessTheRuleOptsIn()
    {
        const string text = "“We will go to to the border,” he said. They went to to the border.";
        var found = KindTestHelper.Verify(Doubled, "“We will go [|to to|] the border,” he said. They went [|to to|] the border.");
        Assert.Null(found[0].Fix); // inside the speaker's words: reported, not rewritten
        Assert.NotNull(found[1].Fix);
        Assert.Equal("“We will go to to the border,” he said. They went to the border.", FixAll(Doubled, text));
        Assert.Equal("“We will go to the border,” he said. They went to the border.", FixAll(Doubled + "\nfixInSpeech: true", text));
    }

    [Fact]
    public void DeletingAWholeUnit_WithAQuotationInIt_IsNotAnEditOfSpeech()
    {
        const string repeated = """
            id: XS6001
            title: Repeated paragraph
            message: "Repeats line {line}."
            category: Structure
            kind: repetition
            unit: paragraph
            speech: include
            fix: safe
            """;
        const string text = "“We will win,” the minister said on Monday.\n\n“We will win,” the minister said on Monday.\n\nEnd.\n";
        Assert.Equal("“We will win,” the minister said on Monday.\n\nEnd.\n", FixAll(repeated, text));
    }

    [Fact]
    public void AFixTouchingASuppression_IsNotOffered()
    {
        // Inside a region where another rule is disabled the residue is reported, but its line is left alone;
        // outside it the same residue is deleted, up to (not into) the directive comment's line.
        string pack = Residue + "\n---\nid: XA1\ntitle: t\nmessage: m\ncategory: Attribution\nkind: existence\ntokens: [reportedly]\n";
        const string text = "<!-- textlint-disable XA1 -->\nA.\n\nPost a Comment\n\nB.\n<!-- textlint-enable XA1 -->\n\nClose Menu\n\n<!-- textlint-disable-next-line -->\nC, reportedly.\n";
        var found = KindTestHelper.Engine(pack).Analyze(Document.Create(SourceText.From(text, "a.txt"))).Diagnostics;
        var inside = Assert.Single(found, d => d.Span.Start == text.IndexOf("Post", StringComparison.Ordinal));
        Assert.Null(inside.Suppression);
        Assert.Null(inside.Fix);
        var outside = Assert.Single(found, d => d.Span.Start == text.IndexOf("Close", StringComparison.Ordinal));
        Assert.NotNull(outside.Fix);
        Assert.Equal("<!-- textlint-disable-next-line -->", text.Substring(outside.Fix!.Span.End, 35));
        Assert.Equal(text.Replace("Close Menu\n\n", ""), FixAll(pack, text));
    }

    [Fact]
    public void BrokenWord_IsJoined()
    {
        const string rule = """
            id: XT8001
            title: Broken word
            message: "'{match}' is '{joined}'."
            category: Typography
            kind: brokenword
            fix: safe
            """;
        Assert.Equal("This dynamic risks it.", FixAll(rule, "This dyna – mic risks it."));
    }

    [Fact]
    public void ScareQuotes_LoseTheirMarks_AsAnUnsafeFix()
    {
        const string rule = """
            id: XQ2002
            title: Scare quotes
            message: "'{text}' is scare-quoted."
            category: ScareQuotes
            kind: quotation
            terms: [liberate]
            fix: unsafe
            """;
        var d = Assert.Single(KindTestHelper.Verify(rule, "the operation to [|‘liberate’|] the region"));
        Assert.Equal(FixSafety.Unsafe, d.Fix!.Safety);
        Assert.Equal("the operation to liberate the region", FixAll(rule, "the operation to ‘liberate’ the region"));
    }

    [Fact]
    public void Existence_ReplacementAndSwap_AreUnsafeFixes_UnlessTheRuleSaysSafe()
    {
        const string swap = """
            id: XE3001
            title: Regime
            message: "'{match}' is loaded."
            category: EmotiveLanguage
            kind: existence
            swap: {Kiev regime: Kyiv government, Kyiv regime: Kyiv government}
            tokens: [junta]
            """;
        var found = KindTestHelper.Verify(swap, "The [|Kiev regime|] and the [|KYIV REGIME|] met the [|junta|].");
        Assert.Equal(FixSafety.Unsafe, found[0].Fix!.Safety);
        Assert.Equal("Kyiv government", found[0].Fix!.Edits[0].NewText);
        Assert.Equal("KYIV GOVERNMENT", found[1].Fix!.Edits[0].NewText);
        Assert.Null(found[2].Fix); // a token without a replacement offers none

        const string stacked = """
            id: XE8003
            title: Stacked
            message: "'{match}' stacks."
            category: Typography
            kind: existence
            regex: ['([!?])[!?]+|(,),+']
            replacement: '$1$2'
            fix: safe
            """;
        Assert.Equal("Win! Why? Troops, tanks.", FixAll(stacked, "Win!!! Why?! Troops,, tanks."));
    }

    [Fact]
    public void Existence_RegexReplacement_SeesTheTextAroundTheMatch_AsTheScanDid()
    {
        // The match is only the mark and the next word; the lookbehind reads the word before it. The fix must
        // be worked out with that context, or it would find no match in the span alone and offer nothing.
        const string fused = """
            id: XT8004
            title: Fused
            message: "'{match}' runs on."
            category: Typography
            kind: existence
            ignorecase: false
            regex: ['([.!?])(?<=\p{Ll}{2}[.!?])(\p{Lu}\p{Ll}+)(?!\p{L})']
            replacement: '$1 $2'
            fix: safe
            """;
        var found = KindTestHelper.Verify(fused, "It ended[|.Then|] it began, as U.S.Army said.");
        Assert.Equal(". Then", found[0].Fix!.Edits[0].NewText);
        Assert.Equal("It ended. Then it began.", FixAll(fused, "It ended.Then it began."));
    }

    [Fact]
    public void Existence_FixWithoutAReplacement_IsALoadError()
    {
        var result = RulePackLoader.Load([new PackFile("p.yaml", "id: XE1\ntitle: t\nmessage: m\ncategory: C\nkind: existence\ntokens: [x]\nfix: safe\n")]);
        Assert.Contains(result.Errors, e => e.Message.Contains("needs 'replacement', 'replacements' or 'swap'", StringComparison.Ordinal));
        var other = RulePackLoader.Load([new PackFile("p.yaml", "id: XE1\ntitle: t\nmessage: m\ncategory: C\nkind: attribution\nmarkers: [x]\nfix: safe\n")]);
        Assert.Contains(other.Errors, e => e.Message.Contains("offer no fixes", StringComparison.Ordinal));
    }

    [Fact]
    public void ExtendSafeAndUnsafeFixes_ChangeTheSafety_IdBeatsCategory()
    {
        var pack = RulePackLoader.Load([new PackFile("p.yaml", Residue + "\n---\n" + Residue.Replace("XB5001", "XB5002").Replace("fix: safe", "fix: unsafe") + "\n---\n"
            + "id: XA1\ntitle: t\nmessage: m\ncategory: Attribution\nkind: existence\ntokens: [x]\n")]);
        Assert.True(pack.Success, string.Join("\n", pack.Errors));
        var config = new ProjectConfig
        {
            Path = "textlint.yaml",
            Directory = "/",
            ExtendUnsafeFixes = [new PositionedValue("Boilerplate", default)],
            ExtendSafeFixes = [new PositionedValue("XB5002", default), new PositionedValue("Attribution", default)],
        };
        var errors = new List<ConfigurationDiagnostic>();
        FixSafetyOverrides.Apply(config, pack.Rules, errors);
        Assert.Empty(errors);
        Assert.Equal(FixSafety.Unsafe, pack.Rules[0].Descriptor.FixSafety); // its category is demoted
        Assert.Equal(FixSafety.Safe, pack.Rules[1].Descriptor.FixSafety);   // its own ID promotes it
        Assert.Equal(FixSafety.None, pack.Rules[2].Descriptor.FixSafety);   // no fix to promote
        var engine = new LintEngine(RuleSet.Compile(pack.Rules));
        var d = Assert.Single(engine.Analyze(Document.Create(SourceText.From("A.\n\nPost a Comment\n"))).Diagnostics, x => x.Id == "XB5001");
        Assert.Equal(FixSafety.Unsafe, d.Fix!.Safety);

        FixSafetyOverrides.Apply(config with { ExtendSafeFixes = [new PositionedValue("Boilerplat", new SourcePosition(3, 5))] }, pack.Rules, errors);
        var error = Assert.Single(errors);
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Contains("did you mean 'Boilerplate'", error.Message);
    }

    [Fact]
    public void Loop_StopsAfterMaxPasses_WhenFixesKeepChangingTheText()
    {
        // A fix that creates another finding of its own: "aa" -> "a" leaves "a a"... a rule that never settles.
        const string grow = """
            id: XG1
            title: Grow
            message: "'{match}'"
            category: Typography
            kind: existence
            regex: ['x+']
            replacement: '$0x'
            fix: safe
            """;
        var engine = KindTestHelper.Engine(grow);
        IReadOnlyList<Diagnostic> Lint(string t) => engine.Analyze(Document.Create(SourceText.From(t))).Diagnostics;
        var loop = FixLoop.Run("x", Lint("x"), Lint, d => d.Fix);
        Assert.False(loop.Converged);
        Assert.Equal(FixLoop.MaxPasses, loop.Passes);
        Assert.Equal(new string('x', 1 + FixLoop.MaxPasses), loop.Text);
        Assert.Equal(FixLoop.MaxPasses, loop.Applied.Length);
    }

    [Fact]
    public void Compose_EqualsApplyingThePassesInTurn()
    {
        var random = new Random(1234);
        for (int round = 0; round < 2000; round++)
        {
            string a = RandomText(random, random.Next(0, 30));
            var first = RandomEdits(random, a);
            string b = ApplyEdits(a, first);
            var second = RandomEdits(random, b);
            string c = ApplyEdits(b, second);
            var composed = FixLoop.Compose(first, second, b);
            Assert.Equal(c, ApplyEdits(a, composed));
            for (int i = 1; i < composed.Length; i++) Assert.True(composed[i - 1].Span.End <= composed[i].Span.Start);
        }
    }

    private static string RandomText(Random r, int n) => new(Enumerable.Range(0, n).Select(_ => "ab\n "[r.Next(4)]).ToArray());

    private static List<TextEdit> RandomEdits(Random r, string text)
    {
        var edits = new List<TextEdit>();
        int pos = 0;
        while (pos <= text.Length && r.Next(3) > 0)
        {
            int start = pos + r.Next(0, Math.Max(1, text.Length - pos + 1));
            if (start > text.Length) break;
            int end = start + r.Next(0, Math.Min(4, text.Length - start) + 1);
            if (edits.Count > 0 && edits[^1].Span.IsEmpty && start == edits[^1].Span.Start && end == start) break;
            edits.Add(new TextEdit(TextSpan.FromBounds(start, end), RandomText(r, r.Next(0, 3))));
            pos = end + (end == start ? 1 : 0);
        }
        return edits;
    }

    private static string ApplyEdits(string text, IReadOnlyList<TextEdit> edits)
    {
        var sb = new System.Text.StringBuilder();
        int pos = 0;
        foreach (var e in edits)
        {
            sb.Append(text, pos, e.Span.Start - pos).Append(e.NewText);
            pos = e.Span.End;
        }
        return sb.Append(text, pos, text.Length - pos).ToString();
    }
}
