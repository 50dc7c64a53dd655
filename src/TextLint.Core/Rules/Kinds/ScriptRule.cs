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
/// itself the parenthesised original after a translation, terms in <c>allow</c>, scripts in
/// <c>ignore</c> and runs shorter than <c>minLetters</c> are not reported. The region is the run.
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
        ],
    };

    private readonly int _minLetters;
    private readonly bool _glosses;
    private readonly FrozenSet<string> _allow;
    private readonly FrozenSet<UnicodeScript> _ignore;

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
    }

    private static bool TryParseScript(string name, out UnicodeScript script) =>
        Enum.TryParse(name.Replace(" ", "").Replace("_", ""), ignoreCase: true, out script) && !UnicodeScripts.IsShared(script);

    public override void Analyze(RuleContext context)
    {
        var profile = context.Document.Scripts;
        if (!profile.IsMixed) return;
        var dominant = profile.Dominant;
        ReadOnlySpan<char> text = context.Text;
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
            if (letters < _minLetters || IsAllowed(text, run) || (_glosses && IsGlossed(text, run, dominant))) continue;
            context.Report(run, context.Arguments(run)
                .With("script", UnicodeScripts.Name(script)).With("dominant", UnicodeScripts.Name(dominant)));
        }
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
