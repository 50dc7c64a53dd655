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

    /// <summary>Cases of editorconfig-core-test's glob suite (braces.in, brackets.in, star.in, star_star.in, utf8char.in).</summary>
    [Theory]
    [InlineData("*.{py,js,html}", "test.py", true)]
    [InlineData("*.{py,js,html}", "test.js", true)]
    [InlineData("*.{py,js,html}", "test.html", true)]
    [InlineData("*.{py,js,html}", "test.pyc", false)]
    [InlineData("{single}.b", "{single}.b", true)]
    [InlineData("{single}.b", "single.b", false)]
    [InlineData("{}.c", "{}.c", true)]
    [InlineData("{.f,.g}", ".f", true)]
    [InlineData("{word,{also},this}.g", "word.g", true)]
    [InlineData("{word,{also},this}.g", "{also}.g", true)]
    [InlineData("{word,{also},this}.g", "this.g", true)]
    [InlineData("{3..120}", "3", true)]
    [InlineData("{3..120}", "15", true)]
    [InlineData("{3..120}", "60", true)]
    [InlineData("{3..120}", "120", true)]
    [InlineData("{3..120}", "1", false)]
    [InlineData("{3..120}", "121", false)]
    [InlineData("{3..120}", "5a", false)]
    [InlineData("{aardvark..antelope}", "{aardvark..antelope}", true)]
    [InlineData("{aardvark..antelope}", "aardvark", false)]
    [InlineData("[ab].a", "a.a", true)]
    [InlineData("[ab].a", "c.a", false)]
    [InlineData("[!ab].b", "c.b", true)]
    [InlineData("[!ab].b", "a.b", false)]
    [InlineData("[d-g].c", "f.c", true)]
    [InlineData("[d-g].c", "h.c", false)]
    [InlineData("[!d-g].d", "h.d", true)]
    [InlineData("[!d-g].d", "f.d", false)]
    [InlineData("a*e.c", "ace.c", true)]
    [InlineData("a*e.c", "abcde.c", true)]
    [InlineData("a*e.c", "a/e.c", false)]           // a star never matches a slash
    [InlineData("Bar/*", "Bar/foo.txt", true)]
    [InlineData("Bar/*", "Bar/Baz/foo.txt", false)]
    [InlineData("a**z.c", "a/z.c", true)]
    [InlineData("a**z.c", "amnz.c", true)]
    [InlineData("a**z.c", "am/nz.c", true)]
    [InlineData("a**z.c", "a/mnz.c", true)]
    [InlineData("b/**z.c", "b/z.c", true)]
    [InlineData("b/**z.c", "b/mnz.c", true)]
    [InlineData("b/**z.c", "b/mn/z.c", true)]
    [InlineData("c**/z.c", "c/z.c", true)]
    [InlineData("c**/z.c", "cmn/z.c", true)]
    [InlineData("c**/z.c", "c/mn/z.c", true)]
    [InlineData("d/**/z.c", "d/z.c", true)]
    [InlineData("d/**/z.c", "d/mn/z.c", true)]
    [InlineData("d/**/z.c", "d/m/n/z.c", true)]
    [InlineData("d/**/z.c", "d/mnz.c", false)]
    [InlineData("ab[e/]cd.i", "ab[e/]cd.i", true)]  // a '/' in brackets makes them literal
    [InlineData("ab[/c", "ab[/c", true)]
    [InlineData("中文.txt", "中文.txt", true)]
    public void Glob_MatchesEditorConfigCoreTests(string section, string path, bool expected)
    {
        Assert.Equal(expected, EditorConfigGlob.Parse(section).IsMatch(path));
    }

    /// <summary>A brace is the union of its alternatives, whatever else the glob holds: a property over generated globs and paths.</summary>
    [Fact]
    public void ABrace_MatchesExactlyWhatItsAlternativesMatch()
    {
        var random = new Random(9);
        string[] atoms = ["a", "b", "*", "?", "[ab]", "[!a]", "x", "**", "/"];
        string[] inner = ["a", "b", "*", "?", "[ab]", "[!a]", "x"];
        string[] names = ["a", "b", "ab", "ba", "x", "xa", "a/b", "b/a/x", "aa", "abx"];
        for (int n = 0; n < 3000; n++)
        {
            string Part(string[] from) => string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(_ => from[random.Next(from.Length)]));
            // '**' followed by '/' is one token ("zero or more folders"); a brace between them keeps them
            // apart, so alternatives hold neither, or the property would compare different globs.
            string prefix = Part(atoms), left = Part(inner), right = Part(inner), suffix = Part(atoms);
            string path = names[random.Next(names.Length)];
            // A leading '/' is dropped from a whole glob only, not from an alternative: not what this property is about.
            if ((prefix + left + suffix).StartsWith('/') || (prefix + right + suffix).StartsWith('/')) continue;
            // Nor where writing an alternative out would fuse two tokens ('*' '*' into '**', '**' '/' into '**/').
            static bool Fuses(string a, string b) => a.EndsWith('*') && (b.StartsWith('*') || b.StartsWith('/'));
            if (Fuses(prefix, left + suffix) || Fuses(prefix, right + suffix) || Fuses(prefix + left, suffix) || Fuses(prefix + right, suffix)) continue;
            bool union = EditorConfigGlob.ParsePath(prefix + left + suffix).IsMatch(path) || EditorConfigGlob.ParsePath(prefix + right + suffix).IsMatch(path);
            string glob = prefix + "{" + left + "," + right + "}" + suffix;
            Assert.True(union == EditorConfigGlob.ParsePath(glob).IsMatch(path), $"'{glob}' against '{path}'");
        }
    }

    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "news/a.md", false)]            // unlike a section, anchored at its base even without '/'
    [InlineData("news/part{1..3}.md", "news/part2.md", true)]
    [InlineData("/a.md", "a.md", true)]
    public void APathGlob_IsAlwaysRelativeToItsBase(string glob, string path, bool expected)
    {
        Assert.Equal(expected, EditorConfigGlob.ParsePath(glob).IsMatch(path));
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
