using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Rules;
using TextLint.Testing;

namespace TextLint.Core.Tests.Rules;

/// <summary>Loads a one-rule pack and checks findings against [|...|] markup, as Roslyn's analyzer tests do.</summary>
internal static class KindTestHelper
{
    public static LintEngine Engine(string yaml)
    {
        var result = RulePackLoader.Load([new PackFile("test.yaml", yaml)]);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return new LintEngine(RuleSet.Compile(result.Rules));
    }

    public static IReadOnlyList<Diagnostic> Verify(string yaml, string markup, string path = "test.txt")
    {
        var (text, expected) = TestMarkup.Parse(markup);
        var diagnostics = Engine(yaml).Analyze(Document.Create(TextLint.Text.SourceText.From(text, path))).Diagnostics;
        Assert.Equal(TestMarkup.Render(text, expected), TestMarkup.Render(text, diagnostics.Select(d => d.Span)));
        return diagnostics;
    }
}
