using System.Text.Json;
using NJsonSchema;
using TextLint.Diagnostics;
using TextLint.Output.Json;
using TextLint.Text;

namespace TextLint.Output.Tests.Json;

public class JsonReportWriterTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepoRoot, "docs", "textlint-report.schema.json")));

    private static string Report(params SourceText[] sources) =>
        Reports.Write((s, _) => new JsonReportWriter(s), sources.Select(Reports.Lint), notifications:
            [new ConfigurationDiagnostic("TL9020", Severity.Error, "missing.txt", 0, 0, "No such file or folder: 'missing.txt'.")]);

    [Fact]
    public async Task Report_IsValidAgainstTheCommittedSchema()
    {
        var schema = await Schema.Value;
        string json = Report(SourceText.From("\tHe reportedly left Kiev 😀; they utilize it.\r\nKiev", "a b/story.txt"), SourceText.From("Nothing here.", "clean.txt"));
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task Schema_RejectsAReportThatDriftsFromIt()
    {
        // The schema is strict (no unknown properties, fixed enums), so a changed writer fails the test above.
        var schema = await Schema.Value;
        string json = Report(SourceText.From("Kiev", "a.txt"));
        Assert.NotEmpty(schema.Validate(json.Replace("\"severity\": \"error\"", "\"severity\": \"fatal\"")));
        Assert.NotEmpty(schema.Validate(json.Replace("\"rule\":", "\"extra\": 1, \"rule\":")));
        Assert.NotEmpty(schema.Validate(json.Replace("\"fix\": {", "\"fixes\": {")));
    }

    [Fact]
    public void Diagnostics_CarryEveryDocumentedField()
    {
        using var doc = JsonDocument.Parse(Report(SourceText.From("😀 They utilize Kiev.", "story.txt")));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var d = root.GetProperty("diagnostics").EnumerateArray().Single(x => x.GetProperty("rule").GetString() == "XT7501");
        Assert.Equal("story.txt", d.GetProperty("file").GetString());
        Assert.Equal((1, 17, 1, 21), (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32()));
        Assert.Equal("Terminology", d.GetProperty("category").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("Use 'Kyiv' instead of 'Kiev'.", d.GetProperty("message").GetString());
        Assert.Equal("Kiev", d.GetProperty("snippet").GetString());
        var fix = d.GetProperty("fix");
        Assert.Equal("safe", fix.GetProperty("safety").GetString());
        var edit = fix.GetProperty("edits")[0];
        Assert.Equal((17, 21, "Kyiv"), (edit.GetProperty("column").GetInt32(), edit.GetProperty("endColumn").GetInt32(), edit.GetProperty("text").GetString()));
        var unsafeFix = root.GetProperty("diagnostics").EnumerateArray().Single(x => x.GetProperty("rule").GetString() == "XT7502").GetProperty("fix");
        Assert.Equal("unsafe", unsafeFix.GetProperty("safety").GetString());
        var emoji = root.GetProperty("diagnostics").EnumerateArray().Single(x => x.GetProperty("rule").GetString() == "XT8001");
        Assert.Equal(JsonValueKind.Null, emoji.GetProperty("fix").ValueKind);
        Assert.Equal(JsonValueKind.Null, emoji.GetProperty("suppression").ValueKind);

        var summary = root.GetProperty("summary");
        Assert.Equal((1, 1, 1, 1), (summary.GetProperty("files").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("infos").GetInt32()));
        Assert.False(summary.GetProperty("executionSuccessful").GetBoolean());
        var note = root.GetProperty("notifications")[0];
        Assert.Equal(("TL9020", "error", "missing.txt"), (note.GetProperty("code").GetString(), note.GetProperty("severity").GetString(), note.GetProperty("file").GetString()));
        Assert.Equal(JsonValueKind.Null, note.GetProperty("line").ValueKind);
    }
}
