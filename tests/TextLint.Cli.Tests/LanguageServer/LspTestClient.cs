using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using TextLint.Cli.Commands;
using TextLint.Cli.Configuration;
using TextLint.Cli.Infrastructure;
using TextLint.LanguageServer;

namespace TextLint.Cli.Tests.LanguageServer;

/// <summary>
/// Drives a <see cref="Server"/> in process over two pipes, speaking the framed protocol byte for byte
/// (so framing is exercised as a real client would), with the CLI's own workspace host: the server
/// under test is exactly what <c>dotnet textlint server</c> runs.
/// </summary>
internal sealed class LspTestClient : IDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly Stream _out;
    private readonly Thread _serverThread;
    private readonly Thread _readerThread;
    private readonly BlockingCollection<JsonObject> _inbox = new();
    private readonly List<JsonObject> _seen = new();
    private int _nextId;

    public LspTestClient(string workingDirectory, params string[] serverArgs) : this(CreateHost(workingDirectory, serverArgs), debounceMs: 20) { }

    public LspTestClient(IWorkspaceHost host, int debounceMs = 20)
    {
        _out = _toServer.Writer.AsStream();
        var server = new Server(_toServer.Reader.AsStream(), _fromServer.Writer.AsStream(), host,
            new ServerOptions { Debounce = TimeSpan.FromMilliseconds(debounceMs), Log = Log, ServerVersion = "test" });
        _serverThread = new Thread(() =>
        {
            ExitCode = server.Run();
            _fromServer.Writer.Complete();
        }) { IsBackground = true, Name = "lsp server" };
        _serverThread.Start();
        _readerThread = new Thread(ReadLoop) { IsBackground = true, Name = "lsp client reader" };
        _readerThread.Start();
    }

    public StringWriter Log { get; } = new();

    public int? ExitCode { get; private set; }

    public static IWorkspaceHost CreateHost(string workingDirectory, params string[] args)
    {
        var ctx = new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = workingDirectory };
        return ServerCommand.CreateHost(args, ctx);
    }

    public static string Uri(string path) => new System.Uri(path).AbsoluteUri;

    /// <summary>initialize + initialized with the given client capabilities; returns the initialize result.</summary>
    public JsonNode Initialize(string root, JsonObject? capabilities = null, JsonObject? initializationOptions = null)
    {
        var p = new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = Uri(root),
            ["capabilities"] = capabilities ?? new JsonObject(),
        };
        if (initializationOptions is not null) p["initializationOptions"] = initializationOptions;
        var result = Request("initialize", p);
        Notify("initialized", new JsonObject());
        return result!;
    }

    public void Open(string path, string text, int version = 1, string? languageId = null) =>
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = Uri(path),
                ["languageId"] = languageId ?? (path.EndsWith(".md", StringComparison.Ordinal) ? "markdown" : "plaintext"),
                ["version"] = version,
                ["text"] = text,
            },
        });

    public JsonNode? Request(string method, JsonNode? @params, TimeSpan? timeout = null)
    {
        var response = RequestRaw(method, @params, timeout);
        if (response["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return response["result"];
    }

    public JsonObject RequestRaw(string method, JsonNode? @params, TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = @params }.ToJsonString());
        return WaitFor(m => m["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number && (int)m["id"]! == id && m["method"] is null, timeout);
    }

    public int SendRequest(string method, JsonNode? @params)
    {
        int id = Interlocked.Increment(ref _nextId);
        SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = @params }.ToJsonString());
        return id;
    }

    public void Notify(string method, JsonNode? @params) =>
        SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = @params }.ToJsonString());

    /// <summary>Sends a body with a correct Content-Length header.</summary>
    public void SendRaw(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        SendBytes([.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes]);
    }

    public void SendBytes(byte[] bytes)
    {
        _out.Write(bytes);
        _out.Flush();
    }

    public void CloseInput() => _toServer.Writer.Complete();

    /// <summary>The next message (in arrival order, including ones seen before but not yet matched) that satisfies <paramref name="match"/>.</summary>
    public JsonObject WaitFor(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        lock (_seen)
        {
            int i = _seen.FindIndex(m => match(m));
            if (i >= 0)
            {
                var found = _seen[i];
                _seen.RemoveAt(i);
                return found;
            }
        }
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_inbox.TryTake(out var m, left))
                throw new TimeoutException($"No matching message from the server. Unmatched: {string.Join("\n", _seen.Select(s => s.ToJsonString()))}\nLog: {Log}");
            if (match(m)) return m;
            lock (_seen) _seen.Add(m);
        }
    }

    /// <summary>The next publishDiagnostics for the document (optionally of a version).</summary>
    public JsonObject Diagnostics(string path, int? version = null, TimeSpan? timeout = null)
    {
        string uri = Uri(path);
        return WaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri
            && (version is null || (int?)m["params"]!["version"] == version), timeout)["params"]!.AsObject();
    }

    public bool WaitForExit(TimeSpan timeout) => _serverThread.Join(timeout);

    private void ReadLoop()
    {
        using var input = _fromServer.Reader.AsStream();
        var reader = new TextLint.LanguageServer.Protocol.MessageReader(input, 1L << 30);
        try
        {
            while (reader.Read() is { } body) _inbox.Add(JsonNode.Parse(body)!.AsObject());
        }
        catch (Exception ex)
        {
            Log.WriteLine($"client reader stopped: {ex}");
        }
    }

    public void Dispose()
    {
        try { _toServer.Writer.Complete(); } catch (InvalidOperationException) { }
        _serverThread.Join(TimeSpan.FromSeconds(10));
    }
}
