using TextLint.Matching;

namespace TextLint.Core.Tests.Loading;

public class BacktrackingShapeTests
{
    [Theory]
    [InlineData(@"^(?:Post a comment|\d+ comments?)$")]
    [InlineData(@"^Screenshot\s*:\s*\S.*$")]
    [InlineData(@"\bsources? (say|said)\b")]
    [InlineData(@"(ab){2,5}c")]
    [InlineData(@"[(+*)]+x")]
    [InlineData(@"\p{L}+\s\p{Lu}")]
    public void SimplePatterns_AreLinear(string pattern) => Assert.True(BacktrackingShape.IsLinear(pattern));

    [Theory]
    [InlineData(@"(a+)+$")]
    [InlineData(@"(\w+\s?)*$")]
    [InlineData(@"(a|a)*b")]
    [InlineData(@"(?:x(?:y+))+")]
    [InlineData(@"(a*){3,}")]
    [InlineData(@"\b(\w+) \1\b")]
    [InlineData(@"(?<w>\w+) \k<w>")]
    [InlineData(@"(unclosed")]
    public void NestedQuantifiersAndBackreferences_AreNot(string pattern) => Assert.False(BacktrackingShape.IsLinear(pattern));

    [Fact]
    public void CatastrophicPattern_StillGetsTheLinearEngine()
    {
        var regex = RegexFactory.TryCreate("(a+)+$", ignoreCase: false, out _)!;
        Assert.True((regex.Options & System.Text.RegularExpressions.RegexOptions.NonBacktracking) != 0);
    }

    [Fact]
    public void SimplePattern_GetsTheLinearTimeEngine_WithNoTimeout()
    {
        // Not the interpreter any more (issue #19): its time on a long text could still grow with the
        // square of the length, and a timeout made results depend on the machine's load.
        var regex = RegexFactory.TryCreate(@"^Post a comment$", ignoreCase: true, out _)!;
        Assert.True((regex.Options & System.Text.RegularExpressions.RegexOptions.NonBacktracking) != 0);
        Assert.Equal(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout, regex.MatchTimeout);
    }
}
