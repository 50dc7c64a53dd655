using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Text;

namespace TextLint.Pipeline;

/// <summary>
/// The per-file pipeline every front end shares (the command line, the language server, tests): read
/// the bytes (bounded, never a FIFO or a device), decode them (BOMs, UTF-8 with replacement, a legacy
/// code page), lint the document (in-source suppressions are the engine's), classify against a
/// baseline, and apply fixes. Whatever goes wrong with one file becomes that file's notification; only
/// a cancellation escapes. Thread-safe: one instance serves all workers of a run.
/// </summary>
public sealed class FileLinter
{
    /// <summary>The default of <see cref="MaxFileSize"/>: 50 MiB.</summary>
    public const long DefaultMaxFileSize = 50L * 1024 * 1024;

    private readonly LintEngine _engine;

    public FileLinter(LintEngine engine) => _engine = engine;

    /// <summary>Files larger than this are skipped with a notification (and never read past it).</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>The encoding of files that have no byte-order mark and are not valid UTF-8; null to detect it.</summary>
    public System.Text.Encoding? LegacyEncoding { get; init; }

    /// <summary>Marks each finding new or known, or records them; null without a baseline.</summary>
    public IFileBaseline? Baseline { get; init; }

    /// <summary>Applies (or only computes) fixes right after a file is analysed; null without fixing.</summary>
    public FixWriter? Fixer { get; init; }

    /// <summary>
    /// False (the default): a document that is not linted completely — skipped as binary, undecodable or
    /// over the size limit, or with a rule stopped — is an error-level notification, so the run fails
    /// (exit 2, SARIF executionSuccessful false, no baseline written). True (--allow-skipped): a warning.
    /// A binary found by a folder walk is always only a warning: it is plainly not an article.
    /// </summary>
    public bool AllowSkipped { get; init; }

    /// <summary>Whether a document was found by walking a folder (or a glob), rather than named; null: every one was named.</summary>
    public Func<DocumentSource, bool>? FoundByWalk { get; init; }

    /// <summary>Results of earlier runs for unchanged files (--cache); not used when fixing. Null without a cache.</summary>
    public IAnalysisCache? Cache { get; init; }

    /// <summary>Where an internal error should be reported (the message ends "Please report this at …/issues."); null to leave that out.</summary>
    public string? IssuesUri { get; init; }

    /// <summary>Lints one document. Never throws but for <see cref="OperationCanceledException"/> of <paramref name="cancellation"/>.</summary>
    /// <param name="reserveBytes">Called with the size once it is known and before the bytes are read (a memory budget may block here).</param>
    public FileResult Lint(DocumentSource source, Action<long>? reserveBytes = null, CancellationToken cancellation = default)
    {
        long reserved = 0;
        try
        {
            return Read(source, size =>
            {
                reserveBytes?.Invoke(size);
                reserved = size;
            }) with { Bytes = reserved };
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug must cost one file, not the run: say which file and what, and let the rest go on.
            string report = IssuesUri is null ? "" : $" Please report this at {IssuesUri}/issues.";
            return Skip(source, NotificationCodes.InternalError, Severity.Error,
                $"Internal error while linting this file ({ex.GetType().Name}: {IoErrors.Describe(ex, source.FullPath, source.DisplayPath)}){report}")
                with { Bytes = reserved };
        }
    }

    private FileResult Read(DocumentSource file, Action<long> reserveBytes)
    {
        if (file.Content is { } content)
        {
            // Standard input or an editor's buffer, read already: nothing on disk to probe.
            if (content.LongLength > MaxFileSize) return OverLimit(file, content.LongLength);
            reserveBytes(content.LongLength);
            return Decoded(file, content);
        }
        // Checked at read time, on the open handle: a walk saw a regular file, but it may have been
        // replaced since, and opening a FIFO would block this worker for good. The open never blocks
        // (O_NONBLOCK) and fstat tells what was opened, so there is no window between check and open.
        byte[]? bytes;
        long length;
        try
        {
            using var stream = FileProbe.OpenRegularForReading(file.FullPath, out var kind);
            if (stream is null)
                return Skip(file, NotificationCodes.NotARegularFile, Severity.Error, $"Not read: the path is now {FileProbe.Describe(kind)}, not a regular file.");
            length = stream.Length;
            if (length > MaxFileSize) return OverLimit(file, length);
            reserveBytes(length);
            bytes = ReadAtMost(stream, length, MaxFileSize);
            if (bytes is null) return OverLimit(file, length: null);
        }
        catch (FileNotFoundException)
        {
            return Skip(file, NotificationCodes.Unreadable, Severity.Error, "Could not read the file: it no longer exists.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Skip(file, NotificationCodes.Unreadable, Severity.Error, $"Could not read the file: {IoErrors.Describe(ex, file.FullPath, file.DisplayPath)}");
        }
        return Decoded(file, bytes);
    }

    private FileResult Decoded(DocumentSource file, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(file.DisplayPath, bytes, LegacyEncoding);
        if (decoded.Text is not { } source)
        {
            if (decoded.Skip == DecodeSkip.UnknownEncoding)
                return Skip(file, NotificationCodes.UnknownEncoding, Incomplete, $"Skipped: {decoded.SkipReason}. Convert it to UTF-8, or name its encoding with --encoding.{AllowHint}");
            // A folder walk passes over a file that is plainly not an article; one named on the command line must be linted.
            return FoundByWalk?.Invoke(file) == true
                ? Skip(file, NotificationCodes.Binary, Severity.Warning, $"Passed over: {decoded.SkipReason}; not an article.")
                : Skip(file, NotificationCodes.Binary, Incomplete, $"Skipped: {decoded.SkipReason}.{AllowHint}");
        }
        // A cached analysis stands for the one of the same bytes under the same configuration; fixing
        // re-analyses the text it changes, so it always starts afresh.
        var cache = Fixer is null && file.Content is null ? Cache : null;
        var cached = cache?.Load(file, bytes);
        var document = cached is null ? Document.Create(source) : null;
        var analysis = cached?.Analysis ?? _engine.Analyze(document!);
        string? fallbackReason = cached is null ? document!.FallbackReason : cached.FallbackReason;
        // A rule that failed or timed out on the file is not remembered: the next run tries it again.
        if (cached is null && analysis.Notifications.IsEmpty) cache?.Store(file, bytes, new CachedAnalysis(analysis, fallbackReason));
        var notes = new List<ConfigurationDiagnostic>(AllowSkipped ? analysis.Notifications.Select(Allowed) : analysis.Notifications);
        notes.AddRange(DecodingNotes(file, decoded));
        if (fallbackReason is { } fallback)
            notes.Add(new ConfigurationDiagnostic(NotificationCodes.MarkdownFallback, Severity.Warning, file.DisplayPath, 0, 0, Capitalize(fallback) + "."));
        FileReport report;
        if (Fixer is null)
        {
            report = new FileReport(source, Baseline?.Apply(file, source, analysis.Diagnostics) ?? analysis.Diagnostics);
        }
        else
        {
            // Baselined findings are not fixed, so the baseline classifies first (without counting); it
            // counts and records once, on the text that is finally reported — the fixed one if written.
            // Each pass of the fix loop is classified the same way, so a baselined finding is never fixed.
            var classified = Baseline?.Classify(file, source, analysis.Diagnostics) ?? analysis.Diagnostics;
            var lastRaw = analysis.Diagnostics;
            report = Fixer.Apply(new FileReport(source, classified), text =>
            {
                var again = _engine.Analyze(Document.Create(text));
                lastRaw = again.Diagnostics;
                var againNotes = AllowSkipped ? again.Notifications.Select(Allowed).ToImmutableArray() : again.Notifications;
                return new FileAnalysis(Baseline?.Classify(file, text, again.Diagnostics) ?? again.Diagnostics, againNotes);
            }, notes);
            var raw = report.Fixes is { Written: true } ? lastRaw : analysis.Diagnostics;
            report = report with { Diagnostics = Baseline?.Apply(file, report.Source, raw) ?? raw };
        }
        return new FileResult(file, report, notes.ToImmutableArray());
    }

    /// <summary>What the reader should know about how the bytes became text: replaced bytes (TL9024), a guessed encoding (TL9025).</summary>
    private static IEnumerable<ConfigurationDiagnostic> DecodingNotes(DocumentSource file, DecodeResult decoded)
    {
        var source = decoded.Text!;
        var encoding = source.Encoding;
        if (encoding.HadInvalidBytes)
        {
            // Point at the first replaced sequence, at the same line and column a finding there would have.
            var at = source.Lines.GetLinePosition(decoded.FirstInvalidOffset ?? 0);
            string count = decoded.InvalidSequences == 1 ? "1 invalid byte sequence was" : $"{decoded.InvalidSequences} invalid byte sequences were";
            yield return new ConfigurationDiagnostic(NotificationCodes.InvalidBytes, Severity.Warning, file.DisplayPath, at.Line + 1, at.Character + 1,
                $"The file is not valid {encoding.Name.ToUpperInvariant()}: {count} read as U+FFFD (the first is here); every other position is unaffected.");
        }
        if (encoding.Detected)
        {
            string why = encoding.IsUnicode
                ? "it has no byte-order mark but reads as UTF-16"
                : "it is not UTF-8 and reads as text in this code page";
            string others = decoded.Alternatives.Count == 0 ? "" : $"; {string.Join(" or ", decoded.Alternatives)} would also fit";
            yield return new ConfigurationDiagnostic(NotificationCodes.EncodingDetected, Severity.Warning, file.DisplayPath, 0, 0,
                $"Decoded as {encoding.Name} (detected: {why}{others}). Convert it to UTF-8, or confirm with --encoding {encoding.Name}.");
        }
    }

    /// <summary>The severity of a document not linted completely: an error, or a warning with --allow-skipped.</summary>
    private Severity Incomplete => AllowSkipped ? Severity.Warning : Severity.Error;

    private string AllowHint => AllowSkipped ? "" : " The run fails until it is linted (--allow-skipped makes this a warning).";

    /// <summary>--allow-skipped: a rule stopped on a file (its findings there are missing) is a warning, as before.</summary>
    private static ConfigurationDiagnostic Allowed(ConfigurationDiagnostic n) =>
        n.Severity == Severity.Error && Notifications.Find(n.Code) is { Area: NotificationArea.RuleExecution } ? n with { Severity = Severity.Warning } : n;

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <param name="length">The file's size, or null when it grew past the limit while being read.</param>
    private FileResult OverLimit(DocumentSource file, long? length) =>
        Skip(file, NotificationCodes.OverSizeLimit, Incomplete, (length is { } n
            ? $"Skipped: the file is {n:N0} bytes, over the {MaxFileSize:N0}-byte limit (--max-file-size)."
            : $"Skipped: the file grew past the {MaxFileSize:N0}-byte limit (--max-file-size) while it was read.") + AllowHint);

    /// <summary>
    /// Reads to the end, but never more than <paramref name="limit"/> bytes: a file may grow while it is
    /// read, and some files report a length of 0 yet have content. Null when the limit is exceeded.
    /// </summary>
    internal static byte[]? ReadAtMost(Stream stream, long expected, long limit)
    {
        // The buffer is the size the file had when opened, so that a file that did not change (nearly all)
        // is read into the array it is returned in, without a second one of its size to copy it to; one
        // more read then tells whether it grew.
        var buffer = new byte[(int)Math.Clamp(expected, 0, limit)];
        Span<byte> probe = stackalloc byte[1];
        int total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                int extra = stream.Read(probe);
                if (extra == 0) return buffer;
                if (total >= limit) return null;
                long grown = Math.Min(limit + 1, Math.Max(4096, (long)buffer.Length * 2));
                Array.Resize(ref buffer, (int)grown);
                buffer[total++] = probe[0];
            }
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
            if (total > limit) return null;
        }
        if (total != buffer.Length) Array.Resize(ref buffer, total);
        return buffer;
    }

    private static FileResult Skip(DocumentSource file, string code, Severity severity, string message) =>
        new(file, null, [new ConfigurationDiagnostic(code, severity, file.DisplayPath, 0, 0, message)]);
}

/// <summary>What a cache keeps of one file's analysis: enough to report it as a fresh run would.</summary>
public sealed record CachedAnalysis(DocumentAnalysis Analysis, string? FallbackReason);

/// <summary>
/// Results of earlier runs, keyed by a file's bytes and everything else its analysis depends on
/// (implementations decide the key). Called from the pipeline's workers concurrently.
/// </summary>
public interface IAnalysisCache
{
    /// <summary>The analysis of these bytes of this file under the current configuration, or null.</summary>
    CachedAnalysis? Load(DocumentSource file, byte[] bytes);

    /// <summary>Keeps an analysis just made.</summary>
    void Store(DocumentSource file, byte[] bytes, CachedAnalysis analysis);
}
