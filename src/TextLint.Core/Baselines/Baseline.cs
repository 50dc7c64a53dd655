using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Text;

namespace TextLint.Baselines;

/// <summary>
/// One group of known findings: a rule in a file with one fingerprint, and how many such findings there
/// were. <see cref="File"/> is relative to the baseline file's folder, '/'-separated; <see cref="Text"/>
/// is the flagged text, for a reader of the file (matching uses the fingerprint).
/// </summary>
public sealed record BaselineEntry(string File, string RuleId, string Fingerprint, string Text, int Count);

/// <summary>
/// Known findings, matched by rule, file and a fingerprint of content rather than by line: the flagged
/// text and the text of its line(s), whitespace-normalised. Lines inserted above a finding do not make
/// it new; an edit to its own line does. Counts make duplicates work: with two known findings of one
/// fingerprint, a third is new, and fixing one finding while adding another shows exactly one new one.
/// Immutable and thread-safe.
/// </summary>
public sealed class Baseline
{
    private const int MaxTextLength = 80;

    private static readonly Dictionary<(string Rule, string Fingerprint), int> NoCounts = new();

    // file -> (rule, fingerprint) -> count: a file's lookups never touch other files' entries.
    private readonly Dictionary<string, Dictionary<(string Rule, string Fingerprint), int>> _byFile = new(StringComparer.Ordinal);

    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        var list = ImmutableArray.CreateBuilder<BaselineEntry>();
        foreach (var e in entries)
        {
            if (!_byFile.TryGetValue(e.File, out var counts)) _byFile[e.File] = counts = new();
            var key = (e.RuleId, e.Fingerprint);
            counts[key] = counts.GetValueOrDefault(key) + e.Count;
            list.Add(e);
        }
        Entries = Sort(list);
    }

    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>Whether a finding counts against a baseline: everything a writer may show (suppressed ones too, so a baselined finding stays known when --no-inline-suppressions is later used).</summary>
    public static bool Participates(Diagnostic d) => d.Severity != Severity.None;

    /// <summary>
    /// The file's findings with <see cref="Diagnostic.BaselineState"/> set, and how many baseline
    /// findings of the file are gone. In document order, the first findings of a fingerprint are the
    /// known ones.
    /// </summary>
    public ImmutableArray<Diagnostic> Classify(string file, SourceText source, ImmutableArray<Diagnostic> diagnostics, out int absent)
    {
        var known = _byFile.GetValueOrDefault(file) ?? NoCounts;
        var used = new Dictionary<(string, string), int>();
        var result = ImmutableArray.CreateBuilder<Diagnostic>(diagnostics.Length);
        foreach (var d in diagnostics)
        {
            if (!Participates(d)) { result.Add(d); continue; }
            var key = (d.Id, Fingerprint(source, d.Span));
            int seen = used.GetValueOrDefault(key);
            used[key] = seen + 1;
            var state = seen < known.GetValueOrDefault(key) ? BaselineState.Unchanged : BaselineState.New;
            result.Add(d with { BaselineState = state });
        }
        absent = 0;
        foreach (var (key, count) in known)
            absent += Math.Max(0, count - used.GetValueOrDefault(key));
        return result.MoveToImmutable();
    }

    /// <summary>The baseline entries for one file's findings (for --update-baseline).</summary>
    public static IEnumerable<BaselineEntry> EntriesFor(string file, SourceText source, IEnumerable<Diagnostic> diagnostics)
    {
        var groups = new Dictionary<(string Rule, string Fingerprint), (string Text, int Count)>();
        foreach (var d in diagnostics)
        {
            if (!Participates(d)) continue;
            var key = (d.Id, Fingerprint(source, d.Span));
            groups[key] = groups.TryGetValue(key, out var g) ? (g.Text, g.Count + 1) : (ShortText(source, d.Span), 1);
        }
        return groups.Select(g => new BaselineEntry(file, g.Key.Rule, g.Key.Fingerprint, g.Value.Text, g.Value.Count));
    }

    /// <summary>The one order of a baseline file: by file, rule, text, fingerprint (ordinal), so the file diffs well.</summary>
    public static ImmutableArray<BaselineEntry> Sort(IEnumerable<BaselineEntry> entries) =>
        entries.OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Text, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>16 hex digits of SHA-256 over the normalised flagged text and the normalised text of the lines it touches.</summary>
    public static string Fingerprint(SourceText source, TextSpan span)
    {
        var lines = source.Lines;
        int first = lines.GetLineFromOffset(span.Start);
        int last = lines.GetLineFromOffset(span.End);
        int lineStart = lines.GetLineStart(first);
        int lineEnd = lines.GetLineSpan(last, source.Text).End;
        var sb = new StringBuilder();
        AppendNormalized(sb, source.Text.AsSpan(span.Start, span.Length));
        sb.Append('\n');
        AppendNormalized(sb, source.Text.AsSpan(lineStart, Math.Max(lineEnd, span.End) - lineStart));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static string ShortText(SourceText source, TextSpan span)
    {
        var sb = new StringBuilder();
        AppendNormalized(sb, source.Text.AsSpan(span.Start, span.Length));
        if (sb.Length <= MaxTextLength) return sb.ToString();
        int cut = MaxTextLength;
        if (char.IsHighSurrogate(sb[cut - 1])) cut--;
        return sb.ToString(0, cut) + "…";
    }

    /// <summary>Runs of white space become one space; leading and trailing white space goes.</summary>
    private static void AppendNormalized(StringBuilder sb, ReadOnlySpan<char> text)
    {
        bool space = false;
        int start = sb.Length;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > start) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
    }
}
