using System.Text;
using System.Text.Json.Nodes;
using TextLint.LanguageServer.Protocol;

namespace TextLint.LanguageServer;

/// <summary>An open document: the client's text and version. Its lint result is cached per version.</summary>
internal sealed class OpenDocument(string uri, string path, string text, int version)
{
    public readonly object Gate = new();

    public string Uri { get; } = uri;

    /// <summary>The full path the document is linted as (its file, or a name in the workspace for an unsaved buffer).</summary>
    public string Path { get; } = path;

    public string Text { get; private set; } = text;

    public int Version { get; private set; } = version;

    public Timer? Timer { get; set; }

    public DocumentResult? Result { get; set; }

    public (string Text, int Version) Snapshot()
    {
        lock (Gate) return (Text, Version);
    }

    /// <summary>Applies didChange's content changes in order: a change with a range edits, one without replaces.</summary>
    public void Apply(JsonArray changes, int version, PositionEncoding encoding)
    {
        lock (Gate)
        {
            string text = Text;
            foreach (var change in changes)
            {
                string newText = change.RequireStr("text");
                if (change.Get("range") is not { } range)
                {
                    text = newText;
                    continue;
                }
                var mapper = new PositionMapper(text, encoding);
                int start = Offset(mapper, range.Get("start")), end = Offset(mapper, range.Get("end"));
                if (end < start) (start, end) = (end, start);
                text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
            }
            Text = text;
            Version = version;
        }
    }

    internal static int Offset(PositionMapper mapper, JsonNode? position)
    {
        if (position is null) throw new RpcException(ErrorCodes.InvalidParams, "A position is missing.");
        return mapper.ToOffset(position.RequireInt("line"), position.RequireInt("character"));
    }
}

/// <summary>A document's lint result for one version of its text.</summary>
internal sealed class DocumentResult
{
    public required int Version { get; init; }
    public required string Text { get; init; }
    public required PositionMapper Positions { get; init; }
    public required IWorkspaceLinter? Linter { get; init; }

    /// <summary>Null when the text was not linted (over the size limit, or no usable configuration).</summary>
    public LintOutcome? Outcome { get; init; }

    /// <summary>Why the text was not linted, shown as one diagnostic at its start; null when it was.</summary>
    public string? Skipped { get; init; }

    /// <summary>The LSP diagnostics, built once per result.</summary>
    public JsonArray? Diagnostics { get; set; }
}

/// <summary>file: URIs to paths and back (the client's own URI string is kept for everything sent back).</summary>
internal static class FileUris
{
    public static string? ToPath(string uri)
    {
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var u) || !u.IsFile) return null;
        return u.LocalPath;
    }

    public static string FromPath(string path)
    {
        var sb = new StringBuilder("file://");
        string p = path.Replace('\\', '/');
        if (!p.StartsWith('/')) sb.Append('/');
        foreach (byte b in Encoding.UTF8.GetBytes(p))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
