using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Engine.Baselines;

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

    private static readonly Dictionary<(string Rule, ulong Fingerprint), int> NoCounts = new();

    // file -> (rule, fingerprint) -> count: a file's lookups never touch other files' entries.
    private readonly Dictionary<string, Dictionary<(string Rule, ulong Fingerprint), int>> _byFile = new(StringComparer.Ordinal);

    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        var list = ImmutableArray.CreateBuilder<BaselineEntry>();
        foreach (var e in entries)
        {
            if (!_byFile.TryGetValue(e.File, out var counts)) _byFile[e.File] = counts = new();
            if (!TryParseFingerprint(e.Fingerprint, out ulong fingerprint))
                throw new ArgumentException($"'{e.Fingerprint}' is not a fingerprint of 16 hex digits.", nameof(entries));
            var key = (e.RuleId, fingerprint);
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
        var used = new Dictionary<(string, ulong), int>();
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
        var groups = new Dictionary<(string Rule, ulong Fingerprint), (string Text, int Count)>();
        foreach (var d in diagnostics)
        {
            if (!Participates(d)) continue;
            var key = (d.Id, Fingerprint(source, d.Span));
            groups[key] = groups.TryGetValue(key, out var g) ? (g.Text, g.Count + 1) : (ShortText(source, d.Span), 1);
        }
        return groups.Select(g => new BaselineEntry(file, g.Key.Rule, FormatFingerprint(g.Key.Fingerprint), g.Value.Text, g.Value.Count));
    }

    /// <summary>The one order of a baseline file: by file, rule, text, fingerprint (ordinal), so the file diffs well.</summary>
    public static ImmutableArray<BaselineEntry> Sort(IEnumerable<BaselineEntry> entries) =>
        entries.OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Text, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>
    /// The first 64 bits of SHA-256 over the normalised flagged text and the normalised text of the
    /// lines it touches (UTF-16). Normalised into a pooled buffer: no allocation per finding.
    /// </summary>
    public static ulong Fingerprint(SourceText source, TextSpan span)
    {
        var lines = source.Lines;
        int first = lines.GetLineFromOffset(span.Start);
        int last = lines.GetLineFromOffset(span.End);
        int lineStart = lines.GetLineStart(first);
        int lineEnd = Math.Max(lines.GetLineSpan(last, source.Text).End, span.End);
        char[] buffer = ArrayPool<char>.Shared.Rent(span.Length + 1 + (lineEnd - lineStart));
        try
        {
            int n = Normalize(source.Text.AsSpan(span.Start, span.Length), buffer);
            buffer[n++] = '\n';
            n += Normalize(source.Text.AsSpan(lineStart, lineEnd - lineStart), buffer.AsSpan(n));
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(MemoryMarshal.AsBytes(buffer.AsSpan(0, n)), hash);
            return BinaryPrimitives.ReadUInt64BigEndian(hash);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>As written in the baseline file: 16 lower-case hex digits.</summary>
    public static string FormatFingerprint(ulong fingerprint) => fingerprint.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParseFingerprint(string text, out ulong fingerprint) =>
        ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out fingerprint) && text.Length == 16;

    private static string ShortText(SourceText source, TextSpan span)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            int n = Normalize(source.Text.AsSpan(span.Start, span.Length), buffer);
            if (n <= MaxTextLength) return new string(buffer, 0, n);
            int cut = char.IsHighSurrogate(buffer[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
            return new string(buffer, 0, cut) + "…";
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies <paramref name="text"/> with runs of white space as one space and no leading or trailing white space; returns the length.</summary>
    private static int Normalize(ReadOnlySpan<char> text, Span<char> into)
    {
        int n = 0;
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && n > 0) into[n++] = ' ';
            space = false;
            into[n++] = c;
        }
        return n;
    }
}
