namespace TextLint.Matching;

/// <summary>Collects the literal phrases of every rule while a rule set is compiled.</summary>
public sealed class LiteralRegistry
{
    internal readonly List<LiteralPattern> Patterns = new();
    internal int CurrentRule { get; set; }

    /// <summary>
    /// Registers a phrase. Matching folds case (unless <paramref name="caseSensitive"/>), treats any run
    /// of white space as one space and curly apostrophes as straight ones, and requires word boundaries
    /// at the ends of the phrase that are word characters. <paramref name="payload"/> comes back with
    /// every match, so a rule can tell its phrases apart.
    /// </summary>
    public void Add(string phrase, int payload, bool caseSensitive = false)
    {
        string normalized = LiteralPattern.Normalize(phrase);
        if (normalized.Length == 0) return;
        Patterns.Add(new LiteralPattern(normalized, phrase, CurrentRule, payload, caseSensitive));
    }

    /// <summary>
    /// Registers a phrase that matches anywhere, inside words too, folded as <see cref="Add"/> folds: the
    /// prefilter phrases of a regex (<see cref="RequiredLiterals"/>), whose matches need no boundary.
    /// </summary>
    public void AddSubstring(string phrase, int payload)
    {
        string normalized = LiteralPattern.Normalize(phrase);
        if (normalized.Length == 0) return;
        Patterns.Add(new LiteralPattern(normalized, phrase, CurrentRule, payload, CaseSensitive: false) { WordStart = false, WordEnd = false, Prefilter = true });
    }
}

internal sealed record LiteralPattern(string Folded, string Original, int Rule, int Payload, bool CaseSensitive)
{
    public bool WordStart { get; init; } = CharClass.IsWordChar(Folded[0]);
    public bool WordEnd { get; init; } = CharClass.IsWordChar(Folded[^1]);

    /// <summary>Extracted from a regex to prefilter it (<see cref="LiteralRegistry.AddSubstring"/>), not written in a rule.</summary>
    public bool Prefilter { get; init; }

    public static string Normalize(string phrase)
    {
        var sb = new System.Text.StringBuilder(phrase.Length);
        foreach (char ch in phrase.Trim())
        {
            if (CharClass.IsIgnorable(ch)) continue;
            char f = CharClass.Fold(ch);
            if (f == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            sb.Append(f);
        }
        return sb.ToString();
    }
}

/// <summary>One occurrence of a registered phrase.</summary>
public readonly record struct LiteralMatch(int Start, int End, int Payload)
{
    public Text.TextSpan Span => Text.TextSpan.FromBounds(Start, End);
}
