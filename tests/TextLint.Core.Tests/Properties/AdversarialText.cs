using CsCheck;
using TextLint.Diagnostics;
using TextLint.Testing;
using TextLint.Yaml;

namespace TextLint.Tests.Properties;

/// <summary>
/// Generators of hostile article text: random Unicode (any UTF-16 code unit, so lone surrogates too),
/// astral characters as surrogate pairs, lone high and low surrogates, combining marks, every kind of
/// line break and mixes of them, quotes and apostrophes of every style, and the bundled pack's own
/// phrases spliced in, so the rules actually fire on the noise around them.
/// </summary>
internal static class AdversarialText
{
    /// <summary>Every scalar of the bundled pack (tokens, swaps, examples without their marks...).</summary>
    public static readonly string[] PackPhrases = LoadPackPhrases();

    private static string[] LoadPackPhrases()
    {
        var phrases = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var errors = new List<ConfigurationDiagnostic>();
            foreach (var doc in YamlReader.Read(file, File.ReadAllText(file), errors))
                Collect(doc.Root, phrases);
        }
        return phrases.ToArray();
    }

    private static void Collect(YamlNode node, SortedSet<string> into)
    {
        switch (node)
        {
            case YamlScalar s when s.Value.Length is > 0 and < 200:
                into.Add(WithoutMarks(s.Value));
                break;
            case YamlSequence seq:
                foreach (var item in seq.Items) Collect(item, into);
                break;
            case YamlMapping map:
                foreach (var (key, value) in map.Entries) { into.Add(key.Value); Collect(value, into); }
                break;
        }
    }

    /// <summary>An example's text without its [|...|] marks; other scalars (a regex may contain "[|") as they are.</summary>
    private static string WithoutMarks(string value)
    {
        if (!value.Contains("[|", StringComparison.Ordinal)) return value;
        try { return TestMarkup.Parse(value).Text; }
        catch (FormatException) { return value; }
    }

    private static readonly Gen<string> Word = Gen.String[Gen.Char['a', 'z'], 1, 9];
    private static readonly Gen<string> AnyCodeUnits = Gen.String[Gen.Char, 1, 6];
    private static readonly Gen<string> Astral = Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32);
    private static readonly Gen<string> LoneHigh = Gen.Char['\uD800', '\uDBFF'].Select(c => c.ToString());
    private static readonly Gen<string> LoneLow = Gen.Char['\uDC00', '\uDFFF'].Select(c => c.ToString());
    private static readonly Gen<string> Combining = Gen.Char['\u0300', '\u036F'].Select(c => c.ToString());
    private static readonly Gen<string> Break = Gen.OneOf<string>("\n", "\r\n", "\r", "\r\r\n", "\n\r", "\n\n", "\u2028", "\u0085");
    private static readonly Gen<string> Quote = Gen.Char["\"'`\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A\u2032\u2033"].Select(c => c.ToString());
    private static readonly Gen<string> Space = Gen.OneOf<string>(" ", " ", " ", "\t", "\u00A0", "\u2009", "\u200B", "  ");
    private static readonly Gen<string> Punctuation = Gen.Char[".,;:!?-\u2013\u2014()[]#*_>|<"].Select(c => c.ToString());
    private static readonly Gen<string> Phrase = Gen.Int[0, PackPhrases.Length - 1].Select(i => PackPhrases[i]);
    private static readonly Gen<string> CasedPhrase = Gen.Select(Phrase, Gen.Int[0, 2], (p, c) => c switch
    {
        0 => p,
        1 => p.ToUpperInvariant(),
        _ => p.Length > 0 ? char.ToUpperInvariant(p[0]) + p[1..] : p,
    });

    private static readonly Gen<string> Fragment = Gen.Frequency<string>(
        (20, Word), (12, Space), (10, CasedPhrase), (6, Quote), (5, Break), (5, Punctuation),
        (3, Astral), (3, Combining), (2, AnyCodeUnits), (1, LoneHigh), (1, LoneLow));

    /// <summary>Texts of up to a few hundred fragments, the empty text included.</summary>
    public static readonly Gen<string> Text = Fragment.Array[0, 120].Select(string.Concat);

    /// <summary>Texts whose UTF-16 is well formed: what a decoder can hand over (it turns invalid input into U+FFFD).</summary>
    public static readonly Gen<string> WellFormedText = Text.Select(ReplaceLoneSurrogates);

    public static string ReplaceLoneSurrogates(string s)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>True when <paramref name="position"/> falls between the two halves of a surrogate pair.</summary>
    public static bool SplitsSurrogatePair(string text, int position) =>
        position > 0 && position < text.Length && char.IsHighSurrogate(text[position - 1]) && char.IsLowSurrogate(text[position]);
}
