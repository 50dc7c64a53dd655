using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class ConditionalRuleTests
{
    private const string Rule = """
        id: TL8503
        title: Undefined acronym
        message: "'{match}' undefined"
        category: Readability
        kind: conditional
        first: '\b([A-Z]{3,5})\b'
        second: '\(([A-Z]{3,5})\)'
        exceptions: [NATO]
        """;

    [Fact]
    public void UndefinedAcronym_IsReported() =>
        KindTestHelper.Verify(Rule, "The strategic initiative in the [|ATOZ|] zone remained.");

    [Fact]
    public void DefinedAcronym_AndExceptions_AreNot() =>
        KindTestHelper.Verify(Rule, "The special military operation (SMO) goes on; the SMO and NATO.");

    [Fact]
    public void MissingSecond_IsAnError()
    {
        var result = TextLint.Loading.RulePackLoader.Load([new TextLint.Loading.PackFile("t.yaml", Rule.Replace("second: '\\(([A-Z]{3,5})\\)'\n", ""))]);
        Assert.Contains(result.Errors, e => e.Message.Contains("Missing required key 'second'"));
    }
}
