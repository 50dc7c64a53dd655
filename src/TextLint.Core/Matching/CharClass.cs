using System.Globalization;

namespace TextLint.Matching;

/// <summary>Character helpers shared by the matcher and the rule kinds.</summary>
public static class CharClass
{
    /// <summary>Letters, digits, combining marks and the connector '_' form words.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_';
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation => true,
            _ => char.IsSurrogate(c),
        };
    }

    /// <summary>
    /// Default-ignorable characters that hide inside words without showing: soft hyphen, combining
    /// grapheme joiner, zero-width space, non-joiner and joiner, word joiner and the invisible operators,
    /// and a byte-order mark inside the text. Literal matching looks through them ("ver\u00ADmin" is
    /// "vermin"); offsets stay those of the original text.
    /// </summary>
    public static ReadOnlySpan<char> Ignorables => "\u00AD\u034F\u200B\u200C\u200D\u2060\u2061\u2062\u2063\u2064\uFEFF";

    public static bool IsIgnorable(char c) => c is '\u00AD' or '\u034F' or (>= '\u200B' and <= '\u200D') or (>= '\u2060' and <= '\u2064') or '\uFEFF';

    /// <summary>Folds a character for case- and typography-insensitive literal matching.</summary>
    public static char Fold(char c)
    {
        if (c < 128)
        {
            if (char.IsAsciiLetterUpper(c)) return (char)(c | 0x20);
            return c is '\t' or '\r' or '\n' or '\v' or '\f' ? ' ' : c;
        }
        switch (c)
        {
            case '\u2019' or '\u2018' or '\u02BC' or '\u2032': return '\'';
            case '\u2010' or '\u2011': return '-';
            case '\u00A0' or '\u2007' or '\u202F' or '\t' or '\r' or '\n' or '\u2028' or '\u2029': return ' ';
        }
        // Every pair a case-insensitive regex equates (K and the Kelvin sign, å and the Angstrom sign) has
        // one lowercase, so a regex's literal phrases (RequiredLiterals) prefilter it without losing a
        // match; RequiredLiteralsTests checks this against the regex engine itself.
        return char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
    }
}
