namespace TextLint.Matching;

/// <summary>
/// An Aho–Corasick automaton over the phrases of all rules, compiled to a dense transition table over a
/// compact alphabet (only the folded characters that occur in some phrase get a column; every other
/// character shares column 0). Scanning a document is one pass with one table lookup per character,
/// whatever the number of rules. Immutable after construction and safe to share across threads.
/// </summary>
public sealed class LiteralMatcher
{
    private readonly ushort[] _classOf;     // char -> alphabet column (0 = not in any phrase)
    private readonly int _alphabet;
    private readonly int[] _next;           // state * _alphabet + column -> state
    private readonly int[][] _outputs;      // state -> pattern indexes ending here (including via suffix links)
    private readonly LiteralPattern[] _patterns;
    private readonly int[] _lengths;        // folded length of each pattern
    private readonly int _maxLength;
    private readonly ushort _spaceClass;

    internal LiteralMatcher(IReadOnlyList<LiteralPattern> patterns)
    {
        _patterns = patterns.ToArray();
        _classOf = new ushort[char.MaxValue + 1];
        var columns = new Dictionary<char, ushort>();
        foreach (var p in _patterns)
            foreach (char c in p.Folded)
                if (!columns.ContainsKey(c)) columns[c] = (ushort)(columns.Count + 1);
        _alphabet = columns.Count + 1;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char f = CharClass.Fold((char)c);
            if (columns.TryGetValue(f, out ushort col)) _classOf[c] = col;
        }
        columns.TryGetValue(' ', out _spaceClass);
        if (_spaceClass == 0) _spaceClass = ushort.MaxValue;

        // Trie
        var trie = new List<int[]> { new int[_alphabet] };
        var outs = new List<List<int>> { new() };
        _lengths = new int[_patterns.Length];
        for (int i = 0; i < _patterns.Length; i++)
        {
            int s = 0;
            string f = _patterns[i].Folded;
            _lengths[i] = f.Length;
            _maxLength = Math.Max(_maxLength, f.Length);
            foreach (char c in f)
            {
                int col = columns[c];
                if (trie[s][col] == 0)
                {
                    trie.Add(new int[_alphabet]);
                    outs.Add(new());
                    trie[s][col] = trie.Count - 1;
                }
                s = trie[s][col];
            }
            outs[s].Add(i);
        }

        // Breadth-first: failure links folded into a complete transition table.
        int n = trie.Count;
        _next = new int[n * _alphabet];
        var fail = new int[n];
        var queue = new Queue<int>();
        for (int col = 0; col < _alphabet; col++)
        {
            int t = trie[0][col];
            _next[col] = t;
            if (t != 0) { fail[t] = 0; queue.Enqueue(t); }
        }
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            outs[s].AddRange(outs[fail[s]]);
            for (int col = 0; col < _alphabet; col++)
            {
                int t = trie[s][col];
                if (t != 0)
                {
                    fail[t] = _next[fail[s] * _alphabet + col];
                    _next[s * _alphabet + col] = t;
                    queue.Enqueue(t);
                }
                else
                {
                    _next[s * _alphabet + col] = _next[fail[s] * _alphabet + col];
                }
            }
        }
        _outputs = outs.Select(o => o.ToArray()).ToArray();
    }

    public int PatternCount => _patterns.Length;

    /// <summary>Reports every occurrence of every phrase, as (rule index, match), in order of match end.</summary>
    public void Scan(ReadOnlySpan<char> text, Action<int, LiteralMatch> onMatch) => Scan(text, new DelegateSink(onMatch));

    public void Scan<TSink>(ReadOnlySpan<char> text, TSink sink) where TSink : ILiteralSink
    {
        if (_patterns.Length == 0) return;
        // ring[k & mask] holds the text offset of the k-th consumed character, so a match of folded
        // length L that ends at consumed character k started at ring[(k - L + 1) & mask], even where runs
        // of white space were collapsed. A power-of-two ring turns the per-character modulo into a mask.
        int m = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, _maxLength));
        int mask = m - 1;
        Span<int> ring = m <= 256 ? stackalloc int[m] : new int[m];
        int state = 0;
        int consumed = 0;
        bool prevSpace = true;
        ushort space = _spaceClass;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            ushort col = _classOf[ch];
            bool isSpace = col == space ? true : (col == 0 && (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t'));
            if (isSpace)
            {
                if (prevSpace) continue;
                prevSpace = true;
            }
            else prevSpace = false;
            ring[consumed & mask] = i;
            consumed++;
            state = _next[state * _alphabet + col];
            if (col == 0 && state == 0) continue;
            var outs = _outputs[state];
            for (int o = 0; o < outs.Length; o++)
            {
                int pi = outs[o];
                var p = _patterns[pi];
                int startK = consumed - _lengths[pi];
                if (startK < 0) continue;
                int start = ring[startK & mask];
                int end = i + 1;
                if (p.WordStart && start > 0 && CharClass.IsWordChar(text[start - 1])) continue;
                if (p.WordEnd && end < text.Length && CharClass.IsWordChar(text[end])) continue;
                if (p.CaseSensitive && !MatchesExactly(text[start..end], p.Original)) continue;
                sink.OnMatch(p.Rule, new LiteralMatch(start, end, p.Payload));
            }
        }
    }

    private static bool MatchesExactly(ReadOnlySpan<char> found, string original)
    {
        int i = 0, j = 0;
        original = original.Trim();
        while (i < found.Length && j < original.Length)
        {
            char a = found[i], b = original[j];
            if (char.IsWhiteSpace(a) && char.IsWhiteSpace(b))
            {
                while (i < found.Length && char.IsWhiteSpace(found[i])) i++;
                while (j < original.Length && char.IsWhiteSpace(original[j])) j++;
                continue;
            }
            if (a != b && !(CharClass.Fold(a) == '\'' && CharClass.Fold(b) == '\'')) return false;
            i++; j++;
        }
        return i == found.Length && j == original.Length;
    }

    private readonly struct DelegateSink(Action<int, LiteralMatch> action) : ILiteralSink
    {
        public void OnMatch(int rule, LiteralMatch match) => action(rule, match);
    }
}

public interface ILiteralSink
{
    void OnMatch(int rule, LiteralMatch match);
}
