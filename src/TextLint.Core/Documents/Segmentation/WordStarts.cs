using System.Buffers;
using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>
/// Where the words of a whole text start (the starts <see cref="TextWords.Count"/> counts), found in one
/// pass, so that the word count of any span of the text is two binary searches: <see cref="Count"/> gives
/// the same answer as <see cref="TextWords.Count"/> on that span. The document keeps one
/// (<see cref="Document.Words"/>): the length rules count every sentence and every paragraph, direct
/// speech every quotation and the repetition rule every repeated unit, so without it most characters
/// of the prose were classified two or three times per document (the paragraph and sentence counts
/// alone were 7% of the instructions of a corpus run). One int per word (about 0.7 bytes a character).
/// </summary>
public sealed class WordStarts
{
    /// <summary>
    /// How many characters from a span's start may see a different word start in the span than in the
    /// whole text: <see cref="TextWords.Count"/> reads up to three characters back from a position (the
    /// two classes before it, and a third for an initialism's period), and in a span those before its
    /// start are not there. From the third character of a span on, span and text agree.
    /// </summary>
    private const int Context = 3;

    private readonly string _text;
    private readonly int[] _starts;

    private WordStarts(string text, int[] starts)
    {
        _text = text;
        _starts = starts;
    }

    /// <summary>How many words the whole text has.</summary>
    public int Total => _starts.Length;

    /// <summary>Finds the word starts of <paramref name="text"/>.</summary>
    public static WordStarts Of(string text)
    {
        // A word start follows a character that is not a word character, so there are at most (n + 1) / 2.
        var buffer = ArrayPool<int>.Shared.Rent((text.Length + 1) / 2 + 1);
        try
        {
            int n = TextWords.Starts(text, buffer);
            return new WordStarts(text, buffer.AsSpan(0, n).ToArray());
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>The number of words in <paramref name="span"/> of the text: <see cref="TextWords.Count"/> of the span.</summary>
    public int Count(TextSpan span)
    {
        if (span.Length <= Context) return TextWords.Count(_text, span);
        // The span's first characters are counted as the span sees them; the rest are the text's own starts.
        int n = TextWords.Count(_text, new TextSpan(span.Start, Context));
        return n + FirstAtOrAfter(span.End) - FirstAtOrAfter(span.Start + Context);
    }

    /// <summary>The index of the first start at or after <paramref name="position"/> (the number of starts before it).</summary>
    private int FirstAtOrAfter(int position)
    {
        var starts = _starts;
        int lo = 0, hi = starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
