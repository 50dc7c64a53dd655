using System.Text;

namespace TextLint.Text;

/// <summary>
/// Tells which legacy single-byte code page a file that is not UTF-8 was written in, among those news
/// copy arrives in: windows-1252 (Western), windows-1251 (Cyrillic), KOI8-R (older Russian) and
/// windows-1253 (Greek). Each candidate decodes the bytes and the reading is judged on what a wrong
/// code page produces, which a right one does not:
/// <list type="bullet">
/// <item>words mixing scripts ("cafй": Western bytes read as Cyrillic);</item>
/// <item>Latin words made only of accented letters ("Ìîñêâà": Cyrillic bytes read as Western);</item>
/// <item>an upper-case letter after a lower-case one inside a word ("пРИВЕТ": KOI8-R read as windows-1251);</item>
/// <item>a Cyrillic word of four letters or more without a vowel (Hebrew read as windows-1251);</item>
/// <item>a final sigma inside a word, undefined bytes, C1 controls and box-drawing symbols;</item>
/// <item>for a long enough Cyrillic or Greek reading, too few of the language's most common letters
/// (Greek read as Cyrillic gives plausible-looking but wrong words), or mostly capitals.</item>
/// </list>
/// The acceptable reading with the most well-formed words wins, the more common code page on a tie.
/// When no reading is acceptable the file is not guessed at: linting it would lint garbage.
/// <para>
/// A small, deterministic heuristic rather than a general detector (Mozilla's universalchardet and its
/// ports): those weigh dozens of encodings and are unreliable on the short texts and code pages that
/// matter here, and every decision below can be explained in a notification and tested.
/// Central European text (windows-1250) reads plausibly as windows-1252 and is taken for it; the
/// user can name the encoding instead.
/// </para>
/// </summary>
public static class LegacyEncodingDetector
{
    /// <summary>The outcome: the encoding (null when none reads plausibly), close alternatives, and why.</summary>
    public sealed record Detection(Encoding? Encoding, IReadOnlyList<string> Alternatives, string Explanation);

    // In order of preference on a tie: how often each turns up in the copy this tool lints.
    private static readonly int[] CandidateCodePages = [1252, 1251, 20866, 1253];

    private const string CommonCyrillic = "оеаинтсрвлкі";   // the dozen most frequent letters of Russian and Ukrainian
    private const string CommonGreek = "αοειτνσςηρκπυμλ";  // the fifteen most frequent letters of Greek
    private const int MinLettersForFrequency = 15;
    private const string SingleLetterWords = "вискуояажіВИСКУОЯАЖІàèéòóáùÀÈÉοηήωΟΗ";
    private const string CyrillicVowels = "аеёиоуыэюяєіїАЕЁИОУЫЭЮЯЄІЇ";

    // The first 256 KB say as much about a file's code page as the whole of it; bigger files stay fast.
    private const int SampleBytes = 256 * 1024;

    public static Detection Detect(ReadOnlySpan<byte> bytes)
    {
        CodePages.EnsureRegistered();
        if (bytes.Length > SampleBytes) bytes = bytes[..SampleBytes];
        var readings = new List<(Encoding Encoding, string Text, Evidence Evidence, int Rank)>();
        for (int rank = 0; rank < CandidateCodePages.Length; rank++)
        {
            var encoding = Encoding.GetEncoding(CandidateCodePages[rank], EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
            string text = encoding.GetString(bytes);
            readings.Add((encoding, text, Evidence.Of(text), rank));
        }
        var acceptable = readings.Where(r => r.Evidence.IsAcceptable)
            .OrderByDescending(r => r.Evidence.Score).ThenBy(r => r.Rank).ToList();
        if (acceptable.Count == 0)
        {
            string tried = string.Join(", ", readings.Select(r => r.Encoding.WebName));
            return new Detection(null, [], $"none of {tried} reads it as text");
        }
        var best = acceptable[0];
        var alternatives = acceptable.Skip(1)
            .Where(r => r.Evidence.GoodWords > 0 && r.Text != best.Text)
            .Select(r => r.Encoding.WebName).ToList();
        return new Detection(best.Encoding, alternatives, best.Evidence.Describe());
    }

    private enum Script { None = 0, Latin = 1, Cyrillic = 2, Greek = 4, Other = 8 }

    /// <summary>What one reading of the bytes looks like.</summary>
    private readonly record struct Evidence(int GoodWords, int BadWords, int BadSymbols, bool FrequencyFails)
    {
        public bool IsAcceptable => !FrequencyFails && (BadWords + BadSymbols) * 10 <= GoodWords + BadWords + BadSymbols;

        public int Score => GoodWords - 3 * (BadWords + BadSymbols);

        public string Describe() =>
            FrequencyFails ? "letters or capitals in implausible proportions"
            : $"{GoodWords} well-formed and {BadWords} garbled {(GoodWords + BadWords == 1 ? "word" : "words")} with non-ASCII letters, {BadSymbols} stray {(BadSymbols == 1 ? "symbol" : "symbols")}";

        public static Evidence Of(string text)
        {
            int good = 0, badWords = 0, badSymbols = 0;
            int cyrillic = 0, commonCyrillic = 0, greek = 0, commonGreek = 0, cyrillicWords = 0, cyrillicCapitals = 0;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (!char.IsLetter(c))
                {
                    if (c >= 0x80 && !IsExpectedSymbol(c)) badSymbols += c is '\uFFFD' or (>= '\u0080' and <= '\u009F') ? 2 : 1;
                    i++;
                    continue;
                }
                int start = i;
                while (i < text.Length && char.IsLetter(text[i])) i++;
                var word = text.AsSpan(start, i - start);
                bool nonAscii = false;
                foreach (char w in word)
                {
                    if (w < 0x80) continue;
                    nonAscii = true;
                    char lower = char.ToLowerInvariant(w);
                    if (lower is >= '\u0400' and <= '\u04FF') { cyrillic++; if (CommonCyrillic.Contains(lower)) commonCyrillic++; }
                    else if (lower is >= '\u0370' and <= '\u03FF') { greek++; if (CommonGreek.Contains(lower)) commonGreek++; }
                }
                if (!nonAscii) continue;
                if (word.Length >= 2 && ScriptOf(word[0]) == Script.Cyrillic)
                {
                    cyrillicWords++;
                    if (IsAllUpper(word)) cyrillicCapitals++;
                }
                if (IsWellFormed(word)) good++;
                else badWords++;
            }
            bool frequencyFails =
                (cyrillic >= MinLettersForFrequency && commonCyrillic * 10 < cyrillic * 4)
                || (greek >= MinLettersForFrequency && commonGreek * 10 < greek * 5)
                // Running text is not mostly capitals: KOI8-R's capitals are other code pages' small letters.
                || (cyrillicWords >= 4 && cyrillicCapitals * 10 > cyrillicWords * 7);
            return new Evidence(good, badWords, badSymbols, frequencyFails);
        }

        private static bool IsWellFormed(ReadOnlySpan<char> word)
        {
            // A lone letter is a word only if the language has it as one ("в", "à", "η"); a stray byte read
            // as a rare letter ("Ѓ", "ÿ") is not evidence for a code page.
            if (word.Length == 1) return SingleLetterWords.Contains(word[0]);
            Script scripts = Script.None;
            bool allAccentedLatin = true;
            for (int k = 0; k < word.Length; k++)
            {
                char c = word[k];
                Script s = ScriptOf(c);
                scripts |= s;
                if (!(s == Script.Latin && c >= 0x80)) allAccentedLatin = false;
                if (k > 0 && char.IsUpper(c) && char.IsLower(word[k - 1])) return false;
                if (c == 'ς' && k < word.Length - 1) return false;
            }
            if (scripts is not (Script.Latin or Script.Cyrillic or Script.Greek)) return false;
            if (allAccentedLatin && word.Length >= 3) return false;
            // A Russian or Ukrainian word of four letters or more has a vowel unless it is an abbreviation ("ФСКН").
            if (scripts == Script.Cyrillic && word.Length >= 4 && word.IndexOfAny(CyrillicVowels) < 0 && !IsAllUpper(word)) return false;
            return true;
        }

        private static bool IsAllUpper(ReadOnlySpan<char> word)
        {
            foreach (char c in word) if (!char.IsUpper(c)) return false;
            return true;
        }

        private static Script ScriptOf(char c) => c switch
        {
            < '\u0250' => Script.Latin,
            >= '\u0370' and <= '\u03FF' => Script.Greek,
            >= '\u0400' and <= '\u04FF' => Script.Cyrillic,
            _ => Script.Other,
        };

        /// <summary>Non-letters that real text in these code pages uses: typographic quotes, dashes, signs, spaces.</summary>
        private static bool IsExpectedSymbol(char c) => c switch
        {
            '\u00A0' or '\u00AD' => true,                                         // no-break space, soft hyphen
            '«' or '»' or '‹' or '›' or '„' or '‚' or '“' or '”' or '‘' or '’' => true,
            '–' or '—' or '…' or '•' or '·' or '†' or '‡' or '‰' => true,
            '€' or '£' or '¥' or '¢' or '$' or '§' or '©' or '®' or '™' or '°' or '±' or '×' or '÷' or '№' => true,
            '¡' or '¿' or '¼' or '½' or '¾' or '¹' or '²' or '³' or 'µ' or '¶' => true,
            _ => char.IsWhiteSpace(c),
        };
    }
}
