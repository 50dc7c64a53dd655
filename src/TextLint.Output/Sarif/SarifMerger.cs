using System.Text.Json;
using TextLint.Diagnostics;

namespace TextLint.Output.Sarif;

/// <summary>A shard log that cannot be merged: the message names the file (and the line and column of bad JSON).</summary>
public sealed class SarifMergeException(string message) : Exception(message);

/// <summary>
/// <c>dotnet textlint merge</c>: joins the logs of the n shards of one run (<c>--shard i/n</c>) into the
/// log that run would have written unsharded, byte for byte. Each shard's log records, in its run's
/// property bag, its files with their place in the whole run, its results per rank before the cap, and
/// how many of its notifications came from listing the input (every shard lists it all); from those the
/// merge puts results and notifications back in the one run's order, applies the cap again (the top
/// results of a run are among the top results of its shards), writes the TL9080 the whole run would
/// have, unions the rule configuration overrides, and drops the shard record. Everything else in a run
/// (tool, category, provenance, source root) must be the same in every shard, or the shards are not of
/// one run and the merge refuses them.
/// </summary>
public static class SarifMerger
{
    private sealed record Shard(string Name, JsonDocument Document, JsonElement Run, int Index, int Count, int MaxResults, long[] ResultCounts, int InputNotifications, Dictionary<string, long> FileOrder);

    /// <summary>Merges the shard logs (name for messages, and content) into <paramref name="output"/>.</summary>
    /// <exception cref="SarifMergeException">A log is not valid JSON, not a TextLint shard log, or the shards are not the n shards of one run.</exception>
    public static void Merge(IReadOnlyList<(string Name, byte[] Content)> logs, Stream output)
    {
        if (logs.Count == 0) throw new SarifMergeException("Give the shard logs to merge.");
        var shards = new List<Shard>();
        try
        {
            foreach (var (name, content) in logs) shards.Add(Read(name, content));
            shards.Sort((a, b) => a.Index.CompareTo(b.Index));
            Check(shards);
            Write(shards, output);
        }
        catch (InvalidOperationException ex)
        {
            // A property of the wrong JSON kind somewhere deep (a string where an object belongs).
            throw new SarifMergeException($"{string.Join(", ", logs.Select(l => l.Name))}: not SARIF logs TextLint wrote: {ex.Message}");
        }
        finally
        {
            foreach (var s in shards) s.Document.Dispose();
        }
    }

    private static Shard Read(string name, byte[] content)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1, column = (ex.BytePositionInLine ?? 0) + 1;
            throw new SarifMergeException($"{name}({line},{column}): not valid JSON: {FirstSentence(ex.Message)}");
        }
        try
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
                throw NotAShard(name, "it is not a SARIF log (no runs)");
            if (runs.GetArrayLength() != 1) throw NotAShard(name, $"it has {runs.GetArrayLength()} runs, not one");
            var run = runs[0];
            if (!run.TryGetProperty("properties", out var bag) || bag.ValueKind != JsonValueKind.Object
                || !bag.TryGetProperty(SarifWriter.ShardProperty, out var shard) || shard.ValueKind != JsonValueKind.Object)
                throw NotAShard(name, "it has no shard record; write each shard's log with --shard i/n");
            int index = Int(shard, "index", name), count = Int(shard, "count", name), max = Math.Clamp(Int(shard, "maxResults", name), 0, ResultCap.SarifLimit);
            int inputNotifications = Int(shard, "inputNotifications", name);
            if (count < 1 || index < 0 || index >= count) throw NotAShard(name, $"its shard record says {index}/{count}");
            var counts = shard.TryGetProperty("resultCounts", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == ResultCap.RankCount
                ? c.EnumerateArray().Select(e => e.TryGetInt64(out long n) && n >= 0 ? n : throw NotAShard(name, "its result counts are not counts")).ToArray()
                : throw NotAShard(name, $"its shard record has no resultCounts of {ResultCap.RankCount} ranks");
            var order = new Dictionary<string, long>(StringComparer.Ordinal);
            if (!shard.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) throw NotAShard(name, "its shard record lists no files");
            foreach (var f in files.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("uri", out var uri) || uri.ValueKind != JsonValueKind.String
                    || !f.TryGetProperty("order", out var o) || !o.TryGetInt64(out long place))
                    throw NotAShard(name, "a file of its shard record has no uri or order");
                order[uri.GetString()!] = place;
            }
            return new Shard(name, doc, run, index, count, max, counts, inputNotifications, order);
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }

    private static void Check(List<Shard> shards)
    {
        var first = shards[0];
        foreach (var s in shards)
        {
            if (s.Count != first.Count)
                throw new SarifMergeException($"{s.Name} is shard {s.Index}/{s.Count} but {first.Name} is shard {first.Index}/{first.Count}: they are not shards of one run.");
            if (s.MaxResults != first.MaxResults)
                throw new SarifMergeException($"{s.Name} was capped at {s.MaxResults} results but {first.Name} at {first.MaxResults}; run every shard with the same --max-results.");
        }
        for (int i = 1; i < shards.Count; i++)
            if (shards[i].Index == shards[i - 1].Index)
                throw new SarifMergeException($"{shards[i - 1].Name} and {shards[i].Name} are both shard {shards[i].Index}/{shards[i].Count}.");
        var missing = Enumerable.Range(0, first.Count).Except(shards.Select(s => s.Index)).ToList();
        if (missing.Count > 0)
            throw new SarifMergeException($"Shard{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"{m}/{first.Count}"))} missing: the merged log would leave {(missing.Count == 1 ? "its" : "their")} files out.");
        // Everything but what the shards split must agree: the tool, the category, the checkout.
        foreach (var s in shards.Skip(1))
        {
            foreach (var p in first.Run.EnumerateObject())
            {
                if (p.Name is "results" or "invocations" or "properties") continue;
                var mine = p.Name == "tool" ? WithoutRules(p.Value) : p.Value.GetRawText();
                string? theirs = s.Run.TryGetProperty(p.Name, out var v) ? (p.Name == "tool" ? WithoutRules(v) : v.GetRawText()) : null;
                if (mine != theirs)
                    throw new SarifMergeException($"{first.Name} and {s.Name} differ in '{p.Name}': shards of one run are written by the same version, with the same options, in the same checkout.");
            }
        }
    }

    private static string WithoutRules(JsonElement tool)
    {
        if (!tool.TryGetProperty("driver", out var driver) || driver.ValueKind != JsonValueKind.Object) return tool.GetRawText();
        return string.Join(",", driver.EnumerateObject().Where(p => p.Name != "rules").Select(p => p.Name + ":" + p.Value.GetRawText()));
    }

    private static void Write(List<Shard> shards, Stream output)
    {
        var first = shards[0];
        // Rules: the first shard's, then any another shard has that it lacks; results point into this list.
        var rules = new List<JsonElement>();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in shards)
            foreach (var rule in Rules(s.Run))
                if (rule.TryGetProperty("id", out var id) && id.GetString() is { } ruleId && ruleIndex.TryAdd(ruleId, rules.Count))
                    rules.Add(rule);

        // Results in the one run's order: by the file's place in the run, then as the shard wrote them.
        var results = new List<(long Order, int Shard, int Seq, JsonElement Result)>();
        foreach (var s in shards)
        {
            if (!s.Run.TryGetProperty("results", out var rs) || rs.ValueKind != JsonValueKind.Array) continue;
            int seq = 0;
            foreach (var r in rs.EnumerateArray())
                results.Add((OrderOf(s, ResultUri(r)), s.Index, seq++, r));
        }
        results.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Shard != b.Shard ? a.Shard.CompareTo(b.Shard) : a.Seq.CompareTo(b.Seq));
        var top = new TopRanked<JsonElement>(first.MaxResults, ResultCap.RankCount);
        foreach (var r in results) top.Add(Rank(r.Result), r.Result);

        var counts = new long[ResultCap.RankCount];
        foreach (var s in shards)
            for (int r = 0; r < counts.Length; r++) counts[r] += s.ResultCounts[r];

        using var w = new Utf8JsonWriter(output, SarifWriter.Options);
        w.WriteStartObject();
        foreach (var p in first.Document.RootElement.EnumerateObject())
        {
            if (p.Name != "runs") { p.WriteTo(w); continue; }
            w.WriteStartArray("runs");
            w.WriteStartObject();
            foreach (var q in first.Run.EnumerateObject())
            {
                switch (q.Name)
                {
                    case "tool":
                        WriteTool(w, q.Value, rules);
                        break;
                    case "results":
                        w.WriteStartArray("results");
                        foreach (var r in top.Kept) WriteWithRuleIndex(w, r, ruleIndex);
                        w.WriteEndArray();
                        break;
                    case "invocations":
                        WriteInvocations(w, shards, ruleIndex, counts);
                        break;
                    case "properties":
                        var rest = q.Value.EnumerateObject().Where(x => x.Name != SarifWriter.ShardProperty).ToList();
                        if (rest.Count == 0) break;
                        w.WriteStartObject("properties");
                        foreach (var x in rest) x.WriteTo(w);
                        w.WriteEndObject();
                        break;
                    default:
                        q.WriteTo(w);
                        break;
                }
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static IEnumerable<JsonElement> Rules(JsonElement run) =>
        run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array
            ? rules.EnumerateArray()
            : [];

    private static void WriteTool(Utf8JsonWriter w, JsonElement tool, List<JsonElement> rules)
    {
        w.WriteStartObject("tool");
        foreach (var p in tool.EnumerateObject())
        {
            if (p.Name != "driver" || p.Value.ValueKind != JsonValueKind.Object) { p.WriteTo(w); continue; }
            w.WriteStartObject("driver");
            foreach (var d in p.Value.EnumerateObject())
            {
                if (d.Name != "rules") { d.WriteTo(w); continue; }
                w.WriteStartArray("rules");
                foreach (var r in rules) r.WriteTo(w);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// One invocation, as the SARIF writer orders it: success if every shard succeeded, the overrides any
    /// shard observed (in rule order, most severe first), the configuration notifications (every shard
    /// reads all the configuration), then the notifications from listing the input (every shard lists it
    /// all), each file's in the run's order, and the cap's TL9080 for the whole run.
    /// </summary>
    private static void WriteInvocations(Utf8JsonWriter w, List<Shard> shards, Dictionary<string, int> ruleIndex, long[] counts)
    {
        var invocations = shards.Select(s => s.Run.TryGetProperty("invocations", out var i) && i.ValueKind == JsonValueKind.Array && i.GetArrayLength() > 0 ? i[0] : default).ToList();
        bool success = invocations.All(i => i.ValueKind != JsonValueKind.Object || !i.TryGetProperty("executionSuccessful", out var e) || e.ValueKind != JsonValueKind.False);

        var overrides = new List<(int Rule, int Severity, string Key, JsonElement Element)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var inv in invocations.Where(i => i.ValueKind == JsonValueKind.Object))
        {
            if (!inv.TryGetProperty("ruleConfigurationOverrides", out var list) || list.ValueKind != JsonValueKind.Array) continue;
            foreach (var o in list.EnumerateArray())
            {
                string id = o.TryGetProperty("descriptor", out var d) && d.TryGetProperty("id", out var i) ? i.GetString() ?? "" : "";
                var config = o.TryGetProperty("configuration", out var c) ? c : default;
                bool enabled = config.ValueKind != JsonValueKind.Object || !config.TryGetProperty("enabled", out var en) || en.ValueKind != JsonValueKind.False;
                string level = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("level", out var l) ? l.GetString() ?? "" : "";
                int severity = level switch { "error" => 4, "warning" => 3, "note" => 2, _ => enabled ? 1 : 0 };
                if (seen.Add($"{id}\n{severity}"))
                    overrides.Add((ruleIndex.TryGetValue(id, out int r) ? r : int.MaxValue, severity, id, o));
            }
        }
        overrides.Sort((a, b) => a.Rule != b.Rule ? a.Rule.CompareTo(b.Rule) : b.Severity.CompareTo(a.Severity));

        var executions = new List<(long Order, int Shard, int Seq, JsonElement Element)>();
        var inputNotes = new List<JsonElement>();
        foreach (var (s, inv) in shards.Zip(invocations))
        {
            if (inv.ValueKind != JsonValueKind.Object || !inv.TryGetProperty("toolExecutionNotifications", out var list) || list.ValueKind != JsonValueKind.Array) continue;
            int seq = 0;
            foreach (var n in list.EnumerateArray())
            {
                int at = seq++;
                if (at < s.InputNotifications)
                {
                    if (s == shards[0]) inputNotes.Add(n);
                    continue;
                }
                if (NotificationCode(n) == NotificationCodes.ResultsLeftOut) continue;
                executions.Add((OrderOf(s, NotificationUri(n)), s.Index, at, n));
            }
        }
        executions.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Shard != b.Shard ? a.Shard.CompareTo(b.Shard) : a.Seq.CompareTo(b.Seq));
        var leftOut = ResultCap.SarifNotification(counts, shards[0].MaxResults);

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", success);
        if (overrides.Count > 0)
        {
            w.WriteStartArray("ruleConfigurationOverrides");
            foreach (var o in overrides) WriteOverride(w, o.Element, o.Key, ruleIndex);
            w.WriteEndArray();
        }
        if (invocations[0].ValueKind == JsonValueKind.Object && invocations[0].TryGetProperty("toolConfigurationNotifications", out var configuration))
        {
            w.WritePropertyName("toolConfigurationNotifications");
            configuration.WriteTo(w);
        }
        if (inputNotes.Count + executions.Count > 0 || leftOut is not null)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var n in inputNotes) n.WriteTo(w);
            foreach (var n in executions) n.Element.WriteTo(w);
            if (leftOut is not null) SarifWriter.WriteNotification(w, leftOut, omitSourceRoot: true);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteOverride(Utf8JsonWriter w, JsonElement o, string id, Dictionary<string, int> ruleIndex)
    {
        w.WriteStartObject();
        foreach (var p in o.EnumerateObject())
        {
            if (p.Name != "descriptor" || p.Value.ValueKind != JsonValueKind.Object) { p.WriteTo(w); continue; }
            w.WriteStartObject("descriptor");
            foreach (var d in p.Value.EnumerateObject())
            {
                if (d.Name == "index" && ruleIndex.TryGetValue(id, out int index)) w.WriteNumber("index", index);
                else d.WriteTo(w);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>A result with its ruleIndex pointing into the merged rules (the same index when every shard has the same rules).</summary>
    private static void WriteWithRuleIndex(Utf8JsonWriter w, JsonElement result, Dictionary<string, int> ruleIndex)
    {
        string? id = result.TryGetProperty("ruleId", out var r) ? r.GetString() : null;
        bool had = result.TryGetProperty("ruleIndex", out var old);
        if (id is null || !ruleIndex.TryGetValue(id, out int index) || had && old.TryGetInt32(out int was) && was == index)
        {
            result.WriteTo(w);
            return;
        }
        // A shard without the rule wrote no index; the merged log has the rule, so the result points at it.
        w.WriteStartObject();
        foreach (var p in result.EnumerateObject())
        {
            if (p.Name == "ruleIndex") w.WriteNumber("ruleIndex", index);
            else p.WriteTo(w);
            if (p.Name == "ruleId" && !had) w.WriteNumber("ruleIndex", index);
        }
        w.WriteEndObject();
    }

    /// <summary>The rank <see cref="ResultCap.Rank"/> gave the result, read back from its level, suppressions and baseline state.</summary>
    private static int Rank(JsonElement result)
    {
        string level = result.TryGetProperty("level", out var l) ? l.GetString() ?? "warning" : "warning";
        int severity = level switch { "error" => 0, "warning" => 1, "note" => 2, _ => 3 };
        bool quiet = result.TryGetProperty("suppressions", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0
            || result.TryGetProperty("baselineState", out var b) && b.GetString() == "unchanged";
        return quiet ? 4 + severity : severity;
    }

    private static long OrderOf(Shard shard, string? uri) => uri is not null && shard.FileOrder.TryGetValue(uri, out long order) ? order : long.MaxValue;

    private static string? ResultUri(JsonElement result) =>
        result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
            ? LocationUri(locations[0])
            : null;

    private static string? NotificationUri(JsonElement notification) =>
        notification.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
            ? LocationUri(locations[0])
            : null;

    private static string? LocationUri(JsonElement location) =>
        location.TryGetProperty("physicalLocation", out var p) && p.TryGetProperty("artifactLocation", out var a) && a.TryGetProperty("uri", out var u)
            ? u.GetString()
            : null;

    private static string? NotificationCode(JsonElement n) =>
        n.TryGetProperty("descriptor", out var d) && d.TryGetProperty("id", out var id) ? id.GetString() : null;

    private static int Int(JsonElement o, string name, string file) =>
        o.TryGetProperty(name, out var v) && v.TryGetInt32(out int n) ? n : throw NotAShard(file, $"its shard record has no whole number '{name}'");

    private static SarifMergeException NotAShard(string name, string why) => new($"{name}: not a TextLint shard log: {why}.");

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends where it was ("Path: $ | LineNumber: 1 | ..."), which the message already says.
        foreach (string tail in (string[])[" Path:", " LineNumber:"])
        {
            int cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }
        return message.Trim();
    }
}
