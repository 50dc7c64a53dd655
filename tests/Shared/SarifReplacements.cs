using System.Text;
using System.Text.Json;

namespace TextLint.Tests;

/// <summary>
/// Reads SARIF regions and applies SARIF fixes the way a consumer would, written from the spec and
/// independent of the tool's own LineIndex and FixApplier: lines end at CR LF, LF or CR (§3.30.2), columns
/// count UTF-16 code units from 1 (columnKind utf16CodeUnits), endColumn is exclusive.
/// </summary>
internal static class SarifReplacements
{
    /// <summary>The offset of a 1-based line and column in <paramref name="text"/>.</summary>
    public static int Offset(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            int next = text.IndexOfAny(['\r', '\n'], offset);
            if (next < 0) throw new ArgumentOutOfRangeException(nameof(line), $"Line {line} is past the end of the text.");
            offset = next + (text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1);
        }
        int result = offset + column - 1;
        if (result > text.Length) throw new ArgumentOutOfRangeException(nameof(column), $"Column {column} of line {line} is past the end of the text.");
        return result;
    }

    /// <summary>The [start, end) offsets of a SARIF region object.</summary>
    public static (int Start, int End) Range(string text, JsonElement region)
    {
        int startLine = region.GetProperty("startLine").GetInt32();
        int startColumn = region.TryGetProperty("startColumn", out var sc) ? sc.GetInt32() : 1;
        int endLine = region.TryGetProperty("endLine", out var el) ? el.GetInt32() : startLine;
        int endColumn = region.GetProperty("endColumn").GetInt32();
        return (Offset(text, startLine, startColumn), Offset(text, endLine, endColumn));
    }

    public static string TextOf(string text, JsonElement region)
    {
        var (start, end) = Range(text, region);
        return text[start..end];
    }

    /// <summary>
    /// Applies the fixes of a log's results to one file's text, as --fix should: results that are not
    /// suppressed, not in the baseline, and whose level is shown (not "none"), fixes whose properties.safety is allowed, and,
    /// taken in order of position, only fixes that do not overlap one already taken.
    /// </summary>
    public static string Apply(string sarif, string uri, string text, bool includeUnsafe = false)
    {
        using var doc = JsonDocument.Parse(sarif);
        var edits = new List<(int Start, int End, string Text, int Fix)>();
        var fixes = new List<(int Start, int End, List<(int, int, string)> Edits)>();
        foreach (var result in doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("suppressions", out var s) && s.GetArrayLength() > 0) continue;
            if (result.TryGetProperty("level", out var level) && level.GetString() == "none") continue;
            if (result.TryGetProperty("baselineState", out var state) && state.GetString() == "unchanged") continue;
            if (!result.TryGetProperty("fixes", out var resultFixes)) continue;
            foreach (var fix in resultFixes.EnumerateArray())
            {
                string safety = fix.GetProperty("properties").GetProperty("safety").GetString()!;
                if (safety != "safe" && !(includeUnsafe && safety == "unsafe")) continue;
                var list = new List<(int, int, string)>();
                foreach (var change in fix.GetProperty("artifactChanges").EnumerateArray())
                {
                    if (change.GetProperty("artifactLocation").GetProperty("uri").GetString() != uri) continue;
                    foreach (var r in change.GetProperty("replacements").EnumerateArray())
                    {
                        var (start, end) = Range(text, r.GetProperty("deletedRegion"));
                        list.Add((start, end, r.TryGetProperty("insertedContent", out var ins) ? ins.GetProperty("text").GetString()! : ""));
                    }
                }
                if (list.Count > 0) fixes.Add((list.Min(e => e.Item1), list.Max(e => e.Item2), list));
            }
        }
        var taken = new List<(int Start, int End, string Text)>();
        int lastEnd = -1;
        foreach (var fix in fixes.OrderBy(f => f.Start).ThenBy(f => f.End))
        {
            if (fix.Start < lastEnd) continue;
            taken.AddRange(fix.Edits);
            lastEnd = fix.End;
        }
        var sb = new StringBuilder();
        int pos = 0;
        foreach (var (start, end, insert) in taken.OrderBy(e => e.Start))
        {
            sb.Append(text, pos, start - pos).Append(insert);
            pos = end;
        }
        return sb.Append(text, pos, text.Length - pos).ToString();
    }
}
