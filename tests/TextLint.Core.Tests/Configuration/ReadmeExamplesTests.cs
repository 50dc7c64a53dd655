using System.Text.RegularExpressions;
using TextLint.Configuration;
using TextLint.Diagnostics;

namespace TextLint.Core.Tests.Configuration;

/// <summary>The configuration guide's examples (docs/configuration.md) are read by the real readers, so the documentation cannot drift.</summary>
public class ReadmeExamplesTests
{
    private static string Block(string heading, string language)
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "configuration.md"));
        int at = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"docs/configuration.md has no '{heading}' section.");
        var m = new Regex("```" + language + "\n(.*?)```", RegexOptions.Singleline).Match(readme, at);
        Assert.True(m.Success);
        return m.Groups[1].Value;
    }

    [Fact]
    public void EditorConfigExample_ParsesWithoutProblems()
    {
        var problems = new List<ConfigurationDiagnostic>();
        var file = EditorConfigFile.Parse(".editorconfig", "/p", Block("## .editorconfig", "ini"), problems);
        Assert.Empty(problems);
        Assert.True(file.IsRoot);
        Assert.Equal(2, file.Sections.Length);
    }

    [Fact]
    public void TextlintYamlExample_ParsesWithoutProblems()
    {
        var errors = new List<ConfigurationDiagnostic>();
        var config = ProjectConfigReader.Read("textlint.yaml", "/p", Block("## textlint.yaml", "yaml"), errors);
        Assert.Empty(errors);
        Assert.Equal(["TL1001", "TL7501", "TL0001"], config.Rules.Select(r => r.Id));
    }
}
