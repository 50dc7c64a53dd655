using System.Text;
using System.Text.RegularExpressions;
using TextLint.Cli.Infrastructure;
using TextLint.Cli.Patterns;
using TextLint.Matching;
using TextLint.Rules;

namespace TextLint.Cli.Tests.Patterns;

/// <summary>
/// The bundled pack's precompiled regexes (src/TextLint.Cli/Patterns/BundledPatterns.g.cs, the regex
/// source generator's code): the checked-in file is what <c>internal bundled-patterns</c> writes for
/// rules/ today, every regex in it is generated code with the options and timeout the engine asks for,
/// it matches exactly as the interpreter does on real text, and the engine takes it only where the cost
/// analysis bounds a backtracking run.
/// </summary>
public class BundledPatternsTests
{
    private static readonly Lazy<IReadOnlyList<(string Pattern, bool IgnoreCase)>> PackPatterns = new(() =>
    {
        var (patterns, errors) = BundledPatternsSource.PackPatterns(TestPaths.Rules, TestPaths.RepoRoot);
        Assert.True(patterns is not null, string.Join("\n", errors));
        return patterns;
    });

    private static readonly Lazy<IReadOnlyList<PrecompiledPattern>> Wanted = new(() => PrecompiledPatterns.Wanted(PackPatterns.Value));

    [Fact]
    public void TheCheckedInFile_IsWhatTheCommandWrites_ForTheBundledPack()
    {
        string path = Path.Combine(TestPaths.RepoRoot, BundledPatternsSource.RelativePath);
        string expected = BundledPatternsSource.Generate(PackPatterns.Value);
        string actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == actual,
            $"{BundledPatternsSource.RelativePath} is stale: the bundled pack's patterns (or the engine's reading of them, PrecompiledPatterns.Wanted) changed. Regenerate it with " +
            "`dotnet run --project src/TextLint.Cli -c Release -- internal bundled-patterns rules -o src/TextLint.Cli/Patterns/BundledPatterns.g.cs` and commit it.");
    }

    [Fact]
    public void TheCommand_WritesTheFile_AndIsNotInHelp()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var r = CliRunner.Run(dir.Path, "internal", "bundled-patterns", TestPaths.Rules, "-o", "out.g.cs");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(BundledPatternsSource.Generate(PackPatterns.Value), File.ReadAllText(Path.Combine(dir.Path, "out.g.cs")));
        Assert.DoesNotContain("bundled-patterns", CliRunner.Run(dir.Path, "--help").Out);
        var missing = CliRunner.Run(dir.Path, "internal", "bundled-patterns", "no-such-pack");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'no-such-pack'", missing.Error);
    }

    [Fact]
    public void TheCommand_RefusesAPackThatDoesNotLoad_AndAFolderAsItsOutput_WritingNothing()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/broken.yaml", "id: HX001\ntitle: Broken\nmessage: m\ncategory: C\nkind: existence\nregex: ['(unclosed']\n");
        var broken = CliRunner.Run(dir.Path, "internal", "bundled-patterns", "pack", "-o", "out.g.cs");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.yaml", broken.Error);
        Assert.DoesNotContain("   at ", broken.Error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "out.g.cs")));

        Directory.CreateDirectory(Path.Combine(dir.Path, "folder"));
        var folder = CliRunner.Run(dir.Path, "internal", "bundled-patterns", TestPaths.Rules, "-o", "folder");
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("'folder'", folder.Error);
        Assert.DoesNotContain("   at ", folder.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(dir.Path, "folder")));
    }

    [Fact]
    public void EveryWantedRegex_IsInTheTable_AsGeneratedCode_WithTheEnginesOptionsAndTimeout()
    {
        var wanted = Wanted.Value;
        Assert.True(wanted.Count > 150, $"only {wanted.Count} regexes wanted");
        Assert.Equal(BundledPatterns.Count, wanted.Count);
        foreach (var w in wanted)
        {
            var regex = BundledPatterns.Instance.Find(w.Pattern, w.Options);
            Assert.True(regex is not null, w.Pattern);
            // The source generator's subclass, not a Regex it fell back to (which would be the interpreter).
            Assert.NotEqual(typeof(Regex), regex.GetType());
            Assert.Equal(w.Pattern, regex.ToString());
            Assert.Equal(w.Options, regex.Options);
            Assert.Equal(w.Timeout ?? Regex.InfiniteMatchTimeout, regex.MatchTimeout);
            Assert.Same(regex, PrecompiledPatterns.Find(w.Pattern, w.Options, regex.MatchTimeout));
            // Another timeout or other options: not this regex (the factory then builds its own).
            Assert.Null(PrecompiledPatterns.Find(w.Pattern, w.Options, TimeSpan.FromSeconds(7)));
            if (!wanted.Any(o => o.Pattern == w.Pattern && o.Options == (w.Options ^ RegexOptions.IgnoreCase)))
                Assert.Null(BundledPatterns.Instance.Find(w.Pattern, w.Options ^ RegexOptions.IgnoreCase));
        }
        Assert.Null(BundledPatterns.Instance.Find(@"\bnot a bundled pattern\b", RegexOptions.CultureInvariant));
    }

    /// <summary>
    /// Generated code and the interpreter find the same matches (index and length, from every start a scan
    /// or an anchored try uses) on the sample, seed and fixture articles, the rules' examples and lines made
    /// of each pattern's own words: the same backtracking order, and the same case folding under
    /// IgnoreCase and invariant globalization.
    /// </summary>
    [Fact]
    public void GeneratedCode_MatchesAsTheInterpreter_OnArticlesExamplesAndPatternWords()
    {
        var lines = FileLines().Concat(ExampleLines()).Distinct().ToList();
        Assert.True(lines.Count > 500, $"{lines.Count} lines");
        var failures = new List<string>();
        Parallel.ForEach(Wanted.Value, w =>
        {
            var generated = BundledPatterns.Instance.Find(w.Pattern, w.Options)!;
            var interpreted = new Regex(w.Pattern, w.Options, Regex.InfiniteMatchTimeout);
            var linear = LinearTime(w);
            foreach (string line in lines.Concat(OrderedLines(w.Pattern, 300, seed: w.Pattern.Length)))
                if (Compare(generated, interpreted, line) is { } diff
                    || (linear is not null && Compare(generated, linear, line) is { } linearDiff && (diff = "linear-time engine: " + linearDiff) is not null))
                {
                    lock (failures) failures.Add($"{w.Pattern} ({w.Options}) on \"{line}\": {diff}");
                    break;
                }
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>The same on real news: the paragraphs of Wikinews' dev articles.</summary>
    [SharedDataFact("corpus/wikinews/dev")]
    public void GeneratedCode_MatchesAsTheInterpreter_OnWikinews()
    {
        var paragraphs = Directory.EnumerateFiles(TestPaths.SharedData("corpus/wikinews/dev"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n"))
            .Where(p => p.Trim().Length > 0)
            .ToList();
        Assert.True(paragraphs.Count > 1000, $"{paragraphs.Count} paragraphs");
        var failures = new List<string>();
        Parallel.ForEach(Wanted.Value, w =>
        {
            var generated = BundledPatterns.Instance.Find(w.Pattern, w.Options)!;
            var interpreted = new Regex(w.Pattern, w.Options, Regex.InfiniteMatchTimeout);
            var linear = LinearTime(w);
            foreach (string paragraph in paragraphs)
                if (Compare(generated, interpreted, paragraph) is { } diff
                    || (linear is not null && Compare(generated, linear, paragraph) is { } linearDiff && (diff = "linear-time engine: " + linearDiff) is not null))
                {
                    lock (failures) failures.Add($"{w.Pattern} ({w.Options}): {diff}");
                    break;
                }
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>
    /// Where the engine runs the table's regexes: a bounded test or try always (no allowance to use up),
    /// never one whose cost the analysis does not bound (a long input), and never in place of the
    /// linear-time engine for a pattern that analysis gives no bound (issue #19).
    /// </summary>
    [Fact]
    public void TheEngine_RunsGeneratedCode_OnlyWhereTheCostAnalysisBoundsIt()
    {
        var previous = PrecompiledPatterns.Table;
        PrecompiledPatterns.Table = BundledPatterns.Instance;
        try
        {
            int checkedBounded = 0, checkedAnchored = 0;
            foreach (var (pattern, ignoreCase) in PackPatterns.Value)
            {
                var lazy = new LazyRegex(pattern, ignoreCase);
                var options = RegexFactory.Options(ignoreCase);
                var (degree, atStart) = LazyRegex.InterpreterCost(pattern);
                var plain = BundledPatterns.Instance.Find(pattern, options);
                if (degree is not { } d)
                {
                    Assert.Null(lazy.InterpreterFor(10));
                    Assert.Null(lazy.AnchoredTriesFor(10));
                    // A pattern that needs backtracking runs on generated code; any other on the linear-time engine.
                    if (RegexFactory.IsLinearTime(lazy.Value)) Assert.Null(plain);
                    else Assert.Same(plain, lazy.Value);
                    continue;
                }
                Assert.NotNull(plain);
                // Past the interpreter's allowance (the ski rental) and with the linear-time regex built: still generated code.
                int fit = PatternRunner.Window;
                while (!BacktrackingCost.WithinBudget(d, fit)) fit = fit * 3 / 4;
                for (long seen = 0; seen <= 2 * LazyRegex.InterpreterAllowance; seen += fit) Assert.Same(plain, lazy.InterpreterFor(fit));
                _ = lazy.Value;
                Assert.Same(plain, lazy.InterpreterFor(1));
                // A length the analysis does not bound (or past a window) is never given to it.
                int over = 1;
                while (BacktrackingCost.WithinBudget(d, over) && over <= PatternRunner.Window) over *= 2;
                Assert.Null(lazy.InterpreterFor(over));
                checkedBounded++;
                if (BundledPatterns.Instance.Find(@"\G(?:" + pattern + ")", options) is { } anchored)
                {
                    Assert.Same(anchored, lazy.AnchoredTriesFor(1));
                    int tryDegree = atStart ? d : d - 1;
                    int far = 1;
                    while (BacktrackingCost.WithinBudget(tryDegree, far) && far <= PatternRunner.Window) far *= 2;
                    Assert.Null(lazy.AnchoredTriesFor(far));
                    checkedAnchored++;
                }
            }
            Assert.True(checkedBounded > 50, $"{checkedBounded} bounded patterns");
            Assert.True(checkedAnchored > 30, $"{checkedAnchored} anchored patterns");
        }
        finally
        {
            PrecompiledPatterns.Table = previous;
        }
    }

    /// <summary>
    /// The linear-time regex of a pattern that engine runs (the engine now runs generated code in its place
    /// where the cost analysis bounds it, so the two must agree too), or null.
    /// </summary>
    private static Regex? LinearTime(PrecompiledPattern w)
    {
        try { return new Regex(w.Pattern, w.Options | RegexOptions.NonBacktracking); }
        catch (NotSupportedException) { return null; }
    }

    /// <summary>Null when both engines find the same matches in <paramref name="text"/>; else what differs.</summary>
    private static string? Compare(Regex generated, Regex interpreted, string text)
    {
        var a = Matches(generated, text);
        var b = Matches(interpreted, text);
        if (!a.SequenceEqual(b)) return $"generated [{string.Join(", ", a)}], interpreter [{string.Join(", ", b)}]";
        // Anchored forms are tried at chosen offsets (PatternRunner.TryAt): compare at each word start too.
        if (generated.ToString().StartsWith(@"\G", StringComparison.Ordinal))
            for (int i = 0; i <= text.Length; i++)
            {
                if (i > 0 && i < text.Length && char.IsLetterOrDigit(text[i - 1])) continue;
                var x = generated.Match(text, i);
                var y = interpreted.Match(text, i);
                if (x.Success != y.Success || x.Index != y.Index || x.Length != y.Length)
                    return $"at {i}: generated {x.Success} {x.Index}+{x.Length}, interpreter {y.Success} {y.Index}+{y.Length}";
            }
        return null;
    }

    private static List<(int, int)> Matches(Regex regex, string text)
    {
        var list = new List<(int, int)>();
        foreach (var m in regex.EnumerateMatches(text)) list.Add((m.Index, m.Length));
        return list;
    }

    private static IEnumerable<string> FileLines()
    {
        foreach (var folder in new[] { TestPaths.Samples, TestPaths.Seeds, TestPaths.Fixtures })
            foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetExtension(file) is not (".txt" or ".md")) continue;
                foreach (string line in File.ReadLines(file))
                    if (line.Trim().Length > 0) yield return line.Trim();
            }
    }

    /// <summary>The lines of the bundled rules' examples, without their span marks.</summary>
    private static IEnumerable<string> ExampleLines()
    {
        var result = RulePacks.Load(includeBundled: false, [TestPaths.Rules], TestPaths.RepoRoot, preview: true);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        foreach (Rule rule in result.Rules)
            foreach (var example in rule.Descriptor.Examples)
                foreach (string line in example.Text.Replace("[|", "").Replace("|]", "").Split('\n'))
                    if (line.Trim().Length > 0) yield return line.Trim();
    }

    /// <summary>Lines of a pattern's words in order, each kept or dropped at random, from a fixed seed (as the Core tests' BundledPack.OrderedLines).</summary>
    private static IEnumerable<string> OrderedLines(string pattern, int count, int seed)
    {
        var words = Regex.Matches(Regex.Replace(pattern, @"\\[pP]\{\w+\}|\\[a-zA-Z]", " "), @"\p{L}+").Select(m => m.Value).ToArray();
        string[] after = [" ", ".", ",", ":", "|", "·", "2024", "(12)", "-", "'", "\u2019s", " that", " to be"];
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var line = new StringBuilder();
            foreach (string word in words)
            {
                if (random.Next(2) == 0) continue;
                if (line.Length > 0) line.Append(random.Next(10) switch { 0 => "-", 1 => "'", 2 => "", _ => " " });
                string w = random.Next(8) switch { 0 => word.ToUpperInvariant(), 1 => char.ToUpperInvariant(word[0]) + word[1..], _ => word };
                line.Append(w);
            }
            if (random.Next(2) == 0) line.Append(' ').Append(after[random.Next(after.Length)]);
            yield return line.ToString();
        }
    }
}
