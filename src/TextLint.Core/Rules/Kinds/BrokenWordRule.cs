using System.Collections.Frozen;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: brokenword — a word broken by a spaced dash ("dyna – mic"), which layout tools and scrapers
/// leave behind when a hyphenated line break is joined. Without a dictionary, the rule asks the
/// document itself. Candidates: two lower-case letter runs around a spaced dash, neither a function
/// word (built-in list plus <c>words</c>), at least one of them short (<c>maxFragment</c>, 4), and no
/// second spaced dash in the sentence (a pair of dashes encloses an aside: "Narva – home to … –").
/// A candidate is reported when the two joined occur elsewhere in the text ("dynamics"), or when
/// neither fragment occurs anywhere else as a word of its own (real words recur, fragments of one word
/// do not) and the second fragment ends like the tail of a word (-ic, -tion, -ment, -ing, …); a spaced
/// hyphen-minus, which plain text uses as a dash between whole words, needs the first proof. A dash
/// between words ("the war – and the peace", "the city – home to") stays silent. The region runs from
/// the first fragment to the second; the fix joins them.
/// </summary>
public sealed class BrokenWordRule : Rule
{
    public static readonly RuleKind Kind = new("brokenword", ["match", "joined"], (d, def) => new BrokenWordRule(d, def),
        "Reports a word broken in two by a spaced dash (\"dyna – mic\").")
    {
        CanFix = true,
        Options =
        [
            new("words", "More words that stand on their own, besides the built-in function words: never taken for a fragment."),
            new("dashes", "The dash characters that can break a word (default en dash, em dash and hyphen)."),
            new("maxFragment", "At least one of the two pieces is at most this many letters long (default 4)."),
            new("maxLength", "Neither piece is longer than this many letters (default 12)."),
        ],
    };

    // Closed-class English words (articles, pronouns, prepositions, conjunctions, auxiliaries, numbers):
    // they stand alone by definition, so a dash next to one is a real dash.
    private static readonly string[] FunctionWords =
    [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on", "at", "by", "to", "up", "off", "out", "as",
        "if", "is", "it", "its", "be", "am", "are", "was", "were", "been", "has", "had", "have", "do", "does", "did", "not", "no",
        "yes", "all", "any", "some", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "who", "whom",
        "whose", "what", "which", "why", "how", "when", "where", "that", "this", "these", "those", "there", "then", "than", "now",
        "here", "he", "she", "we", "they", "you", "i", "me", "him", "her", "us", "them", "his", "our", "their", "your", "my", "can",
        "could", "may", "might", "must", "shall", "should", "will", "would", "just", "only", "even", "also", "too", "very", "more",
        "most", "less", "many", "much", "few", "such", "each", "every", "both", "own", "same", "into", "onto", "from", "with",
        "via", "per", "over", "after", "since", "until", "till", "while", "about", "again", "ever", "never", "once", "still",
        "well", "not", "nor", "let", "else", "ago", "yet", "thus", "hence", "plus", "minus", "vs", "etc", "ie", "eg", "oh",
        "first", "last", "next", "like", "unlike", "near", "far", "down", "away",
    ];

    // Endings of English words: the second half of a word broken at a syllable usually ends with one.
    private static readonly string[] WordEndings =
    [
        "ic", "ics", "ical", "tion", "tions", "sion", "sions", "ment", "ments", "ing", "ings", "ed", "ly", "ity", "ties", "ous", "ive",
        "ives", "al", "als", "ance", "ances", "ence", "ences", "ism", "isms", "ist", "ists", "ize", "ise", "ized", "ised", "ness", "ship",
        "able", "ible", "ful", "less", "ture", "tures", "ure", "ian", "ians", "ary", "ory", "ate", "ates", "ated", "er", "ers", "est",
        "ency", "ancy", "ogy", "phy", "cy", "ia", "ium", "ure", "ese", "ine", "ines",
    ];

    private readonly FrozenSet<string> _standalone;
    private readonly string _dashes;
    private readonly int _maxFragment;
    private readonly int _maxLength;

    private BrokenWordRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _standalone = FunctionWords.Concat(def.GetStringList("words").Select(w => w.Value.Trim()))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _dashes = def.GetString("dashes") ?? "\u2013\u2014-";
        if (_dashes.Length == 0) def.Error(def.PositionOf("dashes"), "'dashes' must list at least one dash character.");
        _maxFragment = def.GetInt("maxFragment", 4, 1, 50);
        _maxLength = def.GetInt("maxLength", 12, 1, 100);
    }

    public override void Analyze(RuleContext context)
    {
        string text = context.Text;
        var dashes = _dashes.AsSpan();
        int i = 1;
        while (i < text.Length - 1)
        {
            int k = text.AsSpan(i, text.Length - 1 - i).IndexOfAny(dashes);
            if (k < 0) break;
            int d = i + k;
            i = d + 1;
            if (text[d - 1] != ' ' || text[d + 1] != ' ') continue;
            if (!TextWords.Previous(text, d - 1, Math.Max(0, d - 1 - _maxLength - 1), out var left) || left.End != d - 1) continue;
            if (!TextWords.Next(text, d + 2, Math.Min(text.Length, d + 2 + _maxLength + 1), out var right) || right.Start != d + 2) continue;
            if (!IsFragment(text, left) || !IsFragment(text, right)) continue;
            if (Math.Min(left.Length, right.Length) > _maxFragment || HasPairedDash(context, d)) continue;
            string joined = string.Concat(text.AsSpan(left.Start, left.Length), text.AsSpan(right.Start, right.Length));
            var rightWord = text.AsSpan(right.Start, right.Length);
            // A spaced hyphen-minus is how plain text writes a dash between whole words ("Paris - London",
            // "a fast - growing town"): there, only the joined word written elsewhere proves a broken word.
            bool broken = OccursAsWordStart(text, joined, left.Start)
                || (text[d] != '-' && EndsLikeAWord(rightWord) && !OccursAsWord(text, text.AsSpan(left.Start, left.Length), left.Start) && !OccursAsWord(text, rightWord, right.Start));
            if (!broken) continue;
            var span = TextSpan.FromBounds(left.Start, right.End);
            var fix = Descriptor.FixSafety == Diagnostics.FixSafety.None ? null
                : FixBuilder.Replace(span, joined, Descriptor.FixSafety, $"Join as '{joined}'");
            context.Report(span, context.Arguments(span).With("joined", joined), fix);
        }
    }

    /// <summary>Lower-case letters only, not a standalone word, within the length limit.</summary>
    private bool IsFragment(string text, TextSpan word)
    {
        if (word.Length > _maxLength) return false;
        var s = text.AsSpan(word.Start, word.Length);
        foreach (char c in s)
            if (!char.IsLower(c)) return false;
        return !_standalone.Has(s);
    }

    private static bool EndsLikeAWord(ReadOnlySpan<char> fragment)
    {
        foreach (var e in WordEndings)
            if (fragment.EndsWith(e, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>True when the dash's sentence holds another spaced dash of the same kind: the two enclose an aside.</summary>
    private static bool HasPairedDash(RuleContext context, int dash)
    {
        string text = context.Text;
        var sentences = context.Document.Sentences;
        int si = SortedSpans.IndexOf(sentences.AsSpan(), dash);
        if (si < 0) return false;
        var s = sentences[si];
        char d = text[dash];
        for (int i = s.Start + 1; i < s.End - 1; i++)
            if (i != dash && text[i] == d && text[i - 1] == ' ' && text[i + 1] == ' ') return true;
        return false;
    }

    /// <summary>Whether <paramref name="word"/> occurs as a whole word anywhere but at <paramref name="except"/>.</summary>
    private static bool OccursAsWord(string text, ReadOnlySpan<char> word, int except) => Find(text, word, except, wholeWord: true);

    /// <summary>Whether a word starting with <paramref name="prefix"/> occurs anywhere but at <paramref name="except"/>.</summary>
    private static bool OccursAsWordStart(string text, string prefix, int except) => Find(text, prefix, except, wholeWord: false);

    private static bool Find(string text, ReadOnlySpan<char> word, int except, bool wholeWord)
    {
        ReadOnlySpan<char> all = text;
        int from = 0;
        while (from < all.Length)
        {
            int k = IgnoreCase.IndexOf(all[from..], word);
            if (k < 0) return false;
            int at = from + k, end = at + word.Length;
            from = at + 1;
            if (at == except) continue;
            if (at > 0 && CharClass.IsWordChar(all[at - 1])) continue;
            if (wholeWord && end < all.Length && CharClass.IsWordChar(all[end])) continue;
            return true;
        }
        return false;
    }
}
