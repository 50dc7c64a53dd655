namespace TextLint.Documents;

/// <summary>
/// The part of a document a rule looks at (the YAML key <c>scope</c>). A finding must lie inside one unit
/// of its rule's scope; kinds that count or compare (metric, occurrence, repetition, boilerplate) also
/// use the scope as their unit.
/// </summary>
public enum RuleScope
{
    /// <summary>The whole text.</summary>
    Document,

    /// <summary>The article's title (first non-empty line of plain text; the first heading in Markdown).</summary>
    Title,

    /// <summary>Each paragraph: blank-line separated blocks, or each line of one-paragraph-per-line text.</summary>
    Paragraph,

    /// <summary>Each sentence.</summary>
    Sentence,

    /// <summary>Each non-blank line, trimmed.</summary>
    Line,

    /// <summary>Each quotation, with its quote marks.</summary>
    Quote,

    /// <summary>Each heading, and the title.</summary>
    Heading,
}

/// <summary>
/// Whether a rule fires inside direct speech (the YAML key <c>speech</c>). By default it does not: a
/// source's own words ("the Kiev regime", he said) are reporting, not the writer's label.
/// </summary>
public enum SpeechMode
{
    /// <summary>Findings inside direct speech or quoted blocks are dropped (the default).</summary>
    Exclude,

    /// <summary>Findings are reported wherever they are.</summary>
    Include,

    /// <summary>Only findings inside direct speech are reported.</summary>
    Only,
}

public static class RuleScopeNames
{
    public static string Name(this RuleScope scope) => scope.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out RuleScope scope)
    {
        foreach (var s in Enum.GetValues<RuleScope>())
        {
            if (s.Name() == text) { scope = s; return true; }
        }
        scope = RuleScope.Document;
        return false;
    }

    public static bool TryParseSpeech(string text, out SpeechMode mode)
    {
        switch (text)
        {
            case "exclude": mode = SpeechMode.Exclude; return true;
            case "include": mode = SpeechMode.Include; return true;
            case "only": mode = SpeechMode.Only; return true;
        }
        mode = SpeechMode.Exclude;
        return false;
    }
}
