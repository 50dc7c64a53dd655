using System.Collections.Frozen;

namespace TextLint.Text;

/// <summary>
/// Closed word lists (speech verbs, determiners, pronouns …) as frozen sets, and a lookup by span so a
/// word of the text is tested without allocating a string for it.
/// </summary>
public static class WordSet
{
    /// <summary>The space-separated <paramref name="words"/>, compared without regard to case.</summary>
    public static FrozenSet<string> Of(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="set"/> holds <paramref name="word"/>, by the set's own comparer.</summary>
    public static bool Has(this FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
