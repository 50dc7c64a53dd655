using NJsonSchema;

namespace TextLint.Output.Tests.Sarif;

/// <summary>The OASIS SARIF 2.1.0 schema from ../shared/sarif, loaded once.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(TestPaths.SarifSchema).GetAwaiter().GetResult());

    /// <summary>Schema errors of a log, one line each; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string json) =>
        Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind} (line {e.LineNumber})").ToList();

    public static void AssertValid(string json)
    {
        var errors = Validate(json);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors));
    }
}
