using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Which scripts a document's letters are written in, and the dominant one (most letters). ASCII text
/// is skipped with a vectorised search, so an English article costs a scan for non-ASCII characters
/// and a table lookup for each of them; letters of ASCII are counted only when another script is
/// present and the dominant script is in question.
/// </summary>
public sealed class ScriptProfile
{
    private readonly int[]? _counts;
    private readonly int _letters;

    private ScriptProfile(UnicodeScript dominant, bool mixed, int[]? counts = null)
    {
        Dominant = dominant;
        IsMixed = mixed;
        _counts = counts;
        if (counts is not null) foreach (int c in counts) _letters += c;
    }

    /// <summary>The share of the letters (0 to 1) written in <paramref name="script"/>; for a text in one script, 1 for it.</summary>
    public double Share(UnicodeScript script)
    {
        if (_counts is null) return script == Dominant ? 1 : 0;
        return _letters == 0 ? 0 : (double)_counts[(int)script] / _letters;
    }

    /// <summary>The script with the most letters (Latin for an empty or letterless text).</summary>
    public UnicodeScript Dominant { get; }

    /// <summary>True when letters of some script other than the dominant one occur.</summary>
    public bool IsMixed { get; }

    public static ScriptProfile Measure(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[256];
        int i = 0;
        bool any = false;
        while (i < text.Length)
        {
            int k = text[i..].IndexOfAnyExceptInRange('\0', '\u007F');
            if (k < 0) break;
            i += k;
            int cp = text[i];
            int width = 1;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                width = 2;
            }
            var script = UnicodeScripts.Of(cp);
            if (!UnicodeScripts.IsShared(script) && IsLetter(text, i, width))
            {
                counts[(int)script]++;
                any = true;
            }
            i += width;
        }
        if (!any) return new ScriptProfile(UnicodeScript.Latin, false);
        int others = 0;
        for (int s = 0; s < counts.Length; s++)
            if (counts[s] > 0 && s != (int)UnicodeScript.Latin) others++;
        if (others == 0) return new ScriptProfile(UnicodeScript.Latin, false); // accented Latin only
        counts[(int)UnicodeScript.Latin] += CountAsciiLetters(text);
        int best = (int)UnicodeScript.Latin;
        for (int s = 0; s < counts.Length; s++)
            if (counts[s] > counts[best]) best = s;
        return new ScriptProfile((UnicodeScript)best, true, counts.ToArray());
    }

    /// <summary>
    /// The ASCII letters of the text, eight characters at a time: a document with letters of another script
    /// has all its Latin ones counted (a fifth of the benchmark corpus; a character at a time, that loop was
    /// 0.6% of a corpus run).
    /// </summary>
    internal static int CountAsciiLetters(ReadOnlySpan<char> text)
    {
        int n = 0, k = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var units = MemoryMarshal.Cast<char, ushort>(text);
            for (; k + Vector128<ushort>.Count <= units.Length; k += Vector128<ushort>.Count)
            {
                var c = Vector128.Create(units.Slice(k, Vector128<ushort>.Count));
                // (c | 0x20) - 'a' below 26 (unsigned) is exactly A-Z and a-z.
                var letter = Vector128.LessThan((c | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
                n += BitOperations.PopCount(letter.AsByte().ExtractMostSignificantBits() & 0x5555);
            }
        }
        for (; k < text.Length; k++)
            if (char.IsAsciiLetter(text[k])) n++;
        return n;
    }

    /// <summary>A letter (or a combining mark of one), for a BMP character or a surrogate pair.</summary>
    public static bool IsLetter(ReadOnlySpan<char> text, int i, int width)
    {
        var category = width == 2
            ? System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1]))
            : System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text[i]);
        return category is System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }
}
