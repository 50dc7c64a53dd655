using TextLint.Loading;

namespace TextLint.Core.Tests.Loading;

/// <summary>A rule's helpUri goes into SARIF, where viewers make it a link: only http(s) and relative references load.</summary>
public class HelpUriTests
{
    private static string Rule(string helpUri) => $"""
        id: XT0001
        title: Word
        message: "'{"{match}"}' again."
        category: Style
        kind: existence
        tokens: [word]
        helpUri: "{helpUri}"
        """;

    [Theory]
    [InlineData("https://example.org/rules/XT0001")]
    [InlineData("http://example.org/rules/XT0001.md#why")]
    [InlineData("docs/XT0001.md")]
    [InlineData("../rules/XT0001.md")]
    [InlineData("/rules/XT0001")]
    public void HttpAndRelativeReferences_Load(string helpUri)
    {
        var pack = RulePackLoader.Load([new PackFile("p.yaml", Rule(helpUri))]);
        Assert.Empty(pack.Errors);
        Assert.Equal(helpUri, Assert.Single(pack.Rules).Descriptor.HelpUri);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("vbscript:msgbox(1)")]
    public void OtherSchemes_AreRefused_WithTheirPosition(string helpUri)
    {
        var pack = RulePackLoader.Load([new PackFile("p.yaml", Rule(helpUri))]);
        var error = Assert.Single(pack.Errors);
        Assert.Equal(("p.yaml", 7, 10), (error.Path, error.Line, error.Column));
        Assert.Contains("must be an http(s) URL or a relative reference", error.Message);
    }
}
