using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Word boundaries for segmentation and the rule kinds: a word is a run of letters, digits and marks,
/// with an apostrophe or hyphen inside it (Putin's, don't, cold-blooded) when letters stand on both
/// sides. A number is one word with its separators ("5.4", "4,489,235", "10:30", "1-18") and a
/// currency sign inside it ("US$1", "HK$10"), as a reader counts it. Works on spans of the prose;
/// never allocates.
/// </summary>
public static class TextWords
{
    public static bool IsJoiner(char c) => c is '\'' or '\u2019' or '-' or '\u2010' or '\u2011';

    /// <summary>A separator inside a number ("5.4", "4,489,235", "10:30"): it joins a digit before it to a digit after it.</summary>
    public static bool IsNumberJoiner(char c) => c is '.' or ',' or ':';

    /// <summary>A currency sign inside a token ("US$1", "HK$10"): it joins a word character before it to a digit after it.</summary>
    public static bool IsCurrencyJoiner(char c) => c is '$' or '\u00A3' or '\u20AC' or '\u00A5';

    /// <summary>
    /// <see cref="CharClass.IsWordChar"/> read from the class table: <see cref="Next"/> and <see cref="Previous"/>
    /// test every character they pass (about 5 million calls on the benchmark corpus, most from direct speech
    /// and the attribution rules), and the call cost more than the test.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => Classes[c] is Word or Digit;

    /// <summary>Whether the character at <paramref name="i"/>, not a word character, joins the word characters around it into one word.</summary>
    private static bool JoinsAt(ReadOnlySpan<char> text, int i, int start, int end)
    {
        if (i <= start || i + 1 >= end) return false;
        char c = text[i], before = text[i - 1], after = text[i + 1];
        if (!IsWordChar(before) || !IsWordChar(after)) return false;
        if (IsJoiner(c)) return true;
        // An initialism: a period between single letters ("U.S.", "e.g.", "U.S.A.") is inside one word.
        if (c == '.' && char.IsLetter(before) && char.IsLetter(after) && (i - 1 == start || !IsWordChar(text[i - 2]))) return true;
        if (IsNumberJoiner(c)) return char.IsAsciiDigit(before) && char.IsAsciiDigit(after);
        return IsCurrencyJoiner(c) && char.IsAsciiDigit(after);
    }

    /// <summary>The first word at or after <paramref name="from"/> that ends by <paramref name="end"/>, or false.</summary>
    public static bool Next(ReadOnlySpan<char> text, int from, int end, out TextSpan word)
    {
        int i = from;
        while (i < end && !IsWordChar(text[i])) i++;
        if (i >= end) { word = default; return false; }
        int start = i;
        while (i < end)
        {
            char c = text[i];
            if (IsWordChar(c)) { i++; continue; }
            if (JoinsAt(text, i, start, end)) { i++; continue; }
            break;
        }
        word = TextSpan.FromBounds(start, i);
        return true;
    }

    /// <summary>The last word that ends at or before <paramref name="before"/> and starts at or after <paramref name="start"/>, or false.</summary>
    public static bool Previous(ReadOnlySpan<char> text, int before, int start, out TextSpan word)
    {
        int i = before;
        while (i > start && !IsWordChar(text[i - 1])) i--;
        if (i <= start) { word = default; return false; }
        int end = i;
        while (i > start)
        {
            char c = text[i - 1];
            if (IsWordChar(c)) { i--; continue; }
            if (JoinsAt(text, i - 1, start, end)) { i--; continue; }
            break;
        }
        word = TextSpan.FromBounds(i, end);
        return true;
    }

    private const byte Other = 0, Word = 1, Joiner = 2, Digit = 3, NumberJoiner = 4, CurrencyJoiner = 5;

    /// <summary>Every UTF-16 code unit classified once: word character (an ASCII digit apart), joiner or other (64 KB, built on first use).</summary>
    internal static ReadOnlySpan<byte> Classes => ClassTable.Value;

    private static class ClassTable
    {
        public static readonly byte[] Value = Build();

        private static byte[] Build()
        {
            var table = new byte[char.MaxValue + 1];
            for (int c = 0; c <= char.MaxValue; c++)
                table[c] = char.IsAsciiDigit((char)c) ? Digit
                    : CharClass.IsWordChar((char)c) ? Word
                    : IsJoiner((char)c) ? Joiner
                    : IsNumberJoiner((char)c) ? NumberJoiner
                    : IsCurrencyJoiner((char)c) ? CurrencyJoiner
                    : Other;
            return table;
        }
    }

    /// <summary>
    /// The number of words in the span (the words <see cref="Next"/> would return, counted in one pass):
    /// a word starts at a word character that follows neither a word character nor a joiner with a word
    /// character before it (for a number separator, a digit before and after it; for a currency sign, a
    /// digit after it).
    /// </summary>
    public static int Count(ReadOnlySpan<char> text, TextSpan span) => Walk(text.Slice(span.Start, span.Length), default);

    /// <summary>
    /// Writes where each word of <paramref name="text"/> starts (the starts <see cref="Count"/> counts) to
    /// <paramref name="starts"/>, which must hold (text.Length + 1) / 2 + 1 of them, and returns how many there are.
    /// </summary>
    internal static int Starts(ReadOnlySpan<char> text, Span<int> starts)
    {
        if (starts.Length < (text.Length + 1) / 2 + 1) throw new ArgumentException("Too short for the text's words.", nameof(starts));
        return Walk(text, starts);
    }

    /// <summary>
    /// The word starts of <paramref name="s"/>, counted and, when <paramref name="starts"/> is not empty,
    /// written to it. A word starts only where a word character follows a character that is not one, so
    /// eight characters at a time, where all of them and the one before are ASCII, the candidates are found
    /// at once (an ASCII word character is a letter, digit or underscore) and the full test of
    /// <see cref="StartsWord"/> runs on those alone; elsewhere every character is tested. The full test at
    /// every character cost about 26 instructions a character, and the document's word starts
    /// (<see cref="WordStarts"/>) read every character of the prose.
    /// </summary>
    private static int Walk(ReadOnlySpan<char> s, Span<int> starts)
    {
        var classes = Classes;
        int n = 0, k = 0;
        if (Vector128.IsHardwareAccelerated && s.Length > Vector128<ushort>.Count)
        {
            if (StartsAt(s, 0, classes)) Record(starts, ref n, 0);
            var units = MemoryMarshal.Cast<char, ushort>(s);
            var nonAscii = Vector128.Create((ushort)0xFF80);
            for (k = 1; k + Vector128<ushort>.Count <= s.Length; k += Vector128<ushort>.Count)
            {
                var current = Vector128.Create(units.Slice(k, Vector128<ushort>.Count));
                var previous = Vector128.Create(units.Slice(k - 1, Vector128<ushort>.Count));
                if (((current | previous) & nonAscii) != Vector128<ushort>.Zero)
                {
                    for (int j = k; j < k + Vector128<ushort>.Count; j++)
                        if (StartsAt(s, j, classes)) Record(starts, ref n, j);
                    continue;
                }
                // One bit per byte: the low byte's bit of each character says whether it is a candidate. A
                // candidate after a character that joins nothing (a space, a bracket, a quotation mark) starts a
                // word; only those after a joiner, a number's separator or a currency sign take the full test,
                // which costs about a hundred instructions.
                var candidates = Vector128.AndNot(AsciiVectors.Word(current), AsciiVectors.Word(previous));
                uint all = candidates.AsByte().ExtractMostSignificantBits() & 0x5555;
                uint unsure = (candidates & AsciiJoining(previous)).AsByte().ExtractMostSignificantBits();
                while (all != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(all);
                    int j = k + (bit >> 1);
                    if ((unsure & (1u << bit)) == 0 || StartsAt(s, j, classes)) Record(starts, ref n, j);
                    all &= all - 1;
                }
            }
        }
        for (; k < s.Length; k++)
            if (StartsAt(s, k, classes)) Record(starts, ref n, k);
        return n;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Record(Span<int> starts, ref int n, int k)
    {
        if (!starts.IsEmpty) starts[n] = k;
        n++;
    }

    /// <summary>Whether a word starts at <paramref name="k"/> of <paramref name="s"/>: <see cref="StartsWord"/> with the classes read there.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool StartsAt(ReadOnlySpan<char> s, int k, ReadOnlySpan<byte> classes)
    {
        byte c = classes[s[k]];
        if (c is not (Word or Digit)) return false;
        byte p1 = k >= 1 ? classes[s[k - 1]] : Other;
        // After a character that joins nothing, a word character starts a word (most starts: after a space).
        if (p1 == Other) return true;
        byte p2 = k >= 2 ? classes[s[k - 2]] : Other;
        return StartsWord(s, k, c, p1, p2, classes);
    }

    /// <summary>
    /// All ones where the code unit is an ASCII character that may join the word characters around it into
    /// one word (<see cref="IsJoiner"/>, <see cref="IsNumberJoiner"/>, <see cref="IsCurrencyJoiner"/>, or the
    /// period of an initialism): after any other character that is not a word character, a word character
    /// starts a word.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> AsciiJoining(Vector128<ushort> c) =>
        Vector128.Equals(c, Vector128.Create((ushort)'\'')) | Vector128.Equals(c, Vector128.Create((ushort)'-'))
        | Vector128.Equals(c, Vector128.Create((ushort)'.')) | Vector128.Equals(c, Vector128.Create((ushort)','))
        | Vector128.Equals(c, Vector128.Create((ushort)':')) | Vector128.Equals(c, Vector128.Create((ushort)'$'));

    /// <summary>
    /// Whether a word starts at <paramref name="k"/> of <paramref name="s"/>, given the classes of the character
    /// there (<paramref name="c"/>) and of the two before it: the one test <see cref="Count"/> and
    /// <see cref="CountOwn"/> share.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool StartsWord(ReadOnlySpan<char> s, int k, byte c, byte p1, byte p2, ReadOnlySpan<byte> classes) =>
        c is Word or Digit && p1 is not (Word or Digit)
        && !(p1 == Joiner && p2 is Word or Digit)
        && !(p1 == NumberJoiner && p2 == Digit && c == Digit)
        && !(p1 == CurrencyJoiner && p2 is Word or Digit && c == Digit)
        && !(k >= 2 && s[k - 1] == '.' && char.IsLetter(s[k]) && char.IsLetter(s[k - 2]) && (k < 3 || classes[s[k - 3]] is not (Word or Digit)));

    /// <summary>
    /// The words of the span (those <see cref="Count"/> counts) less the ones a writer did not write: a word
    /// that starts inside one of <paramref name="skip"/> (sorted, non-overlapping spans of the text), and,
    /// when <paramref name="script"/> is given, a word whose first character of a script of its own (not a
    /// shared one: digits, punctuation, marks) is of another script. The same answer as walking the words
    /// with <see cref="Next"/> and testing each, in the one pass of <see cref="Count"/>: the long-paragraph
    /// rule counts its own words this way on every paragraph over its maximum, and a walk cost about 500
    /// instructions a word.
    /// </summary>
    /// <param name="counted">The span's <see cref="Count"/> when the caller has it, else -1.</param>
    public static int CountOwn(ReadOnlySpan<char> text, TextSpan span, ReadOnlySpan<TextSpan> skip, UnicodeScript? script, int counted = -1)
    {
        var s = text.Slice(span.Start, span.Length);
        int next = SortedSpans.FirstEndingAfter(skip, span.Start);
        // Nothing to leave out (most long units): no skipped span reaches into the span, and no word can be of
        // another script (ASCII letters are all Latin; digits and punctuation are shared). Then it is Count.
        if ((next == skip.Length || skip[next].Start >= span.End) && (script is null || (script == UnicodeScript.Latin && System.Text.Ascii.IsValid(s))))
            return counted >= 0 ? counted : Count(text, span);
        var classes = Classes;
        int n = 0;
        byte p1 = Other, p2 = Other;
        for (int k = 0; k < s.Length; k++)
        {
            byte c = classes[s[k]];
            if (StartsWord(s, k, c, p1, p2, classes))
            {
                // A word starts at k: the skipped spans are passed in order, as the words are.
                int at = span.Start + k;
                while (next < skip.Length && skip[next].End <= at) next++;
                bool skipped = next < skip.Length && skip[next].Start <= at;
                if (!skipped && !(script is { } dominant && InOtherScript(s, k, dominant))) n++;
            }
            p2 = p1;
            p1 = c;
        }
        return n;
    }

    /// <summary>
    /// Whether the first character of a script of its own in the word that starts at <paramref name="start"/>
    /// is of another script than <paramref name="dominant"/> (false when the word has none). The run of
    /// word characters from the start is the word's own; past it, the word (<see cref="Next"/>) decides.
    /// </summary>
    private static bool InOtherScript(ReadOnlySpan<char> s, int start, UnicodeScript dominant)
    {
        var classes = Classes;
        int i = start;
        for (; i < s.Length && classes[s[i]] is Word or Digit; i++)
        {
            var own = UnicodeScripts.Of(s[i]);
            if (!UnicodeScripts.IsShared(own)) return own != dominant;
        }
        if (!Next(s, start, s.Length, out var word)) return false;
        for (; i < word.End; i++)
        {
            var own = UnicodeScripts.Of(s[i]);
            if (!UnicodeScripts.IsShared(own)) return own != dominant;
        }
        return false;
    }

    /// <summary>Whether the word ends in a possessive "'s" or "’s" ("the study's", "Smith’s"), in any case.</summary>
    public static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the word's letters are all lower case (digits and joiners ignored) and there is at least one.</summary>
    public static bool IsLowerCase(ReadOnlySpan<char> word)
    {
        bool any = false;
        foreach (char c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsLower(c)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>True when the first letter of the word is upper case.</summary>
    public static bool StartsUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            if (char.IsLetter(c)) return char.IsUpper(c);
        return false;
    }
}
