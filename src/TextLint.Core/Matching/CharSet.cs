using System.Globalization;

namespace TextLint.Matching;

/// <summary>
/// A set of UTF-16 code units as the pattern readers see it: exact on ASCII (a bit per character), and
/// outside ASCII only by <see cref="Buckets"/> (whitespace, decimal digits, letters, anything else), so
/// it can only over-approximate there. <see cref="BacktrackingCost"/> proves two sets disjoint with it:
/// a set that holds more than the pattern's own hides a disjointness, never invents one.
/// </summary>
internal readonly record struct CharSet(ulong Low, ulong High, CharSet.Buckets Outside)
{
    /// <summary>The characters outside ASCII, in four kinds that cover them all and do not overlap.</summary>
    [Flags]
    internal enum Buckets : byte
    {
        None = 0,

        /// <summary><see cref="char.IsWhiteSpace(char)"/>: what \s matches outside ASCII.</summary>
        Space = 1,

        /// <summary>A decimal digit (Nd), not whitespace: what \d matches outside ASCII.</summary>
        Digit = 2,

        /// <summary>A letter (<see cref="char.IsLetter(char)"/>), neither of the above.</summary>
        Letter = 4,

        /// <summary>Any other character: marks, symbols, punctuation, controls, surrogates.</summary>
        Other = 8,

        All = Space | Digit | Letter | Other,
    }

    public static CharSet Empty => default;

    public static CharSet All => new(ulong.MaxValue, ulong.MaxValue, Buckets.All);

    /// <summary>\d: the ASCII digits and the decimal digits of other scripts.</summary>
    public static CharSet Digits { get; } = Ascii('0', '9') with { Outside = Buckets.Digit };

    /// <summary>\D.</summary>
    public static CharSet NotDigits { get; } = Ascii('0', '9').AsciiComplement() with { Outside = Buckets.Space | Buckets.Letter | Buckets.Other };

    /// <summary>\s: tab, line feed, vertical tab, form feed, carriage return, space; whitespace of other scripts.</summary>
    public static CharSet Space { get; } = Ascii('\t', '\r').Union(Of(' ')) with { Outside = Buckets.Space };

    /// <summary>\S.</summary>
    public static CharSet NotSpace { get; } = Ascii('\t', '\r').Union(Of(' ')).AsciiComplement() with { Outside = Buckets.Digit | Buckets.Letter | Buckets.Other };

    /// <summary>The 52 ASCII letters.</summary>
    public static CharSet AsciiLetters { get; } = Ascii('A', 'Z').Union(Ascii('a', 'z'));

    /// <summary>\w: ASCII letters, digits and '_'; letters and digits of other scripts and, conservatively, all their other characters (marks, connectors).</summary>
    public static CharSet Word { get; } = AsciiLetters.Union(Ascii('0', '9')).Union(Of('_')) with { Outside = Buckets.Digit | Buckets.Letter | Buckets.Other };

    /// <summary>\W: whitespace and other characters outside ASCII are not word characters; letters and decimal digits are.</summary>
    public static CharSet NotWord { get; } = AsciiLetters.Union(Ascii('0', '9')).Union(Of('_')).AsciiComplement() with { Outside = Buckets.Space | Buckets.Other };

    /// <summary>
    /// What IgnoreCase may make a letter match: every letter, ASCII or not, and every other character
    /// outside ASCII (case equivalences reach across scripts and into marks and symbols: 'k' and the Kelvin
    /// sign, 'ı' and 'I', the combining ypogegrammeni and 'ι'). ASCII characters that are not letters,
    /// whitespace and decimal digits have no case equivalents.
    /// </summary>
    private static CharSet Cased { get; } = AsciiLetters with { Outside = Buckets.Letter | Buckets.Other };

    public static CharSet Of(char c) => c < 128 ? Ascii(c, c) : new(0, 0, BucketOf(c));

    /// <summary>The characters from <paramref name="low"/> to <paramref name="high"/>: exact on ASCII, every kind of character beyond.</summary>
    public static CharSet Range(char low, char high)
    {
        var set = low < 128 ? Ascii(low, Math.Min(high, (char)127)) : Empty;
        return high >= 128 ? set with { Outside = Buckets.All } : set;
    }

    public static Buckets BucketOf(char c) =>
        c < 128 ? Buckets.None
        : char.IsWhiteSpace(c) ? Buckets.Space
        : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber ? Buckets.Digit
        : char.IsLetter(c) ? Buckets.Letter
        : Buckets.Other;

    private static CharSet Ascii(int low, int high)
    {
        ulong lowBits = 0, highBits = 0;
        for (int c = low; c <= high; c++)
        {
            if (c < 64) lowBits |= 1UL << c;
            else highBits |= 1UL << (c - 64);
        }
        return new(lowBits, highBits, Buckets.None);
    }

    public bool Contains(char c) => c < 64 ? (Low & (1UL << c)) != 0 : c < 128 ? (High & (1UL << (c - 64))) != 0 : (Outside & BucketOf(c)) != 0;

    public bool Overlaps(CharSet other) => (Low & other.Low) != 0 || (High & other.High) != 0 || (Outside & other.Outside) != 0;

    public CharSet Union(CharSet other) => new(Low | other.Low, High | other.High, Outside | other.Outside);

    /// <summary>The ASCII characters of this set.</summary>
    public CharSet AsciiOnly() => this with { Outside = Buckets.None };

    /// <summary>The ASCII characters not in this set, none outside ASCII.</summary>
    public CharSet AsciiComplement() => new(~Low, ~High, Buckets.None);

    /// <summary>
    /// Every character that may be outside this set, when this set surely holds its ASCII characters: the
    /// other ASCII characters, and all characters outside ASCII (the buckets are too coarse to take away).
    /// </summary>
    public CharSet Complement() => AsciiComplement() with { Outside = Buckets.All };

    /// <summary>This set with what IgnoreCase may add: if it holds a letter or a character outside ASCII, every such character.</summary>
    public CharSet CaseFolded() => Overlaps(Cased) ? Union(Cased) : this;
}
