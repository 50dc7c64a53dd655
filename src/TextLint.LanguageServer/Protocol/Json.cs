using System.Text.Json;
using System.Text.Json.Nodes;

namespace TextLint.LanguageServer.Protocol;

/// <summary>JSON-RPC error codes (JSON-RPC 2.0 and LSP).</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int RequestCancelled = -32800;
}

/// <summary>A request that fails with a JSON-RPC error.</summary>
public sealed class RpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>Reading untyped JSON without exceptions for the wrong shape: wrong or missing is null.</summary>
internal static class J
{
    public static JsonNode? Get(this JsonNode? node, string name) =>
        node is JsonObject o && o.TryGetPropertyValue(name, out var v) ? v : null;

    public static string? Str(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static int? Int(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out int i) ? i
        : node is JsonValue d && d.GetValueKind() == JsonValueKind.Number && d.TryGetValue<double>(out double x) && x == Math.Floor(x) && Math.Abs(x) < int.MaxValue ? (int)x
        : null;

    public static bool? Bool(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static string RequireStr(this JsonNode? node, string name) =>
        node.Get(name).Str() ?? throw new RpcException(ErrorCodes.InvalidParams, $"'{name}' must be a string.");

    public static int RequireInt(this JsonNode? node, string name) =>
        node.Get(name).Int() ?? throw new RpcException(ErrorCodes.InvalidParams, $"'{name}' must be a whole number.");

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var a = new JsonArray();
        foreach (var i in items) a.Add(i);
        return a;
    }
}
