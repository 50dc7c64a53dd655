using System.Text;
using System.Text.Json;

namespace TextLint.Cli.Tests.Quality;

/// <summary>One gold label: the <see cref="Nth"/> occurrence of <see cref="Text"/> in <see cref="File"/>.</summary>
internal sealed record GoldLabel(string File, string Text, int Nth, string Category, string Expect);

internal sealed class CategoryScore
{
    public int Flags, Hits, Results, FalsePositives, FalsePositivesOnClean;
}

internal sealed record ScoreReport(
    IReadOnlyDictionary<string, CategoryScore> Categories,
    IReadOnlyList<(string Category, string File, string Text)> Misses,
    IReadOnlyList<(string Category, string File, string Text, string? RuleId)> FalsePositives,
    double CoreRecall,
    double CorePrecision)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (name, s) in Categories)
            sb.AppendLine($"{name,-16} recall {s.Hits}/{s.Flags}  results {s.Results}  false-pos {s.FalsePositives} (on clean labels {s.FalsePositivesOnClean})");
        foreach (var m in Misses) sb.AppendLine($"MISS {m.Category} {m.File} {m.Text}");
        foreach (var f in FalsePositives) sb.AppendLine($"FP   {f.Category} {f.File} {f.Text} {f.RuleId}");
        sb.Append($"core recall {CoreRecall:0.00} precision {CorePrecision:0.00}");
        return sb.ToString();
    }
}

/// <summary>
/// A port of ../shared/tools/score-sarif.py, rule for rule, so the quality tests need no Python: a
/// result's category comes from its rule's properties.category (or the first tag naming a known
/// category); a result overlapping a 'flag' label of its category is a hit; one overlapping no 'flag'
/// or 'either' label of its category is a false positive. Offsets are UTF-16 here where the script
/// counts code points; both map SARIF's UTF-16 columns to the same characters, so overlaps agree.
/// </summary>
internal static class SarifScorer
{
    public static readonly string[] Core = ["Attribution", "ScareQuotes", "EmotiveLanguage", "Untranslated", "Boilerplate"];
    public static readonly string[] Secondary = ["Structure", "Consistency", "Typography"];

    public static IReadOnlyList<GoldLabel> ReadLabels(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(l => new GoldLabel(
            l.GetProperty("file").GetString()!, l.GetProperty("text").GetString()!,
            l.TryGetProperty("nth", out var n) ? n.GetInt32() : 0,
            l.GetProperty("category").GetString()!, l.GetProperty("expect").GetString()!)).ToList();
    }

    public static ScoreReport Score(string sarifPath, string corpusDirectory, string? labelsPath = null)
    {
        var cats = Core.Concat(Secondary).ToArray();
        var labels = ReadLabels(labelsPath ?? Path.Combine(corpusDirectory, "labels.json"));
        var texts = new Dictionary<string, (string Text, List<int> Starts)>();
        var spans = new (int Start, int End)[labels.Count];
        var hit = new bool[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            var l = labels[i];
            if (!texts.TryGetValue(l.File, out var t))
            {
                // utf-8-sig with replacement, as the script reads it
                string text = new UTF8Encoding(false, false).GetString(File.ReadAllBytes(Path.Combine(corpusDirectory, l.File)));
                if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
                texts[l.File] = t = (text, LineStarts(text));
            }
            int at = -1;
            for (int k = 0; k <= l.Nth; k++) at = t.Text.IndexOf(l.Text, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new InvalidDataException($"Label not found: {l}");
            spans[i] = (at, at + l.Text.Length);
        }

        var stats = cats.ToDictionary(c => c, _ => new CategoryScore());
        var fps = new List<(string, string, string, string?)>();
        using var log = JsonDocument.Parse(File.ReadAllBytes(sarifPath));
        foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
        {
            string kind = run.TryGetProperty("columnKind", out var ck) ? ck.GetString()! : "unicodeCodePoints";
            var rules = run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.TryGetProperty("rules", out var rs)
                ? rs.EnumerateArray().ToList() : [];
            if (!run.TryGetProperty("results", out var results)) continue;
            foreach (var res in results.EnumerateArray())
            {
                string? cat = CategoryOf(res, rules, cats);
                if (cat is null || !res.TryGetProperty("locations", out var locs) || locs.GetArrayLength() == 0) continue;
                var pl = locs[0].GetProperty("physicalLocation");
                string uri = pl.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
                string name = Uri.UnescapeDataString(Path.GetFileName(uri.StartsWith("file://", StringComparison.Ordinal) ? uri[7..] : uri));
                if (!texts.TryGetValue(name, out var t)) continue;
                var span = RegionSpan(t.Text, t.Starts, pl.TryGetProperty("region", out var region) ? region : default, kind);
                if (span is null) continue;
                var (s, e) = span.Value;
                stats[cat].Results++;
                bool good = false, onClean = false;
                for (int i = 0; i < labels.Count; i++)
                {
                    if (labels[i].File != name || labels[i].Category != cat || !(spans[i].Start < e && s < spans[i].End)) continue;
                    if (labels[i].Expect is "flag" or "either") good = true;
                    if (labels[i].Expect == "flag") hit[i] = true;
                    if (labels[i].Expect == "clean") onClean = true;
                }
                if (!good)
                {
                    stats[cat].FalsePositives++;
                    if (onClean) stats[cat].FalsePositivesOnClean++;
                    fps.Add((cat, name, t.Text[s..e][..Math.Min(60, e - s)], res.TryGetProperty("ruleId", out var rid) ? rid.GetString() : null));
                }
            }
        }
        var misses = new List<(string, string, string)>();
        for (int i = 0; i < labels.Count; i++)
        {
            var l = labels[i];
            if (l.Expect != "flag" || !stats.TryGetValue(l.Category, out var st)) continue;
            st.Flags++;
            if (hit[i]) st.Hits++;
            else misses.Add((l.Category, l.File, l.Text[..Math.Min(60, l.Text.Length)]));
        }
        int f = Core.Sum(c => stats[c].Flags), h = Core.Sum(c => stats[c].Hits);
        int r = Core.Sum(c => stats[c].Results), fp = Core.Sum(c => stats[c].FalsePositives);
        double recall = f == 0 ? 1.0 : (double)h / f;
        double precision = r == 0 ? (f == 0 ? 1.0 : 0.0) : (double)(r - fp) / r;
        return new ScoreReport(stats, misses, fps, recall, precision);
    }

    private static string? CategoryOf(JsonElement res, List<JsonElement> rules, string[] known)
    {
        JsonElement? rule = null;
        if (res.TryGetProperty("ruleIndex", out var ri) && ri.GetInt32() >= 0 && ri.GetInt32() < rules.Count) rule = rules[ri.GetInt32()];
        else if (res.TryGetProperty("ruleId", out var id))
            rule = rules.FirstOrDefault(r => r.TryGetProperty("id", out var rid) && rid.GetString() == id.GetString());
        var candidates = new List<string>();
        foreach (var src in new[] { res, rule ?? default })
        {
            if (src.ValueKind != JsonValueKind.Object || !src.TryGetProperty("properties", out var props)) continue;
            if (props.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String) candidates.Add(c.GetString()!);
            if (props.TryGetProperty("tags", out var tags))
                candidates.AddRange(tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
        }
        foreach (var c in candidates)
            foreach (var k in known)
                if (string.Equals(c, k, StringComparison.OrdinalIgnoreCase)) return k;
        return null;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (text[i] == '\n') starts.Add(i + 1);
        }
        return starts;
    }

    private static int? ColumnToOffset(string text, List<int> starts, int line, int col, string kind)
    {
        if (line < 1 || line > starts.Count) return null;
        int b = starts[line - 1];
        if (kind == "unicodeCodePoints")
        {
            // code points to UTF-16
            int i = b;
            for (int n = 0; n < col - 1 && i < text.Length; n++) i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            return i;
        }
        return Math.Min(b + col - 1, text.Length);
    }

    private static (int, int)? RegionSpan(string text, List<int> starts, JsonElement region, string kind)
    {
        if (region.ValueKind != JsonValueKind.Object) return null;
        if (!region.TryGetProperty("startLine", out var slEl))
        {
            if (region.TryGetProperty("charOffset", out var co))
                return (co.GetInt32(), co.GetInt32() + (region.TryGetProperty("charLength", out var cl) ? cl.GetInt32() : 0));
            return null;
        }
        int sl = slEl.GetInt32();
        int sc = region.TryGetProperty("startColumn", out var scEl) ? scEl.GetInt32() : 1;
        int el = region.TryGetProperty("endLine", out var elEl) ? elEl.GetInt32() : sl;
        int? e = region.TryGetProperty("endColumn", out var ecEl)
            ? ColumnToOffset(text, starts, el, ecEl.GetInt32(), kind)
            : el < starts.Count ? starts[el] : text.Length;
        int? s = ColumnToOffset(text, starts, sl, sc, kind);
        if (s is null || e is null) return null;
        return (s.Value, Math.Max(e.Value, s.Value + 1));
    }
}
