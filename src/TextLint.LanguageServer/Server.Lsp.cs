using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Diagnostics;
using TextLint.LanguageServer.Protocol;
using TextLint.Text;

namespace TextLint.LanguageServer;

/// <summary>The Language Server Protocol methods: lifecycle, text sync, diagnostics, code actions, hover, configuration.</summary>
public sealed partial class Server
{
    public const string Source = "textlint";
    public const string FixAllKind = "source.fixAll.textlint";
    public const string AddToBaselineCommand = "textlint.addToBaseline";

    private readonly IWorkspaceHost _host;
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FolderState> _folders = new(StringComparer.Ordinal);
    // Replaced, never changed in place: linting threads read it while the reading thread updates it.
    private volatile IReadOnlyList<string> _workspaceFolders = [];
    private readonly SemaphoreSlim _lintGate = new(1, 1);
    private PositionEncoding _encoding = PositionEncoding.Utf16;
    private TimeSpan _debounce;
    private bool _pull;
    private bool _refreshSupport;
    private bool _watchRegistration;
    private int _generation;

    /// <summary>The negotiated position encoding (tests).</summary>
    public PositionEncoding Encoding => _encoding;

    /// <summary>A workspace folder's configurations: the one in use (the last good one) and the problems of the latest attempt.</summary>
    private sealed class FolderState
    {
        public WorkspaceConfiguration? Good;
        public HashSet<string> FlaggedUris = new(StringComparer.Ordinal);
        public int LintTimeProblemCount;
    }

    private JsonNode Initialize(JsonNode? p)
    {
        var caps = p.Get("capabilities");
        var offered = caps.Get("general").Get("positionEncodings") as JsonArray;
        _encoding = PositionEncodings.Negotiate(offered?.Select(n => n.Str()));
        var options = p.Get("initializationOptions");
        ApplySettings(options);
        string? mode = options.Get("diagnosticMode").Str();
        _pull = mode == "pull" || (mode != "push" && caps.Get("textDocument").Get("diagnostic") is JsonObject);
        _refreshSupport = caps.Get("workspace").Get("diagnostics").Get("refreshSupport").Bool() == true;
        _watchRegistration = caps.Get("workspace").Get("didChangeWatchedFiles").Get("dynamicRegistration").Bool() == true;

        if (p.Get("workspaceFolders") is JsonArray folders)
        {
            foreach (var f in folders)
                if (f.Get("uri").Str() is { } uri && FileUris.ToPath(uri) is { } path) AddFolder(path);
        }
        else if (p.Get("rootUri").Str() is { } rootUri && FileUris.ToPath(rootUri) is { } root) AddFolder(root);
        else if (p.Get("rootPath").Str() is { } rootPath && Path.IsPathFullyQualified(rootPath)) AddFolder(rootPath);

        var capabilities = new JsonObject
        {
            ["positionEncoding"] = _encoding.ToLspName(),
            ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2, ["save"] = new JsonObject { ["includeText"] = false } },
            ["hoverProvider"] = true,
            ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix", FixAllKind), ["resolveProvider"] = false },
            ["executeCommandProvider"] = new JsonObject { ["commands"] = new JsonArray(AddToBaselineCommand) },
            ["workspace"] = new JsonObject { ["workspaceFolders"] = new JsonObject { ["supported"] = true, ["changeNotifications"] = true } },
        };
        if (_pull)
            capabilities["diagnosticProvider"] = new JsonObject { ["identifier"] = Source, ["interFileDependencies"] = false, ["workspaceDiagnostics"] = true };
        _initialized = true;
        Log($"initialized: position encoding {_encoding.ToLspName()}, {(_pull ? "pull" : "push")} diagnostics, debounce {_debounce.TotalMilliseconds:0} ms, folders: {(_workspaceFolders.Count == 0 ? "none" : string.Join(", ", _workspaceFolders))}");
        return new JsonObject
        {
            ["capabilities"] = capabilities,
            ["serverInfo"] = new JsonObject { ["name"] = Source, ["version"] = _options.ServerVersion },
        };
    }

    private void AddFolder(string path)
    {
        string folder = Normalize(path);
        if (!_workspaceFolders.Contains(folder)) _workspaceFolders = [.. _workspaceFolders, folder];
    }

    /// <summary>Settings from initializationOptions or didChangeConfiguration ({"debounce": ms}, optionally under "textlint").</summary>
    private void ApplySettings(JsonNode? settings)
    {
        var s = settings.Get(Source) ?? settings;
        if (s.Get("debounce").Int() is { } ms && ms >= 0 && ms <= 60_000) _debounce = TimeSpan.FromMilliseconds(ms);
    }

    private void HandleNotification(string method, JsonNode? p)
    {
        if (method == "$/cancelRequest") { CancelRequest(p); return; }
        if (!_initialized || _shutdown) return; // notifications before initialize are dropped, as LSP says
        switch (method)
        {
            case "initialized":
                if (_watchRegistration) RegisterWatchers();
                foreach (string folder in _workspaceFolders) Folder(folder);
                break;
            case "textDocument/didOpen": DidOpen(p); break;
            case "textDocument/didChange": DidChange(p); break;
            case "textDocument/didClose": DidClose(p); break;
            case "workspace/didChangeWatchedFiles": Reload("watched files changed"); break;
            case "workspace/didChangeConfiguration":
                ApplySettings(p.Get("settings"));
                Reload("the configuration changed");
                break;
            case "workspace/didChangeWorkspaceFolders":
                foreach (var f in p.Get("event").Get("added") as JsonArray ?? [])
                    if (f.Get("uri").Str() is { } uri && FileUris.ToPath(uri) is { } path) AddFolder(path);
                foreach (var f in p.Get("event").Get("removed") as JsonArray ?? [])
                    if (f.Get("uri").Str() is { } uri && FileUris.ToPath(uri) is { } path) _workspaceFolders = _workspaceFolders.Where(x => x != Normalize(path)).ToList();
                Reload("workspace folders changed");
                break;
            default:
                // textDocument/didSave, $/setTrace, ...: nothing to do. Unknown notifications are ignored, as LSP says.
                break;
        }
    }

    private Func<JsonNode?> RequestHandler(string method, JsonNode? p, CancellationToken cancellation) => method switch
    {
        "textDocument/diagnostic" => () => DocumentDiagnostic(p, cancellation),
        "workspace/diagnostic" => () => WorkspaceDiagnostic(p, cancellation),
        "textDocument/codeAction" => () => CodeActions(p, cancellation),
        "textDocument/hover" => () => Hover(p, cancellation),
        "workspace/executeCommand" => () => ExecuteCommand(p, cancellation),
        _ => throw new RpcException(ErrorCodes.MethodNotFound, $"Unknown method '{method}'."),
    };

    private void RegisterWatchers()
    {
        var watchers = new JsonArray();
        foreach (string glob in new[] { "**/.editorconfig", "**/textlint.yaml", "**/*.yaml", "**/*.yml", "**/*.json" })
            watchers.Add((JsonNode)new JsonObject { ["globPattern"] = glob });
        SendRequest("client/registerCapability", new JsonObject
        {
            ["registrations"] = new JsonArray(new JsonObject
            {
                ["id"] = "textlint-watch",
                ["method"] = "workspace/didChangeWatchedFiles",
                ["registerOptions"] = new JsonObject { ["watchers"] = watchers },
            }),
        });
    }

    // ----- documents -----

    private void DidOpen(JsonNode? p)
    {
        var td = p.Get("textDocument");
        string uri = td.RequireStr("uri");
        string text = td.RequireStr("text");
        int version = td.Get("version").Int() ?? 0;
        var doc = new OpenDocument(uri, PathFor(uri, td.Get("languageId").Str()), text, version);
        if (_documents.TryRemove(uri, out var old)) old.Timer?.Dispose();
        _documents[uri] = doc;
        Schedule(doc, TimeSpan.Zero);
    }

    private void DidChange(JsonNode? p)
    {
        var td = p.Get("textDocument");
        string uri = td.RequireStr("uri");
        if (!_documents.TryGetValue(uri, out var doc))
        {
            Log($"didChange for a document that is not open: {uri}");
            return;
        }
        if (p.Get("contentChanges") is not JsonArray changes) throw new RpcException(ErrorCodes.InvalidParams, "'contentChanges' must be an array.");
        doc.Apply(changes, td.Get("version").Int() ?? doc.Version + 1, _encoding);
        Schedule(doc, _debounce);
    }

    private void DidClose(JsonNode? p)
    {
        string uri = p.Get("textDocument").RequireStr("uri");
        if (!_documents.TryRemove(uri, out var doc)) return;
        lock (doc.Gate)
        {
            doc.Timer?.Dispose();
            doc.Timer = null;
        }
        if (!_pull) Publish(uri, null, new JsonArray());
    }

    /// <summary>The path a document is linted as: its file, or for an unsaved buffer a name in the first workspace folder.</summary>
    private string PathFor(string uri, string? languageId)
    {
        if (FileUris.ToPath(uri) is { } path) return Normalize(path);
        string folder = _workspaceFolders.FirstOrDefault() ?? Directory.GetCurrentDirectory();
        return Path.Combine(folder, languageId == "markdown" ? "untitled.md" : "untitled.txt");
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private void Schedule(OpenDocument doc, TimeSpan delay)
    {
        if (_pull) return; // the client asks when it wants them
        lock (doc.Gate)
        {
            doc.Timer ??= new Timer(static state => ((Server)((object[])state!)[0]).PushDiagnostics((OpenDocument)((object[])state!)[1]), new object[] { this, doc }, Timeout.Infinite, Timeout.Infinite);
            doc.Timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void StopTimers()
    {
        foreach (var doc in _documents.Values)
            lock (doc.Gate) doc.Timer?.Change(Timeout.Infinite, Timeout.Infinite);
    }

    private void PushDiagnostics(OpenDocument doc)
    {
        try
        {
            if (_shutdown) return;
            var result = Lint(doc, CancellationToken.None);
            var items = DiagnosticsOf(result);
            lock (doc.Gate)
            {
                // A newer version is on its way (its timer is set): never show findings at stale positions.
                if (doc.Version != result.Version || !_documents.ContainsKey(doc.Uri)) return;
                Publish(doc.Uri, result.Version, (JsonArray)items.DeepClone());
            }
        }
        catch (Exception ex)
        {
            Log($"linting {doc.Uri} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Publish(string uri, int? version, JsonArray diagnostics)
    {
        var p = new JsonObject { ["uri"] = uri };
        if (version is { } v) p["version"] = v;
        p["diagnostics"] = diagnostics;
        SendNotification("textDocument/publishDiagnostics", p);
    }

    /// <summary>The document's lint result for its current text: cached per version, else linted now (one lint at a time).</summary>
    private DocumentResult Lint(OpenDocument doc, CancellationToken cancellation)
    {
        var (text, version) = doc.Snapshot();
        lock (doc.Gate)
            if (doc.Result is { } cached && cached.Version == version && ReferenceEquals(cached.Text, text)) return cached;
        var folder = Folder(FolderFor(doc.Path));
        var linter = folder.Good?.Linter;
        _lintGate.Wait(cancellation);
        DocumentResult result;
        try
        {
            lock (doc.Gate)
                if (doc.Result is { } cached && cached.Version == version && ReferenceEquals(cached.Text, text)) return cached;
            var positions = new PositionMapper(text, _encoding);
            if (linter is null)
                result = new DocumentResult { Version = version, Text = text, Positions = positions, Linter = null, Skipped = "Not linted: the TextLint configuration has errors (see the Problems of the configuration files)." };
            else if (System.Text.Encoding.UTF8.GetByteCount(text) is var bytes && bytes > linter.MaxFileSize)
                result = new DocumentResult
                {
                    Version = version, Text = text, Positions = positions, Linter = linter,
                    Skipped = $"Not linted: the document is {bytes:N0} bytes, over the {linter.MaxFileSize:N0}-byte limit (--max-file-size).",
                };
            else
                result = new DocumentResult { Version = version, Text = text, Positions = positions, Linter = linter, Outcome = linter.Lint(doc.Path, text) };
            result.Diagnostics = BuildDiagnostics(result);
        }
        finally
        {
            _lintGate.Release();
        }
        lock (doc.Gate)
            if (doc.Result is null || doc.Result.Version <= version) doc.Result = result;
        if (linter is not null && folder.Good is { } good && linter.LintTimeProblems.Count != folder.LintTimeProblemCount)
        {
            folder.LintTimeProblemCount = linter.LintTimeProblems.Count;
            ReportProblems(folder, good, good.Problems.Concat(linter.LintTimeProblems).ToList());
        }
        return result;
    }

    private static JsonArray DiagnosticsOf(DocumentResult result) => result.Diagnostics ??= BuildDiagnostics(result);

    /// <summary>The findings an editor shows: not suppressed in the source, not known to the baseline, not switched off.</summary>
    internal static IEnumerable<Diagnostic> Visible(DocumentResult result) =>
        result.Outcome?.Diagnostics.Where(d => d.Severity != Severity.None && d.Suppression is null && d.BaselineState != BaselineState.Unchanged) ?? [];

    private static JsonArray BuildDiagnostics(DocumentResult result)
    {
        var items = new JsonArray();
        if (result.Skipped is { } why)
        {
            items.Add((JsonNode)new JsonObject
            {
                ["range"] = Range(result.Positions, 0, 0),
                ["severity"] = 2,
                ["code"] = result.Linter is null ? "TL9001" : "TL9022",
                ["source"] = Source,
                ["message"] = why,
            });
            return items;
        }
        foreach (var n in result.Outcome!.Notifications)
        {
            int at = n.Line > 0 ? result.Positions.Lines.GetOffset(new LinePosition(n.Line - 1, Math.Max(0, n.Column - 1))) : 0;
            items.Add((JsonNode)new JsonObject
            {
                ["range"] = Range(result.Positions, at, at),
                ["severity"] = SeverityOf(n.Severity),
                ["code"] = n.Code,
                ["source"] = Source,
                ["message"] = n.Message,
            });
        }
        foreach (var d in Visible(result)) items.Add((JsonNode)ToLsp(d, result.Positions));
        return items;
    }

    internal static JsonObject ToLsp(Diagnostic d, PositionMapper positions)
    {
        var o = new JsonObject
        {
            ["range"] = Range(positions, d.Span.Start, d.Span.End),
            ["severity"] = SeverityOf(d.Severity),
            ["code"] = d.Id,
        };
        if (d.Descriptor.HelpUri is { } help && Uri.TryCreate(help, UriKind.Absolute, out _))
            o["codeDescription"] = new JsonObject { ["href"] = help };
        o["source"] = Source;
        o["message"] = d.Message;
        // Faded, as editors show unused code: hidden findings, and scraped boilerplate that should go.
        if (d.Severity == Severity.Hidden || d.Descriptor.Kind == "boilerplate") o["tags"] = new JsonArray(1);
        return o;
    }

    private static int SeverityOf(Severity s) => s switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        Severity.Info => 3,
        _ => 4,
    };

    internal static JsonObject Range(PositionMapper positions, int start, int end) =>
        new() { ["start"] = Position(positions, start), ["end"] = Position(positions, end) };

    private static JsonObject Position(PositionMapper positions, int offset)
    {
        var (line, character) = positions.ToPosition(offset);
        return new JsonObject { ["line"] = line, ["character"] = character };
    }

    // ----- pull diagnostics -----

    private string ResultId(DocumentResult r) => $"{Volatile.Read(ref _generation)}:{r.Version}:{RuntimeHelpersHash(r.Text)}";

    private static int RuntimeHelpersHash(string text) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(text);

    private JsonNode DocumentDiagnostic(JsonNode? p, CancellationToken cancellation)
    {
        string uri = p.Get("textDocument").RequireStr("uri");
        if (!_documents.TryGetValue(uri, out var doc))
            return new JsonObject { ["kind"] = "full", ["items"] = new JsonArray() }; // not open: nothing to say about it
        var result = Lint(doc, cancellation);
        string id = ResultId(result);
        if (p.Get("previousResultId").Str() == id) return new JsonObject { ["kind"] = "unchanged", ["resultId"] = id };
        return new JsonObject { ["kind"] = "full", ["resultId"] = id, ["items"] = DiagnosticsOf(result).DeepClone() };
    }

    private JsonNode WorkspaceDiagnostic(JsonNode? p, CancellationToken cancellation)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in p.Get("previousResultIds") as JsonArray ?? [])
            if (r.Get("uri").Str() is { } u && r.Get("value").Str() is { } v) previous[u] = v;
        var items = new JsonArray();
        foreach (var doc in _documents.Values.OrderBy(d => d.Uri, StringComparer.Ordinal))
        {
            cancellation.ThrowIfCancellationRequested();
            var result = Lint(doc, cancellation);
            string id = ResultId(result);
            var report = new JsonObject { ["uri"] = doc.Uri, ["version"] = result.Version };
            if (previous.GetValueOrDefault(doc.Uri) == id)
            {
                report["kind"] = "unchanged";
                report["resultId"] = id;
            }
            else
            {
                report["kind"] = "full";
                report["resultId"] = id;
                report["items"] = DiagnosticsOf(result).DeepClone();
            }
            items.Add((JsonNode)report);
        }
        return new JsonObject { ["items"] = items };
    }

    // ----- code actions -----

    private JsonNode CodeActions(JsonNode? p, CancellationToken cancellation)
    {
        string uri = p.Get("textDocument").RequireStr("uri");
        if (!_documents.TryGetValue(uri, out var doc)) return new JsonArray();
        var result = Lint(doc, cancellation);
        if (result.Outcome is null) return new JsonArray();
        var range = p.Get("range");
        int start = OpenDocument.Offset(result.Positions, range.Get("start")), end = OpenDocument.Offset(result.Positions, range.Get("end"));
        var only = (p.Get("context").Get("only") as JsonArray)?.Select(n => n.Str()).OfType<string>().ToList();
        bool Wanted(string kind) => only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

        var actions = new JsonArray();
        var visible = Visible(result).ToList();
        if (Wanted("quickfix"))
        {
            foreach (var d in visible)
            {
                if (d.Span.Start > end || d.Span.End < start) continue;
                var diagnostic = new JsonArray(ToLsp(d, result.Positions));
                if (d.Fix is { } fix && fix.Safety != FixSafety.None)
                {
                    bool safe = fix.Safety == FixSafety.Safe;
                    var action = new JsonObject
                    {
                        ["title"] = safe ? $"{fix.Title} ({d.Id})" : $"{fix.Title} ({d.Id}, unsafe: check that the meaning is kept)",
                        ["kind"] = "quickfix",
                        ["diagnostics"] = diagnostic.DeepClone(),
                        ["edit"] = Edit(uri, result, fix.Edits),
                    };
                    if (safe) action["isPreferred"] = true;
                    actions.Add((JsonNode)action);
                }
                actions.Add((JsonNode)new JsonObject
                {
                    ["title"] = $"Suppress {d.Id} on this line (textlint-disable-next-line comment)",
                    ["kind"] = "quickfix",
                    ["diagnostics"] = diagnostic.DeepClone(),
                    ["edit"] = Edit(uri, result, [SuppressionEdit(result, d)]),
                });
                if (result.Linter?.BaselinePath is { } baseline && d.BaselineState == BaselineState.New)
                {
                    actions.Add((JsonNode)new JsonObject
                    {
                        ["title"] = $"Add this {d.Id} finding to the baseline ({Path.GetFileName(baseline)})",
                        ["kind"] = "quickfix",
                        ["diagnostics"] = diagnostic.DeepClone(),
                        ["command"] = new JsonObject
                        {
                            ["title"] = "Add to baseline",
                            ["command"] = AddToBaselineCommand,
                            ["arguments"] = new JsonArray(uri, result.Version, d.Id, d.Span.Start, d.Span.End),
                        },
                    });
                }
            }
        }
        if (Wanted(FixAllKind))
        {
            var fixes = FixApplier.Apply(result.Text, visible.Where(d => d.Fix is { Safety: FixSafety.Safe }).Select(d => d.Fix!), FixSafety.Safe);
            if (fixes.Applied.Length > 0)
                actions.Add((JsonNode)new JsonObject
                {
                    ["title"] = $"Fix all safe textlint fixes in this file ({fixes.Applied.Length})",
                    ["kind"] = FixAllKind,
                    ["edit"] = Edit(uri, result, fixes.Applied.SelectMany(f => f.Edits)),
                });
        }
        return actions;
    }

    private static JsonObject Edit(string uri, DocumentResult result, IEnumerable<TextEdit> edits)
    {
        var list = new JsonArray();
        foreach (var e in edits.OrderBy(e => e.Span.Start))
            list.Add((JsonNode)new JsonObject { ["range"] = Range(result.Positions, e.Span.Start, e.Span.End), ["newText"] = e.NewText });
        return new JsonObject { ["changes"] = new JsonObject { [uri] = list } };
    }

    /// <summary>The placeholder a suppression comment carries until its author says why.</summary>
    public const string SuppressionReasonPlaceholder = "TODO: say why this is fine";

    /// <summary>A <c>textlint-disable-next-line</c> comment on its own line above the finding's first line, indented like it.</summary>
    private static TextEdit SuppressionEdit(DocumentResult result, Diagnostic d)
    {
        string text = result.Text;
        var lines = result.Positions.Lines;
        int line = lines.GetLineFromOffset(d.Span.Start);
        int lineStart = lines.GetLineStart(line);
        int indent = lineStart;
        while (indent < text.Length && text[indent] is ' ' or '\t') indent++;
        string newline = lines.Newlines.HasFlag(NewlineKinds.CrLf) ? "\r\n" : lines.Newlines == NewlineKinds.Cr ? "\r" : "\n";
        string comment = $"{text[lineStart..indent]}<!-- textlint-disable-next-line {d.Id} -- {SuppressionReasonPlaceholder} -->{newline}";
        return new TextEdit(new TextSpan(lineStart, 0), comment);
    }

    private JsonNode? ExecuteCommand(JsonNode? p, CancellationToken cancellation)
    {
        string command = p.RequireStr("command");
        if (command != AddToBaselineCommand) throw new RpcException(ErrorCodes.InvalidParams, $"Unknown command '{command}'.");
        var args = p.Get("arguments") as JsonArray;
        string? uri = args?.ElementAtOrDefault(0).Str();
        string? id = args?.ElementAtOrDefault(2).Str();
        int? start = args?.ElementAtOrDefault(3).Int(), end = args?.ElementAtOrDefault(4).Int();
        if (uri is null || id is null || start is null || end is null)
            throw new RpcException(ErrorCodes.InvalidParams, $"{AddToBaselineCommand} needs [uri, version, ruleId, start, end].");
        if (!_documents.TryGetValue(uri, out var doc)) throw new RpcException(ErrorCodes.InvalidParams, $"The document is not open: {uri}");
        var result = Lint(doc, cancellation);
        var finding = Visible(result).FirstOrDefault(d => d.Id == id && d.Span.Start == start && d.Span.End == end)
            ?? throw new RpcException(ErrorCodes.RequestFailed, "The finding is no longer there; the document has changed.");
        if (result.Linter?.AddToBaseline(doc.Path, result.Outcome!.Source, finding) is { } error)
        {
            SendNotification("window/showMessage", new JsonObject { ["type"] = 1, ["message"] = $"textlint: {error}" });
            throw new RpcException(ErrorCodes.RequestFailed, error);
        }
        Reload("the baseline changed");
        return null;
    }

    // ----- hover -----

    private JsonNode? Hover(JsonNode? p, CancellationToken cancellation)
    {
        string uri = p.Get("textDocument").RequireStr("uri");
        if (!_documents.TryGetValue(uri, out var doc)) return null;
        var result = Lint(doc, cancellation);
        int offset = OpenDocument.Offset(result.Positions, p.Get("position"));
        var here = Visible(result).Where(d => d.Span.Start <= offset && (offset < d.Span.End || d.Span.Start == d.Span.End && offset == d.Span.End)).ToList();
        if (here.Count == 0) return null;
        var md = new StringBuilder();
        foreach (var d in here)
        {
            if (md.Length > 0) md.Append("\n\n---\n\n");
            var r = d.Descriptor;
            md.Append("**").Append(r.Id).Append(": ").Append(Escape(r.Title)).Append("** (").Append(r.Category).Append(", ").Append(d.Severity.ToDisplayString()).Append(")\n\n");
            md.Append(Escape(d.Message));
            string? why = r.Rationale ?? (string.IsNullOrWhiteSpace(r.Description) ? null : r.Description);
            if (why is not null) md.Append("\n\n**Why:** ").Append(why.Trim());
            if (r.UseInstead is { } instead) md.Append("\n\n**Write instead:** ").Append(instead.Trim());
            if (d.Fix is { } fix && fix.Safety != FixSafety.None)
                md.Append("\n\n**Fix:** ").Append(Escape(fix.Title)).Append(fix.Safety == FixSafety.Unsafe ? " (unsafe: check the meaning)" : "");
            if (r.HelpUri is { } help) md.Append("\n\n[").Append(r.Id).Append(" documentation](").Append(help).Append(')');
        }
        var first = here[0];
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = md.ToString() },
            ["range"] = Range(result.Positions, first.Span.Start, first.Span.End),
        };
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    // ----- configuration -----

    private string FolderFor(string path)
    {
        string? best = null;
        foreach (string f in _workspaceFolders)
            if ((path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == f) && (best is null || f.Length > best.Length))
                best = f;
        return best ?? Path.GetDirectoryName(path) ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The folder's state, its configuration loaded on first use.</summary>
    private FolderState Folder(string folder)
    {
        lock (_folders)
        {
            if (_folders.TryGetValue(folder, out var state)) return state;
            state = new FolderState();
            _folders[folder] = state;
            LoadInto(folder, state);
            return state;
        }
    }

    private void LoadInto(string folder, FolderState state)
    {
        WorkspaceConfiguration config;
        try
        {
            config = _host.Load(folder);
        }
        catch (Exception ex)
        {
            config = new WorkspaceConfiguration
            {
                Folder = folder,
                Problems = [new ConfigurationDiagnostic("TL9029", Severity.Error, folder, 0, 0, $"Internal error while loading the configuration ({ex.GetType().Name}: {ex.Message}).")],
            };
        }
        state.LintTimeProblemCount = 0;
        ReportProblems(state, config, config.Problems);
        if (!config.Failed)
        {
            state.Good = config;
            return;
        }
        var errors = config.Problems.Where(p => p.Severity == Severity.Error).ToList();
        string first = errors.FirstOrDefault()?.ToString() ?? "the configuration could not be loaded.";
        string keeping = state.Good is null ? "Nothing is linted until it is fixed." : "Still linting with the last good configuration.";
        SendNotification("window/showMessage", new JsonObject
        {
            ["type"] = 1,
            ["message"] = $"textlint: {errors.Count} {(errors.Count == 1 ? "error" : "errors")} in the configuration of {folder}. {keeping} {first}",
        });
    }

    /// <summary>Publishes the configuration's problems on the files they are in (clearing files that no longer have any).</summary>
    private void ReportProblems(FolderState state, WorkspaceConfiguration config, IReadOnlyList<ConfigurationDiagnostic> problems)
    {
        var byUri = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            if (config.ResolvePath(problem.Path) is not { } full) continue;
            string uri = FileUris.FromPath(full);
            if (!byUri.TryGetValue(uri, out var list)) byUri[uri] = list = new JsonArray();
            list.Add((JsonNode)ConfigurationProblem(problem, full));
        }
        foreach (string gone in state.FlaggedUris.Where(u => !byUri.ContainsKey(u)).ToList())
            Publish(gone, null, new JsonArray());
        foreach (var (uri, list) in byUri) Publish(uri, null, list);
        state.FlaggedUris = byUri.Keys.ToHashSet(StringComparer.Ordinal);
    }

    private JsonObject ConfigurationProblem(ConfigurationDiagnostic problem, string fullPath)
    {
        JsonObject range;
        try
        {
            // The parsers count columns in UTF-16 units; the client may count otherwise.
            string text = File.Exists(fullPath) && new FileInfo(fullPath).Length < 16 << 20 ? File.ReadAllText(fullPath) : "";
            var positions = new PositionMapper(text, _encoding);
            int at = problem.Line > 0 ? positions.Lines.GetOffset(new LinePosition(problem.Line - 1, Math.Max(0, problem.Column - 1))) : 0;
            var lineSpan = positions.Lines.GetLineSpan(positions.Lines.GetLineFromOffset(at), text);
            range = Range(positions, at, problem.Line > 0 ? Math.Max(at, lineSpan.End) : at);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var pos = new JsonObject { ["line"] = Math.Max(0, problem.Line - 1), ["character"] = Math.Max(0, problem.Column - 1) };
            range = new JsonObject { ["start"] = pos, ["end"] = pos.DeepClone() };
        }
        return new JsonObject
        {
            ["range"] = range,
            ["severity"] = SeverityOf(problem.Severity),
            ["code"] = problem.Code,
            ["source"] = Source,
            ["message"] = problem.Message,
        };
    }

    /// <summary>Re-resolves every folder's configuration (keeping the last good one when the new one is broken) and lints every open document again.</summary>
    private void Reload(string why)
    {
        Log($"reloading the configuration: {why}");
        lock (_folders)
        {
            foreach (string folder in _workspaceFolders) if (!_folders.ContainsKey(folder)) _folders[folder] = new FolderState();
            foreach (var (folder, state) in _folders) LoadInto(folder, state);
        }
        Interlocked.Increment(ref _generation);
        foreach (var doc in _documents.Values)
        {
            lock (doc.Gate) doc.Result = null;
            Schedule(doc, TimeSpan.Zero);
        }
        if (_pull && _refreshSupport) SendRequest("workspace/diagnostic/refresh", null);
    }
}
