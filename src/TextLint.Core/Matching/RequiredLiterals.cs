using System.Collections.Frozen;
using TextLint.Text;

namespace TextLint.Matching;

/// <summary>
/// Literal extraction, as ripgrep does before it runs a regex: from a .NET pattern, a set of folded
/// phrases such that every match of the pattern contains at least one of them. A rule registers the
/// set with the one literal pass (<see cref="LiteralRegistry.AddSubstring"/>) and runs its regex only
/// on the units where a phrase occurs, instead of on every unit of every document.
/// <para>
/// The analysis is conservative: it understands literals, escapes, classes whose members fold to a
/// few characters, groups, alternation, quantifiers, anchors and lookarounds, and answers null (no
/// prefilter: run the regex everywhere, as before) for anything it does not, for sets that grow too
/// large, and where some match needs no literal at all (<c>\d+ comments?</c> has one; <c>\w+:</c>
/// has ':'; <c>.*</c> has none). Phrases are folded with <see cref="CharClass.Fold"/>, which folds at
/// least the case pairs a case-insensitive regex treats as equal, so folding never loses a match.
/// </para>
/// </summary>
public static class RequiredLiterals
{
    /// <summary>At most this many exact strings are tracked per sub-pattern (cross products grow fast).</summary>
    private const int MaxExact = 64;

    /// <summary>At most this many phrases in a required set: beyond it the literal pass would do more work than it saves.</summary>
    private const int MaxRequired = 256;

    private const int MaxLength = 64;

    /// <summary>
    /// The required phrases of <paramref name="pattern"/> (folded, each at least one character), or
    /// null when no such set can be proved. Inline options other than i, m, n and s give null.
    /// </summary>
    public static IReadOnlyList<string>? Of(string pattern) => AllOf(pattern) is [var first, ..] ? first : null;

    /// <summary>
    /// Up to two phrase sets that every match of <paramref name="pattern"/> holds, each on its own: the
    /// set <see cref="Of"/> gives first, then the best other set of a different part of the pattern, when
    /// there is one ("some|many|most" and "believe|argue|…" in "(some|many|most) … (believe|argue|…)"). A
    /// unit that lacks a phrase of either cannot hold a match, so a rule may run the pattern only where
    /// both occur. Empty when no set can be proved.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> AllOf(string pattern) => Analyze(pattern).AllOf;

    /// <summary>
    /// Phrases (folded) one of which every match of <paramref name="pattern"/> starts with, at its very
    /// first character, or null when no such set can be proved. Zero-width assertions before the first
    /// character (<c>\b</c>, anchors, lookbehinds) are looked through, and a lookahead there gives such a
    /// set too (<c>\b(?=(?:said|believed)\b)…</c>). A backtracking pattern then need only be tried where
    /// one of the phrases starts instead of at every character.
    /// </summary>
    public static IReadOnlyList<string>? Leading(string pattern) => Analyze(pattern).Leading;

    /// <summary><see cref="AllOf"/> and <see cref="Leading"/> together, from one reading of the pattern.</summary>
    public static (IReadOnlyList<IReadOnlyList<string>> AllOf, IReadOnlyList<string>? Leading) Analyze(string pattern)
    {
        Info info;
        try
        {
            var parser = new Parser(pattern);
            info = parser.ParseAlternation();
            if (!parser.AtEnd) return ([], null);
        }
        catch (NotSupportedException)
        {
            return ([], null);
        }
        return (SetsOf(info), LeadingSetOf(info));
    }

    private static IReadOnlyList<IReadOnlyList<string>> SetsOf(Info info)
    {
        if (info.Required is not { } set) return [];
        HashSet<string>? second = null;
        foreach (var other in info.Others ?? [])
            if (!ReferenceEquals(other, set) && !other.SetEquals(set)) second = Better(second, other);
        return second is null ? [Minimal(set)] : [Minimal(set), Minimal(second)];
    }

    private static IReadOnlyList<string>? LeadingSetOf(Info info)
    {
        if (LeadingOf(info) is not { } set || !Usable(set)) return null;
        // "said" begins every match that "saida" begins: the shorter prefix is enough.
        return set.Where(s => !set.Any(t => t.Length < s.Length && s.StartsWith(t, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The phrases a match of the sub-pattern starts with: its own, or its exact strings when none of them is empty.</summary>
    private static HashSet<string>? LeadingOf(Info info) =>
        info.Leading ?? (info.Exact is { Count: > 0 } e && !e.Contains("") ? e : null);

    /// <summary>The opening phrases with those of optional items before them; null when the opening is unknown.</summary>
    private static HashSet<string>? WithOptional(HashSet<string>? opening, HashSet<string>? optional)
    {
        if (opening is null || optional is null) return opening;
        return new HashSet<string>(opening, StringComparer.Ordinal).Union(optional).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Of two leading sets, the one whose shortest phrase is longer (fewer places to try).</summary>
    private static HashSet<string>? LongerLeading(HashSet<string>? a, HashSet<string>? b)
    {
        if (!Usable(a)) return Usable(b) ? b : null;
        if (!Usable(b)) return a;
        return b!.Min(s => s.Length) > a!.Min(s => s.Length) ? b : a;
    }

    /// <summary>"comments" contains "comment": where the longer occurs the shorter does, so it adds nothing.</summary>
    private static string[] Minimal(HashSet<string> set) =>
        set.Where(s => !set.Any(t => t.Length < s.Length && s.Contains(t, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// What is known of a sub-pattern: <see cref="Exact"/>, every string it can match (when few and
    /// short), and <see cref="Required"/>, phrases one of which every match contains (never holding "").
    /// <see cref="Others"/> are further such sets from other parts of a sequence: every match holds a
    /// phrase of each of them too. <see cref="Leading"/>, when known, are phrases one of which the text
    /// starts with where the sub-pattern stands (a lookahead's, or those a match begins with).
    /// </summary>
    private sealed record Info(HashSet<string>? Exact, HashSet<string>? Required, List<HashSet<string>>? Others = null)
    {
        public HashSet<string>? Leading { get; init; }

        /// <summary>For an optional item (<c>x?</c>): what it starts with when it matches anything.</summary>
        public HashSet<string>? OptionalLeading { get; init; }

        public static Info Empty => Literal("");
        public static readonly Info Unknown = new(null, null);

        public static Info Literal(string s) => FromExact([s]);

        public static Info FromExact(HashSet<string> exact) => new(exact, Usable(exact) ? exact : null);
    }

    private static bool Usable(HashSet<string>? set) => set is { Count: > 0 and <= MaxRequired } && !set.Contains("");

    /// <summary>
    /// Frequent English words of four letters or more (folded), each of which also occurs inside longer
    /// words ("many" in "Germany", "other" in "another", "most" in "almost"): a phrase set that holds
    /// them sends nearly every sentence to its regex. ripgrep ranks its literals by how rare their bytes
    /// are in typical text for the same reason; a short list of words does that job for prose.
    /// </summary>
    private static readonly FrozenSet<string> CommonWords = WordSet.Of(
        "about after again against also among another around away back been before being between both came certain " +
        "come could country does done down during each even ever every first found from general give going good " +
        "government great group have here high home however into just know large last later least like little long " +
        "made make many more most much must never next number only other others over part people place public right " +
        "said same says seen several should since some state still such take than that their them then there these " +
        "they this those though three through time told under until upon used various very want well were what when " +
        "where which while will with within without work world would year years your");

    /// <summary>How many phrases of the set are <see cref="CommonWords"/>.</summary>
    private static int CommonCount(HashSet<string> set) => set.Count(s => CommonWords.Has(s.AsSpan().Trim()));

    /// <summary>
    /// Prefers the set whose shortest phrase is longest (fewer chance hits), then the one with fewer
    /// common words, then the smaller set. Between two sets whose phrases are all four characters or
    /// longer, fewer common words wins first: "people|scholars|historians …" prefilters "some|many|most
    /// … historians argue" far better than "some|many|most" does, whatever their lengths.
    /// </summary>
    private static HashSet<string>? Better(HashSet<string>? a, HashSet<string>? b)
    {
        if (!Usable(b)) return Usable(a) ? a : null;
        if (!Usable(a)) return b;
        int la = a!.Min(s => s.Length), lb = b!.Min(s => s.Length);
        int ca = CommonCount(a!), cb = CommonCount(b!);
        if (Math.Min(la, lb) >= 4 && ca != cb) return ca < cb ? a : b;
        if (la != lb) return la > lb ? a : b;
        if (ca != cb) return ca < cb ? a : b;
        return a!.Count <= b!.Count ? a : b;
    }

    private static HashSet<string>? Cross(HashSet<string> left, HashSet<string> right)
    {
        if ((long)left.Count * right.Count > MaxExact) return null;
        var product = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in left)
            foreach (var r in right)
            {
                if (l.Length + r.Length > MaxLength) return null;
                product.Add(l + r);
            }
        return product;
    }

    private static Info Concat(List<Info> items)
    {
        var run = new HashSet<string>(StringComparer.Ordinal) { "" };
        bool exact = true;
        HashSet<string>? best = null;
        // Every item of a sequence matches, so every set any item requires is required: all are kept.
        var all = new List<HashSet<string>>();
        void Candidate(HashSet<string>? set)
        {
            best = Better(best, set);
            if (Usable(set)) all.Add(set!);
        }
        foreach (var item in items)
        {
            all.AddRange(item.Others ?? []);
            if (item.Exact is { } e && Cross(run, e) is { } product)
            {
                run = product;
                continue;
            }
            // The run of exact strings ends here: it is one candidate, the item's own set another.
            exact = false;
            Candidate(run);
            Candidate(item.Required);
            run = item.Exact is { } restart ? new HashSet<string>(restart, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { "" };
        }
        Candidate(run);
        var leading = ConcatLeading(items);
        return exact ? new Info(run, Better(best, run), all) { Leading = leading } : new Info(null, best, all) { Leading = leading };
    }

    /// <summary>
    /// What a sequence's matches start with: the exact strings of its opening items while they are exact
    /// (zero-width ones, such as <c>\b</c> and lookbehinds, add nothing), else the first consuming
    /// item's own leading phrases; or a lookahead's, asserted before anything is consumed.
    /// </summary>
    private static HashSet<string>? ConcatLeading(List<Info> items)
    {
        var run = new HashSet<string>(StringComparer.Ordinal) { "" };
        HashSet<string>? ahead = null, optional = null;
        foreach (var item in items)
        {
            bool nothingYet = run.Count == 1 && run.Contains("");
            if (nothingYet && item.OptionalLeading is { } maybe)
            {
                // "(?:(?:some|many)\s+)?studies": a match starts with "some", "many" or what follows.
                (optional ??= new(StringComparer.Ordinal)).UnionWith(maybe);
                continue;
            }
            bool zeroWidth = item.Exact is { Count: 1 } z && z.Contains("");
            if (zeroWidth)
            {
                if (run.Count == 1 && run.Contains("")) ahead = LongerLeading(ahead, item.Leading);
                continue;
            }
            if (item.Exact is { } e && Cross(run, e) is { } product)
            {
                run = product;
                continue;
            }
            var opening = nothingYet ? LeadingOf(item) : run.Contains("") ? null : run;
            return LongerLeading(ahead, WithOptional(opening, optional));
        }
        return LongerLeading(ahead, WithOptional(run.Contains("") ? null : run, optional));
    }

    private static Info Alternate(List<Info> branches)
    {
        if (branches.Count == 1) return branches[0];
        HashSet<string>? exact = new(StringComparer.Ordinal);
        HashSet<string>? required = new(StringComparer.Ordinal);
        foreach (var b in branches)
        {
            if (exact is not null && b.Exact is not null) exact.UnionWith(b.Exact);
            else exact = null;
            // Every branch must contribute: a branch without a required phrase can match without one.
            if (required is not null && b.Required is not null) required.UnionWith(b.Required);
            else required = null;
        }
        if (exact is { Count: > MaxExact }) exact = null;
        // Every match starts with what its branch starts with.
        HashSet<string>? leading = new(StringComparer.Ordinal);
        foreach (var b in branches)
        {
            if (LeadingOf(b) is { } l && leading is not null) leading.UnionWith(l);
            else leading = null;
        }
        return new Info(exact, Usable(required) ? required : null) { Leading = Usable(leading) ? leading : null };
    }

    private static Info Repeat(Info atom, int min, int max)
    {
        if (min == 1 && max == 1) return atom;
        if (min == 0)
        {
            // x? matches x or nothing: still exact; x* and x{0,n} are not worth enumerating.
            if (max == 1 && atom.Exact is { } e && e.Count < MaxExact)
                return new Info(new HashSet<string>(e, StringComparer.Ordinal) { "" }, null);
            return max == 1 ? new Info(null, null) { OptionalLeading = LeadingOf(atom) } : Info.Unknown;
        }
        // At least one copy: whatever one copy requires, the repetition requires, and starts with.
        return new Info(null, atom.Required, atom.Others) { Leading = LeadingOf(atom) };
    }

    private sealed class Parser(string pattern)
    {
        private int _pos;

        public bool AtEnd => _pos >= pattern.Length;

        private char Peek => pattern[_pos];

        public Info ParseAlternation()
        {
            var branches = new List<Info> { ParseConcat() };
            while (!AtEnd && Peek == '|')
            {
                _pos++;
                branches.Add(ParseConcat());
            }
            return Alternate(branches);
        }

        private Info ParseConcat()
        {
            var items = new List<Info>();
            while (!AtEnd && Peek is not ('|' or ')'))
            {
                // A run of plain characters is one literal ("believed", not eight one-letter sets to cross):
                // the same phrases, built once. A character a quantifier applies to ends the run.
                int start = _pos;
                while (!AtEnd && IsPlain(Peek) && !(_pos + 1 < pattern.Length && pattern[_pos + 1] is '*' or '+' or '?' or '{'))
                    _pos++;
                if (_pos - start > 1)
                {
                    items.Add(Info.Literal(string.Create(_pos - start, (pattern, start), static (span, st) =>
                    {
                        for (int k = 0; k < span.Length; k++) span[k] = CharClass.Fold(st.pattern[st.start + k]);
                    })));
                    continue;
                }
                _pos = start;
                items.Add(ParseQuantifier(ParseAtom()));
            }
            return Concat(items);
        }

        /// <summary>A character <see cref="ParseAtom"/> reads as itself.</summary>
        private static bool IsPlain(char c) => c is not ('(' or ')' or '[' or ']' or '{' or '}' or '.' or '^' or '$' or '\\' or '*' or '+' or '?' or '|' or '#' or ' ');

        private Info ParseAtom()
        {
            char c = pattern[_pos++];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    return ParseClass();
                case '.':
                    return Info.Unknown;
                case '^' or '$':
                    return Info.Empty;
                case '\\':
                    return ParseEscape();
                case '*' or '+' or '?':
                    throw new NotSupportedException(); // a quantifier with nothing before it: not a valid pattern
                default:
                    return Info.Literal(CharClass.Fold(c).ToString());
            }
        }

        private Info ParseGroup()
        {
            bool zeroWidth = false, ahead = false;
            if (!AtEnd && Peek == '?')
            {
                _pos++;
                if (AtEnd) throw new NotSupportedException();
                char k = pattern[_pos];
                if (k is ':' or '>') _pos++;
                else if (k is '=' or '!') { _pos++; zeroWidth = true; ahead = k == '='; }
                else if (k == '<' && _pos + 1 < pattern.Length && pattern[_pos + 1] is '=' or '!') { _pos += 2; zeroWidth = true; }
                else if (k is '<' or '\'')
                {
                    char close = k == '<' ? '>' : '\'';
                    int end = pattern.IndexOf(close, _pos + 1);
                    if (end < 0) throw new NotSupportedException();
                    _pos = end + 1;
                }
                else if (k == '#')
                {
                    int end = pattern.IndexOf(')', _pos);
                    if (end < 0) throw new NotSupportedException();
                    _pos = end + 1;
                    return Info.Empty;
                }
                else
                {
                    // Inline options: i (we fold anyway), m, n, s change no literal; x changes how the
                    // pattern reads, and a conditional (?(...)) is not worth understanding here.
                    int start = _pos;
                    while (!AtEnd && Peek is 'i' or 'm' or 'n' or 's' or '-') _pos++;
                    if (AtEnd || _pos == start) throw new NotSupportedException();
                    if (Peek == ')') { _pos++; return Info.Empty; }
                    if (Peek != ':') throw new NotSupportedException();
                    _pos++;
                }
            }
            var inner = ParseAlternation();
            if (AtEnd || Peek != ')') throw new NotSupportedException();
            _pos++;
            // A positive lookahead consumes nothing, but the text where it stands starts as its matches do.
            if (zeroWidth) return ahead ? Info.Empty with { Leading = LeadingOf(inner) } : Info.Empty;
            return inner;
        }

        private Info ParseEscape()
        {
            if (AtEnd) throw new NotSupportedException();
            char e = pattern[_pos++];
            switch (e)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return Info.Empty;
                case 'p' or 'P':
                    SkipBraces();
                    return Info.Unknown;
                case 'k':
                    if (!AtEnd && Peek is '<' or '\'' or '{')
                    {
                        char close = Peek switch { '<' => '>', '{' => '}', _ => '\'' };
                        int end = pattern.IndexOf(close, _pos + 1);
                        if (end < 0) throw new NotSupportedException();
                        _pos = end + 1;
                    }
                    return Info.Unknown;
                case 'x': _pos += 2; return Info.Unknown;
                case 'u': _pos += 4; return Info.Unknown;
                case 'c': _pos += 1; return Info.Unknown;
                default:
                    // Classes (\d \w \s …), control escapes (\t \n …), backreferences and octal escapes
                    // match no fixed phrase; any other escaped character is itself.
                    if (char.IsAsciiLetterOrDigit(e))
                    {
                        while (!AtEnd && char.IsAsciiDigit(Peek) && char.IsAsciiDigit(e)) _pos++;
                        return Info.Unknown;
                    }
                    return Info.Literal(CharClass.Fold(e).ToString());
            }
        }

        private void SkipBraces()
        {
            if (AtEnd || Peek != '{') return;
            int end = pattern.IndexOf('}', _pos);
            if (end < 0) throw new NotSupportedException();
            _pos = end + 1;
        }

        /// <summary>[Rr] is the literal 'r'; [-–—:] four one-character phrases; ranges, negations and class escapes are unknown.</summary>
        private Info ParseClass()
        {
            bool simple = true;
            if (!AtEnd && Peek == '^') { simple = false; _pos++; }
            var members = new HashSet<string>(StringComparer.Ordinal);
            bool first = true;
            while (true)
            {
                if (AtEnd) throw new NotSupportedException();
                char c = pattern[_pos++];
                if (c == ']' && !first) break;
                first = false;
                if (c == '[' ) { simple = false; SkipNestedClass(); continue; }
                if (c == '-' && !AtEnd && Peek != ']' && members.Count > 0) { simple = false; continue; } // a range
                if (c == '\\')
                {
                    if (AtEnd) throw new NotSupportedException();
                    char e = pattern[_pos++];
                    if (e is 'p' or 'P') SkipBraces();
                    else if (e == 'x') _pos += 2;
                    else if (e == 'u') _pos += 4;
                    else if (e == 'c') _pos += 1;
                    if (char.IsAsciiLetterOrDigit(e)) { simple = false; continue; }
                    c = e;
                }
                members.Add(CharClass.Fold(c).ToString());
            }
            return simple && members.Count is > 0 and <= 8 ? Info.FromExact(members) : Info.Unknown;
        }

        /// <summary>The subtracted class of [a-z-[aeiou]]: skipped to its end.</summary>
        private void SkipNestedClass()
        {
            while (true)
            {
                if (AtEnd) throw new NotSupportedException();
                char c = pattern[_pos++];
                if (c == '\\') { _pos++; continue; }
                if (c == '[') { SkipNestedClass(); continue; }
                if (c == ']') return;
            }
        }

        private Info ParseQuantifier(Info atom)
        {
            if (AtEnd) return atom;
            int min, max;
            switch (Peek)
            {
                case '*': min = 0; max = int.MaxValue; _pos++; break;
                case '+': min = 1; max = int.MaxValue; _pos++; break;
                case '?': min = 0; max = 1; _pos++; break;
                case '{' when TryBraces(out min, out max): break;
                default: return atom;
            }
            if (!AtEnd && Peek == '?') _pos++; // lazy: the same strings
            if (!AtEnd && Peek is '*' or '+' or '?' or '{') throw new NotSupportedException();
            return Repeat(atom, min, max);
        }

        private bool TryBraces(out int min, out int max)
        {
            if (!RegexSyntax.TryBraces(pattern, _pos, out min, out max, out int end)) return false;
            _pos = end;
            return true;
        }
    }
}
