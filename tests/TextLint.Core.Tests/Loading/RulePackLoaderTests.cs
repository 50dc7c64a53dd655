using TextLint.Diagnostics;
using TextLint.Loading;
using TextLint.Yaml;

namespace TextLint.Core.Tests.Loading;

public class RulePackLoaderTests
{
    private const string Valid = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly]
        """;

    private static PackLoadResult Load(params string[] texts) =>
        RulePackLoader.Load(texts.Select((t, i) => new PackFile($"pack{i}.yaml", t)));

    private static ConfigurationDiagnostic SingleError(string yaml)
    {
        var result = Load(yaml);
        Assert.False(result.Success);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void ValidRule_Loads_WithDefaults()
    {
        var result = Load(Valid);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var d = Assert.Single(result.Rules).Descriptor;
        Assert.Equal("TL1001", d.Id);
        Assert.Equal(Severity.Warning, d.DefaultSeverity);
        Assert.True(d.IsEnabledByDefault);
        Assert.Equal(RulePackLoader.HelpUriBase + "TL1001.md", d.HelpUri);
        Assert.Equal("VagueAttribution", d.Name);
        Assert.Equal(new SourcePosition(1, 1), d.SourcePosition);
    }

    [Fact]
    public void APackWithoutAHelpSite_GivesNoMadeUpHelpUri_ButKeepsTheRulesOwn()
    {
        var none = RulePackLoader.Load([new PackFile("house.yaml", Valid) { HelpUriBase = null }]);
        Assert.Null(Assert.Single(none.Rules).Descriptor.HelpUri);
        var own = RulePackLoader.Load([new PackFile("house.yaml", Valid + "\nhelpUri: https://example.org/TL1001") { HelpUriBase = null }]);
        Assert.Equal("https://example.org/TL1001", Assert.Single(own.Rules).Descriptor.HelpUri);
        var site = RulePackLoader.Load([new PackFile("house.yaml", Valid) { HelpUriBase = "https://example.org/docs/" }]);
        Assert.Equal("https://example.org/docs/TL1001.md", Assert.Single(site.Rules).Descriptor.HelpUri);
    }

    /// <summary>
    /// Files are parsed side by side, but their errors (syntax and rule errors alike) and their rules come
    /// file by file, in the order the files were given, and a duplicate ID is reported in the later file.
    /// </summary>
    [Fact]
    public void ManyFiles_GiveErrorsAndRules_FileByFile_InTheOrderGiven()
    {
        var texts = new List<string>();
        for (int i = 0; i < 40; i++)
            texts.Add((i % 4) switch
            {
                0 => Valid.Replace("TL1001", $"TL{2000 + i}"),                       // a rule
                1 => "id: [unclosed\n",                                              // a syntax error
                2 => Valid.Replace("TL1001", $"TL{2000 + i}").Replace("kind: existence", "kind: nosuchkind"), // a rule error
                _ => Valid.Replace("TL1001", "TL2000"),                              // a duplicate of the first rule
            });
        var result = Load([.. texts]);
        var expected = Enumerable.Range(0, 40).Where(i => i % 4 != 0).Select(i => $"pack{i}.yaml").ToList();
        Assert.Equal(expected, result.Errors.Select(e => e.Path).ToList());
        Assert.Contains("Duplicate rule id 'TL2000'", result.Errors[2].Message);
        var rules = RulePackLoader.Load(texts.Where((_, i) => i % 4 == 0).Select((t, i) => new PackFile($"pack{i}.yaml", t)));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"TL{2000 + 4 * i}"), rules.Rules.Select(r => r.Descriptor.Id));
    }

    [Fact]
    public void SeveralDocuments_InOneFile_AreSeveralRules()
    {
        var result = Load(Valid + "\n---\n" + Valid.Replace("TL1001", "TL1002"));
        Assert.Equal(2, result.Rules.Length);
    }

    [Fact]
    public void YamlSyntaxError_IsReportedWithLineAndColumn()
    {
        var e = SingleError("id: TL1001\ntitle: [unclosed\nmessage: x\n");
        Assert.Equal("pack0.yaml", e.Path);
        Assert.True(e.Line >= 2, e.ToString());
        Assert.Contains("YAML syntax error", e.Message);
    }

    [Fact]
    public void UnknownKey_IsReportedAtTheKey()
    {
        var e = SingleError(Valid + "\ntokenz: [x]");
        Assert.Equal((7, 1), (e.Line, e.Column));
        Assert.Contains("Unknown key 'tokenz'", e.Message);
    }

    [Fact]
    public void MissingId_IsReported()
    {
        var e = SingleError(Valid.Replace("id: TL1001\n", ""));
        Assert.Contains("Missing required key 'id'", e.Message);
    }

    [Fact]
    public void DuplicateId_NamesTheFirstDefinition()
    {
        var result = Load(Valid, Valid);
        var e = Assert.Single(result.Errors);
        Assert.Equal("pack1.yaml", e.Path);
        Assert.Equal((1, 5), (e.Line, e.Column));
        Assert.Contains("already defined at pack0.yaml(1,1)", e.Message);
    }

    [Fact]
    public void BadIdShape_IsReported()
    {
        Assert.Contains("two or more capital letters", SingleError(Valid.Replace("TL1001", "tl1")).Message);
    }

    [Fact]
    public void UnknownKind_ListsTheKnownKinds()
    {
        var e = SingleError(Valid.Replace("kind: existence", "kind: telepathy").Replace("tokens: [reportedly]", ""));
        Assert.Equal((5, 7), (e.Line, e.Column));
        Assert.Contains("Unknown rule kind 'telepathy'", e.Message);
        Assert.Contains("existence", e.Message);
    }

    [Fact]
    public void InvalidRegex_IsReportedAtThePattern()
    {
        var e = SingleError(Valid.Replace("tokens: [reportedly]", "regex: ['(unclosed']"));
        Assert.Equal(6, e.Line);
        Assert.Contains("Invalid regular expression", e.Message);
    }

    [Fact]
    public void UnknownPlaceholder_IsReported()
    {
        var e = SingleError(Valid.Replace("'{match}' names no source.", "'{replacement}' names no source."));
        Assert.Contains("Unknown placeholder '{replacement}'", e.Message);
    }

    [Fact]
    public void BadSeverity_IsReported()
    {
        var e = SingleError(Valid + "\nseverity: fatal");
        Assert.Contains("Severity 'fatal'", e.Message);
    }

    [Fact]
    public void AllErrors_OfAllFiles_AreReportedAtOnce()
    {
        var result = Load(Valid + "\nbogus: 1", "id: [", Valid.Replace("TL1001", "TL1003").Replace("kind: existence", "kind: nope"));
        Assert.Equal(3, result.Errors.Length);
        Assert.Equal(["pack0.yaml", "pack1.yaml", "pack2.yaml"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void AliasBomb_IsBounded()
    {
        var yaml = new System.Text.StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (int i = 0; i < 9; i++)
            yaml.Append($"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i), 10))}]\n");
        var e = SingleError(yaml.ToString());
        Assert.Contains("alias bomb", e.Message);
    }

    [Fact]
    public void NonMappingDocument_IsReported()
    {
        var e = SingleError("- just\n- a list\n");
        Assert.Contains("must be a mapping", e.Message);
    }

    [Fact]
    public void BadExample_WithoutMarkup_IsReported()
    {
        var e = SingleError(Valid + "\nexamples:\n  - bad: no markers here");
        Assert.Contains("[|...|]", e.Message);
        Assert.Equal(8, e.Line);
    }

    [Fact]
    public void PreviewRule_IsOffUnlessPreviewIsEnabled_AndSaysSo()
    {
        string yaml = Valid + "\npreview: true";
        var off = Assert.Single(RulePackLoader.Load([new PackFile("p.yaml", yaml)]).Rules).Descriptor;
        Assert.True(off.IsPreview);
        Assert.False(off.IsEnabledByDefault);
        var on = Assert.Single(RulePackLoader.Load([new PackFile("p.yaml", yaml)], preview: true).Rules).Descriptor;
        Assert.True(on.IsPreview);
        Assert.True(on.IsEnabledByDefault);
    }

    [Fact]
    public void PreviewMode_DoesNotEnableARuleThatIsDisabled_NorMarkOrdinaryRules()
    {
        var disabled = Assert.Single(RulePackLoader.Load([new PackFile("p.yaml", Valid + "\npreview: true\nenabled: false")], preview: true).Rules).Descriptor;
        Assert.False(disabled.IsEnabledByDefault);
        var plain = Assert.Single(RulePackLoader.Load([new PackFile("p.yaml", Valid)], preview: true).Rules).Descriptor;
        Assert.False(plain.IsPreview);
        Assert.True(plain.IsEnabledByDefault);
    }

    [Fact]
    public void PreviewMustBeABoolean() =>
        Assert.Contains("'preview' must be true or false", SingleError(Valid + "\npreview: maybe").Message);
}
