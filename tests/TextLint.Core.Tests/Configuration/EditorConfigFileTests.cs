using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Core.Tests.Configuration;

public class EditorConfigFileTests
{
    internal static RuleDescriptor Rule(string id, string category = "Attribution", Severity severity = Severity.Warning, bool enabled = true) => new()
    {
        Id = id,
        Title = id,
        MessageFormat = "m",
        Category = category,
        DefaultSeverity = severity,
        IsEnabledByDefault = enabled,
        Kind = "existence",
    };

    private static EditorConfigFile Parse(string text, string directory = "/p", List<ConfigurationDiagnostic>? problems = null) =>
        EditorConfigFile.Parse(directory + "/.editorconfig", directory, text, problems ?? new());

    private static Severity Effective(RuleDescriptor rule, string path, params EditorConfigFile[] nearestFirst) =>
        SeverityResolver.Resolve(rule, EditorConfigFile.Resolve(nearestFirst, path, SeverityOptions.Empty), SeverityOptions.Empty, warnAsError: false);

    [Fact]
    public void Keys_AreRoslynsWithOurPrefix_CaseInsensitive()
    {
        Assert.True(EditorConfigFile.TryParseKey("textlint_diagnostic.TL1001.severity", out var s1, out var n1));
        Assert.Equal((SeverityScope.Rule, "TL1001"), (s1, n1));
        Assert.True(EditorConfigFile.TryParseKey("TEXTLINT_ANALYZER_DIAGNOSTIC.category-Attribution.SEVERITY", out var s2, out var n2));
        Assert.Equal((SeverityScope.Category, "Attribution"), (s2, n2));
        Assert.True(EditorConfigFile.TryParseKey("textlint_analyzer_diagnostic.severity", out var s3, out _));
        Assert.Equal(SeverityScope.All, s3);
        Assert.False(EditorConfigFile.TryParseKey("textlint_diagnostic.TL1001.sevrity", out _, out _));
        Assert.False(EditorConfigFile.TryParseKey("textlint_diagnostic..severity", out _, out _));
        Assert.False(EditorConfigFile.TryParseKey("dotnet_diagnostic.CA1000.severity", out _, out _));
    }

    [Theory]
    [InlineData("error", Severity.Error)]
    [InlineData("warning", Severity.Warning)]
    [InlineData("suggestion", Severity.Info)]
    [InlineData("silent", Severity.Hidden)]
    [InlineData("none", Severity.None)]
    [InlineData("default", Severity.Info)]
    [InlineData("ERROR", Severity.Error)]
    public void Values_MapToSeverities(string value, Severity expected)
    {
        var file = Parse($"[*]\ntextlint_diagnostic.TL1001.severity = {value}\n");
        Assert.Equal(expected, Effective(Rule("TL1001", severity: Severity.Info), "/p/a.txt", file));
    }

    [Fact]
    public void RuleId_BeatsCategory_BeatsAllRules_WhateverTheOrder()
    {
        var file = Parse("""
            [*]
            textlint_diagnostic.TL1001.severity = suggestion
            textlint_analyzer_diagnostic.category-Attribution.severity = error
            textlint_analyzer_diagnostic.severity = none
            """);
        Assert.Equal(Severity.Info, Effective(Rule("TL1001"), "/p/a.txt", file));
        Assert.Equal(Severity.Error, Effective(Rule("TL1002"), "/p/a.txt", file));
        Assert.Equal(Severity.None, Effective(Rule("TL7501", "Terminology"), "/p/a.txt", file));
    }

    [Fact]
    public void CategoryAndAllRules_DoNotTurnOnARuleThatIsOffByDefault_ButItsIdDoes()
    {
        var off = Rule("TL1005", enabled: false);
        var broad = Parse("[*]\ntextlint_analyzer_diagnostic.severity = error\ntextlint_analyzer_diagnostic.category-Attribution.severity = error\n");
        Assert.Equal(Severity.None, Effective(off, "/p/a.txt", broad));
        var byId = Parse("[*]\ntextlint_diagnostic.TL1005.severity = suggestion\n");
        Assert.Equal(Severity.Info, Effective(off, "/p/a.txt", byId));
        var byIdDefault = Parse("[*]\ntextlint_diagnostic.TL1005.severity = default\n");
        Assert.Equal(Severity.None, Effective(off, "/p/a.txt", byIdDefault));
    }

    [Fact]
    public void LaterEntry_BeatsEarlier_InASectionAndAcrossSections()
    {
        var file = Parse("""
            [*]
            textlint_diagnostic.TL1001.severity = error
            textlint_diagnostic.TL1001.severity = suggestion
            [*.md]
            textlint_diagnostic.TL1001.severity = none
            [*.txt]
            textlint_diagnostic.TL1001.severity = warning
            """);
        Assert.Equal(Severity.None, Effective(Rule("TL1001"), "/p/a.md", file));
        Assert.Equal(Severity.Warning, Effective(Rule("TL1001"), "/p/a.txt", file));
        Assert.Equal(Severity.Info, Effective(Rule("TL1001"), "/p/a.markdown", file));
    }

    [Fact]
    public void NearestFile_BeatsTheOneAbove_KeyByKey()
    {
        var top = Parse("[*]\ntextlint_diagnostic.TL1001.severity = error\ntextlint_diagnostic.TL1002.severity = error\n", "/p");
        var near = Parse("[*]\ntextlint_diagnostic.TL1001.severity = none\n", "/p/news");
        Assert.Equal(Severity.None, Effective(Rule("TL1001"), "/p/news/a.txt", near, top));
        Assert.Equal(Severity.Error, Effective(Rule("TL1002"), "/p/news/a.txt", near, top));
    }

    [Fact]
    public void ACloserId_StillBeatsANearerCategory()
    {
        // Keys merge across files first; then the most specific key wins (Roslyn).
        var top = Parse("[*]\ntextlint_diagnostic.TL1001.severity = error\n", "/p");
        var near = Parse("[*]\ntextlint_analyzer_diagnostic.category-Attribution.severity = none\n", "/p/news");
        Assert.Equal(Severity.Error, Effective(Rule("TL1001"), "/p/news/a.txt", near, top));
    }

    [Fact]
    public void SectionsWithSlash_AreRelativeToTheirOwnFile()
    {
        var file = Parse("[news/*.txt]\ntextlint_diagnostic.TL1001.severity = error\n", "/p/site");
        Assert.Equal(Severity.Error, Effective(Rule("TL1001"), "/p/site/news/a.txt", file));
        Assert.Equal(Severity.Warning, Effective(Rule("TL1001"), "/p/site/x/news/a.txt", file));
    }

    [Fact]
    public void Root_IsReadFromThePreamble()
    {
        Assert.True(Parse("root = TRUE\n[*]\n").IsRoot);
        Assert.False(Parse("[*]\nroot = true\n").IsRoot);
        Assert.False(Parse("root = false\n").IsRoot);
    }

    [Fact]
    public void OtherToolsKeys_AndComments_AreFine()
    {
        var problems = new List<ConfigurationDiagnostic>();
        var file = Parse("""
            # comment
            ; comment
            root = true

            [*.{cs,vb}]
            dotnet_diagnostic.CA1000.severity = warning
            csharp_style_var_for_built_in_types = true:suggestion
            [tests/samples/**]  # trailing comment
            charset = unset
            textlint_diagnostic.TL1001.severity = none ; why
            """, problems: problems);
        Assert.Empty(problems);
        Assert.Equal(Severity.None, Effective(Rule("TL1001"), "/p/tests/samples/a.txt", file));
    }

    [Fact]
    public void SyntaxErrors_AreErrors_WithLineAndColumn()
    {
        var problems = new List<ConfigurationDiagnostic>();
        Parse("[*]\n  just some words\n[unclosed\n= value\n", problems: problems);
        Assert.Equal(
        [
            "/p/.editorconfig(2,3): error TL9030: Expected a [section] header, a 'key = value' pair or a comment.",
            "/p/.editorconfig(3,1): error TL9030: A section header must end with ']'.",
            "/p/.editorconfig(4,1): error TL9030: A property needs a key before '='.",
        ], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void BadTextLintEntries_AreWarnings_WithPositions_AndIgnored()
    {
        var problems = new List<ConfigurationDiagnostic>();
        var file = Parse("""
            textlint_diagnostic.TL1001.severity = error
            [*]
            textlint_diagnostic.TL1001.severity = eror
            textlint_diagnostic.TL1001.sevrity = error
            """, problems: problems);
        Assert.Equal(
        [
            "/p/.editorconfig(1,1): warning TL9031: 'textlint_diagnostic.TL1001.severity' is outside any section, so it applies to no file; put it under a section such as [*].",
            "/p/.editorconfig(3,39): warning TL9031: 'eror' is not a severity; use error, warning, suggestion (info), silent (hidden), none, default. The entry is ignored.",
            "/p/.editorconfig(4,1): warning TL9031: Unknown TextLint key 'textlint_diagnostic.TL1001.sevrity'; use textlint_diagnostic.<ID>.severity, textlint_analyzer_diagnostic.category-<Category>.severity or textlint_analyzer_diagnostic.severity.",
        ], problems.Select(p => p.ToString()));
        Assert.Equal(Severity.Warning, Effective(Rule("TL1001"), "/p/a.txt", file));
    }

    [Fact]
    public void UnknownRuleIdsAndCategories_AreWarned_WithAHint()
    {
        var problems = new List<ConfigurationDiagnostic>();
        var file = Parse("[*]\ntextlint_diagnostic.TL1O01.severity = error\ntextlint_analyzer_diagnostic.category-Atribution.severity = none\n", problems: problems);
        file.ReportUnknownNames(new HashSet<string>(["TL1001"]), new HashSet<string>(["Attribution"]), problems);
        Assert.Equal(
        [
            "/p/.editorconfig(2,1): warning TL9031: No loaded rule has the ID 'TL1O01'; did you mean 'TL1001'?",
            "/p/.editorconfig(3,1): warning TL9031: No loaded rule has the category 'Atribution'; did you mean 'Attribution'?",
        ], problems.Select(p => p.ToString()));
    }
}
