namespace TextLint.Text;

/// <summary>
/// The Unicode Script property of a character (.NET has none): a lookup in the compact range table
/// generated from Scripts.txt (<see cref="UnicodeScriptRanges"/>). The Basic Multilingual Plane is
/// expanded once into a 64 KiB table so the hot path is one array read; other planes use binary search.
/// </summary>
public static class UnicodeScripts
{
    private static readonly byte[] Bmp = BuildBmp();

    public static UnicodeScript Of(char c) => (UnicodeScript)Bmp[c];

    public static UnicodeScript Of(int codePoint)
    {
        if ((uint)codePoint <= 0xFFFF) return (UnicodeScript)Bmp[codePoint];
        if ((uint)codePoint > 0x10FFFF) return UnicodeScript.Unknown;
        var starts = UnicodeScriptRanges.Starts;
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= codePoint) lo = mid;
            else hi = mid - 1;
        }
        return (UnicodeScript)UnicodeScriptRanges.Scripts[lo];
    }

    /// <summary>Common and Inherited characters (digits, punctuation, combining marks) belong to no one script.</summary>
    public static bool IsShared(UnicodeScript script) => script is UnicodeScript.Common or UnicodeScript.Inherited or UnicodeScript.Unknown;

    /// <summary>Han, Hiragana, Katakana, Bopomofo and Hangul: scripts mixed within one Chinese, Japanese or Korean phrase.</summary>
    public static bool IsCjk(UnicodeScript script) =>
        script is UnicodeScript.Han or UnicodeScript.Hiragana or UnicodeScript.Katakana or UnicodeScript.Bopomofo or UnicodeScript.Hangul;

    /// <summary>The script's name as Unicode spells it, with spaces for underscores ("Old Italic").</summary>
    public static string Name(UnicodeScript script)
    {
        string s = script.ToString();
        var sb = new System.Text.StringBuilder(s.Length + 4);
        for (int i = 0; i < s.Length; i++)
        {
            if (i > 0 && char.IsUpper(s[i]) && char.IsLower(s[i - 1])) sb.Append(' ');
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static byte[] BuildBmp()
    {
        var table = new byte[0x10000];
        var starts = UnicodeScriptRanges.Starts;
        var scripts = UnicodeScriptRanges.Scripts;
        for (int r = 0; r < starts.Length && starts[r] <= 0xFFFF; r++)
        {
            int end = r + 1 < starts.Length ? Math.Min(starts[r + 1], 0x10000) : 0x10000;
            table.AsSpan(starts[r], end - starts[r]).Fill(scripts[r]);
        }
        return table;
    }
}
