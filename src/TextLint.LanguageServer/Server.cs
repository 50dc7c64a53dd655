using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLint.LanguageServer.Protocol;

namespace TextLint.LanguageServer;

/// <summary>How the server is started (from the command line).</summary>
public sealed record ServerOptions
{
    /// <summary>The pause after the last edit before a document is linted and its diagnostics pushed.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(DefaultDebounceMilliseconds);

    public const int DefaultDebounceMilliseconds = 150;

    /// <summary>The largest JSON-RPC message read (larger ones are skipped with a ParseError).</summary>
    public long MaxMessageLength { get; init; } = 256L * 1024 * 1024;

    /// <summary>Where the server writes its log lines (stderr: editors keep it in their LSP log).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    public string ServerVersion { get; init; } = "0.0.0";
}

/// <summary>
/// The JSON-RPC 2.0 side of the server: reads framed messages, dispatches them, writes responses and
/// notifications. Notifications run in order on the reading thread (text sync must), requests on the
/// thread pool so <c>$/cancelRequest</c> can reach them. Nothing a client sends ends the server except
/// <c>exit</c> or the end of its input.
/// </summary>
public sealed partial class Server
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly ServerOptions _options;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly CountdownEvent _running = new(1);
    private int _nextOutgoingId;
    private volatile bool _initialized;
    private volatile bool _shutdown;

    public Server(Stream input, Stream output, IWorkspaceHost host, ServerOptions? options = null)
    {
        _options = options ?? new ServerOptions();
        _reader = new MessageReader(input, _options.MaxMessageLength);
        _writer = new MessageWriter(output);
        _host = host;
        _debounce = _options.Debounce;
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; the process exit code (0 after shutdown, else 1, as LSP says).</summary>
    public int Run()
    {
        try
        {
            while (true)
            {
                byte[]? body;
                try
                {
                    body = _reader.Read();
                }
                catch (FramingException ex)
                {
                    Log($"bad message frame: {ex.Message}");
                    SendError(null, ErrorCodes.ParseError, ex.Message);
                    continue;
                }
                if (body is null) break;
                if (!Dispatch(body)) break;
            }
        }
        catch (IOException ex)
        {
            Log($"the connection failed: {ex.Message}");
        }
        finally
        {
            StopTimers();
            foreach (var cts in _pending.Values) cts.Cancel();
            _running.Signal();
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        return _shutdown ? 0 : 1;
    }

    /// <summary>Handles one message; false after <c>exit</c>.</summary>
    private bool Dispatch(byte[] body)
    {
        JsonNode? message;
        try
        {
            message = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            SendError(null, ErrorCodes.ParseError, $"The message is not JSON: {ex.Message}");
            return true;
        }
        if (message is not JsonObject obj)
        {
            SendError(null, ErrorCodes.InvalidRequest, "A JSON-RPC message must be an object.");
            return true;
        }
        var id = obj.Get("id");
        bool hasId = obj.ContainsKey("id");
        if (hasId && id is not null && id.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            SendError(null, ErrorCodes.InvalidRequest, "A request's id must be a number or a string.");
            return true;
        }
        if (obj.Get("method").Str() is not { } method)
        {
            if (obj.ContainsKey("result") || obj.ContainsKey("error")) return true; // a response to one of our requests
            SendError(hasId ? id : null, ErrorCodes.InvalidRequest, "The message has no method.");
            return true;
        }
        var @params = obj.Get("params");
        if (!hasId)
        {
            if (method == "exit") return false;
            try
            {
                HandleNotification(method, @params);
            }
            catch (Exception ex)
            {
                Log($"{method}: {ex.GetType().Name}: {ex.Message}");
            }
            return true;
        }
        StartRequest(id!.DeepClone(), method, @params?.DeepClone());
        return true;
    }

    private void StartRequest(JsonNode id, string method, JsonNode? @params)
    {
        if (!_initialized && method != "initialize")
        {
            SendError(id, ErrorCodes.ServerNotInitialized, $"'{method}' before 'initialize'.");
            return;
        }
        if (_shutdown)
        {
            SendError(id, ErrorCodes.InvalidRequest, $"'{method}' after 'shutdown'.");
            return;
        }
        if (method == "initialize" && _initialized)
        {
            SendError(id, ErrorCodes.InvalidRequest, "'initialize' was already sent.");
            return;
        }
        if (method == "initialize")
        {
            // Answered before the next message is read: nothing else may run before it.
            Respond(id, method, () => Initialize(@params), CancellationToken.None);
            return;
        }
        if (method == "shutdown")
        {
            _shutdown = true;
            StopTimers();
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = null });
            return;
        }
        var cts = new CancellationTokenSource();
        string key = id.ToJsonString();
        _pending[key] = cts;
        // Requests read the documents as they are now, before later notifications change them.
        Func<JsonNode?> handler;
        try
        {
            handler = RequestHandler(method, @params, cts.Token);
        }
        catch (Exception ex)
        {
            _pending.TryRemove(key, out _);
            SendFailure(id, method, ex);
            return;
        }
        _running.AddCount();
        ThreadPool.UnsafeQueueUserWorkItem(state =>
        {
            try
            {
                Respond(id, method, handler, cts.Token);
            }
            finally
            {
                _pending.TryRemove(key, out _);
                cts.Dispose();
                _running.Signal();
            }
        }, null);
    }

    private void Respond(JsonNode id, string method, Func<JsonNode?> handler, CancellationToken cancellation)
    {
        try
        {
            cancellation.ThrowIfCancellationRequested();
            var result = handler();
            cancellation.ThrowIfCancellationRequested();
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
        }
        catch (Exception ex)
        {
            SendFailure(id, method, ex);
        }
    }

    private void SendFailure(JsonNode id, string method, Exception ex)
    {
        switch (ex)
        {
            case OperationCanceledException:
                SendError(id, ErrorCodes.RequestCancelled, $"'{method}' was cancelled.");
                break;
            case RpcException rpc:
                SendError(id, rpc.Code, rpc.Message);
                break;
            default:
                Log($"{method}: internal error: {ex}");
                SendError(id, ErrorCodes.InternalError, $"Internal error in '{method}' ({ex.GetType().Name}: {ex.Message}).");
                break;
        }
    }

    private void CancelRequest(JsonNode? @params)
    {
        var id = @params.Get("id");
        if (id is not null && _pending.TryGetValue(id.ToJsonString(), out var cts))
        {
            try { cts.Cancel(); }
            catch (ObjectDisposedException) { }
        }
    }

    private void SendError(JsonNode? id, int code, string message) =>
        Send(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id?.DeepClone(),
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    internal void SendNotification(string method, JsonNode? @params) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = @params });

    internal void SendRequest(string method, JsonNode? @params) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = $"textlint-{Interlocked.Increment(ref _nextOutgoingId)}", ["method"] = method, ["params"] = @params });

    private void Send(JsonObject message)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) message.WriteTo(w);
        try
        {
            _writer.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            Log($"could not write to the client: {ex.Message}");
        }
    }

    internal void Log(string line)
    {
        try
        {
            lock (_options.Log) _options.Log.WriteLine($"textlint server: {line}");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
    }

}
