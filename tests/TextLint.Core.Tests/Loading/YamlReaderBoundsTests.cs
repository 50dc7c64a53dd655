using System.Text;
using TextLint.Diagnostics;
using TextLint.Loading;
using TextLint.Yaml;

namespace TextLint.Core.Tests.Loading;

/// <summary>Rule packs are written by editors and may come from anywhere: the reader must stay bounded and precise.</summary>
public class YamlReaderBoundsTests
{
    private const string Valid = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly]
        """;

    private static ConfigurationDiagnostic SingleError(string yaml)
    {
        var result = RulePackLoader.Load([new PackFile("pack.yaml", yaml)]);
        Assert.False(result.Success);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void DeeplyNestedFlowCollections_AreAnError_NotAStackOverflow()
    {
        // 200,000 levels would overflow the stack of a recursive reader and slow YamlDotNet's scanner quadratically.
        var e = SingleError("id: XX0001\ntitle: " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        Assert.Equal("TL9001", e.Code);
        Assert.Equal((2, 8 + YamlReader.MaxDepth - 1), (e.Line, e.Column));
        Assert.Contains($"nests deeper than {YamlReader.MaxDepth} levels", e.Message);
    }

    [Fact]
    public void DeeplyNestedBlockMappings_AreAnError()
    {
        var yaml = new StringBuilder("a:\n");
        for (int i = 1; i < 200; i++) yaml.Append(' ', 2 * i).Append("b:\n");
        var e = SingleError(yaml.ToString());
        Assert.Contains("nests deeper than", e.Message);
        Assert.Equal(YamlReader.MaxDepth + 1, e.Line);
    }

    [Fact]
    public void NestingUpToTheLimit_Loads()
    {
        string nested = new string('[', YamlReader.MaxDepth - 1) + "x" + new string(']', YamlReader.MaxDepth - 1);
        var docs = YamlReader.Read("p.yaml", "a: " + nested, new List<ConfigurationDiagnostic>());
        Assert.Single(docs);
    }

    [Theory]
    [InlineData("id: XX0001\ntitle: t\nswap:\n  ok: fine\n\tbad: tab\n", 5, 1)] // YamlDotNet points at "fine"
    [InlineData("id: XX0001\ntitle: t\nswap:\n\tfoo: bar\n", 4, 1)]             // YamlDotNet gives no position
    public void TabIndentation_IsReportedAtTheTab(string yaml, int line, int column)
    {
        var e = SingleError(yaml);
        Assert.Equal("TL9001", e.Code);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains("tab", e.Message);
    }

    [Fact]
    public void AliasBomb_ReportsWhereItExplodes()
    {
        var yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (int i = 0; i < 9; i++)
            yaml.Append($"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i), 10))}]\n");
        var e = SingleError(yaml.ToString());
        Assert.True(e.Line > 1 && e.Column > 1, $"position {e.Line},{e.Column}");
    }

    [Fact]
    public void HugePackText_IsRefused_BeforeParsing()
    {
        string huge = Valid + "\ndescription: " + new string('x', RulePackLoader.MaxFileLength);
        var e = SingleError(huge);
        Assert.Equal(("TL9003", 1, 1), (e.Code, e.Line, e.Column));
        Assert.Contains("over the", e.Message);
    }

    [Theory]
    [InlineData("!!python/object/apply:os.system [\"echo pwned\"]")]
    [InlineData("!<tag:yaml.org,2002:System.Diagnostics.Process> calc")]
    [InlineData("!!binary aGVsbG8=")]
    public void Tags_AreIgnored_TheValueStaysPlainData(string taggedTitle)
    {
        // Nothing maps a tag to a type: the loader builds strings, lists and mappings only.
        var result = RulePackLoader.Load([new PackFile("p.yaml", Valid.Replace("title: Vague attribution", "title: " + taggedTitle))]);
        if (taggedTitle.Contains('['))
        {
            // A tagged sequence is still just a sequence, and a title must be a string.
            Assert.False(result.Success);
            Assert.Contains(result.Errors, e => e.Code == "TL9002" && e.Line == 2);
            return;
        }
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(taggedTitle[(taggedTitle.IndexOf(' ') + 1)..], Assert.Single(result.Rules).Descriptor.Title);
    }
}
