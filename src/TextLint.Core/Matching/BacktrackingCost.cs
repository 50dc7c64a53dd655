namespace TextLint.Matching;

/// <summary>
/// An upper bound on the work of the backtracking interpreter on one anchored match attempt, as a degree
/// in the length of the input: a pattern whose quantifiers can each choose at most L + 1 iteration counts
/// explores at most c·(L + 1)^d paths, where d counts the quantifiers that can repeat met in sequence,
/// alternatives count their costliest branch (their paths add: a constant factor) and a lookaround counts
/// its content, tried once per path that reaches it. A repetition of a part that holds a choice of its own
/// (a quantifier or alternatives: "(a+)+", "(\w+\s)*", "(a|a)*", "(?:x|y){0,9}") multiplies choices per
/// iteration and has no such bound, nor has a backreference or a construct this reader does not know:
/// those answer null.
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
            var (d, _) = parser.ParseAlternation();
            return parser.AtEnd ? d : null;
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
            var (d, _) = parser.ParseAlternation();
            return parser.AtEnd && !parser.TopLevelAlternatives ? d : null;
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

    /// <summary>A degree too large to matter: a budget check never passes with it.</summary>
    private const int Unbounded = 1_000;

    private sealed class Parser(string pattern)
    {
        private int _pos, _depth;

        public bool AtEnd => _pos >= pattern.Length;

        /// <summary>Whether the pattern is two or more alternatives at its top level ("^a|b").</summary>
        public bool TopLevelAlternatives { get; private set; }

        private char Peek => pattern[_pos];

        /// <summary>Alternatives: the costliest branch (paths of the others add, a constant factor); a choice when there are two or more.</summary>
        public (int Degree, bool Choice) ParseAlternation()
        {
            var (d, choice) = ParseSequence();
            while (!AtEnd && Peek == '|')
            {
                if (_depth == 0) TopLevelAlternatives = true;
                _pos++;
                d = Math.Max(d, ParseSequence().Degree);
                choice = true;
            }
            return (d, choice);
        }

        /// <summary>A sequence: the paths of its parts multiply, so their degrees add.</summary>
        private (int Degree, bool Choice) ParseSequence()
        {
            int d = 0;
            bool choice = false;
            while (!AtEnd && Peek is not ('|' or ')'))
            {
                var (part, partChoice) = ParseQuantified();
                d = Math.Min(Unbounded, d + part);
                choice |= partChoice;
            }
            return (d, choice);
        }

        private (int Degree, bool Choice) ParseQuantified()
        {
            var (atom, atomChoice) = ParseAtom();
            if (AtEnd) return (atom, atomChoice);
            int min, max;
            switch (Peek)
            {
                case '*': (min, max) = (0, int.MaxValue); _pos++; break;
                case '+': (min, max) = (1, int.MaxValue); _pos++; break;
                case '?': (min, max) = (0, 1); _pos++; break;
                case '{' when TryBraces(out min, out max): break;
                default: return (atom, atomChoice);
            }
            if (!AtEnd && Peek is '?' or '+') _pos++; // lazy or possessive: the same paths at most
            if (max <= 1) return (atom, true); // x? : with x or without
            if (min == max && !atomChoice) return (atom * max > 0 ? Unbounded : 0, false); // x{4}: no choice
            // A part repeated: each iteration count is a path. A part with choices of its own would multiply
            // them per iteration ("(a+)+", "(a|a)*"): no polynomial bound.
            if (atomChoice || atom > 0) throw new NotSupportedException();
            return (1, true);
        }

        private (int Degree, bool Choice) ParseAtom()
        {
            char c = pattern[_pos++];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    SkipClass();
                    return (0, false);
                case '\\':
                    ParseEscape();
                    return (0, false);
                case '*' or '+' or '?':
                    throw new NotSupportedException();
                default:
                    return (0, false); // a character, '.', '^', '$'
            }
        }

        private (int Degree, bool Choice) ParseGroup()
        {
            if (!AtEnd && Peek == '?')
            {
                _pos++;
                if (AtEnd) throw new NotSupportedException();
                char k = pattern[_pos];
                if (k is ':' or '=' or '!' or '>') _pos++;
                else if (k == '<' && _pos + 1 < pattern.Length && pattern[_pos + 1] is '=' or '!') _pos += 2;
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
                    if (Peek == ')') { _pos++; return (0, false); }
                    if (Peek != ':') throw new NotSupportedException();
                    _pos++;
                }
            }
            _depth++;
            var inner = ParseAlternation();
            _depth--;
            if (AtEnd || Peek != ')') throw new NotSupportedException();
            _pos++;
            return inner;
        }

        private void ParseEscape()
        {
            if (AtEnd) throw new NotSupportedException();
            char e = pattern[_pos++];
            if (e is 'k' || (char.IsAsciiDigit(e) && e != '0')) throw new NotSupportedException(); // a backreference
            if (e is 'p' or 'P')
            {
                if (AtEnd || Peek != '{') throw new NotSupportedException();
                int end = pattern.IndexOf('}', _pos);
                if (end < 0) throw new NotSupportedException();
                _pos = end + 1;
            }
            else if (e == 'x') _pos += 2;
            else if (e == 'u') _pos += 4;
            else if (e == 'c') _pos += 1;
            if (_pos > pattern.Length) throw new NotSupportedException();
        }

        /// <summary>To the end of a character class, subtractions ("[a-z-[aeiou]]") included.</summary>
        private void SkipClass()
        {
            if (!AtEnd && Peek == '^') _pos++;
            bool first = true;
            while (true)
            {
                if (AtEnd) throw new NotSupportedException();
                char c = pattern[_pos++];
                if (c == ']' && !first) return;
                first = false;
                if (c == '\\') { _pos++; continue; }
                if (c == '-' && !AtEnd && Peek == '[') { _pos++; SkipClass(); continue; }
            }
        }

        private bool TryBraces(out int min, out int max)
        {
            if (!RegexSyntax.TryBraces(pattern, _pos, out min, out max, out int end)) return false;
            _pos = end;
            return true;
        }
    }
}
