using System.Text.RegularExpressions;
using CsCheck;
using TextLint.Matching;
using TextLint.Text;
using TextLint.Yaml;

namespace TextLint.Core.Tests.Matching;

/// <summary>
/// The prefilter is only worth having if it never loses a match: every string a pattern matches must
/// contain one of its required phrases. These tests check the extraction on known shapes, then that
/// implication on the bundled pack's own patterns over real articles and over generated text.
/// </summary>
public class RequiredLiteralsTests
{
    [Theory]
    [InlineData(@"\d+\s+(?:Comments?|Replies)", "comment|replies")]
    [InlineData(@"^(?:Close Menu)$", "close menu")]
    [InlineData(@".*\bAll [Rr]ights [Rr]eserved\.?", "all rights reserved")]
    [InlineData(@"(?:©|\(c\)|Copyright\s*\d{4}).*", "(c)|copyright|©")]
    [InlineData(@"Home\s*(?:»|›)\s*.*", "home")]
    [InlineData(@"[\p{L}]+\s*(?:»|›|→)\s*[\p{L}]+", "»|›|→")]
    [InlineData(@"(?i)share (?:this )?on", "share on|share this on")]
    [InlineData(@"(?<name>Photo)s?(?=:)", "photo")]
    [InlineData(@"don'?t miss", "don't miss|dont miss")]
    [InlineData(@"(?:a|b)(?:c|d)", "ac|ad|bc|bd")]
    [InlineData(@"\$\d+ million", " million")]
    [InlineData(@"x{2,}y", "x")]
    [InlineData(@"[a-z]+ing", "ing")]                  // the range gives no phrase; the run after it does
    // "some" and "many" are in nearly every sentence (and inside "handsome", "Germany"): the rarer nouns prefilter better
    [InlineData(@"\b(?:some|many)\s+(?:fans|poets|monks)\s+say", "fans|monks|poets")]
    public void Extracts_ThePhrasesEveryMatchContains(string pattern, string expected)
    {
        var phrases = RequiredLiterals.Of(pattern);
        Assert.NotNull(phrases);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), phrases);
    }

    /// <summary>Two parts of a sequence, each with its own required set: a unit must hold a phrase of both.</summary>
    [Theory]
    [InlineData(@"\b(?:some|many)\s+(?:fans|poets|monks)\s+say", "fans|monks|poets", "many|some")]
    [InlineData(@"\b(?:some|many|most)\s+(?:[a-z-]+\s+){0,2}(?:believe|argue)(?=\s+that)", "argue|believe", "many|most|some")]
    [InlineData(@"(?:Photo|Image):\s+\w+\s+(?:via|courtesy of)", "image:|photo:", "courtesy of|via")]
    public void AllOf_GivesASecondSetFromAnotherPartOfTheSequence(string pattern, string first, string second)
    {
        var sets = RequiredLiterals.AllOf(pattern);
        Assert.Equal(2, sets.Count);
        Assert.Equal(RequiredLiterals.Of(pattern), sets[0]);
        Assert.Equal(first.Split('|').Order(StringComparer.Ordinal), sets[0]);
        Assert.Equal(second.Split('|').Order(StringComparer.Ordinal), sets[1]);
    }

    [Theory]
    [InlineData(@"(?:foo\s+bar|baz)")]            // an alternation at the top: each branch needs different words
    [InlineData(@"\bsaid\b")]                      // one part only
    [InlineData(@"(?<=\bsome\s)critics say")]      // a lookbehind's words are not part of the match
    [InlineData(@"critics (?:say)?")]              // the second part may be missing
    public void AllOf_GivesOneSet_WhereNoOtherPartIsRequired(string pattern) => Assert.True(RequiredLiterals.AllOf(pattern).Count <= 1);

    [Theory]
    [InlineData(@".*")]
    [InlineData(@"\w+:?")]                   // ':' is optional: "abc" matches without it
    [InlineData(@"(?:Source|\d+)")]          // a branch with no literal
    [InlineData(@"(?x) a b c")]              // x reads the pattern differently
    [InlineData(@"(?(a)b|c)")]               // conditionals are not understood
    [InlineData(@"[^abc]+")]
    [InlineData(@"(?:x|)")]                  // the empty branch matches with no phrase at all
    public void GivesUp_WhereNoPhraseIsRequired(string pattern) => Assert.Null(RequiredLiterals.Of(pattern));

    /// <summary>
    /// A case-insensitive regex takes the Kelvin sign for 'k' and the Angstrom sign for 'å'; folding must
    /// take them alike too, or a prefilter phrase would miss a line the regex matches. Checked against the
    /// regex engine for ASCII, Latin, Greek and Cyrillic letters, each against every UTF-16 code unit.
    /// </summary>
    [Fact]
    public void Folding_CoversEveryCharacterACaseInsensitiveRegexEquates()
    {
        var everyCodeUnit = new string(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).ToArray());
        var missed = new List<string>();
        for (int c = 'A'; c <= 0x052F; c++)
        {
            if (c > 'z' && c < 0xC0 || !char.IsLetter((char)c)) continue;
            var regex = new Regex(Regex.Escape(((char)c).ToString()), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            foreach (var m in regex.EnumerateMatches(everyCodeUnit))
                if (CharClass.Fold(everyCodeUnit[m.Index]) != CharClass.Fold((char)c)) missed.Add($"U+{m.Index:X4} ~ U+{c:X4}");
        }
        Assert.Empty(missed);
    }

    public static TheoryData<string, string> PackPatterns() => Data(BundledPatterns());

    private static TheoryData<string, string> Data(IEnumerable<(string Id, string Pattern)> patterns)
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, pattern) in patterns) data.Add(id, pattern);
        return data;
    }

    /// <summary>Real articles: every line a bundled pattern matches holds one of its phrases.</summary>
    [Theory]
    [MemberData(nameof(PackPatterns))]
    public void BundledPatterns_NeverLoseAMatch_OnTheCorpora(string ruleId, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var phrases = RequiredLiterals.Of(pattern);
        Assert.True(phrases is not null, $"{ruleId}: no prefilter for {pattern}");
        var matcher = Matcher(phrases);
        int matched = 0;
        foreach (string line in CorpusLines())
        {
            if (!regex.IsMatch(line)) continue;
            matched++;
            Assert.True(Contains(matcher, line), $"{ruleId}: '{line}' matches {pattern} but holds none of [{string.Join(", ", phrases)}]");
        }
        _ = matched; // most patterns match no corpus line: the generated text below exercises them
    }

    /// <summary>
    /// Generated text, one pattern at a time and unanchored (every match must hold a phrase, not only
    /// whole-line ones): lines spliced from the pattern's own words, the same words cut short ("Comment"
    /// from "Comments?"), its punctuation, digits, white space of every kind and noise, in random case.
    /// </summary>
    [Fact]
    public void BundledPatterns_NeverLoseAMatch_OnGeneratedText()
    {
        var patterns = BundledPatterns(anchored: false).ToArray();
        int matched = 0;
        foreach (var (id, pattern) in patterns)
        {
            var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var phrases = RequiredLiterals.Of(pattern);
            Assert.True(phrases is not null, $"{id}: no prefilter for {pattern}");
            var matcher = Matcher(phrases);
            LinesFrom(pattern).Sample(text =>
            {
                if (!regex.IsMatch(text)) return;
                Interlocked.Increment(ref matched);
                if (!Contains(matcher, text)) throw new Exception($"{id}: '{text}' matches {pattern} but holds none of [{string.Join(", ", phrases)}]");
            }, iter: 1500);
        }
        // The generator must actually produce matches, or the property above proves nothing.
        Assert.True(matched > patterns.Length * 10, $"only {matched} generated lines matched");
    }

    [Theory]
    [InlineData(@"\bsaid\b", "said")]
    [InlineData(@"\b(?:the )?said", "said|the said")]
    [InlineData(@"[Tt]he (?:critics|experts)\s+say", "the critics|the experts")]
    [InlineData(@"(?<=\bit\s+is\s+)(?:said|believed)\b", "believed|said")]      // a lookbehind's words come before the match
    [InlineData(@"\b(?=(?:rumou?red|thought)\b)(?<=\bis\s)\w+", "rumored|rumoured|thought")] // the lookahead's, where nothing else is known
    [InlineData(@"\b(?=(?:sa|be)\w*\b)(?:said|believed)", "believed|said")]    // of two, the longer phrases
    [InlineData(@"(?:some|many)\s+\w+|critics", "critics|many|some")]
    [InlineData(@"(?:said|saida|unsaid)\s", "said|unsaid")]                     // "said" begins "saida" too
    [InlineData(@"(?:held|felt)(?=\s+that\b)", "felt|held")]
    [InlineData(@"(?:ab)+c", "ab")]
    [InlineData(@"\b(?:(?:some|many)\s+)?(?:studies|research)\s", "many|research|some|studies")] // an optional opening, or what follows it
    public void Leading_GivesThePhrasesEveryMatchStartsWith(string pattern, string expected) =>
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), RequiredLiterals.Leading(pattern));

    [Theory]
    [InlineData(@"\w+ said")]                   // the match starts with any word
    [InlineData(@"(?:the )?\w+")]               // or with "the", or anything
    [InlineData(@"(?:said|\d+)")]               // one branch has no phrase
    [InlineData(@"(?:some )*critics")]           // "some" may repeat or be absent
    [InlineData(@"(?!said)\w+")]                // a negative lookahead says what the match does not start with
    [InlineData(@"(?<=said )it")]                // a lookbehind: "said" is before the match, not in it... but "it" is
    public void Leading_IsNullOrRight_WhereTheStartIsOpen(string pattern)
    {
        var leading = RequiredLiterals.Leading(pattern);
        if (pattern == @"(?<=said )it") Assert.Equal(["it"], leading);
        else Assert.Null(leading);
    }

    /// <summary>Sentences in the shapes the backtracking markers look for, so that each has matches to check.</summary>
    private static readonly string[] AgentlessSentences =
    [
        "It is thought that the fire started in the kitchen, and it was widely thought unlikely.",
        "It has long been said that the bridge is unsafe; it's been rumoured that it will close.",
        "The painter is rumoured to have fled, and he was said to be ill; the tower is thought to be old.",
        "The film is considered one of the best, and it was regarded as a landmark.",
        "Critics have argued that the law is weak, while many historians believe that it worked.",
        "Some scholars of the period doubted the account. Research has shown that coffee helps.",
        "Recent studies suggest that sleep matters, and the claim is disputed by many to this day.",
    ];

    public static TheoryData<string, string> BacktrackingMarkers() => Data(AttributionMarkers(all: true).Where(m => RegexFactory.AuditedBacktracking.Contains(m.Pattern)));

    /// <summary>
    /// A backtracking marker pattern is tried only where a phrase of its leading set starts, as the
    /// literal pass reports them: every match in the corpora, the examples and generated text must start
    /// exactly where the literal pass reports one.
    /// </summary>
    [Theory]
    [MemberData(nameof(BacktrackingMarkers))]
    public void BacktrackingMarkers_StartWhereALeadingPhraseStarts(string ruleId, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var leading = RequiredLiterals.Leading(pattern);
        Assert.True(leading is not null, $"{ruleId}: no leading set for {pattern}");
        var matcher = Matcher(leading);
        int matched = 0;
        void Check(string line)
        {
            var starts = new HashSet<int>();
            matcher.Scan(line, (_, m) => starts.Add(m.Span.Start));
            foreach (Match m in regex.Matches(line))
            {
                matched++;
                if (!starts.Contains(m.Index)) throw new Exception($"{ruleId}: '{line}' has a match of {pattern} at {m.Index} where none of [{string.Join(", ", leading)}] starts");
            }
        }
        foreach (string line in CorpusLines().Concat(AgentlessSentences)) Check(line);
        LinesFrom(pattern).Sample(Check, iter: 800);
        Assert.True(matched > 0, $"{ruleId}: nothing matched {pattern}, so nothing was checked");
    }

    public static TheoryData<string, string> LeadingMarkers() =>
        Data(AttributionMarkers(all: true).Where(m => RequiredLiterals.Leading(m.Pattern) is not null));

    /// <summary>
    /// The attribution kind tries a marker pattern with a leading set only where the literal pass found one
    /// of its phrases (<see cref="PatternRunner.MatchesAt"/>), anchored, on the interpreter: a backtracking
    /// pattern always, a linear-time one while <see cref="LazyRegex.AnchoredTriesFor"/> allows. On every
    /// line of the corpora, the examples and generated text, the tries must find exactly what a scan of
    /// the whole line finds on the engine the pattern otherwise runs on (the same starts, the same ends).
    /// </summary>
    [Theory]
    [MemberData(nameof(LeadingMarkers))]
    public void Markers_TriedWhereALeadingPhraseStarts_FindWhatAScanFinds(string ruleId, string pattern)
    {
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        var scan = new Regex(pattern, RegexFactory.MayNeedBacktracking(pattern) ? options : options | RegexOptions.NonBacktracking);
        var anchored = RegexFactory.CreateAnchored(pattern, ignoreCase: true)!;
        var matcher = Matcher(RequiredLiterals.Leading(pattern)!);
        int matched = 0;
        void Check(string line)
        {
            var starts = new List<int>();
            matcher.Scan(line, (_, m) => starts.Add(m.Span.Start));
            starts.Sort();
            var region = new TextSpan(0, line.Length);
            var scanned = PatternRunner.MatchesIn(scan, line, region);
            var tried = new List<TextSpan>();
            PatternRunner.TryAt(anchored, line, region, starts.ToArray(), tried, pattern);
            Interlocked.Add(ref matched, scanned.Count);
            if (!scanned.SequenceEqual(tried))
                throw new Exception($"{ruleId}: '{line}': a scan finds [{string.Join(", ", scanned)}], the tries at [{string.Join(", ", starts)}] find [{string.Join(", ", tried)}]");
        }
        foreach (string line in CorpusLines().Concat(AgentlessSentences).Concat(BundledPack.OrderedLines(pattern, 2000, seed: 1))) Check(line);
        LinesFrom(pattern).Sample(Check, iter: 800);
        Assert.True(matched > 0, $"{ruleId}: nothing matched {pattern}, so nothing was checked");
    }

    /// <summary>The attribution rules' marker (case-insensitive) and source (case-sensitive) patterns that the linear-time engine runs and the interpreter may scan (they have a degree).</summary>
    public static TheoryData<string, string, bool> ScannedPatterns()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (id, map) in BundledRules())
        {
            if ((map["kind"] as YamlScalar)?.Value != "attribution") continue;
            foreach (var (key, ignoreCase) in new[] { ("regex", true), ("sources", false) })
                if (map[key] is YamlSequence seq)
                    foreach (var p in seq.Items.OfType<YamlScalar>().Select(s => s.Value).Distinct())
                        if (!RegexFactory.MayNeedBacktracking(p) && BacktrackingCost.Degree(p) is not null) data.Add(id, p, ignoreCase);
        }
        return data;
    }

    /// <summary>
    /// A linear-time marker or source pattern may scan a sentence on the interpreter (<see cref="PatternRunner.MatchesIn(LazyRegex, string, TextSpan)"/>,
    /// while <see cref="LazyRegex.InterpreterFor"/> allows): on every line of the corpora, the examples and
    /// generated text, the interpreter's scan must find exactly the matches of the linear-time engine's.
    /// </summary>
    [Theory]
    [MemberData(nameof(ScannedPatterns))]
    public void LinearPatterns_ScannedOnTheInterpreter_FindWhatTheLinearEngineFinds(string ruleId, string pattern, bool ignoreCase)
    {
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        var linear = new Regex(pattern, options | RegexOptions.NonBacktracking);
        var interpreter = RegexFactory.CreateInterpreted(pattern, ignoreCase);
        int matched = 0;
        void Check(string line)
        {
            var region = new TextSpan(0, line.Length);
            var scanned = PatternRunner.MatchesIn(linear, line, region);
            var interpreted = PatternRunner.MatchesIn(interpreter, line, region);
            Interlocked.Add(ref matched, scanned.Count);
            if (!scanned.SequenceEqual(interpreted))
                throw new Exception($"{ruleId}: '{line}': the linear engine finds [{string.Join(", ", scanned)}], the interpreter [{string.Join(", ", interpreted)}]");
        }
        foreach (string line in CorpusLines().Concat(AgentlessSentences).Concat(BundledPack.OrderedLines(pattern, 2000, seed: 2))) Check(line);
        LinesFrom(pattern).Sample(Check, iter: 800);
        Assert.True(matched > 0, $"{ruleId}: nothing matched {pattern}, so nothing was checked");
    }

    public static TheoryData<string, string> MarkerPatterns() => Data(AttributionMarkers());

    /// <summary>
    /// The attribution rules run a marker pattern only on sentences that hold a phrase of each of its
    /// required sets (<see cref="RequiredLiterals.AllOf"/>): every line of the corpora, the examples and
    /// generated text that a marker pattern matches must hold a phrase of every set.
    /// </summary>
    [Theory]
    [MemberData(nameof(MarkerPatterns))]
    public void AttributionMarkers_NeverLoseAMatch_ToEitherSet(string ruleId, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var sets = RequiredLiterals.AllOf(pattern);
        var matchers = sets.Select(Matcher).ToArray();
        void Check(string line)
        {
            if (!regex.IsMatch(line)) return;
            for (int k = 0; k < sets.Count; k++)
                if (!Contains(matchers[k], line)) throw new Exception($"{ruleId}: '{line}' matches {pattern} but holds none of set {k + 1}, [{string.Join(", ", sets[k])}]");
        }
        foreach (string line in CorpusLines()) Check(line);
        LinesFrom(pattern).Sample(Check, iter: 800);
    }

    /// <summary>
    /// Lines spliced from the pattern's own words, the same words cut short ("Comment" from "Comments?"),
    /// its punctuation, digits, white space of every kind and noise, in random case.
    /// </summary>
    private static Gen<string> LinesFrom(string pattern)
    {
        var words = Regex.Matches(pattern, @"\\p\{\w+\}|\\[a-zA-Z]|(\p{L}+)").Where(m => m.Groups[1].Success).Select(m => m.Value).Distinct().ToArray();
        string[] pieces = [.. words, .. words.Where(w => w.Length > 1).Select(w => w[..^1]), .. Symbols(pattern)];
        var piece = Gen.Frequency(
            (6, Gen.OneOf<string>(pieces)),
            (3, Gen.OneOf<string>(" ", " ", "  ", "\t", "\u00A0", ":", ",", ".", "2024", "12", "https://x.org/a")),
            (1, Gen.String[Gen.Char['a', 'z'], 1, 6]));
        return Gen.Select(piece.Array[1, 9], Gen.Bool.Array[9], (parts, upper) =>
            string.Concat(parts.Select((p, i) => upper[i] ? p.ToUpperInvariant() : p)));
    }

    /// <summary>The attribution rules' marker patterns ('regex') that have two required sets (or all of them).</summary>
    private static IEnumerable<(string Id, string Pattern)> AttributionMarkers(bool all = false)
    {
        foreach (var (id, map) in BundledRules())
        {
            if ((map["kind"] as YamlScalar)?.Value != "attribution" || map["regex"] is not YamlSequence seq) continue;
            foreach (var p in seq.Items.OfType<YamlScalar>().Select(s => s.Value).Distinct())
                if (all || RequiredLiterals.AllOf(p).Count == 2) yield return (id, p);
        }
    }

    /// <summary>The characters a pattern matches literally outside its letters: '©', '»', ':', '(' …</summary>
    private static IEnumerable<string> Symbols(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && !char.IsAsciiLetterOrDigit(pattern[i + 1])) yield return pattern[++i].ToString();
            else if (!char.IsLetterOrDigit(c) && "\\^$.|?*+()[]{}".IndexOf(c) < 0) yield return c.ToString();
        }
    }

    private static LiteralMatcher Matcher(IReadOnlyList<string> phrases)
    {
        var registry = new LiteralRegistry();
        foreach (var p in phrases) registry.AddSubstring(p, 0);
        return new LiteralMatcher(registry.Patterns);
    }

    private static bool Contains(LiteralMatcher matcher, string text)
    {
        bool found = false;
        matcher.Scan(text, (_, _) => found = true);
        return found;
    }

    /// <summary>
    /// The bundled patterns that are prefiltered: each boilerplate pattern anchored as the rule anchors it
    /// (or unanchored), and every attribution source pattern.
    /// </summary>
    private static IEnumerable<(string Id, string Pattern)> BundledPatterns(bool anchored = true)
    {
        foreach (var (id, map) in BundledRules())
        {
            string? kind = (map["kind"] as YamlScalar)?.Value;
            if (kind == "attribution" && map["sources"] is YamlSequence sources)
                foreach (var p in sources.Items.OfType<YamlScalar>().Select(s => s.Value).Distinct()) yield return (id, p);
            if (kind != "boilerplate" || map["patterns"] is not YamlSequence seq) continue;
            var patterns = seq.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray();
            foreach (var p in patterns) yield return (id, anchored ? "^(?:" + p + ")$" : p);
        }
    }

    private static IEnumerable<(string Id, YamlMapping Map)> BundledRules() => BundledPack.Rules();

    private static IEnumerable<string> CorpusLines() => BundledPack.FileLines().Concat(BundledPack.ExampleLines());
}
