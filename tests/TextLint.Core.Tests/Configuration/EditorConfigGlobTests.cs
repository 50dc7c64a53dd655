using TextLint.Configuration;

namespace TextLint.Core.Tests.Configuration;

/// <summary>Section globs as the EditorConfig specification defines them; paths are relative to the .editorconfig's folder.</summary>
public class EditorConfigGlobTests
{
    [Theory]
    // A glob without '/' matches the file name at any depth.
    [InlineData("*", "a.txt", true)]
    [InlineData("*", "deep/er/a.txt", true)]
    [InlineData("*.md", "news/story.md", true)]
    [InlineData("*.md", "news/story.txt", false)]
    [InlineData("story.md", "news/story.md", true)]
    [InlineData("story.md", "news/old-story.md", false)]
    // '*' stops at '/', '**' does not.
    [InlineData("news/*.md", "news/a.md", true)]
    [InlineData("news/*.md", "news/2024/a.md", false)]
    [InlineData("news/**.md", "news/2024/a.md", true)]
    [InlineData("news/**", "news/2024/05/a.md", true)]
    [InlineData("news/**", "sport/a.md", false)]
    // '**/' is zero or more folders.
    [InlineData("news/**/a.md", "news/a.md", true)]
    [InlineData("news/**/a.md", "news/x/y/a.md", true)]
    [InlineData("**/drafts/*", "drafts/a.md", true)]
    [InlineData("**/drafts/*", "x/drafts/a.md", true)]
    // A glob with '/' is anchored at the .editorconfig's folder; a leading '/' is the same.
    [InlineData("news/a.md", "x/news/a.md", false)]
    [InlineData("/news/a.md", "news/a.md", true)]
    [InlineData("/a.md", "news/a.md", false)]
    // '?' is one character but not '/'.
    [InlineData("?.md", "a.md", true)]
    [InlineData("?.md", "ab.md", false)]
    [InlineData("a?b.md", "a/b.md", false)]
    // Brackets: sets, ranges, negation.
    [InlineData("[abc].md", "b.md", true)]
    [InlineData("[abc].md", "d.md", false)]
    [InlineData("[a-c]x.md", "bx.md", true)]
    [InlineData("[!a-c]x.md", "bx.md", false)]
    [InlineData("[!a-c]x.md", "dx.md", true)]
    [InlineData("[ab", "[ab", true)]             // unclosed: literal
    // Braces: alternatives (nestable, empty allowed), and number ranges.
    [InlineData("*.{md,txt}", "a.txt", true)]
    [InlineData("*.{md,txt}", "a.markdown", false)]
    [InlineData("{news,sport}/*.md", "sport/a.md", true)]
    [InlineData("{news,sport}/*.md", "weather/a.md", false)]
    [InlineData("a{,b}.md", "a.md", true)]
    [InlineData("a{,b}.md", "ab.md", true)]
    [InlineData("{a,{b,c}}.md", "c.md", true)]
    [InlineData("{single}.md", "{single}.md", true)] // a brace without a comma is literal
    [InlineData("{single}.md", "single.md", false)]
    [InlineData("{a,b.md", "{a,b.md", true)]         // unclosed: literal
    [InlineData("part{1..9}.md", "part3.md", true)]
    [InlineData("part{1..9}.md", "part10.md", false)]
    [InlineData("part{1..12}.md", "part10.md", true)]
    [InlineData("part{1..12}.md", "part13.md", false)]
    [InlineData("part{-3..3}.md", "part-2.md", true)]
    [InlineData("part{9..1}.md", "part5.md", true)]  // reversed bounds
    [InlineData("y{1..3}0.md", "y20.md", true)]      // the range takes "2", the literal "0"
    // Escapes.
    [InlineData(@"\*.md", "*.md", true)]
    [InlineData(@"\*.md", "a.md", false)]
    public void Glob_MatchesAsTheSpecSays(string section, string path, bool expected)
    {
        Assert.Equal(expected, EditorConfigGlob.Parse(section).IsMatch(path));
    }

    [Fact]
    public void TooManyBraceAlternatives_MatchNothing_AndSaySo()
    {
        string section = string.Concat(Enumerable.Repeat("{a,b,c}", 8)); // 3^8 = 6561 alternatives
        var glob = EditorConfigGlob.Parse(section);
        Assert.NotNull(glob.Error);
        Assert.False(glob.IsMatch("aaaaaaaa"));
    }

    [Fact]
    public void OverlongSections_MatchNothing_AndSaySo()
    {
        var glob = EditorConfigGlob.Parse(new string('{', 3000) + "a,b" + new string('}', 3000));
        Assert.NotNull(glob.Error);
        Assert.False(glob.IsMatch("a"));
    }

    [Fact]
    public void PathologicalStars_AreMatchedWithoutBacktrackingBlowUp()
    {
        // Memoised matching: tokens × length states, not exponential.
        var glob = EditorConfigGlob.Parse("**a**a**a**a**a**a**a**a**a**b");
        Assert.False(glob.IsMatch(new string('a', 2000)));
    }
}
