using System.Text.Encodings.Web;
using System.Text.Json;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Testing;

namespace TextLint.Cli.Docs;

/// <summary>
/// <c>rules --format json</c> and <c>rules show --format json</c>: a stable, documented shape (see the
/// docs/user-guide.md, "rules --format json"). Every property is always written, null when the rule has no value,
/// in a fixed order; <c>schemaVersion</c> changes only when a property is removed or changes meaning.
/// </summary>
public static class RuleJson
{
    public const int SchemaVersion = 1;

    /// <param name="output">Where the JSON goes.</param>
    /// <param name="rules">The rules, in the order to write them.</param>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="toolVersion">The tool's version.</param>
    /// <param name="severity">Each rule's configured severity (the "severity" property).</param>
    public static void Write(Stream output, IEnumerable<RuleDescriptor> rules, string toolName, string toolVersion, Func<RuleDescriptor, Severity> severity)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            // Rule text is prose in many scripts; keep it readable rather than \u-escaped. The output is
            // JSON for programs, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", toolName);
        w.WriteString("version", toolVersion);
        w.WriteEndObject();
        w.WriteStartArray("rules");
        foreach (var d in rules) WriteRule(w, d, severity(d));
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor d, Severity configured)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("title", d.Title);
        w.WriteString("category", d.Category);
        w.WriteString("defaultSeverity", d.DefaultSeverity.ToDisplayString());
        w.WriteBoolean("enabledByDefault", d.IsEnabledByDefault);
        w.WriteBoolean("preview", d.IsPreview);
        w.WriteString("severity", configured.ToDisplayString());
        w.WriteString("kind", d.Kind);
        w.WriteString("fix", RuleFacts.FixName(d.FixSafety));
        w.WriteString("message", d.MessageFormat);
        w.WriteString("description", d.Description);
        w.WriteString("why", d.Rationale);
        w.WriteString("instead", d.UseInstead);
        w.WriteString("helpUri", d.HelpUri);
        w.WriteStartArray("tags");
        foreach (var t in d.Tags) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteStartArray("yieldsTo");
        foreach (var t in d.YieldsTo) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteStartObject("source");
        w.WriteString("path", d.SourcePath);
        w.WriteNumber("line", d.SourcePosition.Line);
        w.WriteNumber("column", d.SourcePosition.Column);
        w.WriteEndObject();
        w.WriteStartObject("configuration");
        w.WriteString("editorconfigSeverityKey", RuleFacts.EditorConfigIdKey(d));
        w.WriteString("editorconfigCategoryKey", RuleFacts.EditorConfigCategoryKey(d));
        w.WriteStartArray("options");
        foreach (var o in RuleFacts.KindOptions(d))
        {
            w.WriteStartObject();
            w.WriteString("key", o.Key);
            w.WriteString("description", o.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("examples");
        foreach (var e in d.Examples)
        {
            w.WriteStartObject();
            w.WriteString("kind", e.Kind == RuleExampleKind.Bad ? "bad" : "good");
            w.WriteString("markup", e.Text);
            w.WriteString("text", ExampleText.Plain(e.Text));
            // The spans test-rules expects, as UTF-16 offsets into "text".
            w.WriteStartArray("spans");
            foreach (var s in Spans(e.Text))
            {
                w.WriteStartObject();
                w.WriteNumber("start", s.Start);
                w.WriteNumber("length", s.Length);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("fixed", e.Fixed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IEnumerable<Text.TextSpan> Spans(string markup)
    {
        try { return TestMarkup.Parse(markup).Spans; }
        catch (FormatException) { return []; }
    }
}
