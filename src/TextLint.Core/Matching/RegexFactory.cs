using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TextLint.Matching;

/// <summary>
/// User patterns come from rule packs written by editors, so a pattern must never be able to hang a run
/// and a result must never depend on the machine's load: every pattern the construct set allows runs on
/// .NET's linear-time NonBacktracking engine, with no timeout (nothing to trip under load). Only a
/// pattern that needs backtracking features (lookarounds, backreferences, atomic groups, conditionals)
/// runs on the backtracking interpreter; <see cref="PatternRunner"/> then gives it bounded windows of a
/// long text, and a match timeout stays as the last safety net, reported as an error for the file.
/// </summary>
public static partial class RegexFactory
{
    /// <summary>The safety net of a pattern that needs backtracking: hitting it is an error for the file (TL9010).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The longest pattern a pack may hold (the bundled pack's longest is ~2,300 characters).</summary>
    public const int MaxPatternLength = 20_000;

    /// <summary>
    /// The bundled pack's patterns that the linear-time engine cannot run (the attribution rules'
    /// lookbehinds and lookaheads around agentless passives, vague groups and consensus phrases), audited:
    /// they run in bounded windows (<see cref="PatternRunner"/>), most only on units holding a rule's hint;
    /// no quantifier in them applies to a group that holds another unbounded quantifier or an
    /// alternation, and each run of <c>\s+</c> is followed by a word, so an attempt costs at most the
    /// white space before it and a window at most its length squared. Each that opens with lookbehinds
    /// first asserts <c>\b(?=(?:word|…)\b)</c>, the words its match starts with: the rest of the pattern
    /// implies it, so the matches are the same, but the interpreter tries the lookbehinds only where one
    /// of those words starts instead of at every character (two to three times faster, docs/benchmarks.md);
    /// the attribution kind goes further and tries each only where the literal pass found such a word
    /// (<see cref="PatternRunner.MatchesAt"/>).
    /// They get no timeout, so no result
    /// of the bundled pack depends on the machine's load. A test checks that this list is exactly the
    /// pack's patterns that need backtracking: editing one of them in the pack means auditing it again.
    /// </summary>
    public static readonly System.Collections.Frozen.FrozenSet<string> AuditedBacktracking = System.Collections.Frozen.FrozenSet.ToFrozenSet(
    [
        @"\b(?:some|many|most|several|numerous|various|a number of|a few|countless)\s+(?:of (?:them|whom|these|those)\s+|(?!(?:that|which|who|whom|whose|to|in|on|at|for|with|by|as|is|are|was|were|be|been|and|or|but|of|the|a|an|times?|years?|months?|days?|weeks?|ways?|more|other)\b)[a-z-]+\s+){0,2}(?:(?:have|had|also|still|even|would|might|may|could|now|long|once|did|do|not|today|however)\s+){0,2}(?:believe|believed|argue|argued|contend|contended|speculate|speculated|think|thought|consider|considered|regard|regarded|suggest|suggested|insist|insisted|doubt|doubted|dispute|assert|asserted|maintain|maintained|claim|claimed|criticize|criticized|criticise|criticised|praise|praised|accuse|accused|dismiss|dismissed|question|questioned)(?=\s+(?:that|the|this|these|those|it|him|her|them|his|their|its|a|an|to|as|whether|otherwise)\b|\s*[,.;:])",
        @"\bby (?:many|some|others|most)(?=\s*[.,;:)]|\s+(?:to|as|who|for|people|critics|historians|scholars|observers|commentators|fans|writers|authors|analysts|experts|researchers|scientists|academics|economists|theologians|reviewers|accounts|estimates)\b)",
        @"\b(?=(?:believed|said|claimed|alleged|rumou?red|reported|suggested|argued|speculated|assumed|supposed|presumed|understood|feared|suspected|contended|maintained|hypothesi[sz]ed|theori[sz]ed|posited|conjectured|asserted|proposed|hoped|noted|stated|estimated|observed|questioned|doubted|held|felt|accepted|agreed|acknowledged|recognized|recognised|known)\b)(?<=\bit(?:\s+(?:is|was|has been|had been|has long been|is also|was also|is now|is often|is widely|is generally|is commonly|was once|was widely|was long|was generally|is sometimes|is still|was often|was commonly|was later|is increasingly)|['’]s(?:\s+been)?)\s+(?:(?:widely|generally|often|commonly|usually|sometimes|frequently|popularly|traditionally|largely|also|now|still|once|long|variously|occasionally|increasingly|universally|broadly|mostly|typically|originally|later|erroneously|falsely|mistakenly|wrongly)\s+)?)(?:believed|said|claimed|alleged|rumou?red|reported|suggested|argued|speculated|assumed|supposed|presumed|understood|feared|suspected|contended|maintained|hypothesi[sz]ed|theori[sz]ed|posited|conjectured|asserted|proposed|hoped|noted|stated|estimated|observed|questioned|doubted|(?:held|felt|accepted|agreed|acknowledged|recognized|recognised|known)(?=\s+that\b))\b",
        @"\b(?=(?:rumou?red|alleged|reputed|purported|claimed|speculated)\b)(?<=\b(?:is|are|was|were|been|be)\s+(?:(?:widely|generally|often|commonly|usually|sometimes|frequently|popularly|traditionally|largely|also|now|still|once|long|variously|occasionally|increasingly|universally|broadly|mostly|typically|originally|later|erroneously|falsely|mistakenly|wrongly)\s+)?)(?:rumou?red|alleged|reputed|purported|claimed|speculated)\s+to\b(?!\s+(?:(?:be|have)\s+)?[""'“‘])",
        @"\b(?=(?:thought)\b)(?<=\b(?:is|are|was|were|been|be)\s+(?:(?:widely|generally|now|also|still|once|long)\s+)?)thought\s+to\b",
        @"\b(?=(?:thought)\b)(?<=\bit\s+(?:is|was|has been)\s+(?:(?:widely|generally|now|also|still|long)\s+)?)thought\b",
        @"\b(?=(?:said|believed|reported|presumed|suspected)\b)(?<=\b(?:is|are|was|were|been|be)\s+(?:(?:widely|generally|often|commonly|usually|sometimes|frequently|popularly|traditionally|largely|also|now|still|once|long|variously|occasionally|increasingly|universally|broadly|mostly|typically|originally|later|erroneously|falsely|mistakenly|wrongly)\s+)?)(?:said|believed|reported|presumed|suspected)\s+to\b(?!\s+(?:(?:be|have)\s+)?[""'“‘])",
        @"\b(?=(?:considered|regarded|seen|viewed|deemed|reckoned|hailed|touted)\b)(?<=\b(?:is|are|was|were|been|be)\s+(?:(?:also|now|still|often|sometimes|usually|rightly|even)\s+)?)(?:considered|regarded as|seen as|viewed as|deemed|reckoned|hailed as|touted as)\s+(?:to be\s+)?(?:one of|among|the (?:best|most|greatest|first|finest|leading|father|mother|founder|worst|premier|definitive|foremost|pioneer|inventor|grandfather|godfather)|an? (?:major|leading|pioneer|classic|masterpiece|landmark|seminal|milestone|pioneering|icon|legend))\b",
        @"\b(?=(?:critics|experts|observers|commentators|scholars|historians|researchers|scientists|skeptics|sceptics|opponents|detractors|insiders|pundits|theorists|economists|campaigners|activists|supporters|proponents|adherents|defenders|advocates|believers)\b)(?<!\b(?:the|these|those|its|their|his|her|both|our|your)\s)(?<!\b(?:some|many|most|several|numerous|various|certain|other|few|countless)\s+(?:[a-z-]+\s+)?)(?:critics|experts|observers|commentators|scholars|historians|researchers|scientists|skeptics|sceptics|opponents|detractors|insiders|pundits|theorists|economists|campaigners|activists|supporters|proponents|adherents|defenders|advocates|believers)\s+(?:(?:have|had|has|also|still|even|would|might|may|could|will|now|often|generally|widely|long|however|further|instead|actually|once|did|do|does|not)\s+){0,2}(?:say|said|claim|claimed|argue|argued|believe|believed|think|thought|suggest|suggested|contend|contended|maintain|maintained|speculate|speculated|feel|felt|note|noted|point out|pointed out|doubt|doubted|question|questioned|dispute|disputed|assert|asserted|insist|insisted|fear|feared|agree|agreed|warn|warned|charge|charged|allege|alleged|complain|complained|predict|predicted|regard|regarded|view|viewed|describe|described|accuse|accused)\b",
        @"(?<!\b(?:the|this|that|these|those|his|her|their|its|our|a|an|such|new|\d{4})\s)\b(?:(?:some|many|several|numerous|recent|other|various|previous|earlier|independent|scientific|medical)\s+)?(?:research|studies|experiments|surveys|evidence)\s+(?:(?:has|have|had)\s+)?(?:(?:long|repeatedly|consistently|also|now|since)\s+)?(?:shown|show|shows|suggested|suggest|suggests|indicated|indicate|indicates|proven|proved|demonstrated|demonstrate|demonstrates|found|confirmed)\s+that\b",
        @"\b(?:some|many|most|several|numerous|various|countless)\s+(?:[a-z-]+\s+)?(?:scholars|historians|critics|experts|observers|commentators|researchers|scientists|academics|writers|authors|theorists|fans|reviewers|biographers|believers|supporters|opponents|proponents|advocates|detractors|skeptics|sceptics|theologians|archaeologists|linguists|musicologists|economists|analysts|pundits|specialists|authorities|philosophers|physicians|doctors)\b(?!\s+(?:(?:have|had|has|also|still|even|would|might|may|could|will|now|often|generally|widely|long|however|further|instead|actually|once|did|do|does|not)\s+){0,2}(?:say|says|said|claim|claims|claimed|argue|argues|argued|believe|believes|believed|think|thinks|thought|suggest|suggests|suggested|consider|considers|considered|contend|contends|contended|maintain|maintains|maintained|speculate|speculates|speculated|assert|asserts|asserted|insist|insists|insisted|feel|feels|felt|note|notes|noted|regard|regards|regarded|view|views|viewed|see|sees|find|finds|describe|describes|described|doubt|doubts|doubted|question|questions|questioned|dispute|disputes|disputed)\b)",
        // TL8004 (sentences run together): it opens with the mark, so the interpreter tries only "." "!" "?", and
        // a lookahead for the capital and lower-case letter its word after needs fails most marks (those before a
        // space) before anything is read back (the same matches: the word is required there anyway); the
        // lookbehind reads back over one run of lower-case letters before it (each step a one-character check),
        // and the word after is one capital and a run of lower-case letters. No group is repeated.
        @"([.!?])(?=\p{Lu}\p{Ll})(?<=(?<![\w.@/\\])\p{Lu}?\p{Ll}{2,}[.!?])(?<!(?<![\w.@/\\])(?i:mr|mrs|ms|messrs|mme|mlle|dr|prof|gen|gens|lt|col|capt|cpt|sgt|maj|adm|cmdr|cdr|brig|cpl|pvt|gov|sen|rep|reps|rev|fr|hon|pres|supt|insp|st|mt|ft|ave|blvd|dept|univ|approx|est|ca|vs|cf|viz|al|eg|ie|lit)[.!?])(?!(?:Image|Photo|Photograph|Picture|Credit|Caption|Video|Source)s?\s*:)(\p{Lu}\p{Ll}+)(?![\p{L}\p{Nd}_]|\.\p{L})",
    ], StringComparer.Ordinal);

    // Building a NonBacktracking regex (its character-class minterms) costs far more than matching a
    // short text with it, and packs repeat patterns (shared source lists, the same caption pattern in
    // several rules). A Regex is immutable and thread-safe, so one instance serves every rule.
    private static readonly ConcurrentDictionary<(string Pattern, bool IgnoreCase), Regex> Cache = new();
    private static readonly ConcurrentDictionary<(string Pattern, bool IgnoreCase), LazyRegex> LazyCache = new();

    internal static RegexOptions Options(bool ignoreCase) =>
        RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);

    /// <summary>When set (tests), every pattern asked for on this thread is added: which engine does the bundled pack run on?</summary>
    [ThreadStatic] internal static List<(string Pattern, bool IgnoreCase)>? Recorder;

    /// <summary>
    /// Runs <paramref name="load"/> (loading a pack, on this thread) and returns its result with the distinct
    /// (pattern, IgnoreCase) pairs it asked this factory for, in the order first asked: what a precompiled
    /// table for that pack is made from (<see cref="PrecompiledPatterns.Wanted"/>).
    /// </summary>
    public static (T Result, IReadOnlyList<(string Pattern, bool IgnoreCase)> Patterns) Record<T>(Func<T> load)
    {
        var outer = Recorder;
        Recorder = new();
        try
        {
            var result = load();
            return (result, Recorder.Distinct().ToList());
        }
        finally
        {
            Recorder = outer;
        }
    }

    public static Regex? TryCreate(string pattern, bool ignoreCase, out string? error)
    {
        error = null;
        Recorder?.Add((pattern, ignoreCase));
        if (Cache.TryGetValue((pattern, ignoreCase), out var cached)) return cached;
        var created = Create(pattern, ignoreCase, out error);
        return created is null ? null : Cache.GetOrAdd((pattern, ignoreCase), created);
    }

    /// <summary>
    /// A regex that is checked now and built on first use: a run pays for the linear-time engine's
    /// construction only for the patterns its documents actually reach.
    /// </summary>
    public static LazyRegex? TryCreateLazy(string pattern, bool ignoreCase, out string? error)
    {
        error = null;
        Recorder?.Add((pattern, ignoreCase));
        if (LazyCache.TryGetValue((pattern, ignoreCase), out var cached)) return cached;
        if (!IsValid(pattern, ignoreCase, out error)) return null;
        return LazyCache.GetOrAdd((pattern, ignoreCase), new LazyRegex(pattern, ignoreCase));
    }

    /// <summary>The lazy regexes built so far in this process (benchmarks: what a run pays to construct).</summary>
    internal static IEnumerable<LazyRegex> BuiltLazyRegexes() => LazyCache.Values.Where(r => r.IsBuilt);

    internal static int LazyRegexCount => LazyCache.Count;

    /// <summary>
    /// Parses the pattern (cheaply, with the backtracking parser) to report syntax errors at load time; a
    /// pattern over <see cref="MaxPatternLength"/> is refused before it is parsed, so a pack cannot make
    /// loading cost minutes and gigabytes.
    /// </summary>
    public static bool IsValid(string pattern, bool ignoreCase, out string? error)
    {
        error = null;
        if (pattern.Length > MaxPatternLength)
        {
            error = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the pattern is {pattern.Length:N0} characters long; the limit is {MaxPatternLength:N0} (split it, or list phrases under 'tokens')");
            return false;
        }
        try
        {
            // Case-insensitivity changes what a pattern matches, never whether it parses (a test checks this
            // on generated patterns), and parsing without it costs a third: each letter of a case-insensitive
            // pattern is looked up in the case-equivalence tables.
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Whether the pattern runs on the linear-time engine (false: it needs backtracking features).</summary>
    public static bool IsLinearTime(Regex regex) => (regex.Options & RegexOptions.NonBacktracking) != 0;

    private static Regex? Create(string pattern, bool ignoreCase, out string? error)
    {
        var options = Options(ignoreCase);
        error = null;
        if (pattern.Length > MaxPatternLength)
        {
            error = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the pattern is {pattern.Length:N0} characters long; the limit is {MaxPatternLength:N0}");
            return null;
        }
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // lookarounds, backreferences, atomic groups, conditionals: the backtracking engine, in
            // bounded windows (PatternRunner) and with a timeout as the last safety net
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
        try
        {
            return Backtracking(pattern, options, AuditedBacktracking.Contains(pattern) ? Regex.InfiniteMatchTimeout : MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// The pattern anchored where a match attempt starts (<c>\G(?:pattern)</c>), on the backtracking
    /// engine with the pattern's own timeout: <see cref="PatternRunner.MatchesAt"/> tries it at chosen
    /// offsets only. Null when the pattern is invalid.
    /// </summary>
    internal static Regex? CreateAnchored(string pattern, bool ignoreCase)
    {
        try
        {
            return Backtracking(@"\G(?:" + pattern + ")", Options(ignoreCase), AuditedBacktracking.Contains(pattern) ? Regex.InfiniteMatchTimeout : MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The pattern on the backtracking interpreter with no timeout: for match tests whose cost
    /// <see cref="BacktrackingCost"/> bounds before they run (<see cref="LazyRegex.InterpreterFor"/>).
    /// </summary>
    internal static Regex CreateInterpreted(string pattern, bool ignoreCase) =>
        Backtracking(pattern, Options(ignoreCase), Regex.InfiniteMatchTimeout);

    /// <summary>
    /// The pattern on the backtracking engine: the precompiled table's regex when it holds this exact
    /// pattern, options and timeout (<see cref="PrecompiledPatterns"/>: generated code, the same
    /// semantics), else the interpreter's.
    /// </summary>
    private static Regex Backtracking(string pattern, RegexOptions options, TimeSpan timeout) =>
        PrecompiledPatterns.Find(pattern, options, timeout) ?? new Regex(pattern, options, timeout);

    /// <summary>The precompiled regex for a match test or scan in place of the interpreter (<see cref="CreateInterpreted"/>), or null.</summary>
    internal static Regex? PrecompiledInterpreted(string pattern, bool ignoreCase) =>
        PrecompiledPatterns.Find(pattern, Options(ignoreCase), Regex.InfiniteMatchTimeout);

    /// <summary>The precompiled regex of <see cref="CreateAnchored"/>, or null.</summary>
    internal static Regex? PrecompiledAnchored(string pattern, bool ignoreCase) =>
        PrecompiledPatterns.Find(@"\G(?:" + pattern + ")", Options(ignoreCase), AuditedBacktracking.Contains(pattern) ? Regex.InfiniteMatchTimeout : MatchTimeout);

    /// <summary>
    /// Whether the pattern's text uses a construct only the backtracking engine runs (a lookaround, an
    /// atomic group, a conditional, a backreference, a balancing group, \G): a cheap, conservative reading that
    /// builds no regex. Escapes and character classes are stepped over, so "\(?(?:" (an optional
    /// parenthesis, then a group) or "[(?=]" is not taken for one. It may still say yes for a pattern that
    /// turns out linear (a comment under the x option): callers use it to decide what to prepare, never
    /// what a match is.
    /// </summary>
    public static bool MayNeedBacktracking(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (i + 1 < pattern.Length && pattern[i + 1] is 'k' or 'G' or (>= '1' and <= '9')) return true; // a backreference, or \G
                    i++;
                    break;
                case '[':
                    i = EndOfClass(pattern, i);
                    break;
                case '(' when i + 2 < pattern.Length && pattern[i + 1] == '?':
                    char k = pattern[i + 2];
                    if (k is '=' or '!' or '>' or '(') return true;
                    if (k == '<' && i + 3 < pattern.Length && pattern[i + 3] is '=' or '!') return true;
                    if (k is '<' or '\'')
                    {
                        // A named group; a balancing group ("(?<open-close>…)") names two.
                        int close = pattern.IndexOf(k == '<' ? '>' : '\'', i + 3);
                        if (close < 0 || pattern.AsSpan(i + 3, close - i - 3).Contains('-')) return true;
                    }
                    break;
            }
        }
        return false;
    }

    /// <summary>
    /// The index of the first ']' that can close the class opened at <paramref name="open"/> (a ']' first in
    /// the class is a member), or the last index. A subtraction ("[a-[b]]") ends there too, early: what is
    /// left of it is then read as pattern text, which can only make the answer a cautious yes.
    /// </summary>
    private static int EndOfClass(string pattern, int open)
    {
        int i = open + 1;
        if (i < pattern.Length && pattern[i] == '^') i++;
        if (i < pattern.Length && pattern[i] == ']') i++;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\') i++;
            else if (pattern[i] == ']') return i;
        }
        return pattern.Length - 1;
    }

    internal static Regex CreateValidated(string pattern, bool ignoreCase) =>
        TryCreate(pattern, ignoreCase, out string? error) ?? throw new InvalidOperationException($"Pattern '{pattern}' failed after validation: {error}");
}

/// <summary>A validated pattern whose regex (NonBacktracking where possible) is built on first use, once, thread-safely.</summary>
public sealed class LazyRegex
{
    private readonly Lazy<Regex> _regex;

    /// <summary>The pattern's required and leading phrases, from one reading (<see cref="Matching.RequiredLiterals.Analyze"/>).</summary>
    private readonly Lazy<(IReadOnlyList<IReadOnlyList<string>> AllOf, IReadOnlyList<string>? Leading)> _literals;

    private readonly Lazy<Regex?> _anchored;

    /// <summary>
    /// The degree of a match test's cost on the interpreter (<see cref="BacktrackingCost"/>): one attempt
    /// for a pattern anchored at the start, one per position (a degree more) for any other; null when the
    /// interpreter may not stand in for the pattern (<see cref="InterpreterFor"/>). Worked out on first
    /// use, so that loading a pack reads no pattern twice.
    /// </summary>
    private readonly Lazy<(int? Degree, bool AnchoredAtStart)> _interpreterCost;

    /// <summary>
    /// Characters of the inputs an unanchored pattern has been given on the interpreter, for a match test, a
    /// scan or anchored tries (<see cref="InterpreterAllowance"/>).
    /// </summary>
    private long _interpretedCharacters;

    /// <summary>
    /// Characters an unanchored pattern is tested on with the interpreter before its linear-time regex is
    /// built: as a ski rental, a run never pays much more than twice the cheaper of the two. The
    /// linear-time engine costs 3 to 40 ms to build (10 to 120 M instructions), and what it builds stays
    /// in memory for the collector to walk at every collection; the interpreter, given only the sentences
    /// that hold the pattern's phrases, costs some tens of instructions a character. 256 K characters on the
    /// interpreter cost about as much as the cheapest of those builds, so the bound holds. A run on one article never builds
    /// the pattern; a run on a corpus builds it once the pattern has seen enough text to repay it. (At
    /// 64 K, a run on 4 MB of articles took 20% more instructions than at 256 K, and one on 20 MB 1.6% fewer:
    /// docs/benchmarks.md.)
    /// </summary>
    internal const long InterpreterAllowance = 1 << 18;

    private readonly Lazy<Regex> _interpreter;

    /// <summary>
    /// The precompiled (generated) regexes for the pattern and its anchored form (<see cref="PrecompiledPatterns"/>),
    /// looked up on first use; null where the table has none. Where one exists, a bounded match test, scan
    /// or anchored try always runs on it: it costs nothing to build, so the ski rental of
    /// <see cref="InterpreterAllowance"/> has nothing to pay for.
    /// </summary>
    private readonly Lazy<Regex?> _precompiled;
    private readonly Lazy<Regex?> _precompiledAnchored;

    /// <summary>The pattern's words when it is only a list of them (<see cref="WordAlternation"/>), else null; read on first use.</summary>
    private readonly Lazy<WordAlternation?> _words;

    internal LazyRegex(string pattern, bool ignoreCase)
    {
        _precompiled = new Lazy<Regex?>(() => RegexFactory.PrecompiledInterpreted(pattern, ignoreCase), LazyThreadSafetyMode.PublicationOnly);
        _precompiledAnchored = new Lazy<Regex?>(() => RegexFactory.PrecompiledAnchored(pattern, ignoreCase), LazyThreadSafetyMode.PublicationOnly);
        Pattern = pattern;
        _regex = new Lazy<Regex>(() => RegexFactory.CreateValidated(pattern, ignoreCase), LazyThreadSafetyMode.ExecutionAndPublication);
        _literals = new Lazy<(IReadOnlyList<IReadOnlyList<string>>, IReadOnlyList<string>?)>(() => Matching.RequiredLiterals.Analyze(pattern), LazyThreadSafetyMode.ExecutionAndPublication);
        _anchored = new Lazy<Regex?>(() => RegexFactory.CreateAnchored(pattern, ignoreCase), LazyThreadSafetyMode.ExecutionAndPublication);
        _interpreterCost = new Lazy<(int?, bool)>(() => InterpreterCost(pattern), LazyThreadSafetyMode.ExecutionAndPublication);
        _interpreter = new Lazy<Regex>(() => RegexFactory.CreateInterpreted(pattern, ignoreCase), LazyThreadSafetyMode.ExecutionAndPublication);
        _words = new Lazy<WordAlternation?>(() => WordAlternation.TryParse(pattern, ignoreCase), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>
    /// The pattern as a list of words (<c>\b(?:I|me|my)\b</c>) whose match test needs no regex, or null
    /// (<see cref="PatternRunner.IsMatch(LazyRegex, string, Text.TextSpan)"/>).
    /// </summary>
    internal WordAlternation? Words => _words.Value;

    public string Pattern { get; }

    /// <summary>
    /// Phrases one of which every match holds (<see cref="Matching.RequiredLiterals"/>), or null. Worked
    /// out once per pattern: regexes are shared across rules, and the bundled attribution rules repeat
    /// their source patterns.
    /// </summary>
    public IReadOnlyList<string>? RequiredPhrases => _literals.Value.AllOf is [var first, ..] ? first : null;

    /// <summary>
    /// A second phrase set every match also holds, from another part of the pattern (<see
    /// cref="Matching.RequiredLiterals.AllOf"/>), or null: a unit needs a phrase of both to hold a match.
    /// </summary>
    public IReadOnlyList<string>? AlsoRequiredPhrases => _literals.Value.AllOf is [_, var second, ..] ? second : null;

    /// <summary>
    /// Phrases one of which every match starts with (<see cref="Matching.RequiredLiterals.Leading"/>), or
    /// null: a backtracking pattern need only be tried where one starts (<see cref="PatternRunner.MatchesAt"/>).
    /// </summary>
    public IReadOnlyList<string>? LeadingPhrases => _literals.Value.Leading;

    /// <summary>The pattern anchored at the start of a match attempt, built on first use (<see cref="RegexFactory.CreateAnchored"/>).</summary>
    internal Regex? Anchored => _anchored.Value;

    public Regex Value => _regex.Value;

    /// <summary>
    /// The backtracking interpreter's regex for a match test on an input of <paramref name="length"/>
    /// characters, when the test's cost there is bounded within <see cref="BacktrackingCost.MaxPaths"/>,
    /// the linear-time regex is not built yet and, for a pattern not anchored at the start, its
    /// <see cref="InterpreterAllowance"/> is not used up; else null. Whether an input matches does not
    /// depend on the engine; what it costs to build does: milliseconds for the linear-time engine,
    /// microseconds for the interpreter.
    /// </summary>
    internal Regex? InterpreterFor(int length)
    {
        if (length > PatternRunner.Window) return null;
        // The same bound on the cost of the test; generated code costs nothing to build, so no allowance.
        if (_precompiled.Value is not null) return PrecompiledFor(length);
        if (_regex.IsValueCreated) return null;
        var (degree, anchoredAtStart) = _interpreterCost.Value;
        if (degree is not { } d || !BacktrackingCost.WithinBudget(d, length)) return null;
        if (!anchoredAtStart && Interlocked.Add(ref _interpretedCharacters, length) > InterpreterAllowance) return null;
        return _interpreter.Value;
    }

    /// <summary>
    /// For a pattern the linear-time engine runs, the interpreter's anchored regex (<see cref="Anchored"/>)
    /// to try it at chosen offsets of a region of <paramref name="length"/> characters
    /// (<see cref="PatternRunner.MatchesAt"/>), when each try's cost there is bounded within
    /// <see cref="BacktrackingCost.MaxPaths"/>, the linear-time regex is not built yet and the pattern has
    /// been tried in fewer than <see cref="InterpreterAllowance"/> characters of regions (the ski rental of
    /// <see cref="InterpreterFor"/>); else null. The matches do not depend on the engine.
    /// </summary>
    /// <summary>
    /// The precompiled (generated) regex for a match test, scan or first-match search on an input of
    /// <paramref name="length"/> characters where a rule would otherwise use <see cref="Value"/> directly,
    /// when the table holds the pattern and the test's cost there is bounded within
    /// <see cref="BacktrackingCost.MaxPaths"/> (as <see cref="InterpreterFor"/>, whose allowance it does not
    /// need); else null, and the rule uses <see cref="Value"/>. A pattern without a table entry takes
    /// today's path: the answer is the same either way, only the cost differs.
    /// </summary>
    internal Regex? PrecompiledFor(int length)
    {
        if (length > PatternRunner.Window || _precompiled.Value is not { } precompiled) return null;
        var (degree, _) = _interpreterCost.Value;
        return degree is { } d && BacktrackingCost.WithinBudget(d, length) ? precompiled : null;
    }

    /// <summary><see cref="PrecompiledFor"/>, else <see cref="Value"/>.</summary>
    internal Regex For(int length) => PrecompiledFor(length) ?? Value;

    internal Regex? AnchoredTriesFor(int length)
    {
        if (length > PatternRunner.Window) return null;
        if (_precompiledAnchored.Value is { } precompiled)
        {
            // The same bound on the cost of one try, and no allowance (as in InterpreterFor).
            var (dp, atStart) = _interpreterCost.Value;
            return dp is { } ds && BacktrackingCost.WithinBudget(atStart ? ds : ds - 1, length) ? precompiled : null;
        }
        if (_regex.IsValueCreated) return null;
        // A try is one attempt: a match test's degree, less the one an unanchored test adds for trying every position.
        var (degree, anchoredAtStart) = _interpreterCost.Value;
        if (degree is not { } d || !BacktrackingCost.WithinBudget(anchoredAtStart ? d : d - 1, length)) return null;
        if (Interlocked.Add(ref _interpretedCharacters, length) > InterpreterAllowance) return null;
        return Anchored;
    }

    internal static (int? Degree, bool AnchoredAtStart) InterpreterCost(string pattern)
    {
        if (RegexFactory.MayNeedBacktracking(pattern)) return (null, false);
        if (BacktrackingCost.AnchoredDegree(pattern) is { } anchored) return (anchored, true);
        return (BacktrackingCost.Degree(pattern) is { } d ? d + 1 : null, false);
    }

    /// <summary>Whether <see cref="InterpreterFor"/> has built its regex (tests).</summary>
    internal bool IsInterpreterBuilt => _interpreter.IsValueCreated;

    internal bool IsBuilt => _regex.IsValueCreated;

    public override string ToString() => Pattern;
}
