using System.Collections.Frozen;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Recognises a list or table flattened to running text: a cricket scorecard ("Fall of wickets: 1-18
/// (Smith, 5.4 ov), 2-63 (Kallis, 15.4 ov), …"), a team sheet ("Australia: A C Gilchrist (wkt),
/// M L Hayden, …"), a run of results. Prose holds its items together with function words (articles,
/// prepositions, auxiliaries, pronouns: a third to a half of its words); a list separates short items
/// of names and numbers with commas, semicolons or colons ("Algoma-Manitoulin: FCP Ajax-Pickering: GRN …")
/// and has almost none.
/// </summary>
public static class ListText
{
    /// <summary>Fewer words than this are never judged: a short unit is no problem to any measure.</summary>
    private const int MinWords = 12;

    /// <summary>At least this many items (separators, commas, semicolons and colons, + 1).</summary>
    private const int MinItems = 6;

    /// <summary>At most this many words per item on average.</summary>
    private const int MaxWordsPerItem = 5;

    /// <summary>At most one word in this many is a function word.</summary>
    private const int FunctionWordRatio = 10;

    /// <summary>Closed-class words of English, in lower case (a capitalised "A" in "A C Gilchrist" is an initial, not an article).</summary>
    private static readonly FrozenSet<string> FunctionWords = (
        "a an the of to in on at by for with from into onto over under about after before between through during against " +
        "and or but nor so yet if as than that which who whom whose what this these those it its is are was were be been being " +
        "has have had do does did will would can could shall should may might must not no he she they we you his her their " +
        "our my your him them us me there here when where while because since until also both either neither each every all " +
        "any some such only just very more most less then thus").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the span of <paramref name="text"/> reads as a list of short items rather than a sentence or paragraph.</summary>
    public static bool IsList(ReadOnlySpan<char> text, TextSpan span)
    {
        int separators = 0;
        foreach (char c in text[span.Start..span.End])
            if (c is ',' or ';' or ':') separators++;
        int items = separators + 1;
        if (items < MinItems) return false;
        var lookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int words = 0, function = 0, pos = span.Start;
        while (TextWords.Next(text, pos, span.End, out var w))
        {
            pos = w.End;
            words++;
            if (lookup.Contains(text[w.Start..w.End])) function++;
        }
        return words >= MinWords && words <= items * MaxWordsPerItem && function * FunctionWordRatio <= words;
    }

    /// <summary>How many words the parts of a series that are not short items may hold together (the lead-in, a relative clause).</summary>
    private const int MaxOtherWords = 25;

    /// <summary>How many short items make a series.</summary>
    private const int MinSeriesItems = 4;

    /// <summary>The longest short item, in words.</summary>
    private const int MaxItemWords = 6;

    /// <summary>How many short items a long series has: its other parts may then hold as many words as its items.</summary>
    private const int MinLongSeriesItems = 8;

    /// <summary>
    /// Whether the span is an enumeration: split at commas and semicolons outside brackets and quotation
    /// marks, four or more parts of at most six words (the items) and no more than 25 words in all the
    /// other parts together (the lead-in, a clause about one item): "Other speakers included four of
    /// Trump's children; First Lady Melania Trump; …", "The ride went along LaTrobe, Russell, Lonsdale, …".
    /// A long series (eight items or more) may hold as many words besides its items as in them: a route
    /// or an itinerary has a lead-in and a few longer legs ("Collins and Swanston St to Flinders St
    /// Station") among its short ones, and the allowance grows with the list, not with the prose. A reader
    /// takes such a sentence item by item, so its length is not the length of a sentence to split. Prose
    /// whose clauses are set off by commas has long parts, and a long sentence with a short list inside
    /// has more words around the list than in it: neither is a series.
    /// </summary>
    public static bool IsSeries(ReadOnlySpan<char> text, TextSpan span)
    {
        int items = 0, itemWords = 0, other = 0, depth = 0, partStart = span.Start;
        bool quoted = false;
        for (int i = span.Start; i <= span.End; i++)
        {
            char c = i < span.End ? text[i] : ';';
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            else if (c is '"' or '\u201C' or '\u201D') quoted = c == '\u201C' || (c == '"' && !quoted);
            else if (c is ',' or ';' && depth == 0 && !quoted)
            {
                int words = TextWords.Count(text, TextSpan.FromBounds(partStart, i));
                if (words > MaxItemWords) other += words;
                else if (words > 0) { items++; itemWords += words; }
                partStart = i + 1;
            }
        }
        if (items < MinSeriesItems) return false;
        return other <= MaxOtherWords || (items >= MinLongSeriesItems && other <= itemWords);
    }
}
