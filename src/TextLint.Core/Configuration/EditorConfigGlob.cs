using System.Collections.Immutable;
using System.Globalization;

namespace TextLint.Configuration;

/// <summary>
/// An EditorConfig section glob (https://spec.editorconfig.org/#glob-expressions): <c>*</c> (any
/// characters but '/'), <c>**</c> (any characters), <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>,
/// <c>[!abc]</c>, <c>{s1,s2}</c> (nestable), <c>{n1..n2}</c> (an integer in the range) and
/// <c>\</c> escapes. A construct that is not closed is taken literally, as the reference
/// implementation does. A section without '/' matches the file name at any depth below the
/// .editorconfig's folder; one with '/' matches the path relative to that folder.
/// </summary>
/// <remarks>
/// Braces are expanded up front into flat alternatives (bounded by <see cref="MaxAlternatives"/>), so
/// matching is a memoised walk over a flat token list: at most tokens × path-length states, whatever
/// the pattern, rather than a backtracking regex.
/// </remarks>
public sealed class EditorConfigGlob
{
    public const int MaxAlternatives = 1024;

    private readonly ImmutableArray<Token[]> _alternatives;

    private EditorConfigGlob(string section, ImmutableArray<Token[]> alternatives, string? error)
    {
        Section = section;
        _alternatives = alternatives;
        Error = error;
    }

    /// <summary>The section name as written between the brackets.</summary>
    public string Section { get; }

    /// <summary>Why the glob can match nothing (too many brace alternatives), or null.</summary>
    public string? Error { get; }

    /// <summary>The spec's limit on section names; it also bounds the parser's recursion on nested braces.</summary>
    public const int MaxSectionLength = 4096;

    public static EditorConfigGlob Parse(string section)
    {
        if (section.Length > MaxSectionLength)
            return new EditorConfigGlob(section, ImmutableArray<Token[]>.Empty,
                $"The section name is longer than {MaxSectionLength} characters; it matches no file.");
        // The spec: a glob containing a '/' (outside brackets) is relative to the file's folder;
        // otherwise it matches at any level below it.
        string pattern = ContainsSeparator(section)
            ? (section.StartsWith('/') ? section[1..] : section)
            : "**/" + section;
        return Build(section, pattern);
    }

    /// <summary>
    /// The same dialect for a glob that is always relative to its base folder, with or without a '/':
    /// a command-line glob (<c>*.md</c> matches at the top only, as a shell does), or one whose base the
    /// caller already chose. A leading '/' is dropped.
    /// </summary>
    public static EditorConfigGlob ParsePath(string pattern)
    {
        if (pattern.Length > MaxSectionLength)
            return new EditorConfigGlob(pattern, ImmutableArray<Token[]>.Empty,
                $"The glob is longer than {MaxSectionLength} characters; it matches no file.");
        return Build(pattern, pattern.StartsWith('/') ? pattern[1..] : pattern);
    }

    /// <summary>Whether a glob (textlint.yaml's or a section's) contains a '/' outside brackets: then it is relative to its folder.</summary>
    public static bool IsAnchored(string glob) => ContainsSeparator(glob);

    private static EditorConfigGlob Build(string section, string pattern)
    {
        var parser = new Parser(pattern);
        var sequence = parser.ParseSequence(topLevel: true);
        var expanded = new List<List<Token>>();
        if (!Expand(sequence, 0, new List<Token>(), expanded))
            return new EditorConfigGlob(section, ImmutableArray<Token[]>.Empty,
                $"The section [{section}] expands to more than {MaxAlternatives} alternatives; it matches no file.");
        return new EditorConfigGlob(section, expanded.Select(e => e.ToArray()).ToImmutableArray(), null);
    }

    /// <summary>Whether the glob matches a '/'-separated path relative to the .editorconfig's folder.</summary>
    public bool IsMatch(string relativePath)
    {
        foreach (var tokens in _alternatives)
            if (new Matcher(tokens, relativePath).Run()) return true;
        return false;
    }

    private static bool ContainsSeparator(string s)
    {
        bool escaped = false;
        int bracket = -1;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (escaped) { escaped = false; continue; }
            if (c == '\\') { escaped = true; continue; }
            if (c == '[' && bracket < 0) bracket = i;
            else if (c == ']' && bracket >= 0) bracket = -1;
            else if (c == '/' && bracket < 0) return true;
        }
        // An unclosed '[' is literal, so a '/' after it counts.
        return bracket >= 0 && s.IndexOf('/', bracket) >= 0;
    }

    // ---- tokens -------------------------------------------------------------------------------

    private enum TokenKind { Literal, AnyChar, Star, DoubleStar, DoubleStarSlash, Class, NumberRange, Alternation }

    private sealed class Token
    {
        public TokenKind Kind;
        public char Char;
        public bool Negated;
        public List<(char From, char To)>? Ranges;
        public long Min, Max;
        public List<List<Token>>? Options;
    }

    private static bool Expand(List<Token> sequence, int index, List<Token> prefix, List<List<Token>> output)
    {
        if (index == sequence.Count)
        {
            if (output.Count >= MaxAlternatives) return false;
            output.Add(new List<Token>(prefix));
            return true;
        }
        var token = sequence[index];
        if (token.Kind != TokenKind.Alternation)
        {
            prefix.Add(token);
            bool ok = Expand(sequence, index + 1, prefix, output);
            prefix.RemoveAt(prefix.Count - 1);
            return ok;
        }
        foreach (var option in token.Options!)
        {
            // An option may itself hold alternations: expand it, then continue with the rest.
            var partial = new List<List<Token>>();
            if (!Expand(option, 0, new List<Token>(), partial)) return false;
            foreach (var p in partial)
            {
                int mark = prefix.Count;
                prefix.AddRange(p);
                bool ok = Expand(sequence, index + 1, prefix, output);
                prefix.RemoveRange(mark, prefix.Count - mark);
                if (!ok) return false;
            }
        }
        return true;
    }

    private sealed class Parser(string pattern)
    {
        private int _i;

        /// <summary>Tokens up to the end, or (inside braces) up to the ',' or '}' that ends the option.</summary>
        public List<Token> ParseSequence(bool topLevel)
        {
            var tokens = new List<Token>();
            while (_i < pattern.Length)
            {
                char c = pattern[_i];
                if (!topLevel && (c == ',' || c == '}')) break;
                switch (c)
                {
                    case '\\':
                        _i++;
                        tokens.Add(Literal(_i < pattern.Length ? pattern[_i++] : '\\'));
                        break;
                    case '*':
                        if (_i + 1 < pattern.Length && pattern[_i + 1] == '*')
                        {
                            _i += 2;
                            bool atSegmentStart = tokens.Count == 0 || tokens[^1] is { Kind: TokenKind.Literal, Char: '/' };
                            if (atSegmentStart && _i < pattern.Length && pattern[_i] == '/')
                            {
                                _i++;
                                tokens.Add(new Token { Kind = TokenKind.DoubleStarSlash });
                            }
                            else tokens.Add(new Token { Kind = TokenKind.DoubleStar });
                        }
                        else
                        {
                            _i++;
                            tokens.Add(new Token { Kind = TokenKind.Star });
                        }
                        break;
                    case '?':
                        _i++;
                        tokens.Add(new Token { Kind = TokenKind.AnyChar });
                        break;
                    case '[':
                        tokens.Add(ParseClass() ?? Literal(pattern[_i++]));
                        break;
                    case '{':
                        if (ParseBraces() is { } braces) tokens.AddRange(braces);
                        else tokens.Add(Literal(pattern[_i++]));
                        break;
                    default:
                        _i++;
                        tokens.Add(Literal(c));
                        break;
                }
            }
            return tokens;
        }

        private static Token Literal(char c) => new() { Kind = TokenKind.Literal, Char = c };

        /// <summary>A bracket expression at <c>_i</c>, or null (and <c>_i</c> unchanged) when it is not closed.</summary>
        private Token? ParseClass()
        {
            int i = _i + 1;
            bool negated = i < pattern.Length && pattern[i] == '!';
            if (negated) i++;
            var ranges = new List<(char, char)>();
            while (i < pattern.Length && pattern[i] != ']')
            {
                if (pattern[i] == '/') return null; // a '/' cannot be part of a class: literal '['
                char from = pattern[i] == '\\' && i + 1 < pattern.Length ? pattern[++i] : pattern[i];
                i++;
                char to = from;
                if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
                {
                    i++;
                    to = pattern[i] == '\\' && i + 1 < pattern.Length ? pattern[++i] : pattern[i];
                    i++;
                }
                ranges.Add(from <= to ? (from, to) : (to, from));
            }
            if (i >= pattern.Length) return null;
            _i = i + 1;
            return new Token { Kind = TokenKind.Class, Negated = negated, Ranges = ranges };
        }

        /// <summary>
        /// <c>{a,b}</c> → an alternation; <c>{3..12}</c> → a number range; a brace without a comma or
        /// range (<c>{a}</c>) or without its closing brace is literal text, as in the reference implementation.
        /// </summary>
        private List<Token>? ParseBraces()
        {
            int close = FindClosingBrace(_i);
            if (close < 0) return null;
            string inner = pattern[(_i + 1)..close];
            if (TryParseRange(inner, out long min, out long max))
            {
                _i = close + 1;
                return [new Token { Kind = TokenKind.NumberRange, Min = min, Max = max }];
            }
            if (!HasTopLevelComma(_i + 1, close))
            {
                var literal = new List<Token>();
                for (int k = _i; k <= close; k++) literal.Add(Literal(pattern[k]));
                _i = close + 1;
                return literal;
            }
            _i++;
            var options = new List<List<Token>>();
            while (true)
            {
                options.Add(ParseSequence(topLevel: false));
                if (_i >= pattern.Length) break;
                char c = pattern[_i++];
                if (c == '}') break;
            }
            return [new Token { Kind = TokenKind.Alternation, Options = options }];
        }

        private int FindClosingBrace(int open)
        {
            int depth = 0;
            for (int k = open; k < pattern.Length; k++)
            {
                char c = pattern[k];
                if (c == '\\') { k++; continue; }
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) return k;
            }
            return -1;
        }

        private bool HasTopLevelComma(int from, int to)
        {
            int depth = 0;
            for (int k = from; k < to; k++)
            {
                char c = pattern[k];
                if (c == '\\') { k++; continue; }
                if (c == '{') depth++;
                else if (c == '}') depth--;
                else if (c == ',' && depth == 0) return true;
            }
            return false;
        }

        private static bool TryParseRange(string inner, out long min, out long max)
        {
            min = max = 0;
            int dots = inner.IndexOf("..", StringComparison.Ordinal);
            if (dots <= 0) return false;
            if (!TryParseInteger(inner.AsSpan(0, dots), out long a) || !TryParseInteger(inner.AsSpan(dots + 2), out long b)) return false;
            (min, max) = a <= b ? (a, b) : (b, a);
            return true;
        }
    }

    private static bool TryParseInteger(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        if (s.IsEmpty) return false;
        int start = s[0] is '+' or '-' ? 1 : 0;
        if (start == s.Length) return false;
        foreach (char c in s[start..])
            if (c is < '0' or > '9') return false;
        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    // ---- matching -----------------------------------------------------------------------------

    private readonly struct Matcher(Token[] tokens, string path)
    {
        // failed[i * (path.Length + 1) + p]: tokens[i..] cannot match path[p..]
        private readonly bool[] _failed = new bool[(tokens.Length + 1) * (path.Length + 1)];

        public bool Run() => Match(0, 0);

        private bool Match(int i, int p)
        {
            int key = i * (path.Length + 1) + p;
            if (_failed[key]) return false;
            bool ok = MatchUncached(i, p);
            if (!ok) _failed[key] = true;
            return ok;
        }

        private bool MatchUncached(int i, int p)
        {
            if (i == tokens.Length) return p == path.Length;
            var t = tokens[i];
            switch (t.Kind)
            {
                case TokenKind.Literal:
                    return p < path.Length && path[p] == t.Char && Match(i + 1, p + 1);
                case TokenKind.AnyChar:
                    return p < path.Length && path[p] != '/' && Match(i + 1, p + 1);
                case TokenKind.Class:
                    return p < path.Length && path[p] != '/' && InClass(t, path[p]) && Match(i + 1, p + 1);
                case TokenKind.Star:
                    for (int q = p; ; q++)
                    {
                        if (Match(i + 1, q)) return true;
                        if (q >= path.Length || path[q] == '/') return false;
                    }
                case TokenKind.DoubleStar:
                    for (int q = p; q <= path.Length; q++)
                        if (Match(i + 1, q)) return true;
                    return false;
                case TokenKind.DoubleStarSlash:
                    // "**/" is zero or more whole folders: "a/**/b" matches "a/b" and "a/x/y/b".
                    if (Match(i + 1, p)) return true;
                    for (int q = p; q < path.Length; q++)
                        if (path[q] == '/' && Match(i + 1, q + 1)) return true;
                    return false;
                case TokenKind.NumberRange:
                    {
                        int start = p < path.Length && path[p] is '+' or '-' ? p + 1 : p;
                        for (int end = start + 1; end <= path.Length && char.IsAsciiDigit(path[end - 1]); end++)
                        {
                            if (TryParseInteger(path.AsSpan(p, end - p), out long v) && v >= t.Min && v <= t.Max && Match(i + 1, end))
                                return true;
                        }
                        return false;
                    }
                default:
                    throw new InvalidOperationException("Alternations are expanded before matching.");
            }
        }

        private static bool InClass(Token t, char c)
        {
            bool found = false;
            foreach (var (from, to) in t.Ranges!)
                if (c >= from && c <= to) { found = true; break; }
            return found != t.Negated;
        }
    }

    public override string ToString() => Section;
}
