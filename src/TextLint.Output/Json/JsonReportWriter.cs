using System.Text.Encodings.Web;
using System.Text.Json;
using TextLint.Diagnostics;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.Json;

/// <summary>
/// <c>--format json</c>: TextLint's own report, simpler than SARIF for scripts (<c>jq</c>) and other tools.
/// The shape is documented and versioned by docs/textlint-report.schema.json: every property is always
/// present (null when it does not apply), positions are 1-based lines and columns counted in UTF-16 code
/// units with the end exclusive, exactly as in SARIF. Streams like <see cref="SarifWriter"/>: one object
/// per finding as files arrive, fixed property order, byte-identical for the same input.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>Bumped only for incompatible changes; new optional properties keep the version.</summary>
    public const int SchemaVersion = 1;

    public const string SchemaUri = "https://github.com/textlint-dotnet/textlint/blob/main/docs/textlint-report.schema.json";

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private int _errors, _warnings, _infos, _hidden, _suppressed, _baselined, _fixed;

    public JsonReportWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Begin(RunInfo run)
    {
        var w = _json;
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", run.ToolName);
        w.WriteString("version", run.ToolVersion);
        w.WriteEndObject();
        w.WriteStartArray("diagnostics");
    }

    public void WriteFile(FileReport file)
    {
        if (file.Fixes is { Written: true } fixes) _fixed += fixes.Applied.Length;
        var source = file.Source;
        var lines = source.Lines;
        var w = _json;
        foreach (var d in file.Diagnostics)
        {
            if (d.Severity == Severity.None) continue;
            if (d.Suppression is not null) _suppressed++;
            else if (d.BaselineState == BaselineState.Unchanged) _baselined++;
            else
            {
                switch (d.Severity)
                {
                    case Severity.Error: _errors++; break;
                    case Severity.Warning: _warnings++; break;
                    case Severity.Info: _infos++; break;
                    default: _hidden++; break;
                }
            }
            w.WriteStartObject();
            w.WriteString("file", source.Path);
            WritePosition(lines, d.Span);
            w.WriteString("rule", d.Id);
            w.WriteString("category", d.Descriptor.Category);
            w.WriteString("severity", d.Severity.ToDisplayString());
            w.WriteString("message", d.Message);
            w.WriteString("snippet", source.Text.AsSpan(d.Span.Start, d.Span.Length));
            w.WriteString("helpUri", d.Descriptor.HelpUri);
            if (d.Suppression is { } s)
            {
                w.WriteStartObject("suppression");
                w.WriteString("kind", s.Kind);
                w.WriteString("justification", s.Justification);
                w.WriteEndObject();
            }
            else w.WriteNull("suppression");
            if (d.BaselineState == BaselineState.None) w.WriteNull("baselineState");
            else w.WriteString("baselineState", d.BaselineState == BaselineState.New ? "new" : "unchanged");
            if (d.Fix is { Edits.IsEmpty: false } fix)
            {
                w.WriteStartObject("fix");
                w.WriteString("description", fix.Title);
                w.WriteString("safety", SarifWriter.FixSafetyName(fix.Safety));
                w.WriteStartArray("edits");
                foreach (var e in fix.Edits)
                {
                    w.WriteStartObject();
                    WritePosition(lines, e.Span);
                    w.WriteString("text", e.NewText);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else w.WriteNull("fix");
            w.WriteEndObject();
        }
        w.Flush();
    }

    private void WritePosition(LineIndex lines, TextSpan span)
    {
        var start = lines.GetLinePosition(span.Start);
        var end = lines.GetLinePosition(span.End);
        _json.WriteNumber("line", start.Line + 1);
        _json.WriteNumber("column", start.Character + 1);
        _json.WriteNumber("endLine", end.Line + 1);
        _json.WriteNumber("endColumn", end.Character + 1);
    }

    public void End(RunSummary summary)
    {
        var w = _json;
        w.WriteEndArray();
        w.WriteStartArray("notifications");
        foreach (var n in summary.ConfigurationNotifications.Concat(summary.ExecutionNotifications))
        {
            w.WriteStartObject();
            w.WriteString("code", n.Code);
            w.WriteString("severity", n.Severity.ToDisplayString());
            if (string.IsNullOrEmpty(n.Path)) w.WriteNull("file");
            else w.WriteString("file", n.Path);
            if (n.Line > 0) w.WriteNumber("line", n.Line); else w.WriteNull("line");
            if (n.Column > 0) w.WriteNumber("column", n.Column); else w.WriteNull("column");
            w.WriteString("message", n.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("files", summary.FileCount);
        w.WriteNumber("errors", _errors);
        w.WriteNumber("warnings", _warnings);
        w.WriteNumber("infos", _infos);
        w.WriteNumber("hidden", _hidden);
        w.WriteNumber("suppressed", _suppressed);
        w.WriteNumber("baselined", _baselined);
        w.WriteNumber("fixed", _fixed);
        w.WriteBoolean("executionSuccessful", summary.ExecutionSuccessful);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        _stream.WriteByte((byte)'\n'); // a text file ends with a line break
        _stream.Flush();
    }

    public void Dispose() => _json.Dispose();
}
