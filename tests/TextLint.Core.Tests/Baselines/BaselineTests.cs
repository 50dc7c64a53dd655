using System.Collections.Immutable;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Engine.Baselines;
using TextLint.Loading;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Core.Tests.Baselines;

public class BaselineTests
{
    private const string Pack = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly, allegedly]
        """;

    private static readonly LintEngine Engine = new(RuleSet.Compile(RulePackLoader.Load([new PackFile("p.yaml", Pack)]).Rules));

    private static (SourceText Source, ImmutableArray<Diagnostic> Diagnostics) Lint(string text)
    {
        var source = SourceText.From(text, "a.txt");
        return (source, Engine.Analyze(Document.Create(source)).Diagnostics);
    }

    private static Baseline BaselineOf(string text)
    {
        var (source, diagnostics) = Lint(text);
        return new Baseline(Baseline.EntriesFor("a.txt", source, diagnostics));
    }

    /// <summary>"new: reportedly, allegedly; absent: 1"</summary>
    private static string Compare(Baseline baseline, string text)
    {
        var (source, diagnostics) = Lint(text);
        var classified = baseline.Classify("a.txt", source, diagnostics, out int absent);
        Assert.All(classified, d => Assert.NotEqual(BaselineState.None, d.BaselineState));
        return $"new: {string.Join(", ", classified.Where(d => d.BaselineState == BaselineState.New).Select(d => source.ToString(d.Span)))}; absent: {absent}";
    }

    private const string Article = "Title\n\nHe reportedly left.\nShe allegedly stayed.\n";

    [Fact]
    public void SameText_HasNoNewFindings()
    {
        Assert.Equal("new: ; absent: 0", Compare(BaselineOf(Article), Article));
    }

    [Fact]
    public void LinesInsertedAbove_DoNotMakeAFindingNew()
    {
        Assert.Equal("new: ; absent: 0", Compare(BaselineOf(Article), "New intro.\n\nMore text.\n" + Article));
    }

    [Fact]
    public void WhitespaceChanges_DoNotMakeAFindingNew()
    {
        Assert.Equal("new: ; absent: 0", Compare(BaselineOf(Article), "Title\n\n  He   reportedly\tleft.  \r\nShe allegedly stayed.\r\n"));
    }

    [Fact]
    public void FixingOne_AndAddingAnother_ShowsOneNewFinding()
    {
        string edited = "Title\n\nHe left.\nShe allegedly stayed.\nThey reportedly agreed.\n";
        Assert.Equal("new: reportedly; absent: 1", Compare(BaselineOf(Article), edited));
    }

    [Fact]
    public void Duplicates_AreCounted()
    {
        string two = "He reportedly left.\nHe reportedly left.\n";
        var baseline = BaselineOf(two);
        Assert.Equal(2, Assert.Single(baseline.Entries).Count);
        Assert.Equal("new: ; absent: 0", Compare(baseline, two));
        Assert.Equal("new: reportedly; absent: 0", Compare(baseline, two + "He reportedly left.\n"));
        Assert.Equal("new: ; absent: 1", Compare(baseline, "He reportedly left.\n"));
    }

    [Fact]
    public void AnEditToTheFindingsOwnLine_MakesItNew()
    {
        Assert.Equal("new: reportedly; absent: 1", Compare(BaselineOf(Article), Article.Replace("He reportedly left.", "He reportedly left town.")));
    }

    [Fact]
    public void OtherFiles_AreNotMatched()
    {
        var (source, diagnostics) = Lint(Article);
        var classified = BaselineOf(Article).Classify("b.txt", source, diagnostics, out int absent);
        Assert.All(classified, d => Assert.Equal(BaselineState.New, d.BaselineState));
        Assert.Equal(0, absent);
    }

    [Fact]
    public void File_IsSortedStableJson_ThatRoundTrips()
    {
        var entries = new[]
        {
            new BaselineEntry("b.txt", "TL1001", "00000000000000ff", "reportedly", 1),
            new BaselineEntry("a.txt", "TL7501", "0000000000000001", "Kiev", 2),
            new BaselineEntry("a.txt", "TL1001", "0000000000000002", "allegedly \"so\"", 1),
        };
        byte[] once = BaselineSerializer.Write(entries);
        byte[] again = BaselineSerializer.Write(entries.Reverse());
        Assert.Equal(once, again);
        Assert.Equal("""
            {
              "version": 1,
              "findings": [
                {
                  "file": "a.txt",
                  "rule": "TL1001",
                  "text": "allegedly \"so\"",
                  "fingerprint": "0000000000000002",
                  "count": 1
                },
                {
                  "file": "a.txt",
                  "rule": "TL7501",
                  "text": "Kiev",
                  "fingerprint": "0000000000000001",
                  "count": 2
                },
                {
                  "file": "b.txt",
                  "rule": "TL1001",
                  "text": "reportedly",
                  "fingerprint": "00000000000000ff",
                  "count": 1
                }
              ]
            }

            """.ReplaceLineEndings("\n"), Encoding.UTF8.GetString(once));
        var errors = new List<ConfigurationDiagnostic>();
        Assert.Equal(Baseline.Sort(entries).AsEnumerable(), BaselineSerializer.Read("b.json", once, errors).AsEnumerable());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("{\"version\": 1, \"findings\": [", "b.json(1,29): error TL9050: The baseline is not valid JSON:")]
    [InlineData("{\"version\": 2, \"findings\": []}", "b.json(1,13): error TL9050: Unsupported baseline version")]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    {\"file\": \"a.txt\", \"rule\": 7}\n  ]\n}", "b.json(4,31): error TL9050: 'rule' must be a string.")]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    {\"file\": \"a.txt\"}\n  ]\n}", "b.json(4,5): error TL9050: A finding needs 'file', 'rule', 'fingerprint' and 'count'.")]
    [InlineData("{\"version\": 1, \"findings\": [], \"extra\": 1}", "b.json(1,32): error TL9050: Unknown property 'extra' in the baseline.")]
    [InlineData("[]", "b.json(1,1): error TL9050: The baseline must be a JSON object.")]
    public void BadFiles_AreErrors_WithLineAndColumn(string json, string expected)
    {
        var errors = new List<ConfigurationDiagnostic>();
        Assert.Empty(BaselineSerializer.Read("b.json", Encoding.UTF8.GetBytes(json), errors));
        Assert.StartsWith(expected, Assert.Single(errors).ToString());
    }

    [Fact]
    public void ABom_IsAccepted()
    {
        var errors = new List<ConfigurationDiagnostic>();
        byte[] json = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"version\": 1, \"findings\": []}")];
        BaselineSerializer.Read("b.json", json, errors);
        Assert.Empty(errors);
    }
}
