using TextLint.Rules;

namespace TextLint.Core.Tests.Rules;

public class MessageTemplateTests
{
    [Theory]
    [InlineData("'{match}' is vague.", new[] { "match" })]
    [InlineData("{value} words; the maximum is {max} ({value} counted).", new[] { "value", "max" })]
    [InlineData("{{literal}} braces and {name}", new[] { "name" })]
    [InlineData("no placeholders", new string[0])]
    [InlineData("unclosed {brace and {name", new string[0])]
    public void PlaceholderNames_AreTheDistinctNamesInOrder(string template, string[] expected) =>
        Assert.Equal(expected, MessageTemplate.PlaceholderNames(template).ToArray());

    /// <summary>
    /// The names are worked out once per template and kept (every finding asks for its rule's): the second
    /// answer is the first, and a template with the same text in another string gets the same names.
    /// </summary>
    [Fact]
    public void PlaceholderNames_AreKeptPerTemplate()
    {
        string template = "'{match}' is {value} words; at most {max}.";
        var first = MessageTemplate.PlaceholderNames(template);
        var again = MessageTemplate.PlaceholderNames(template);
        Assert.Equal(["match", "value", "max"], first.ToArray());
        Assert.True(first == again, "the same array, not parsed again");
        string copy = new(template.AsSpan());
        Assert.Equal(first.ToArray(), MessageTemplate.PlaceholderNames(copy).ToArray());
    }

    [Fact]
    public void ValuesFor_FillsThePlaceholdersInTheirOrder() =>
        Assert.Equal(["long", "150", "{missing}"],
            new MessageArguments("long").With("max", "150").ValuesFor("'{match}' over {max}; {missing} {match}").ToArray());
}
