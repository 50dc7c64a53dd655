using System.Collections.Frozen;
using System.Globalization;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: repetition — something said twice by accident. <c>unit: line</c>, <c>paragraph</c> (the
/// default) or <c>sentence</c>: a unit of at least <c>minWords</c> words (4) that repeats an earlier
/// one, ignoring case, white space and quote styles (a headline pasted twice); the later copy is
/// reported (the fix deletes it). <c>unit: word</c>: a word written twice in a row ("the the"), unless the second starts with
/// a capital (Bora Bora, Walla Walla) or the word is in <c>exceptions</c> ("had had", "that that").
/// </summary>
public sealed class RepetitionRule : Rule
{
    public static readonly RuleKind Kind = new("repetition", ["match", "line"], (d, def) => new RepetitionRule(d, def),
        "Reports a repeated line, paragraph or sentence (a headline pasted twice) or a doubled word.")
    {
        CanFix = true,
        Options =
        [
            new("unit", "What may not repeat: paragraph (default), line, sentence, or word (a word written twice in a row)."),
            new("minWords", "A repeated line, paragraph or sentence counts from this many words (default 4)."),
            new("exceptions", "Words that may be doubled (\"had had\", \"that that\")."),
        ],
    };

    private enum Unit { Line, Paragraph, Sentence, Word }

    private readonly Unit _unit;
    private readonly int _minWords;
    private readonly FrozenSet<string> _exceptions;

    private RepetitionRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        string unit = def.GetString("unit") ?? "paragraph";
        switch (unit)
        {
            case "line": _unit = Unit.Line; break;
            case "paragraph": _unit = Unit.Paragraph; break;
            case "sentence": _unit = Unit.Sentence; break;
            case "word": _unit = Unit.Word; break;
            default: def.Error(def.PositionOf("unit"), $"unit '{unit}' is not one of line, paragraph, sentence, word."); break;
        }
        _minWords = def.GetInt("minWords", 4, 1, 10_000);
        _exceptions = def.GetStringList("exceptions").Select(e => e.Value.Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
    }

    public override void Analyze(RuleContext context)
    {
        if (_unit == Unit.Word) DoubledWords(context);
        else RepeatedUnits(context);
    }

    private void RepeatedUnits(RuleContext context)
    {
        var doc = context.Document;
        var units = _unit switch { Unit.Line => doc.LineSpans, Unit.Sentence => doc.Sentences, _ => doc.Paragraphs };
        if (units.Length < 2) return;
        string text = context.Text;
        // Units are keyed by their ends only, so a unit costs a few dozen characters whatever its length;
        // units with the same key are compared in full, and a chain keeps every distinct text of a key.
        var firstWithKey = new Dictionary<ulong, int>();
        var nextWithKey = new int[units.Length];
        bool paragraphs = _unit == Unit.Paragraph;
        for (int u = 0; u < units.Length; u++)
        {
            var unit = units[u];
            nextWithKey[u] = -1;
            // A table cell, list item or alt text is structure: a table header and the alt text of the
            // chart under it may well say the same thing.
            if (paragraphs && doc.IsStructureAt(unit.Start)) continue;
            var span = text.AsSpan(unit.Start, unit.Length);
            ulong key = EndsKey(span);
            nextWithKey[u] = -1;
            if (!firstWithKey.TryGetValue(key, out int earlier))
            {
                firstWithKey[key] = u;
                continue;
            }
            int last = earlier;
            for (; earlier >= 0; last = earlier, earlier = nextWithKey[earlier])
                if (SameText(text.AsSpan(units[earlier].Start, units[earlier].Length), span)) break;
            if (earlier < 0)
            {
                nextWithKey[last] = u; // a different text with the same ends
                continue;
            }
            // Words are counted only for a repeat: equal texts have equal counts.
            if (doc.Words.Count(unit) < _minWords) continue;
            int line = doc.Source.Lines.GetLineFromOffset(units[earlier].Start) + 1;
            var fix = Descriptor.FixSafety == Diagnostics.FixSafety.None ? null
                : FixBuilder.DeleteUnit(doc, unit, Descriptor.FixSafety, "Delete the repeated copy");
            context.Report(unit, context.Arguments(unit).With("line", line.ToString(CultureInfo.InvariantCulture)), fix);
        }
    }

    private void DoubledWords(RuleContext context)
    {
        // One pass over the characters; a word is compared with the one before it only when the two
        // have the same length and only white space lies between them.
        string text = context.Text;
        int prevStart = -1, prevEnd = -1;
        int i = 0, n = text.Length;
        var classes = TextWords.Classes;
        const byte Word = 1, Joiner = 2;
        while (i < n)
        {
            if (classes[text[i]] != Word) { i++; continue; }
            int start = i++;
            while (i < n)
            {
                char c = text[i];
                // Most word characters are ASCII letters: a range check, no table lookup.
                if (char.IsAsciiLetter(c)) { i++; continue; }
                byte d = classes[c];
                if (d == Word) { i++; continue; }
                if (d == Joiner && i + 1 < n && classes[text[i + 1]] == Word) { i++; continue; }
                break;
            }
            int end = i;
            if (prevStart >= 0 && end - start == prevEnd - prevStart && OnlySpaceBetween(text, prevEnd, start))
            {
                var a = text.AsSpan(prevStart, prevEnd - prevStart);
                var b = text.AsSpan(start, end - start);
                if (a.Equals(b, StringComparison.OrdinalIgnoreCase) && !TextWords.StartsUpper(b) && char.IsLetter(b[0])
                    && !_exceptions.Has(b))
                {
                    // The fix keeps the first word as written and deletes the space and the second.
                    var fix = Descriptor.FixSafety == Diagnostics.FixSafety.None ? null
                        : FixBuilder.Replace(TextSpan.FromBounds(prevEnd, end), "", Descriptor.FixSafety, "Delete the doubled word");
                    context.Report(TextSpan.FromBounds(prevStart, end), fix);
                    prevStart = -1; // "the the the" is one finding and a word, not two findings
                    continue;
                }
            }
            prevStart = start;
            prevEnd = end;
        }
    }

    private static bool OnlySpaceBetween(string text, int from, int to)
    {
        if (to <= from) return false;
        int breaks = 0;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == '\n') { if (++breaks > 1) return false; }
            else if (!char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    /// <summary>The matcher's folding (case, apostrophes, white space) plus double quote styles.</summary>
    /// <remarks>Inlined: <see cref="EndsKey"/> and <see cref="SameText"/> call it for every character they read.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static char Fold(char c)
    {
        if (c < 128) return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c is '\t' or '\r' or '\n' ? ' ' : c;
        return c is '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' ? '"' : CharClass.Fold(c);
    }

    /// <summary>How many folded characters from each end of a unit make its key.</summary>
    private const int KeyChars = 24;

    /// <summary>
    /// FNV-1a over the first and the last <see cref="KeyChars"/> characters of the unit as
    /// <see cref="SameText"/> sees it: folded, trimmed, every run of white space one space. Equal texts
    /// have equal keys; equal keys are only candidates.
    /// </summary>
    private static ulong EndsKey(ReadOnlySpan<char> s)
    {
        ulong h = Mix(14695981039346656037UL, s, forward: true);
        h = (h ^ 0xFFFF) * 1099511628211UL;
        return Mix(h, s, forward: false);
    }

    /// <summary>Folds up to <see cref="KeyChars"/> characters from one end of <paramref name="s"/> into the hash.</summary>
    private static ulong Mix(ulong h, ReadOnlySpan<char> s, bool forward)
    {
        int taken = 0;
        bool space = false;
        for (int k = 0; k < s.Length && taken < KeyChars; k++)
        {
            char f = Fold(s[forward ? k : s.Length - 1 - k]);
            if (f == ' ') { space = true; continue; }
            if (space && taken > 0) { h = (h ^ ' ') * 1099511628211UL; taken++; }
            space = false;
            h = (h ^ f) * 1099511628211UL;
            taken++;
        }
        return h;
    }

    internal static bool SameText(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // A paragraph pasted twice is most often the same characters: one vectorised comparison settles it.
        if (a.SequenceEqual(b)) return true;
        int i = 0, j = 0;
        while (true)
        {
            bool sa = false, sb = false;
            while (i < a.Length && Fold(a[i]) == ' ') { i++; sa = true; }
            while (j < b.Length && Fold(b[j]) == ' ') { j++; sb = true; }
            if (i >= a.Length || j >= b.Length) return i >= a.Length && j >= b.Length;
            if (sa != sb || Fold(a[i]) != Fold(b[j])) return false;
            i++; j++;
        }
    }
}
