using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Finds an interview printed as a transcript, and the paragraphs in it that are someone's speech
/// rather than the writer's voice. A turn is a paragraph that opens with a speaker's label: in double
/// brackets ("((WN))", "((Jane Roe))", as Wikinews prints interviews), "Q:" or "A:", or another short
/// label and a colon ("MH:", "Jane Roe:") that opens two or more paragraphs, so that one "Toss: England
/// won" or "Smith: we will appeal" line in an article is not a turn. Each turn is speech. A document
/// with at least <see cref="MinTurns"/> turns by two or more speakers is a transcript: there each
/// paragraph that continues a turn (an answer that runs on for several paragraphs) is speech too, up
/// to the next turn or a heading, where the writer's own copy resumes. With one labelled speaker (the
/// interviewer's questions, the answers printed without a label or lost), the paragraphs between turns
/// may as well be reportage, so only the turns are speech.
/// </summary>
public static class Transcript
{
    /// <summary>How many turns (by two speakers or more) make a transcript, whose turns run on into the paragraphs after them.</summary>
    public const int MinTurns = 3;

    /// <summary>How far into a paragraph a speaker's label may reach.</summary>
    private const int MaxLabel = 48;

    /// <summary>The spans of a transcript's speech (turns and their continuation paragraphs) in order; empty when the document is no transcript.</summary>
    public static ImmutableArray<TextSpan> FindSpeech(ReadOnlySpan<char> text, ImmutableArray<TextSpan> paragraphs, ImmutableArray<TextSpan> headings)
    {
        List<(int Paragraph, string Label, bool Bracketed)>? candidates = null;
        for (int p = 0; p < paragraphs.Length; p++)
            if (TryLabel(text, paragraphs[p], out var label, out bool bracketed))
                (candidates ??= new()).Add((p, text[label.Start..label.End].ToString(), bracketed));
        if (candidates is null) return ImmutableArray<TextSpan>.Empty;

        var colonUses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in candidates)
            if (!c.Bracketed) colonUses[c.Label] = colonUses.GetValueOrDefault(c.Label) + 1;
        var turns = candidates.FindAll(c => c.Bracketed || c.Label is "Q" or "A" || colonUses[c.Label] >= 2);
        if (turns.Count == 0) return ImmutableArray<TextSpan>.Empty;

        // Continuation paragraphs belong to a turn only in a transcript: several turns, two speakers or more.
        bool speakers = false;
        if (turns.Count >= MinTurns)
            foreach (var t in turns)
                if (t.Label != turns[0].Label) { speakers = true; break; }

        var isHeading = new bool[paragraphs.Length];
        foreach (var h in headings)
        {
            int i = SortedSpans.IndexOf(paragraphs.AsSpan(), h.Start);
            if (i >= 0) isHeading[i] = true;
        }

        var speech = ImmutableArray.CreateBuilder<TextSpan>();
        for (int k = 0; k < turns.Count; k++)
        {
            int p = turns[k].Paragraph;
            speech.Add(paragraphs[p]);
            if (!speakers) continue;
            int next = k + 1 < turns.Count ? turns[k + 1].Paragraph : paragraphs.Length;
            for (int q = p + 1; q < next; q++)
            {
                if (isHeading[q] || LooksLikeHeading(text, paragraphs[q])) break;
                speech.Add(paragraphs[q]);
            }
        }
        return speech.ToImmutable();
    }

    /// <summary>
    /// Whether the paragraph opens with a speaker's label: "((Name))" with a name that starts with a capital
    /// (not a language tag such as "((ru))"), or one to three capitalised words and ": ". The label's span
    /// is the name, without brackets or colon.
    /// </summary>
    public static bool TryLabel(ReadOnlySpan<char> text, TextSpan paragraph, out TextSpan label, out bool bracketed)
    {
        label = default;
        bracketed = false;
        int i = paragraph.Start, end = Math.Min(paragraph.End, paragraph.Start + MaxLabel);
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        if (i + 1 < end && text[i] == '(' && text[i + 1] == '(')
        {
            int close = text[(i + 2)..end].IndexOf("))", StringComparison.Ordinal);
            if (close <= 0 || !char.IsUpper(text[i + 2])) return false;
            label = new TextSpan(i + 2, close);
            bracketed = true;
            return true;
        }
        // A label: one to three words, each opening with a capital, then a colon and a space.
        int start = i, words = 0;
        while (i < end)
        {
            if (!char.IsUpper(text[i])) return false;
            while (i < end && (char.IsLetter(text[i]) || text[i] is '.' or '\'' or '-')) i++;
            if (++words > 3 || i >= end) return false;
            if (text[i] == ':')
            {
                if (i + 1 >= paragraph.End || text[i + 1] != ' ') return false;
                label = TextSpan.FromBounds(start, i);
                return true;
            }
            if (text[i] != ' ') return false;
            i++;
        }
        return false;
    }

    /// <summary>
    /// A plain-text heading: one short line (at most eight words) that starts with a capital and ends
    /// without punctuation or a digit ("Sources", "Related news"), where the writer's copy resumes.
    /// </summary>
    private static bool LooksLikeHeading(ReadOnlySpan<char> text, TextSpan paragraph)
    {
        var s = text[paragraph.Start..paragraph.End].Trim();
        if (s.IsEmpty || s.Length > 80 || !char.IsUpper(s[0]) || s.IndexOfAny('\n', '\r') >= 0) return false;
        if (!char.IsLetter(s[^1])) return false;
        if (s.IndexOfAnyInRange('0', '9') >= 0) return false;
        return TextWords.Count(s, new TextSpan(0, s.Length)) <= 8;
    }
}
