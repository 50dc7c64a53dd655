using System.Text.RegularExpressions;
using CsCheck;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Core.Tests.Matching;

/// <summary>
/// The interpreter stands in for the linear-time engine only where its cost is bounded in advance: these
/// tests check the bound on known shapes, that the answer never changes with the engine, and which engine
/// a match test uses.
/// </summary>
public class BacktrackingCostTests
{
    [Theory]
    [InlineData(@"^(?:Post a comment|Close menu)$", 0)]
    [InlineData(@"^\d{4}$", 0)]
    [InlineData(@"^(?:Download (?:our|the) (?:free )?app.*)$", 1)]
    [InlineData(@"^(?:\d+\s+(?:Comments?|Replies))$", 2)]
    [InlineData(@"^(?:(?:Subscribe|Join)\b.*\b(?:newsletter|inbox)\b.*)$", 2)]
    [InlineData(@"^(?:Photo: .{1,80})$", 1)]
    [InlineData(@"\A(?=\w+:)\w+: .*", 3)]                 // a lookahead's content counts too
    public void AnchoredDegree_CountsTheQuantifiersThatCanRepeat(string pattern, int expected) =>
        Assert.Equal(expected, BacktrackingCost.AnchoredDegree(pattern));

    [Theory]
    [InlineData(@"^(a+)+$")]                  // nested: exponential
    [InlineData(@"^(?:a|a)*b")]               // alternatives repeated: exponential
    [InlineData(@"^(?:x|y){0,9}z")]           // the same, bounded
    [InlineData(@"^(?:\w+\s+){0,3}said")]     // a part with its own choices, repeated
    [InlineData(@"^(\w+) \1$")]               // a backreference
    [InlineData(@"Close menu$")]              // not anchored: one attempt per position
    [InlineData(@"^Close menu|Open menu")]    // the second alternative is not anchored
    [InlineData(@"(?x)^a b")]                 // a construct the reader does not take
    public void AnchoredDegree_IsNull_WithoutAPolynomialBoundOrAnAnchor(string pattern) =>
        Assert.Null(BacktrackingCost.AnchoredDegree(pattern));

    /// <summary>
    /// Any pattern .NET accepts, however odd, gets an answer (a degree or null) from the pattern readers,
    /// never an exception: a user's pack must load and run whatever these readers make of it.
    /// </summary>
    [Fact]
    public void AnyValidPattern_GetsAnAnswer_NeverAnException()
    {
        var piece = Gen.OneOf<string>("a", "b", "^", "$", "\\A", "\\b", "\\d", "\\p{L}", "\\x41", "\\u0041", "\\k<n>", "\\1", ".", "|", "(", ")", "(?:", "(?=", "(?!", "(?<=", "(?<!",
            "(?<n>", "(?i)", "(?x)", "(?(1)", "[", "]", "[^", "-", "-[", "*", "+", "?", "{", "}", "{2}", "{1,}", "{0,3}", ",", "#", " ", "\\");
        int valid = 0;
        piece.Array[1, 14].Select(string.Concat).Sample(pattern =>
        {
            try { _ = new Regex(pattern); }
            catch (ArgumentException) { return; }
            valid++;
            _ = BacktrackingCost.Degree(pattern);
            _ = BacktrackingCost.AnchoredDegree(pattern);
            _ = RequiredLiterals.Leading(pattern);
            _ = RequiredLiterals.AllOf(pattern);
        }, iter: 20_000);
        Assert.True(valid > 1_000, $"only {valid} valid patterns generated");
    }

    /// <summary>
    /// <see cref="RegexFactory.IsValid"/> parses a pattern without <see cref="RegexOptions.IgnoreCase"/>: that
    /// holds only if case-insensitivity never changes whether a pattern parses, nor the error it gets.
    /// </summary>
    [Fact]
    public void IgnoreCase_NeverChangesWhetherAPatternParses()
    {
        var piece = Gen.OneOf<string>("a", "Z", "k", "\u212A", "ß", "İ", "^", "$", @"\b", @"\d", @"\w", @"\p{Lu}", @"\p{L}", @"\P{Ll}", @"\x41", @"\k<n>", @"\1", ".", "|",
            "(", ")", "(?:", "(?=", "(?<=", "(?<n>", "(?i)", "(?-i)", "[", "]", "[^", "-", "-[", "a-z", "Z-a", "*", "+", "?", "{", "}", "{2}", "{1,}", "\\");
        int valid = 0, invalid = 0;
        piece.Array[1, 12].Select(string.Concat).Sample(pattern =>
        {
            string? plain = Error(pattern, RegexOptions.CultureInvariant), folded = Error(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            if (plain != folded) throw new Exception($"'{pattern}': '{plain}' without IgnoreCase, '{folded}' with it");
            if (plain is null) Interlocked.Increment(ref valid); else Interlocked.Increment(ref invalid);
        }, iter: 20_000);
        Assert.True(valid > 1_000 && invalid > 1_000, $"{valid} valid and {invalid} invalid patterns generated");

        static string? Error(string pattern, RegexOptions options)
        {
            try { _ = new Regex(pattern, options); return null; }
            catch (ArgumentException ex) { return ex.Message; }
        }
    }

    [Theory]
    [InlineData(0, 1_000_000, true)]
    [InlineData(1, 100_000, true)]
    [InlineData(2, 300, true)]
    [InlineData(2, 400, false)]
    [InlineData(3, 60, false)]
    public void WithinBudget_BoundsThePaths(int degree, int length, bool expected) =>
        Assert.Equal(expected, BacktrackingCost.WithinBudget(degree, length));

    /// <summary>
    /// A short unit is tested on the interpreter and the linear-time regex is never built; a unit over
    /// the budget is tested on the linear-time engine. The answers agree.
    /// </summary>
    [Fact]
    public void AShortUnit_IsTestedOnTheInterpreter_ALongOneOnTheLinearEngine()
    {
        var regex = RegexFactory.TryCreateLazy(@"^(?:Sign up\b.*\bour newsletter\b.*)$", ignoreCase: true, out _)!;
        string shortLine = "Sign up for our newsletter today";
        Assert.True(PatternRunner.IsMatch(regex, shortLine, new TextSpan(0, shortLine.Length)));
        Assert.True(regex.IsInterpreterBuilt);
        Assert.False(regex.IsBuilt);
        string longLine = "Sign up " + new string('x', 500) + " our newsletter";
        Assert.True(PatternRunner.IsMatch(regex, longLine, new TextSpan(0, longLine.Length)));
        Assert.True(regex.IsBuilt);
    }

    /// <summary>
    /// A pattern that is not anchored is tried at every position, a degree more; it is tested on the
    /// interpreter until it has seen <see cref="LazyRegex.InterpreterAllowance"/> characters, then on the
    /// linear-time engine, with the same answers throughout.
    /// </summary>
    [Fact]
    public void AnUnanchoredPattern_UsesTheInterpreterUntilItsAllowanceIsSpent()
    {
        Assert.Equal(0, BacktrackingCost.Degree(@"\b(?:I|me|my|we|our)\b"));
        var regex = RegexFactory.TryCreateLazy(@"\b(?:I|me|my|we|our)\s+(?:think|believe)\b", ignoreCase: true, out _)!;
        string yes = "Then we believe it will hold, the coach said.", no = "The team believes it will hold, the coach said.";
        long seen = 0;
        while (seen + yes.Length + no.Length <= LazyRegex.InterpreterAllowance)
        {
            Assert.True(PatternRunner.IsMatch(regex, yes, new TextSpan(0, yes.Length)));
            Assert.False(PatternRunner.IsMatch(regex, no, new TextSpan(0, no.Length)));
            seen += yes.Length + no.Length;
        }
        Assert.True(regex.IsInterpreterBuilt);
        Assert.False(regex.IsBuilt);
        for (int k = 0; k < 3; k++)
        {
            Assert.True(PatternRunner.IsMatch(regex, yes, new TextSpan(0, yes.Length)));
            Assert.False(PatternRunner.IsMatch(regex, no.AsSpan()));
        }
        Assert.True(regex.IsBuilt);
    }

    /// <summary>
    /// A linear-time pattern tried at chosen offsets (<see cref="PatternRunner.MatchesAt"/>) is tried on the
    /// interpreter, anchored, until it has been tried in <see cref="LazyRegex.InterpreterAllowance"/>
    /// characters of regions; then its linear-time regex is built and scans the region. Both ways find
    /// the same matches.
    /// </summary>
    [Fact]
    public void ALinearPattern_TriedAtOffsets_UsesTheInterpreterUntilItsAllowanceIsSpent()
    {
        const string pattern = @"\b(?:critics|experts)\s+(?:say|said|warn)\b";
        Assert.False(RegexFactory.MayNeedBacktracking(pattern));
        Assert.Equal(1, BacktrackingCost.Degree(pattern));
        var regex = RegexFactory.TryCreateLazy(pattern, ignoreCase: true, out _)!;
        const string line = "Critics say the plan fails; experts warned, and critics  said so again.";
        int[] starts = [0, 28, 48]; // where "critics" or "experts" starts
        var expected = new[] { new TextSpan(0, 11), new TextSpan(48, 13) };
        long seen = 0;
        while (seen + line.Length <= LazyRegex.InterpreterAllowance)
        {
            var found = new List<TextSpan>();
            PatternRunner.MatchesAt(regex, line, new TextSpan(0, line.Length), starts, found);
            Assert.Equal(expected, found);
            seen += line.Length;
        }
        Assert.False(regex.IsBuilt);
        var after = new List<TextSpan>();
        PatternRunner.MatchesAt(regex, line, new TextSpan(0, line.Length), starts, after);
        Assert.True(regex.IsBuilt);
        Assert.Equal(expected, after);
    }

    /// <summary>A linear-time pattern whose tries have no bound this short is never tried on the interpreter.</summary>
    [Fact]
    public void ALinearPattern_WithoutABound_IsScannedOnTheLinearEngine()
    {
        const string pattern = @"\b(?:critics|experts)\s+(?:(?:have|also)\s+){0,2}(?:say|said)\b";
        Assert.Null(BacktrackingCost.Degree(pattern));
        var regex = RegexFactory.TryCreateLazy(pattern, ignoreCase: true, out _)!;
        const string line = "Critics have also said so.";
        var found = new List<TextSpan>();
        PatternRunner.MatchesAt(regex, line, new TextSpan(0, line.Length), [0], found);
        Assert.True(regex.IsBuilt);
        Assert.Equal([new TextSpan(0, 22)], found);
    }

    /// <summary>
    /// The bundled context patterns (unlessSentence, unlessParagraph, unlessBefore) that the interpreter
    /// may stand in for answer as the linear-time engine does on every line of the corpora and the examples.
    /// </summary>
    [Fact]
    public void TheInterpreter_AnswersAsTheLinearEngine_OnTheBundledContextPatterns()
    {
        var lines = Lines().Concat(ExampleLines()).ToList();
        var options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
        int patterns = 0, matched = 0;
        foreach (string pattern in BundledContextPatterns().Distinct())
        {
            if (RegexFactory.MayNeedBacktracking(pattern) || BacktrackingCost.Degree(pattern) is null) continue;
            patterns++;
            var linear = new Regex(pattern, options | RegexOptions.NonBacktracking);
            var interpreter = new Regex(pattern, options);
            foreach (string line in lines)
            {
                bool expected = linear.IsMatch(line);
                if (expected) matched++;
                Assert.True(interpreter.IsMatch(line) == expected, $"'{line}': {pattern} says {expected} on the linear engine, not on the interpreter");
            }
        }
        Assert.True(patterns >= 10 && matched >= 100, $"{patterns} patterns, {matched} matching lines: too little checked");
    }

    /// <summary>
    /// Every bundled whole-unit pattern the interpreter may stand in for answers as the linear-time engine
    /// does, on the lines of the corpora and the rules' examples and on lines made of the pattern's own
    /// words, matching or not; every pattern must match some of those lines, or the check proves little.
    /// </summary>
    [Fact]
    public void TheInterpreter_AnswersAsTheLinearEngine_OnTheBundledWholeUnitPatterns()
    {
        var lines = Lines().Concat(ExampleLines()).ToList();
        var options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
        int patterns = 0;
        var unmatched = new List<string>();
        foreach (string pattern in BundledAnchoredPatterns().Distinct())
        {
            if (BacktrackingCost.AnchoredDegree(pattern) is null) continue;
            patterns++;
            var linear = new Regex(pattern, options | RegexOptions.NonBacktracking);
            var interpreter = new Regex(pattern, options);
            int matched = 0;
            void Check(string line)
            {
                bool expected = linear.IsMatch(line);
                if (expected) matched++;
                if (interpreter.IsMatch(line) != expected) throw new Exception($"'{line}': {pattern} says {expected} on the linear engine, not on the interpreter");
            }
            foreach (string line in lines) Check(line);
            var words = Regex.Matches(Regex.Replace(pattern, @"\\[pP]\{\w+\}|\\[a-zA-Z]", " "), @"\p{L}+").Select(m => m.Value).Distinct().ToArray();
            // Generated from a fixed seed, so that which patterns match some line is the same on every run:
            // the floor below is then a fact about the pack, not about the draw.
            var random = new Random(patterns);
            for (int i = 0; i < 3000; i++) Check(GeneratedLine(random, words));
            foreach (string line in BundledPack.OrderedLines(pattern, 3000, patterns)) Check(line);
            if (matched == 0) unmatched.Add(pattern);
        }
        Assert.True(patterns >= 20, $"only {patterns} whole-unit patterns have a bound");
        Assert.True(unmatched.Count == 0, $"no line matched {string.Join(", ", unmatched)}, so nothing was checked on a match");
    }

    private static readonly string[] Punctuation = [" ", "  ", ":", "|", "·", "•", "©", "2024", "(12)", ".", "-", "'"];

    /// <summary>
    /// One to ten pieces, most of them the pattern's own words, some punctuation, digits and noise,
    /// joined by spaces or not.
    /// </summary>
    private static string GeneratedLine(Random random, string[] words)
    {
        var parts = new string[random.Next(1, 11)];
        for (int i = 0; i < parts.Length; i++)
        {
            int pick = random.Next(9);
            parts[i] = pick < 5 && words.Length > 0 ? words[random.Next(words.Length)]
                : pick < 8 ? Punctuation[random.Next(Punctuation.Length)]
                : new string(Enumerable.Range(0, random.Next(1, 6)).Select(_ => (char)('a' + random.Next(26))).ToArray());
        }
        return string.Join(parts.Length % 2 == 0 ? " " : "", parts);
    }

    /// <summary>The bundled rules' context patterns, as written.</summary>
    private static IEnumerable<string> BundledContextPatterns() =>
        new[] { "unlessSentence", "unlessParagraph", "unlessBefore" }.SelectMany(key => BundledPack.Patterns(key));

    /// <summary>The bundled boilerplate patterns, anchored as the rule anchors them.</summary>
    private static IEnumerable<string> BundledAnchoredPatterns() => BundledPack.Patterns("patterns", "boilerplate").Select(p => "^(?:" + p + ")$");

    private static IEnumerable<string> ExampleLines() => BundledPack.ExampleLines("boilerplate");

    private static IEnumerable<string> Lines() => BundledPack.FileLines();
}
