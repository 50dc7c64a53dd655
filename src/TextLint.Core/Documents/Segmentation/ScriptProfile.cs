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
    private ScriptProfile(UnicodeScript dominant, bool mixed)
    {
        Dominant = dominant;
        IsMixed = mixed;
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
        foreach (char c in text)
            if (char.IsAsciiLetter(c)) counts[(int)UnicodeScript.Latin]++;
        int best = (int)UnicodeScript.Latin;
        for (int s = 0; s < counts.Length; s++)
            if (counts[s] > counts[best]) best = s;
        return new ScriptProfile((UnicodeScript)best, true);
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
