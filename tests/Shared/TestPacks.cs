namespace TextLint.Tests;

/// <summary>Small rule packs shared by tests in several projects.</summary>
internal static class TestPacks
{
    /// <summary>An existence rule (TL1001, "reportedly") and a substitution with a safe fix (TL7501, Kiev → Kyiv).</summary>
    public const string AttributionAndKyiv = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly]
        ---
        id: TL7501
        title: Kyiv
        message: "Use '{replacement}' instead of '{match}'."
        category: Terminology
        kind: substitution
        swap: {Kiev: Kyiv}
        """;
}
