using TextLint.Text;

namespace TextLint.Documents.Segmentation;

/// <summary>Double (“…” "…" «…» „…“) or single (‘…’ '…' ‹…›) quotation marks.</summary>
public enum QuoteFamily : byte { Double, Single }

/// <summary>
/// A quotation in the prose: <see cref="Span"/> includes its marks, <see cref="Content"/> is what they
/// enclose. <see cref="Depth"/> is 0 for an outermost quotation. A quotation opened at the start of a
/// paragraph and never closed (the convention for speech that runs on into the next paragraph) runs
/// to the paragraph's end and is <see cref="IsUnclosed"/>.
/// </summary>
public readonly record struct Quotation(TextSpan Span, TextSpan Content, QuoteFamily Family, int Depth, bool IsUnclosed)
{
    /// <summary>A source's words: introduced or followed by a speech verb, or a quoted full clause.</summary>
    public bool IsDirectSpeech { get; init; }
}
