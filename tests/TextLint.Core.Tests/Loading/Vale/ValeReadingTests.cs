using TextLint.Diagnostics;
using TextLint.Loading.Vale;
using TextLint.Text;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Yaml;
using TextLint.Matching;

namespace TextLint.Core.Tests.Loading.Vale;

/// <summary>The .vale.ini reader, the mapping of Vale rules onto TextLint rules, and bad input.</summary>
public sealed class ValeReadingTests
{
    private static List<(string Id, int Line, int Column, string Message)> Lint(ValeProject project, string path, string text)
    {
        Assert.True(project.Errors.Count == 0, string.Join("\n", project.Errors));
        var source = new SourceText(path, text);
        var analysis = new LintEngine(RuleSet.Compile(project.Rules)).Analyze(Document.Create(source));
        return analysis.Diagnostics.Select(d =>
        {
            var p = source.Lines.GetLinePosition(d.Span.Start);
            return (d.Id, p.Line + 1, p.Character + 1, d.Message);
        }).ToList();
    }

    private static ValeProject Setup(TempDirectory dir, string ini, params (string Path, string Text)[] rules)
    {
        foreach (var (path, text) in rules) dir.Write(path, text);
        return ValeProject.Load(dir.Write(".vale.ini", ini), ".vale.ini");
    }

    [Fact]
    public void Ini_ReadsSectionsKeysAndPositions()
    {
        var errors = new List<ConfigurationDiagnostic>();
        var sections = ValeIni.Parse(".vale.ini", "StylesPath = styles\n# comment\n\n[*.md]\nBasedOnStyles = A, B\nA.Rule = NO\n", errors);
        Assert.Empty(errors);
        Assert.Equal(["", "*.md"], sections.Select(s => s.Name));
        var e = sections[1].Entries[1];
        Assert.Equal(("A.Rule", "NO", 6, 10), (e.Key, e.Value, e.Line, e.Column));
        Assert.Equal(["A", "B"], ValeIni.List(sections[1].Entries[0].Value).ToArray());
    }

    [Fact]
    public void Ini_BrokenLine_IsAnErrorAtItsLineAndColumn()
    {
        var errors = new List<ConfigurationDiagnostic>();
        ValeIni.Parse(".vale.ini", "StylesPath = styles\n  this is not a setting\n[*.md\n", errors);
        Assert.Equal(2, errors.Count);
        Assert.Equal(".vale.ini(2,3): error TL9070: Expected 'key = value' or a '[section]' header, not 'this is not a setting'.", errors[0].ToString());
        Assert.Equal((3, 1), (errors[1].Line, errors[1].Column));
    }

    [Fact]
    public void Existence_IsCaseSensitiveByDefault_WordBounded_AndNamedStyleDotRule()
    {
        using var dir = new TempDirectory();
        var project = Setup(dir, "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            ("styles/House/Avoid.yml", "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens:\n  - TODO\n  - utiliz(?:e|es)\n"));
        var found = Lint(project, "a.md", "TODO: utilize this; todo and TODOS are fine.\n");
        Assert.Equal([("House.Avoid", 1, 1, "Avoid 'TODO'."), ("House.Avoid", 1, 7, "Avoid 'utilize'.")], found);
        Assert.Equal(Severity.Error, project.Rules[0].Descriptor.DefaultSeverity);
    }

    [Fact]
    public void Substitution_PassesReplacementThenMatch_AlternativesAndCapitalisation()
    {
        using var dir = new TempDirectory();
        var project = Setup(dir, "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            ("styles/House/Terms.yml", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\ncapitalize: true\naction:\n  name: replace\nswap:\n  cell ?phone: phone|mobile phone\n  e-mail: email\n"));
        var found = Lint(project, "a.md", "Cellphone and e-mail.\n");
        Assert.Equal([("House.Terms", 1, 1, "Use 'Phone' or 'Mobile phone' instead of 'Cellphone'."), ("House.Terms", 1, 15, "Use 'email' instead of 'e-mail'.")], found);
    }

    [Fact]
    public void GlobSections_LevelsAndNo_ApplyPerFile_MinAlertLevelDropsRules()
    {
        using var dir = new TempDirectory();
        var project = Setup(dir, "StylesPath = styles\nMinAlertLevel = warning\n[*.md]\nBasedOnStyles = House\nHouse.Quiet = error\n[b.md]\nHouse.Loud = NO\n",
            ("styles/House/Loud.yml", "extends: existence\nmessage: loud\nlevel: warning\ntokens: [LOUD]\n"),
            ("styles/House/Quiet.yml", "extends: existence\nmessage: quiet\nlevel: suggestion\ntokens: [quiet]\n"),
            ("styles/House/Hint.yml", "extends: existence\nmessage: hint\nlevel: suggestion\ntokens: [hint]\n"));
        Assert.Equal(["House.Loud", "House.Quiet"], project.Rules.Select(r => r.Descriptor.Id).Order());
        Assert.Equal(Severity.Error, project.Rules.Single(r => r.Descriptor.Id == "House.Quiet").Descriptor.DefaultSeverity);
        Assert.Equal(["House.Loud", "House.Quiet"], Lint(project, "a.md", "LOUD quiet hint\n").Select(f => f.Id));
        Assert.Equal(["House.Quiet"], Lint(project, "b.md", "LOUD quiet hint\n").Select(f => f.Id));
        Assert.Empty(Lint(project, "c.txt", "LOUD quiet hint\n"));
    }

    [Fact]
    public void Vocab_AcceptedTermsAreExceptions_RejectedTermsAreVale_Avoid()
    {
        using var dir = new TempDirectory();
        dir.Write("styles/config/vocabularies/Ours/accept.txt", "Kubernetes\n");
        dir.Write("styles/config/vocabularies/Ours/reject.txt", "k8s\n");
        var project = Setup(dir, "StylesPath = styles\nVocab = Ours\n[*]\nBasedOnStyles = Vale, House\n",
            ("styles/House/Caps.yml", "extends: existence\nmessage: \"'%s' is capitalised\"\nlevel: warning\ntokens: ['[A-Z]\\w+']\n"));
        var found = Lint(project, "a.md", "Kubernetes and Docker, not k8s.\n");
        Assert.Equal([("House.Caps", 1, 16, "'Docker' is capitalised"), ("Vale.Avoid", 1, 28, "Avoid using 'k8s'.")], found);
    }

    [Fact]
    public void ValeComments_SwitchAllRulesOrOneRule()
    {
        using var dir = new TempDirectory();
        var project = Setup(dir, "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            ("styles/House/Avoid.yml", "extends: existence\nmessage: avoid\ntokens: [bad]\n"));
        string text = "bad\n\n<!-- vale off -->\n\nbad\n\n<!-- vale on -->\n\n<!-- vale House.Avoid = NO -->\n\nbad\n\n<!-- vale House.Avoid = YES -->\n\nbad\n";
        Assert.Equal([1, 15], Lint(project, "a.md", text).Select(f => f.Line));
    }

    [Fact]
    public void UnsupportedKinds_AreNamedOnce_NotDropped()
    {
        using var dir = new TempDirectory();
        var project = Setup(dir, "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            ("styles/House/Spell.yml", "extends: spelling\nmessage: \"Did you really mean '%s'?\"\n"),
            ("styles/House/Seq.yml", "extends: sequence\nmessage: seq\ntokens:\n  - pattern: a\n"));
        Assert.Empty(project.Errors);
        Assert.Empty(project.Rules);
        Assert.Equal(2, project.Notices.Count(n => n.Code == ValeRuleReader.UnsupportedCode));
        Assert.Contains(project.Notices, n => n.Path == "styles/House/Spell.yml" && n.Message.Contains("rule House.Spell: Vale's 'spelling' rules are not supported"));
    }

    [Fact]
    public void BadRules_AreErrorsWithFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        var project = Setup(dir, "StylesPath = styles\n[*]\nBasedOnStyles = House\n",
            ("styles/House/Extends.yml", "message: x\nextends: existance\n"),
            ("styles/House/Regex.yml", "extends: existence\nmessage: x\ntokens:\n  - ok\n  - 'bad(['\n"));
        var errors = project.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("styles/House/Extends.yml(2,10): error TL9071: rule House.Extends: 'extends' is 'existance'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("styles/House/Regex.yml(5,5): error TL9071: rule House.Regex: Invalid regular expression in 'tokens' ('bad(['", StringComparison.Ordinal));
    }

    [Fact]
    public void GoNamedGroups_AreTranslated()
    {
        Assert.Equal("(?<word>\\w+)", ValeRegex.Translate("(?P<word>\\w+)"));
        Assert.NotNull(ValeRegex.TryCreate("(?P<word>\\w+) [[:alpha:]]", false, out _));
    }

    [Fact]
    public void MissingStyle_IsAnErrorAtTheIniLine()
    {
        using var dir = new TempDirectory();
        dir.Write("styles/.keep", "");
        var project = Setup(dir, "StylesPath = styles\n[*]\nBasedOnStyles = Nope\n");
        var e = Assert.Single(project.Errors);
        Assert.Equal((".vale.ini", 3, 17), (e.Path, e.Line, e.Column));
        Assert.Contains("No style 'Nope'", e.Message);
    }

    [Fact]
    public void MessageTemplates_FollowValesArgumentOrder()
    {
        Assert.Equal("Use '{replacement}' instead of '{match}'.", ValeRuleReader.ToTemplate("Use '%s' instead of '%s'.", ["replacement", "match"]));
        Assert.Equal("{{x}} '{match}'", ValeRuleReader.ToTemplate("{x} '%s'", ["match"]));
        Assert.Equal("Use %s instead of '%s'.", ValeRuleReader.ConvertMessage("Use '%s' instead of '%s'."));
    }
}
