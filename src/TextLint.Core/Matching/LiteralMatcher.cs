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

    // One dense table. States are premultiplied (state s is stored as s * _alphabet) so a step is one add
    // and one load, with no multiply in the loop's dependency chain; a transition into a state where
    // phrases end is stored complemented (negative), so "does anything end here?" is a sign test on the
    // value just loaded.
    private readonly int[] _next;           // state + column -> state, or ~state where phrases end
    private readonly int[]?[] _outputs;     // state index -> pattern indexes ending there (suffix links included)
    private readonly LiteralPattern[] _patterns;
    private readonly int[] _lengths;        // folded length of each pattern
    private readonly ushort _spaceClass;
    private readonly ushort _ignorableClass; // default-ignorable characters (soft hyphen, zero-width space, joiners): the scan steps over them

    internal LiteralMatcher(IReadOnlyList<LiteralPattern> patterns)
    {
        _patterns = patterns.ToArray();
        _classOf = new ushort[char.MaxValue + 1];
        // A folded character's column, by the character (0: in no phrase): an array, not a dictionary, as it
        // is read for every character there is.
        var columnOf = new ushort[char.MaxValue + 1];
        int columns = 0;
        foreach (var p in _patterns)
            foreach (char c in p.Folded)
                if (columnOf[c] == 0) columnOf[c] = (ushort)++columns;
        // The last column is the default-ignorable characters': no phrase holds one (Normalize drops them).
        _ignorableClass = (ushort)(columns + 1);
        int alphabet = _alphabet = columns + 2;
        for (int c = 0; c <= char.MaxValue; c++) _classOf[c] = columnOf[CharClass.Fold((char)c)];
        foreach (char c in CharClass.Ignorables) _classOf[c] = _ignorableClass;
        _spaceClass = columnOf[' '];
        if (_spaceClass == 0) _spaceClass = ushort.MaxValue;

        // The trie, as (state, column) -> child while the number of states is unknown: the dense table is
        // then allocated once, at its final size (it is most of what building a pack allocates).
        var children = new Dictionary<long, int>();
        var lastColumn = new List<int> { -1 };
        var ownEnds = new List<List<int>?> { null };
        _lengths = new int[_patterns.Length];
        for (int i = 0; i < _patterns.Length; i++)
        {
            int s = 0;
            string f = _patterns[i].Folded;
            _lengths[i] = f.Length;
            foreach (char c in f)
            {
                int col = columnOf[c];
                long key = (long)s * alphabet + col;
                if (!children.TryGetValue(key, out int t))
                {
                    t = lastColumn.Count;
                    lastColumn.Add(col);
                    ownEnds.Add(null);
                    children[key] = t;
                }
                s = t;
            }
            (ownEnds[s] ??= new()).Add(i);
        }
        int n = lastColumn.Count;
        if ((long)n * alphabet > Array.MaxLength)
            throw new InvalidOperationException($"The rules' {_patterns.Length:N0} phrases need an automaton too large to build ({n:N0} states x {alphabet:N0} characters).");

        // The states in breadth-first order, the root first and each state's children by column: the
        // order rows are numbered in. The trie numbered states phrase by phrase, which scattered the rows a
        // scan visits most (the root's and the shallow states', where ordinary text keeps it) over a table
        // of megabytes; together, they fit in the processor's nearer caches. The children come from the
        // trie's edges, listed per parent (a few each), so nothing here walks a dense row.
        var childStart = new int[n + 1];
        foreach (var key in children.Keys) childStart[(int)(key / alphabet) + 1]++;
        for (int s = 0; s < n; s++) childStart[s + 1] += childStart[s];
        var childAt = new int[children.Count];
        var filled = new int[n];
        foreach (var (key, child) in children)
        {
            int parent = (int)(key / alphabet), at = childStart[parent] + filled[parent]++;
            // Insertion into the parent's run, by column.
            while (at > childStart[parent] && lastColumn[childAt[at - 1]] > lastColumn[child])
            {
                childAt[at] = childAt[at - 1];
                at--;
            }
            childAt[at] = child;
        }
        var order = new int[n];
        var rank = new int[n];
        for (int head = 0, tail = 1; head < n; head++)
        {
            int s = order[head];
            rank[s] = head;
            for (int c = childStart[s]; c < childStart[s + 1]; c++) order[tail++] = childAt[c];
        }

        // The table, numbered by rank and premultiplied from the start, row by row in breadth-first order:
        // a row is a copy of its failure state's row, which is complete by then, with the state's own trie
        // edges written over it. Entries are written in their final form: a state's failure state is
        // known when its parent's row is done, and so is whether phrases end there.
        var table = new int[n * alphabet];
        var fail = new int[n];               // by rank, premultiplied
        var hasEnds = new bool[n];           // by rank: a phrase ends there, its own or one of its suffixes'
        var ends = new List<int>?[n];        // by rank: the phrases ending there, its own first
        for (int s = 0; s < n; s++)
            if (ownEnds[s] is { } own) ends[rank[s]] = own;
        hasEnds[0] = ends[0] is not null;
        if (hasEnds[0]) table.AsSpan(0, alphabet).Fill(~0);
        _outputs = new int[]?[n];
        for (int r = 0; r < n; r++)
        {
            int row = r * alphabet, failRow = fail[r];
            if (r > 0)
            {
                if (ends[failRow / alphabet] is { } inherited) (ends[r] ??= new()).AddRange(inherited);
                table.AsSpan(failRow, alphabet).CopyTo(table.AsSpan(row, alphabet));
            }
            _outputs[r] = ends[r]?.ToArray();
            int state = order[r];
            for (int c = childStart[state]; c < childStart[state + 1]; c++)
            {
                int child = childAt[c], col = lastColumn[child], t = rank[child];
                int f = r == 0 ? 0 : Decode(table[failRow + col]);
                fail[t] = f;
                hasEnds[t] = ends[t] is not null || hasEnds[f / alphabet];
                table[row + col] = hasEnds[t] ? ~(t * alphabet) : t * alphabet;
            }
        }

        // A run of white space matches one space: a state just entered by a space stays put on the next
        // one. (Only such states end in a space, and no phrase ends in one, so nothing is reported twice.)
        // The scan then needs no test for white space at all.
        if (_spaceClass != ushort.MaxValue)
            for (int s = 1; s < n; s++)
                if (lastColumn[s] == _spaceClass)
                {
                    int self = rank[s] * alphabet;
                    table[self + _spaceClass] = hasEnds[rank[s]] ? ~self : self;
                }

        // An invisible character inside a word ("ver\u00ADmin", "ver\u200Bmin") leaves the state as it is, so
        // every phrase is seen through it; written as a plain (positive) transition, it reports nothing twice.
        for (int r = 0; r < n; r++) table[r * alphabet + _ignorableClass] = r * alphabet;
        _next = table;

        static int Decode(int entry) => entry < 0 ? ~entry : entry;
    }

    public int PatternCount => _patterns.Length;

    /// <summary>The automaton's size: states by alphabet columns (the dense table holds their product).</summary>
    internal (int States, int Columns) Size => (_outputs.Length, _alphabet);

    /// <summary>Reports every occurrence of every phrase, as (rule index, match), in order of match end.</summary>
    public void Scan(ReadOnlySpan<char> text, Action<int, LiteralMatch> onMatch) => Scan(text, new DelegateSink(onMatch));

    public void Scan<TSink>(ReadOnlySpan<char> text, TSink sink) where TSink : ILiteralSink
    {
        if (_patterns.Length == 0) return;
        var next = _next;
        var classOf = _classOf;
        int state = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int to = next[state + classOf[text[i]]];
            if (to >= 0)
            {
                state = to;
                continue;
            }
            state = ~to;
            var outs = _outputs[state / _alphabet]!;
            // Rules often register the same phrase ("some", "most"), so one state reports several patterns
            // of the same length: their start is worked out once.
            int lastLength = -1, start = 0;
            for (int o = 0; o < outs.Length; o++)
            {
                int pi = outs[o];
                var p = _patterns[pi];
                if (_lengths[pi] != lastLength) start = StartOf(text, i, lastLength = _lengths[pi]);
                int end = i + 1;
                if (p.WordStart && IsWordBefore(text, start)) continue;
                if (p.WordEnd && IsWordAfter(text, end)) continue;
                if (p.CaseSensitive && !MatchesExactly(text[start..end], p.Original)) continue;
                sink.OnMatch(p.Rule, new LiteralMatch(start, end, p.Payload));
            }
        }
    }

    /// <summary>White space as the scan consumes it: characters that fold to ' ' (all of them, when some phrase has a space).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool IsSpace(char ch, ushort col) => col == _spaceClass || (col == 0 && ch is ' ' or '\n' or '\r' or '\t');

    /// <summary>
    /// Where a match of <paramref name="length"/> folded characters that ends at <paramref name="last"/>
    /// starts: walks back over the characters the scan consumed (a white-space run counts once, and the
    /// invisible characters not at all). Matches are rare next to characters, so this beats recording every position.
    /// </summary>
    private int StartOf(ReadOnlySpan<char> text, int last, int length)
    {
        int j = last;
        for (int remaining = length - 1; remaining > 0; remaining--)
        {
            j--;
            while (j > 0 && _classOf[text[j]] == _ignorableClass) j--;
            // The run is one character, invisible characters inside it included ("a \u00AD b").
            if (IsSpace(text[j], _classOf[text[j]]))
                while (j > 0 && (IsSpace(text[j - 1], _classOf[text[j - 1]]) || _classOf[text[j - 1]] == _ignorableClass)) j--;
        }
        return j;
    }

    /// <summary>A word character before <paramref name="at"/>, looking through invisible characters ("un\u00ADreported").</summary>
    private static bool IsWordBefore(ReadOnlySpan<char> text, int at)
    {
        int k = at - 1;
        while (k >= 0 && CharClass.IsIgnorable(text[k])) k--;
        return k >= 0 && CharClass.IsWordChar(text[k]);
    }

    /// <summary>A word character at or after <paramref name="at"/>, looking through invisible characters.</summary>
    private static bool IsWordAfter(ReadOnlySpan<char> text, int at)
    {
        int k = at;
        while (k < text.Length && CharClass.IsIgnorable(text[k])) k++;
        return k < text.Length && CharClass.IsWordChar(text[k]);
    }

    private static bool MatchesExactly(ReadOnlySpan<char> found, string original)
    {
        int i = 0, j = 0;
        original = original.Trim();
        while (i < found.Length && j < original.Length)
        {
            if (CharClass.IsIgnorable(found[i])) { i++; continue; }
            char a = found[i], b = original[j];
            if (char.IsWhiteSpace(a) && char.IsWhiteSpace(b))
            {
                while (i < found.Length && (char.IsWhiteSpace(found[i]) || CharClass.IsIgnorable(found[i]))) i++;
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
