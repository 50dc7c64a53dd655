using System.Collections.Frozen;
using System.Collections.Immutable;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: script — untranslated fragments: runs of letters whose Unicode script (Han, Cyrillic, Arabic,
/// …) differs from the document's dominant script. A run covers the words of one script with the
/// spaces between them (Han, Hiragana, Katakana and Hangul count as one, as they mix in one phrase). A
/// run glossed by a parenthesised translation right after it ("特意 (deliberately)"), a run that is
/// itself the parenthesised original after a translation, or labelled with its language ("Russian: …"),
/// terms in <c>allow</c>, scripts in <c>ignore</c>, a lone letter of an alphabet (a symbol: "ω", "π")
/// and runs shorter than <c>minLetters</c> are not reported. Runs with no letter of the dominant
/// script between them are one passage, and a paragraph gets one finding at most (its first passage):
/// an interview with the original after each answer is not a finding per phrase; a passage already
/// reported is not reported again. With <c>expect</c>,
/// a text mostly in another script is one finding for the document. The region is the passage.
/// </summary>
public sealed class ScriptRule : Rule
{
    public static readonly RuleKind Kind = new("script", ["match", "script", "dominant"], (d, def) => new ScriptRule(d, def),
        "Reports runs of letters in a script other than the document's dominant one (untranslated fragments).")
    {
        Options =
        [
            new("minLetters", "Runs shorter than this many letters are not reported (default 1)."),
            new("glosses", "Leave a run alone when a parenthesised translation follows it, or when it is the original after one (default true)."),
            new("allow", "Terms in another script that need no translation."),
            new("ignore", "Unicode scripts never reported (e.g. Greek for formulas)."),
            new("expect", "The script the texts are meant to be in (e.g. Latin): a text mostly in another script is one finding, on its first line."),
        ],
    };

    private readonly int _minLetters;
    private readonly bool _glosses;
    private readonly FrozenSet<string> _allow;
    private readonly FrozenSet<UnicodeScript> _ignore;
    private readonly UnicodeScript? _expect;

    private ScriptRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _minLetters = def.GetInt("minLetters", 1, 1, 1000);
        _glosses = def.GetBool("glosses", true);
        _allow = def.GetStringList("allow").Select(a => LiteralPattern.Normalize(a.Value)).ToFrozenSet(StringComparer.Ordinal);
        var ignore = new HashSet<UnicodeScript>();
        foreach (var (name, at) in def.GetStringList("ignore"))
        {
            if (TryParseScript(name, out var s)) ignore.Add(s);
            else def.Error(at, $"Unknown script '{name}'; use a Unicode script name such as Cyrillic, Greek, Han or Arabic.");
        }
        _ignore = ignore.ToFrozenSet();
        if (def.GetString("expect") is { } expect)
        {
            if (TryParseScript(expect, out var e)) _expect = e;
            else def.Error(def.PositionOf("expect"), $"Unknown script '{expect}'; use a Unicode script name such as Latin, Cyrillic or Han.");
        }
    }

    private static bool TryParseScript(string name, out UnicodeScript script) =>
        Enum.TryParse(name.Replace(" ", "").Replace("_", ""), ignoreCase: true, out script) && !UnicodeScripts.IsShared(script);

    public override void Analyze(RuleContext context)
    {
        var profile = context.Document.Scripts;
        var dominant = profile.Dominant;
        if (_expect is { } expected && dominant != expected)
        {
            // A text mostly in another script is one finding, on its first line, not a fragment per
            // paragraph; in a text with a fair share of the expected script (long quotations in the
            // original), that script is the one the others are measured against.
            if (profile.Share(expected) < MinExpectedShare)
            {
                ReportDocument(context, dominant, expected);
                return;
            }
            dominant = expected;
        }
        if (!profile.IsMixed) return;
        ReadOnlySpan<char> text = context.Text;
        var paragraphs = context.Document.Paragraphs;
        int reportedParagraph = -1;
        HashSet<string>? reported = null;
        TextSpan? passage = null;
        int passageParagraph = -1;
        bool passageGlossed = false;
        UnicodeScript passageScript = default;
        int i = 0;
        while (i < text.Length)
        {
            if (dominant == UnicodeScript.Latin)
            {
                int k = text[i..].IndexOfAnyExceptInRange('\0', '\u007F');
                if (k < 0) break;
                i += k;
            }
            var script = ScriptAt(text, i, out int width);
            if (UnicodeScripts.IsShared(script) || script == dominant || !ScriptProfile.IsLetter(text, i, width) || _ignore.Contains(script))
            {
                i += width;
                continue;
            }
            int end = RunEnd(text, i, script, dominant, out int letters);
            var run = TextSpan.FromBounds(i, end);
            i = end;
            // One letter of another alphabet is a symbol ("ω", "π", the "ع.د" of a currency), not a word;
            // one Han or kana character can be a word.
            if (letters < _minLetters || (letters == 1 && !UnicodeScripts.IsCjk(script)) || IsAllowed(text, run)) continue;
            int paragraph = SortedSpans.IndexOf(paragraphs.AsSpan(), run.Start);
            // Runs with no letter of the dominant script between them are one passage: a quotation in the
            // original after its translation is a passage, whatever punctuation splits it into runs.
            if (passage is { } open && paragraph == passageParagraph && !HasLetterOf(text[open.End..run.Start], dominant))
            {
                passage = TextSpan.FromBounds(open.Start, run.End);
                passageGlossed |= _glosses && IsGlossed(text, run, dominant) || IsQuotedTitle(text, run);
                continue;
            }
            Flush();
            passage = run;
            passageParagraph = paragraph;
            passageScript = script;
            passageGlossed = _glosses && (IsGlossed(text, run, dominant) || IsLabelled(text, run, dominant)) || IsQuotedTitle(text, run);
        }
        Flush();

        // A passage is reported once per paragraph at most: a paragraph in another language is one finding.
        void Flush()
        {
            if (passage is not { } p || passageGlossed) return;
            if (passageParagraph >= 0 && passageParagraph == reportedParagraph) return;
            // The same passage again (a photographer's name under each picture) is one thing to translate.
            if (!(reported ??= new(StringComparer.Ordinal)).Add(context.Text.Substring(p.Start, p.Length))) return;
            reportedParagraph = passageParagraph;
            context.Report(p, context.Arguments(p)
                .With("script", UnicodeScripts.Name(passageScript)).With("dominant", UnicodeScripts.Name(dominant)));
        }
    }

    /// <summary>Below this share of letters in the expected script, a text is in another language as a whole.</summary>
    private const double MinExpectedShare = 0.2;

    private static void ReportDocument(RuleContext context, UnicodeScript dominant, UnicodeScript expected)
    {
        var lines = context.Document.LineSpans;
        if (lines.IsEmpty) return;
        var first = lines[0];
        context.Report(first, context.Arguments(first)
            .With("script", UnicodeScripts.Name(dominant)).With("dominant", UnicodeScripts.Name(expected)));
    }

    private static bool HasLetterOf(ReadOnlySpan<char> s, UnicodeScript script)
    {
        for (int i = 0; i < s.Length; i++)
            if (char.IsLetter(s[i]) && (script == UnicodeScript.Latin ? char.IsAscii(s[i]) || UnicodeScripts.Of(s[i]) == script : UnicodeScripts.Of(s[i]) == script))
                return true;
        return false;
    }

    // Language names that label an original after its translation ("Russian: …", "(Hindi language: …)").
    private static readonly FrozenSet<string> LanguageLabels = new[]
    {
        "language", "original", "russian", "ukrainian", "belarusian", "bulgarian", "serbian", "macedonian", "kazakh", "kyrgyz",
        "mongolian", "tajik", "chinese", "mandarin", "cantonese", "japanese", "korean", "arabic", "persian", "farsi", "dari", "pashto",
        "urdu", "hebrew", "yiddish", "greek", "hindi", "marathi", "nepali", "sanskrit", "bengali", "bangla", "punjabi", "gujarati",
        "tamil", "telugu", "kannada", "malayalam", "sinhala", "thai", "lao", "khmer", "burmese", "tibetan", "georgian", "armenian",
        "amharic", "tigrinya", "uyghur", "kurdish", "sorani",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "Russian: Свою победу …", "(Hindi language: कोरोना …)": the original of a quotation or a name,
    /// labelled with its language after the translation — a gloss the other way round.
    /// </summary>
    private static bool IsLabelled(ReadOnlySpan<char> text, TextSpan run, UnicodeScript dominant)
    {
        int b = run.Start - 1;
        while (b >= 0 && (text[b] is ' ' or '\u00A0' || IsQuoteMark(text[b]) || Matching.CharClass.IsIgnorable(text[b]))) b--;
        if (b < 0 || text[b] != ':') return false;
        b--;
        while (b >= 0 && text[b] == ' ') b--;
        int wordEnd = b + 1;
        while (b >= 0 && char.IsLetter(text[b])) b--;
        var word = text[(b + 1)..wordEnd];
        return !word.IsEmpty && HasLetterOf(word, dominant) && LanguageLabels.Has(word);
    }

    // Words that introduce a title in quotation marks: the original title of a source is cited, not left untranslated.
    private static readonly FrozenSet<string> TitleWords = new[]
    {
        "article", "articles", "titled", "entitled", "headlined", "headline", "title", "book", "novel", "film", "movie", "song",
        "album", "single", "series", "show", "programme", "program", "poem", "play", "opera", "newspaper", "magazine", "column",
        "blog", "website", "channel", "report", "story", "piece", "essay", "paper", "study", "named", "called", "slogan", "motto",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "a translation of the article "2007年ING台北國際馬拉松"", "the song «Кино»": a run inside a quotation
    /// that a title word introduces is a title being cited, which stays in its original script.
    /// </summary>
    private static bool IsQuotedTitle(ReadOnlySpan<char> text, TextSpan run)
    {
        int from = Math.Max(0, run.Start - 120);
        int open = run.Start - 1;
        while (open >= from && !IsQuoteMark(text[open]) && text[open] is not ('\n' or '\r')) open--;
        if (open < from || !IsQuoteMark(text[open])) return false;
        int b = open - 1;
        while (b >= 0 && text[b] is ' ' or '\u00A0' or ':' or ',') b--;
        int wordEnd = b + 1;
        while (b >= 0 && char.IsLetter(text[b])) b--;
        var word = text[(b + 1)..wordEnd];
        return !word.IsEmpty && TitleWords.Has(word);
    }

    private static UnicodeScript ScriptAt(ReadOnlySpan<char> text, int i, out int width)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return UnicodeScripts.Of(char.ConvertToUtf32(text[i], text[i + 1]));
        }
        width = 1;
        return UnicodeScripts.Of(text[i]);
    }

    private static bool SameRun(UnicodeScript run, UnicodeScript s) => s == run || (UnicodeScripts.IsCjk(run) && UnicodeScripts.IsCjk(s));

    /// <summary>The end of the run that starts at <paramref name="start"/>: letters of the run's script, shared marks and letters between them, and spaces between its words.</summary>
    private static int RunEnd(ReadOnlySpan<char> text, int start, UnicodeScript script, UnicodeScript dominant, out int letters)
    {
        int i = start, lastLetterEnd = start;
        letters = 0;
        while (i < text.Length)
        {
            var s = ScriptAt(text, i, out int width);
            bool letter = ScriptProfile.IsLetter(text, i, width);
            if (letter && SameRun(script, s)) { letters++; i += width; lastLetterEnd = i; continue; }
            // Combining marks and shared letters (the Katakana-Hiragana prolonged sound mark) inside a word.
            if (letter && UnicodeScripts.IsShared(s) && i == lastLetterEnd) { i += width; lastLetterEnd = i; continue; }
            if (text[i] is ' ' or '\u00A0' or '\u3000' && i == lastLetterEnd)
            {
                int j = i;
                while (j < text.Length && text[j] is ' ' or '\u00A0' or '\u3000') j++;
                if (j < text.Length && SameRun(script, ScriptAt(text, j, out int w2)) && ScriptProfile.IsLetter(text, j, w2)) { i = j; continue; }
            }
            break;
        }
        return lastLetterEnd;
    }

    private bool IsAllowed(ReadOnlySpan<char> text, TextSpan run) =>
        _allow.Count > 0 && _allow.Contains(LiteralPattern.Normalize(text[run.Start..run.End].ToString()));

    /// <summary>"特意 (deliberately)" or "deliberately (特意)": a translation in brackets right after the run, or the run as the bracketed original.</summary>
    private static bool IsGlossed(ReadOnlySpan<char> text, TextSpan run, UnicodeScript dominant)
    {
        int after = run.End;
        while (after < text.Length && (text[after] is ' ' or '\u00A0' || IsQuoteMark(text[after]))) after++;
        if (after < text.Length && text[after] is '(' or '[' or '\uFF08')
        {
            int close = text[after..Math.Min(text.Length, after + 200)].IndexOfAny(')', ']', '\uFF09');
            if (close > 0 && HasScript(text.Slice(after + 1, close - 1), dominant)) return true;
        }
        int before = run.Start - 1;
        while (before >= 0 && (text[before] is ' ' or '\u00A0' || IsQuoteMark(text[before]))) before--;
        return before >= 0 && text[before] is '(' or '[' or '\uFF08' && after < text.Length && text[after] is ')' or ']' or '\uFF09' or ',' or ';';
    }

    private static bool HasScript(ReadOnlySpan<char> s, UnicodeScript script)
    {
        for (int i = 0; i < s.Length; i++)
            if (char.IsLetter(s[i]) && UnicodeScripts.Of(s[i]) == script) return true;
        return false;
    }

    private static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB' or '\u300C' or '\u300D';
}
