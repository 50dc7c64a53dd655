namespace TextLint.Matching;

/// <summary>
/// An upper bound on the work of the backtracking interpreter on one anchored match attempt, as a degree
/// in the length of the input: a pattern whose quantifiers can each choose at most L + 1 iteration counts
/// explores at most c·(L + 1)^d paths, where d counts the quantifiers that can repeat met in sequence,
/// alternatives count their costliest branch (their paths add: a constant factor) and a lookaround counts
/// its content, tried once per path that reaches it. A repetition of a part that holds a choice of its own
/// (a quantifier or alternatives: "(a+)+", "(\w+\s)*", "(a|a)*", "(?:x|y){0,9}") multiplies choices per
/// iteration and has no such bound, unless it repeats at most twice (read as its copies in a row,
/// "x{0,2}" as "x?x?"); nor has a backreference or a construct this reader does not know: those answer null.
/// <para>
/// A loop over one character set X ("\s+", "\d*", "[^.!?]*"), greedy or lazy, whose follow set F (the
/// characters that can come right after it in any match) shares no character with X chooses nothing
/// (.NET's own "auto-atomicity" rests on the same fact). After k iterations the rest of the pattern must
/// either meet the end of the input or read a character of F first; for any k short of the longest run M
/// of X from where the loop starts there is a next character and it is in X, so not in F: the rest fails
/// on the first character it reads, and only k = M (or none) goes on. Before it reads, the rest does a
/// constant amount of work (anchors, \b, alternatives and optional parts given up at their first
/// character); a lookaround could do more, so it makes the follow set every character. The loop is met at
/// most once per path through what precedes it (a repeated part holds no loop: it would have no bound),
/// and each time it costs c·L (the run, and the attempts that fail at once) plus the one attempt that goes
/// on: with what follows it, it costs (L + 1)^max(1, d') where d' is the degree of everything after it,
/// not (L + 1)^(1 + d'). It is free when a later part already costs a degree, and costs one when it is
/// the last costly part: "^\d+$" keeps its degree 1, as the run is still read, and an unanchored pattern
/// tried at every position stays a degree more. Counting it as 0 would not be sound: "^\s+.*$" reads the
/// rest of the line after each of the L runs \s+ can stop at, quadratic work.
/// </para>
/// <para>
/// The follow set is worked out over the pattern's parts: the first characters of what comes next, looking
/// through parts that can match nothing (x?, x*, empty alternatives, anchors, \b, \B) and out of the
/// enclosing groups to what follows them. '$' and '\Z' add '\n' (they hold before a final newline, where
/// the loop could stop or go on); '\z' and the end of the pattern add nothing, as the end of the input
/// never holds a character. Where a claim could fail it is not made: a lookaround makes the follow set
/// every character (its content may cost a degree at each failed attempt, and a lookbehind reads
/// backwards); a loop inside a lookaround is counted, and so is a loop over anything but one character
/// set. Character sets are over-approximated (<see cref="CharSet"/>): a set that holds a letter, or any
/// character outside ASCII but whitespace and digits, is taken to hold all of those, because patterns are
/// compiled with IgnoreCase, whose case equivalences reach across scripts ('k' matches the Kelvin sign
/// U+212A, 'i' the dotted capital I U+0130 under some cultures); a negated class holds every character outside ASCII; a class
/// subtraction is its base class; '.' holds every character ('\n' too, as under Singleline or an inline
/// 's'); an escape not known here holds every character. An over-approximation can only hide a
/// disjointness, never invent one.
/// </para>
/// <para>
/// Building a linear-time regex costs milliseconds (its character-class minterms); the interpreter
/// costs microseconds to build. For a pattern anchored at the start of its input (a whole-unit pattern,
/// "^(?:…)$"), one attempt is all a match test makes, so on a short unit whose bound is small the
/// interpreter answers the same question (whether the unit matches) at a cost known in advance, and a
/// run that only meets short units never builds the linear-time regex (<see cref="PatternRunner.IsMatch(LazyRegex, string, Text.TextSpan)"/>).
/// </para>
/// </summary>
public static class BacktrackingCost
{
    /// <summary>At most this many paths, (L + 1)^d, for the interpreter to be used on a unit of length L.</summary>
    public const long MaxPaths = 1 << 17;

    /// <summary>The degree d of the pattern's worst case, or null when it has no polynomial bound this reader can prove.</summary>
    public static int? Degree(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var root = parser.ParseAlternation();
            return parser.AtEnd ? Cost(root.Node, CharSet.Empty, 0) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="Degree"/> for a pattern every match attempt of which starts at the start of the input
    /// (it opens with '^' or '\A' and has no alternatives at its top level, so a match test makes one
    /// attempt); null for any other.
    /// </summary>
    public static int? AnchoredDegree(string pattern)
    {
        if (!(pattern.StartsWith('^') || pattern.StartsWith(@"\A", StringComparison.Ordinal))) return null;
        try
        {
            var parser = new Parser(pattern);
            var root = parser.ParseAlternation();
            return parser.AtEnd && !parser.TopLevelAlternatives ? Cost(root.Node, CharSet.Empty, 0) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Whether (length + 1)^degree is within <see cref="MaxPaths"/>.</summary>
    public static bool WithinBudget(int degree, int length)
    {
        long paths = 1;
        for (int k = 0; k < degree; k++)
        {
            paths *= length + 1L;
            if (paths > MaxPaths) return false;
        }
        return true;
    }

    /// <summary>
    /// The characters the pattern's first match step may read, as this reader sees them (tests check the
    /// sets against .NET's own on every UTF-16 code unit); null when the reader does not take the pattern.
    /// </summary>
    internal static CharSet? FirstSet(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var root = parser.ParseAlternation();
            return parser.AtEnd ? root.Node.First : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Where the quantifiers of the loops that choose nothing (their follow set is disjoint from their
    /// character set) stand in the pattern, for a pattern that has a degree; null for any other (tests).
    /// </summary>
    internal static IReadOnlyList<int>? FreeLoops(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var root = parser.ParseAlternation();
            if (!parser.AtEnd) return null;
            var loops = new List<int>();
            Cost(root.Node, CharSet.Empty, 0, loops);
            return loops;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A degree too large to matter: a budget check never passes with it.</summary>
    private const int Unbounded = 1_000;

    /// <summary>
    /// A part with choices of its own repeated at most this many times is read as that many copies in a
    /// row: "x{0,2}" has the paths of "x?x?" at most. Each copy multiplies the constant factor by the
    /// part's alternatives, so the number is kept small.
    /// </summary>
    private const int MaxUnrolled = 2;

    /// <summary>
    /// The degree of <paramref name="node"/> followed by the rest of the pattern, whose first characters are
    /// <paramref name="follow"/> and whose own degree is <paramref name="rest"/>. Never more than the
    /// node's degree counted alone (each repeating loop one) plus <paramref name="rest"/>.
    /// </summary>
    private static int Cost(Node node, CharSet follow, int rest, List<int>? freeLoops = null)
    {
        switch (node)
        {
            case Sequence sequence:
                int d = rest;
                for (int i = sequence.Parts.Count - 1; i >= 0; i--)
                {
                    var part = sequence.Parts[i];
                    d = Cost(part, follow, d, freeLoops);
                    follow = part.Nullable ? follow.Union(part.First) : part.First;
                }
                return d;
            case Alternatives alternatives:
                return alternatives.Branches.Max(branch => Cost(branch, follow, rest, freeLoops));
            case Lookaround lookaround:
                // Tried once per path that reaches it, on its own: its loops are counted as they stand.
                return Math.Min(Unbounded, Cost(lookaround.Content, CharSet.All, 0, freeLoops) + rest);
            case Loop loop:
                if (loop.Max <= 1) return Cost(loop.Body, follow, rest, freeLoops); // x? : with x or without
                if (loop.Min == loop.Max && !loop.BodyChoice) return loop.BodyDegree > 0 ? Unbounded : rest; // x{4}: no choice
                // A repeating loop (its body has neither a degree nor a choice, or the parser had refused it).
                if (loop.Body is Single single && !single.Set.Overlaps(follow))
                {
                    freeLoops?.Add(loop.At);
                    return Math.Max(1, rest);
                }
                return Math.Min(Unbounded, 1 + rest);
            default:
                return rest; // one character, an anchor
        }
    }

    /// <summary>A part of the pattern: the characters its first step may read and whether it can match nothing.</summary>
    private abstract class Node
    {
        public abstract CharSet First { get; }

        public abstract bool Nullable { get; }
    }

    /// <summary>One character of a set: a literal, a class, an escape such as \d, or '.'.</summary>
    private sealed class Single(CharSet set) : Node
    {
        public CharSet Set { get; } = set;

        public override CharSet First => Set;

        public override bool Nullable => false;
    }

    /// <summary>A zero-width assertion ('^', '\b', an inline option); '$' and '\Z' may stand before a '\n'.</summary>
    private sealed class Anchor(CharSet first) : Node
    {
        public override CharSet First { get; } = first;

        public override bool Nullable => true;
    }

    /// <summary>(?=…), (?!…), (?&lt;=…), (?&lt;!…): a follow set that meets it holds every character (its content may read any, at any cost).</summary>
    private sealed class Lookaround(Node content) : Node
    {
        public Node Content { get; } = content;

        public override CharSet First => CharSet.All;

        public override bool Nullable => true;
    }

    private sealed class Sequence : Node
    {
        public Sequence(List<Node> parts)
        {
            Parts = parts;
            var first = CharSet.Empty;
            bool nullable = true;
            foreach (var part in parts)
            {
                first = first.Union(part.First);
                if (!part.Nullable) { nullable = false; break; }
            }
            (First, Nullable) = (first, nullable);
        }

        public IReadOnlyList<Node> Parts { get; }

        public override CharSet First { get; }

        public override bool Nullable { get; }
    }

    private sealed class Alternatives(List<Node> branches) : Node
    {
        public IReadOnlyList<Node> Branches { get; } = branches;

        public override CharSet First { get; } = branches.Aggregate(CharSet.Empty, (set, branch) => set.Union(branch.First));

        public override bool Nullable { get; } = branches.Any(branch => branch.Nullable);
    }

    /// <summary>A quantified part, with the degree and choice its body has counted alone.</summary>
    private sealed class Loop(Node body, int min, int max, int bodyDegree, bool bodyChoice, int at) : Node
    {
        /// <summary>Where its quantifier ('*', '+', '?', '{') stands in the pattern.</summary>
        public int At { get; } = at;

        public Node Body { get; } = body;

        public int Min { get; } = min;

        public int Max { get; } = max;

        public int BodyDegree { get; } = bodyDegree;

        public bool BodyChoice { get; } = bodyChoice;

        public override CharSet First => Body.First;

        public override bool Nullable => Min == 0 || Body.Nullable;
    }

    private sealed class Parser(string pattern)
    {
        private int _pos, _depth;

        public bool AtEnd => _pos >= pattern.Length;

        /// <summary>Whether the pattern is two or more alternatives at its top level ("^a|b").</summary>
        public bool TopLevelAlternatives { get; private set; }

        private char Peek => pattern[_pos];

        /// <summary>Alternatives: the costliest branch (paths of the others add, a constant factor); a choice when there are two or more.</summary>
        public (int Degree, bool Choice, Node Node) ParseAlternation()
        {
            var (d, choice, node) = ParseSequence();
            if (AtEnd || Peek != '|') return (d, choice, node);
            var branches = new List<Node> { node };
            while (!AtEnd && Peek == '|')
            {
                if (_depth == 0) TopLevelAlternatives = true;
                _pos++;
                var branch = ParseSequence();
                d = Math.Max(d, branch.Degree);
                branches.Add(branch.Node);
                choice = true;
            }
            return (d, choice, new Alternatives(branches));
        }

        /// <summary>A sequence: the paths of its parts multiply, so their degrees add.</summary>
        private (int Degree, bool Choice, Node Node) ParseSequence()
        {
            int d = 0;
            bool choice = false;
            var parts = new List<Node>();
            while (!AtEnd && Peek is not ('|' or ')'))
            {
                var (part, partChoice, node) = ParseQuantified();
                d = Math.Min(Unbounded, d + part);
                choice |= partChoice;
                parts.Add(node);
            }
            return (d, choice, parts.Count == 1 ? parts[0] : new Sequence(parts));
        }

        private (int Degree, bool Choice, Node Node) ParseQuantified()
        {
            var (atom, atomChoice, node) = ParseAtom();
            if (AtEnd) return (atom, atomChoice, node);
            int min, max, at = _pos;
            switch (Peek)
            {
                case '*': (min, max) = (0, int.MaxValue); _pos++; break;
                case '+': (min, max) = (1, int.MaxValue); _pos++; break;
                case '?': (min, max) = (0, 1); _pos++; break;
                case '{' when TryBraces(out min, out max): break;
                default: return (atom, atomChoice, node);
            }
            if (!AtEnd && Peek is '?' or '+') _pos++; // lazy or possessive: the same paths at most
            var loop = new Loop(node, min, max, atom, atomChoice, at);
            if (max <= 1) return (atom, true, loop); // x? : with x or without
            if (min == max && !atomChoice) return (atom * max > 0 ? Unbounded : 0, false, loop); // x{4}: no choice
            if ((atomChoice || atom > 0) && max <= MaxUnrolled)
            {
                // A part with choices of its own, repeated at most twice ("(?:(?:have|also)\s+){0,2}"): its
                // paths are those of its copies in a row, the ones past the minimum optional, as written out.
                var copies = new List<Node>();
                for (int k = 0; k < max; k++) copies.Add(k < min ? node : new Loop(node, 0, 1, atom, atomChoice, at));
                return (Math.Min(Unbounded, atom * max), true, new Sequence(copies));
            }
            // A part repeated: each iteration count is a path. A part with choices of its own would multiply
            // them per iteration ("(a+)+", "(a|a)*"): no polynomial bound.
            if (atomChoice || atom > 0) throw new NotSupportedException();
            return (1, true, loop);
        }

        private (int Degree, bool Choice, Node Node) ParseAtom()
        {
            char c = pattern[_pos++];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    return (0, false, new Single(ParseClass().Over.CaseFolded()));
                case '\\':
                    return (0, false, ParseEscape());
                case '*' or '+' or '?':
                    throw new NotSupportedException();
                case '^':
                    return (0, false, new Anchor(CharSet.Empty));
                case '$':
                    return (0, false, new Anchor(CharSet.Of('\n')));
                case '.':
                    return (0, false, new Single(CharSet.All)); // with '\n', as under Singleline
                default:
                    return (0, false, new Single(CharSet.Of(c).CaseFolded()));
            }
        }

        private (int Degree, bool Choice, Node Node) ParseGroup()
        {
            bool lookaround = false;
            if (!AtEnd && Peek == '?')
            {
                _pos++;
                if (AtEnd) throw new NotSupportedException();
                char k = pattern[_pos];
                if (k is ':' or '>') _pos++;
                else if (k is '=' or '!') { _pos++; lookaround = true; }
                else if (k == '<' && _pos + 1 < pattern.Length && pattern[_pos + 1] is '=' or '!') { _pos += 2; lookaround = true; }
                else if (k is '<' or '\'')
                {
                    char close = k == '<' ? '>' : '\'';
                    int end = pattern.IndexOf(close, _pos + 1);
                    if (end < 0) throw new NotSupportedException();
                    _pos = end + 1;
                }
                else
                {
                    // Inline options i, m, n, s change no path; x changes how the pattern reads, and a
                    // conditional (?(…)) or a comment is not worth reading here.
                    int start = _pos;
                    while (!AtEnd && Peek is 'i' or 'm' or 'n' or 's' or '-') _pos++;
                    if (AtEnd || _pos == start) throw new NotSupportedException();
                    if (Peek == ')') { _pos++; return (0, false, new Anchor(CharSet.Empty)); }
                    if (Peek != ':') throw new NotSupportedException();
                    _pos++;
                }
            }
            _depth++;
            var inner = ParseAlternation();
            _depth--;
            if (AtEnd || Peek != ')') throw new NotSupportedException();
            _pos++;
            return lookaround ? (inner.Degree, inner.Choice, new Lookaround(inner.Node)) : inner;
        }

        /// <summary>An escape outside a class: a character, a class such as \d, an anchor such as \b.</summary>
        private Node ParseEscape()
        {
            if (AtEnd) throw new NotSupportedException();
            char e = pattern[_pos++];
            if (e is 'k' || (char.IsAsciiDigit(e) && e != '0')) throw new NotSupportedException(); // a backreference
            switch (e)
            {
                case 'b' or 'B' or 'A' or 'G' or 'z': return new Anchor(CharSet.Empty);
                case 'Z': return new Anchor(CharSet.Of('\n'));
            }
            return new Single(EscapedSet(e).Over.CaseFolded());
        }

        /// <summary>
        /// The set an escape stands for after its backslash and letter <paramref name="e"/> (read), both as
        /// an over-approximation and as the ASCII characters it surely holds (for a negated class).
        /// </summary>
        private Item EscapedSet(char e)
        {
            switch (e)
            {
                case 'd': return Item.Exact(CharSet.Digits);
                case 'D': return Item.Exact(CharSet.NotDigits);
                case 'w': return Item.Exact(CharSet.Word);
                case 'W': return Item.Exact(CharSet.NotWord);
                case 's': return Item.Exact(CharSet.Space);
                case 'S': return Item.Exact(CharSet.NotSpace);
                case 'p' or 'P':
                {
                    if (AtEnd || Peek != '{') throw new NotSupportedException();
                    int end = pattern.IndexOf('}', _pos);
                    if (end < 0) throw new NotSupportedException();
                    string name = pattern[(_pos + 1)..end];
                    _pos = end + 1;
                    var category = Category(name);
                    return e == 'p' ? category : category.Negated();
                }
                case 'x': return Hex(2) is { } x ? Item.Char(x) : Item.Unknown;
                case 'u': return Hex(4) is { } u ? Item.Char(u) : Item.Unknown;
                case 'c':
                    _pos++;
                    if (_pos > pattern.Length) throw new NotSupportedException();
                    return Item.Unknown;
                case '0':
                    // An octal escape: up to three octal digits, the 0 included.
                    for (int n = 0; n < 2 && !AtEnd && Peek is >= '0' and <= '7'; n++) _pos++;
                    return Item.Unknown;
                case 't': return Item.Char('\t');
                case 'n': return Item.Char('\n');
                case 'r': return Item.Char('\r');
                case 'f': return Item.Char('\f');
                case 'v': return Item.Char('\v');
                case 'e': return Item.Char('\x1B');
                case 'a': return Item.Char('\a');
                default:
                    // An escaped symbol stands for itself; a letter or digit not read here, for anything.
                    return char.IsAsciiLetterOrDigit(e) ? Item.Unknown : Item.Char(e);
            }
        }

        /// <summary>The character of a hexadecimal escape's digits, or null when they are not all hexadecimal.</summary>
        private char? Hex(int digits)
        {
            if (_pos + digits > pattern.Length) throw new NotSupportedException();
            int value = 0;
            bool valid = true;
            for (int i = 0; i < digits; i++)
            {
                int digit = HexDigit(pattern[_pos++]);
                valid &= digit >= 0;
                value = value * 16 + digit;
            }
            return valid ? (char)value : null;
        }

        /// <summary>
        /// \p{name}: the letter and digit categories read exactly on ASCII, whitespace categories; any other
        /// name (punctuation, symbols, blocks such as IsGreek) holds every character and surely none.
        /// </summary>
        private static Item Category(string name) => name switch
        {
            "L" => new(CharSet.AsciiLetters with { Outside = CharSet.Buckets.Letter }, CharSet.AsciiLetters, null),
            "Lu" => Letters(CharSet.Range('A', 'Z')),
            "Ll" => Letters(CharSet.Range('a', 'z')),
            "Lt" or "Lm" or "Lo" => Letters(CharSet.Empty),
            "Nd" => new(CharSet.Digits, CharSet.Digits.AsciiOnly(), null),
            "N" => new(CharSet.Digits with { Outside = CharSet.Buckets.Digit | CharSet.Buckets.Other }, CharSet.Digits.AsciiOnly(), null),
            "Z" or "Zs" => new(CharSet.Of(' ') with { Outside = CharSet.Buckets.Space | CharSet.Buckets.Other }, CharSet.Of(' '), null),
            _ => Item.Unknown,
        };

        private static Item Letters(CharSet ascii) => new(ascii with { Outside = CharSet.Buckets.Letter }, ascii, null);

        private static int HexDigit(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        /// <summary>
        /// A character class after its '[', to its ']', subtractions ("[a-z-[aeiou]]") included, read as .NET
        /// reads it: the union of its items, or for "[^…]" every character outside ASCII and the ASCII
        /// characters no item surely holds. A subtraction is left out: the base class holds more.
        /// </summary>
        private Item ParseClass()
        {
            bool negated = false;
            if (!AtEnd && Peek == '^') { _pos++; negated = true; }
            var over = CharSet.Empty;
            var sure = CharSet.Empty;
            for (bool first = true; ; first = false)
            {
                if (AtEnd) throw new NotSupportedException();
                char c = pattern[_pos++];
                if (c == ']' && !first) break;
                var (item, rangeStart) = c == '\\' ? ClassEscape() : (Item.Char(c), true);
                if (c == '-' && !first && !AtEnd && Peek == '[')
                {
                    _pos++;
                    ParseClass(); // a subtraction
                    continue;
                }
                // "a-z" (not "a-]"), or "a-[…]": 'a' and a subtraction. A class escape (\d, \p{L}) and an
                // escaped '-' start no range.
                if (rangeStart && _pos + 1 < pattern.Length && Peek == '-' && pattern[_pos + 1] != ']')
                {
                    _pos++;
                    char h = pattern[_pos++];
                    if (h == '[') ParseClass();
                    else
                    {
                        var high = h == '\\' ? ClassEscape().Item : Item.Char(h);
                        item = item.Character is { } low && high.Character is { } top && top >= low
                            ? new Item(CharSet.Range(low, top), CharSet.Range(low, top).AsciiOnly(), null)
                            : Item.Unknown;
                    }
                }
                over = over.Union(item.Over);
                sure = sure.Union(item.Sure);
            }
            return negated ? new Item(sure.Complement(), CharSet.Empty, null) : new Item(over, sure, null);
        }

        /// <summary>An escape inside a class, where '\b' is a backspace and a digit starts an octal escape; whether it may start a range.</summary>
        private (Item Item, bool RangeStart) ClassEscape()
        {
            if (AtEnd) throw new NotSupportedException();
            char e = pattern[_pos++];
            switch (e)
            {
                case 'b':
                    return (Item.Char('\b'), true);
                case '-':
                    return (Item.Char('-'), false);
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'p' or 'P':
                    return (EscapedSet(e), false);
                case >= '1' and <= '9':
                    for (int n = 0; n < 2 && !AtEnd && Peek is >= '0' and <= '7'; n++) _pos++;
                    return (Item.Unknown, true);
                default:
                    return (EscapedSet(e), true);
            }
        }

        private bool TryBraces(out int min, out int max)
        {
            if (!RegexSyntax.TryBraces(pattern, _pos, out min, out max, out int end)) return false;
            _pos = end;
            return true;
        }
    }

    /// <summary>
    /// A class item: <paramref name="Over"/> holds every character it may match, <paramref name="Sure"/>
    /// only ASCII characters it matches with or without IgnoreCase (the complement of a negated class is
    /// taken from it), <paramref name="Character"/> the one character it stands for, for a range.
    /// </summary>
    private readonly record struct Item(CharSet Over, CharSet Sure, char? Character)
    {
        public static Item Unknown => new(CharSet.All, CharSet.Empty, null);

        /// <summary>A set read exactly on ASCII (\d, \w, \s and their negations).</summary>
        public static Item Exact(CharSet set) => new(set, set.AsciiOnly(), null);

        public static Item Char(char c) => new(CharSet.Of(c), CharSet.Of(c).AsciiOnly(), c);

        public Item Negated() => new(Sure.Complement(), Over.Complement().AsciiOnly(), null);
    }
}
