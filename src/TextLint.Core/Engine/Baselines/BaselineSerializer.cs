using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TextLint.Diagnostics;

namespace TextLint.Engine.Baselines;

/// <summary>
/// The baseline file: indented JSON with a fixed property order, entries sorted, no timestamps or tool
/// versions, so regenerating it for an unchanged tree gives the same bytes and a change reads as a
/// small diff. Reading is strict: a wrong type, a missing or unknown property is an error with line and
/// column (TL9050), because a silently half-read baseline would flood CI with "new" findings.
/// </summary>
public static class BaselineSerializer
{
    public const int Version = 1;
    public const string ErrorCode = NotificationCodes.BaselineInvalid;

    public static byte[] Write(IEnumerable<BaselineEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Version);
            w.WriteStartArray("findings");
            foreach (var e in Baseline.Sort(entries))
            {
                w.WriteStartObject();
                w.WriteString("file", e.File);
                w.WriteString("rule", e.RuleId);
                w.WriteString("text", e.Text);
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteNumber("count", e.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static ImmutableArray<BaselineEntry> Read(string path, byte[] json, List<ConfigurationDiagnostic> errors)
    {
        var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
        // An editor may have saved it with a BOM; offsets below stay those of the file.
        int bom = json.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(json.AsSpan(bom), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject) throw Fail(reader.TokenStartIndex, "The baseline must be a JSON object.");
            bool sawVersion = false, sawFindings = false;
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                long at = reader.TokenStartIndex;
                string name = reader.GetString()!;
                Next(ref reader);
                switch (name)
                {
                    case "version":
                        sawVersion = true;
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int v) || v != Version)
                            throw Fail(reader.TokenStartIndex, $"Unsupported baseline version; this TextLint reads version {Version}. Regenerate it with --update-baseline.");
                        break;
                    case "findings":
                        sawFindings = true;
                        if (reader.TokenType != JsonTokenType.StartArray) throw Fail(reader.TokenStartIndex, "'findings' must be an array.");
                        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                            entries.Add(ReadEntry(ref reader));
                        break;
                    default:
                        throw Fail(at, $"Unknown property '{name}' in the baseline.");
                }
            }
            if (!sawVersion || !sawFindings) throw Fail(0, "The baseline needs 'version' and 'findings'.");
        }
        catch (BaselineFormatException ex)
        {
            var (line, column) = Position(json, bom + ex.Offset);
            errors.Add(new ConfigurationDiagnostic(ErrorCode, Severity.Error, path, line, column, ex.Message));
            return [];
        }
        catch (JsonException ex)
        {
            errors.Add(new ConfigurationDiagnostic(ErrorCode, Severity.Error, path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                "The baseline is not valid JSON: " + CleanMessage(ex.Message)));
            return [];
        }
        return entries.ToImmutable();
    }

    private static BaselineEntry ReadEntry(ref Utf8JsonReader reader)
    {
        long start = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject) throw Fail(start, "Each finding must be an object.");
        string? file = null, rule = null, text = null, fingerprint = null;
        int count = 0;
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            long at = reader.TokenStartIndex;
            string name = reader.GetString()!;
            Next(ref reader);
            if (name == "count")
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out count) || count < 1)
                    throw Fail(reader.TokenStartIndex, "'count' must be a whole number of at least 1.");
                continue;
            }
            if (name is not ("file" or "rule" or "text" or "fingerprint")) throw Fail(at, $"Unknown property '{name}' in a finding.");
            if (reader.TokenType != JsonTokenType.String) throw Fail(reader.TokenStartIndex, $"'{name}' must be a string.");
            string value = reader.GetString()!;
            switch (name)
            {
                case "file": file = value; break;
                case "rule": rule = value; break;
                case "text": text = value; break;
                default: fingerprint = value; break;
            }
        }
        if (file is null || rule is null || fingerprint is null || count == 0)
            throw Fail(start, "A finding needs 'file', 'rule', 'fingerprint' and 'count'.");
        if (!Baseline.TryParseFingerprint(fingerprint, out _))
            throw Fail(start, $"'{fingerprint}' is not a fingerprint (16 hex digits).");
        return new BaselineEntry(file, rule, fingerprint, text ?? "", count);
    }

    private static bool Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw Fail(reader.BytesConsumed, "The baseline ends too early.");
        return true;
    }

    private static BaselineFormatException Fail(long offset, string message) => new(offset, message);

    private sealed class BaselineFormatException(long offset, string message) : Exception(message)
    {
        public long Offset { get; } = offset;
    }

    /// <summary>1-based line and column (in characters) of a byte offset.</summary>
    private static (int Line, int Column) Position(byte[] json, long offset)
    {
        int end = (int)Math.Min(offset, json.Length);
        int line = 1, lineStart = 0;
        for (int i = 0; i < end; i++)
            if (json[i] == (byte)'\n') { line++; lineStart = i + 1; }
        return (line, Encoding.UTF8.GetCharCount(json, lineStart, end - lineStart) + 1);
    }

    private static string CleanMessage(string message)
    {
        // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 5."; the position is reported separately.
        int i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).Trim();
    }
}
