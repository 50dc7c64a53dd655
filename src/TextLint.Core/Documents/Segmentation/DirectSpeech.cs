using System.Collections.Frozen;
using System.Collections.Immutable;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Decides which quotations are direct speech — a source's own words rather than the writer's:
/// <list type="bullet">
/// <item>a quotation inside a quoted block;</item>
/// <item>a quoted full clause: six or more words, or four or more starting with a capital;</item>
/// <item>a quotation introduced by a speech verb within a few words in the same sentence ("said:",
/// "told reporters that the", "emphasizing their"), or by a labelling verb and "as" ("hailed them
/// as", "described the remnants of the forces as being");</item>
/// <item>a quotation ending in a comma, question mark, dash or ellipsis (or followed by a comma) with
/// a speech verb within a few words after it ("…,” he said", "…?” asked Senator Cheng");</item>
/// <item>a quotation joined by "and"/"or" to a quotation that is direct speech (‘…’ and ‘…’).</item>
/// </list>
/// A quotation right after "so-called" (or "self-styled", "quote-unquote") is never direct speech:
/// the marker says the writer is distancing themselves from the word.
/// </summary>
public static class DirectSpeech
{
    /// <summary>How many words may stand between a speech verb and the quotation it introduces.</summary>
    private const int WordsBefore = 4;

    /// <summary>How many words may stand between a labelling verb and "as" before the quotation.</summary>
    private const int WordsBeforeAs = 12;

    /// <summary>How many words may stand between a quotation and the speech verb after it.</summary>
    private const int WordsAfter = 5;

    /// <summary>Verbs (all forms) that report speech or writing.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = WordSet.Of(
        "say says said saying tell tells told telling state states stated stating add adds added adding write writes wrote written writing " +
        "reply replies replied replying ask asks asked asking insist insists insisted insisting explain explains explained explaining " +
        "urge urges urged urging note notes noted noting remark remarks remarked remarking declare declares declared declaring " +
        "announce announces announced announcing claim claims claimed claiming argue argues argued arguing warn warns warned warning " +
        "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising stress stresses stressed stressing " +
        "affirm affirms affirmed confirm confirms confirmed confirming call calls called calling describe describes described describing " +
        "hail hails hailed hailing term terms termed terming dub dubs dubbed dubbing brand brands branded branding label labels labeled " +
        "labelled labeling labelling quip quips quipped shout shouts shouted yell yelled whisper whispered exclaim exclaimed exclaiming " +
        "respond responds responded responding answer answers answered continue continues continued begin began conclude concluded " +
        "promise promised promising vow vows vowed vowing admit admits admitted acknowledge acknowledged observe observed comment " +
        "commented commenting recall recalls recalled reiterate reiterated reiterating tweet tweeted posted demand demands demanded " +
        "demanding plead pleaded pled suggest suggests suggested maintain maintains maintained contend contends contended counter " +
        "countered retort retorted boast boasted complain complained complaining allege alleges alleged concede conceded predict " +
        "predicted caution cautioned report reports reported inform informed proclaim proclaimed underline underlined pledge pledged " +
        "quote quoted quoting according mutter muttered laugh laughed joke joked interject interjected chant chanted cry cried " +
        "scream screamed testify testified thunder thundered snap snapped muse mused lament lamented object objected agree agreed " +
        "characterize characterized characterise characterised portray portrayed refer referred dismiss dismissed denounce denounced " +
        "condemn condemned praise praised praising welcome welcomed slam slammed reject rejected thank thanked assure assured " +
        "read reads recount recounted explains tells");

    /// <summary>Verbs that label with "as": "hailed them as ‘heroes’", "described it as ‘a disgrace’".</summary>
    private static readonly FrozenSet<string> AsVerbs = WordSet.Of(
        "describe describes described describing hail hails hailed hailing term termed brand branded label labeled labelled " +
        "characterize characterized characterise characterised portray portrayed depict depicted refer referred dismiss dismissed " +
        "denounce denounced condemn condemned praise praised welcome welcomed slam slammed reject rejected call called see saw " +
        "cast billed tout touted paint painted");

    /// <summary>Speech verbs that report speech only after a quotation ("…,” he began), not before one ("began to hype the ‘card’").</summary>
    private static readonly FrozenSet<string> AfterOnly = WordSet.Of(
        "begin began continue continues continued read reads agree agreed laugh laughed cry cried snap snapped thunder thundered " +
        "muse mused joke joked report reports reported answer answered");

    private static readonly FrozenSet<string> Joiners = WordSet.Of("and or as well nor but");

    /// <summary>Words right before a quotation that mark it as the writer's distance from a word, not a source's speech.</summary>
    private static readonly FrozenSet<string> ScareMarkers = WordSet.Of("so-called self-styled self-proclaimed quote-unquote");

    /// <summary>Returns the quotations with <see cref="Quotation.IsDirectSpeech"/> set.</summary>
    /// <param name="words">The word starts of <paramref name="prose"/>: a quotation's words are counted from them.</param>
    public static ImmutableArray<Quotation> Classify(string prose, ImmutableArray<Quotation> quotations, ImmutableArray<TextSpan> paragraphs, SpanSet quotedBlocks, WordStarts words)
    {
        if (quotations.IsEmpty) return quotations;
        var b = ImmutableArray.CreateBuilder<Quotation>(quotations.Length);
        ReadOnlySpan<char> text = prose;
        for (int i = 0; i < quotations.Length; i++)
        {
            var q = quotations[i];
            int p = SortedSpans.IndexOf(paragraphs.AsSpan(), q.Span.Start);
            var para = p >= 0 ? paragraphs[p] : TextSpan.FromBounds(0, text.Length);
            bool speech = quotedBlocks.Contains(q.Span.Start)
                || (!AfterScareMarker(text, q, para)
                    && (IsFullClause(text, words, q) || VerbBefore(text, q, para) || VerbAfter(text, q, para) || JoinedToSpeech(text, b, q)));
            b.Add(q with { IsDirectSpeech = speech });
        }
        return b.MoveToImmutable();
    }

    /// <summary>True when the quotation comes right after "so-called" or a like marker.</summary>
    public static bool AfterScareMarker(ReadOnlySpan<char> text, Quotation q, TextSpan paragraph)
    {
        if (!TextWords.Previous(text, q.Span.Start, paragraph.Start, out var w)) return false;
        if (!IsBlank(text, w.End, q.Span.Start)) return false;
        return ScareMarkers.Has(text[w.Start..w.End]);
    }

    private static bool IsFullClause(ReadOnlySpan<char> text, WordStarts starts, Quotation q)
    {
        int words = starts.Count(q.Content);
        if (words >= 6) return true;
        return words >= 4 && TextWords.StartsUpper(text[q.Content.Start..q.Content.End]);
    }

    private static bool VerbBefore(ReadOnlySpan<char> text, Quotation q, TextSpan paragraph)
    {
        int pos = q.Span.Start;
        int words = 0, limit = WordsBefore;
        bool asMode = false;
        while (TextWords.Previous(text, pos, paragraph.Start, out var w))
        {
            if (EndsSentenceBetween(text, w.End, pos)) return false;
            var word = text[w.Start..w.End];
            if (words == 0 && (word.Equals("as", StringComparison.OrdinalIgnoreCase) || word.Equals("being", StringComparison.OrdinalIgnoreCase)))
            {
                asMode = true;
                limit = WordsBeforeAs;
            }
            else if (asMode ? AsVerbs.Has(word) || SpeechVerbs.Has(word) : SpeechVerbs.Has(word) && !AfterOnly.Has(word))
            {
                return true;
            }
            if (++words > limit) return false;
            pos = w.Start;
        }
        return false;
    }

    private static bool VerbAfter(ReadOnlySpan<char> text, Quotation q, TextSpan paragraph)
    {
        int end = paragraph.End;
        int last = q.Content.End - 1;
        while (last >= q.Content.Start && char.IsWhiteSpace(text[last])) last--;
        char inside = last >= q.Content.Start ? text[last] : ' ';
        int after = q.Span.End;
        while (after < end && text[after] is ' ' or '\u00A0') after++;
        char outside = after < end ? text[after] : ' ';
        bool handsOver = inside is ',' or '?' or '!' or '\u2026' or '\u2014' or '\u2013' or '-' || outside is ',' or '\u2014' or '\u2013';
        // "…country.” he stated": a full stop inside, then a lower-case word, is the same hand-over.
        if (!handsOver && (inside == '.' || q.IsUnclosed)) handsOver = after < end && char.IsLower(outside);
        if (!handsOver) return false;
        int pos = q.Span.End;
        for (int words = 0; words < WordsAfter; words++)
        {
            if (!TextWords.Next(text, pos, end, out var w)) return false;
            if (EndsSentenceBetween(text, pos, w.Start) || HasMark(text, pos, w.Start)) return false;
            if (SpeechVerbs.Has(text[w.Start..w.End])) return true;
            pos = w.End;
        }
        return false;
    }

    private static bool JoinedToSpeech(ReadOnlySpan<char> text, ImmutableArray<Quotation>.Builder done, Quotation q)
    {
        for (int j = done.Count - 1; j >= 0; j--)
        {
            var prev = done[j];
            if (prev.Span.End > q.Span.Start) continue; // an enclosing quotation
            if (!prev.IsDirectSpeech) return false;
            int pos = prev.Span.End, joiners = 0;
            while (TextWords.Next(text, pos, q.Span.Start, out var w))
            {
                if (!Joiners.Has(text[w.Start..w.End]) || ++joiners > 3) return false;
                pos = w.End;
            }
            for (int k = prev.Span.End; k < q.Span.Start; k++)
                if (!(char.IsWhiteSpace(text[k]) || text[k] == ',' || char.IsLetter(text[k]))) return false;
            return true;
        }
        return false;
    }

    /// <summary>How many words may stand between a verb or noun of saying and the colon it governs ("said in a statement:").</summary>
    private const int WordsBeforeColon = 4;

    /// <summary>Nouns for what someone says or thinks, whose colon introduces its content: "Smith had one more theory:".</summary>
    private static readonly FrozenSet<string> SpeechNouns = WordSet.Of(
        "theory theories explanation explanations argument arguments claim claims statement statements message messages " +
        "conclusion conclusions assessment suggestion suggestions warning warnings answer answers response reply belief beliefs " +
        "opinion hypothesis verdict allegation allegations accusation accusations complaint complaints plea prediction predictions " +
        "advice words view position version testimony remarks comment comments reasoning diagnosis");

    /// <summary>
    /// Reported speech printed without quotation marks: the rest of a sentence after a colon that a verb or
    /// noun of saying or thinking governs, within <see cref="WordsBeforeColon"/> words before it ("Smith had
    /// one more theory: a second vessel was transmitting…", "The ministry said in a statement: the strike
    /// hit a depot", "In his words: …"). The governing word must not open the sentence: "Note: the figures
    /// are provisional" and "Warning: …" are the writer's labels, not someone's speech. Returned in order.
    /// </summary>
    public static ImmutableArray<TextSpan> IntroducedByColon(string prose, ImmutableArray<TextSpan> sentences)
    {
        ImmutableArray<TextSpan>.Builder? found = null;
        ReadOnlySpan<char> text = prose;
        int from = 0;
        while (from < text.Length)
        {
            int rel = text[from..].IndexOf(':');
            if (rel < 0) break;
            int colon = from + rel;
            from = colon + 1;
            // "10:30", "http://", "Psalm 23:4": a colon inside a token introduces nothing.
            if (colon + 1 >= text.Length || !char.IsWhiteSpace(text[colon + 1])) continue;
            int si = SortedSpans.IndexOf(sentences.AsSpan(), colon);
            if (si < 0) continue;
            var sentence = sentences[si];
            if (!GovernedBySpeech(text, sentence.Start, colon)) continue;
            int start = colon + 1;
            while (start < sentence.End && char.IsWhiteSpace(text[start])) start++;
            if (start >= sentence.End) continue; // the colon ends its sentence: what follows is the next paragraph's
            (found ??= ImmutableArray.CreateBuilder<TextSpan>()).Add(TextSpan.FromBounds(start, sentence.End));
            from = sentence.End; // one span per sentence: a second colon in it is inside the first's speech
        }
        return found?.ToImmutable() ?? ImmutableArray<TextSpan>.Empty;
    }

    /// <summary>Whether a verb or noun of saying stands a few words before the colon, and not as the sentence's first word.</summary>
    private static bool GovernedBySpeech(ReadOnlySpan<char> text, int sentenceStart, int colon)
    {
        int pos = colon;
        for (int words = 0; words < WordsBeforeColon; words++)
        {
            if (!TextWords.Previous(text, pos, sentenceStart, out var w)) return false;
            // Punctuation between the words ends the clause that governs the colon ("…, including: …").
            if (words > 0 && !IsBlank(text, w.End, pos)) return false;
            var word = text[w.Start..w.End];
            if ((SpeechVerbs.Has(word) && !AfterOnly.Has(word)) || SpeechNouns.Has(word))
                return TextWords.Previous(text, w.Start, sentenceStart, out _);
            pos = w.Start;
        }
        return false;
    }

    private static bool EndsSentenceBetween(ReadOnlySpan<char> text, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (text[k] is '.' or '!' or '?') return true;
        return false;
    }

    private static bool HasMark(ReadOnlySpan<char> text, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (text[k] is '"' or '\u201C' or '\u2018' or '\u00AB') return true;
        return false;
    }

    private static bool IsBlank(ReadOnlySpan<char> text, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }
}
