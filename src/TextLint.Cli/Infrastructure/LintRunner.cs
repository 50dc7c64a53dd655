using System.Collections.Immutable;
using TextLint.Cli.Configuration;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Engine.Baselines;
using TextLint.Output;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Cli.Infrastructure;

/// <summary>What a run found, for the exit code and the summary.</summary>
public sealed class RunTotals
{
    public int Files;
    public int Errors;
    public int Warnings;
    public int Infos;
    public List<ConfigurationDiagnostic> ExecutionNotifications { get; } = new();
}

/// <summary>
/// Lints files in parallel and hands each file's report to the writers in input order. Workers run
/// ahead of the writer by a bounded window only, counted in files and in bytes, so memory stays flat
/// however many files there are and however large they are. Whatever happens to one file (it vanished,
/// it is a FIFO now, a rule threw) becomes a notification for that file; a worker always completes
/// its slot, so the ordered writer can never wait forever.
/// </summary>
public sealed class LintRunner
{
    public const long DefaultMaxFileSize = 50L * 1024 * 1024;

    /// <summary>Files read but not yet written, at most, per job.</summary>
    private const int FilesAheadPerJob = 16;

    /// <summary>Bytes read but not yet written, at most (one larger file is always let through alone).</summary>
    private const long BytesAhead = 64L * 1024 * 1024;

    private readonly LintEngine _engine;
    private readonly int _jobs;

    public LintRunner(LintEngine engine, int jobs)
    {
        _engine = engine;
        _jobs = Math.Max(1, jobs);
    }

    /// <summary>Files larger than this are skipped with a notification (and never read past it).</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>The encoding of files that have no byte-order mark and are not valid UTF-8 (--encoding); null to detect it.</summary>
    public System.Text.Encoding? LegacyEncoding { get; init; }

    /// <summary>Marks each finding new or known (--baseline), or records them (--update-baseline).</summary>
    public BaselineRun? Baseline { get; init; }

    /// <summary>--fix / --diff: runs on the worker right after a file is analysed.</summary>
    public FixWriter? Fixer { get; init; }

    /// <summary>
    /// Lints <paramref name="files"/> (consumed lazily, once, in order) and writes each file's report in
    /// that order.
    /// </summary>
    public RunTotals Run(IEnumerable<InputFile> files, IReadOnlyList<IReportWriter> writers, CancellationToken cancellation = default)
    {
        var totals = new RunTotals();
        void Emit(Outcome outcome)
        {
            if (outcome.Notifications is { } ns) totals.ExecutionNotifications.AddRange(ns);
            if (outcome.Report is null) return;
            totals.Files++;
            foreach (var d in outcome.Report.Diagnostics)
            {
                if (d.Suppression is not null || d.BaselineState == BaselineState.Unchanged) continue;
                switch (d.Severity)
                {
                    case Severity.Error: totals.Errors++; break;
                    case Severity.Warning: totals.Warnings++; break;
                    case Severity.Info: totals.Infos++; break;
                }
            }
            for (int w = 0; w < writers.Count; w++)
            {
                if (outcome.Rendered?[w] is { } rendered) ((IRenderingReportWriter)writers[w]).WriteRendered(outcome.Report, rendered);
                else writers[w].WriteFile(outcome.Report);
            }
        }

        if (_jobs == 1)
        {
            using var each = files.GetEnumerator();
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!MoveNext(each, out var file, out var failure))
                {
                    if (failure is not null) totals.ExecutionNotifications.Add(failure);
                    return totals;
                }
                Emit(Process(file, writers, null));
            }
        }

        var window = new Window(_jobs * FilesAheadPerJob, BytesAhead);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var input = files.GetEnumerator();
        var inputLock = new object();
        bool inputEnded = false;
        int next = 0;
        var workers = new Task[_jobs];
        for (int w = 0; w < _jobs; w++)
        {
            workers[w] = Task.Factory.StartNew(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    window.WaitForSlot(stop.Token);
                    int i;
                    InputFile file;
                    lock (inputLock)
                    {
                        if (inputEnded) return;
                        i = next++;
                        if (!MoveNext(input, out file, out var failure))
                        {
                            // The slot after the last file tells the writer the input has ended.
                            inputEnded = true;
                            window.Complete(i, Outcome.End(failure));
                            return;
                        }
                    }
                    // Process never throws: whatever goes wrong becomes the file's notification.
                    window.Complete(i, Process(file, writers, (size, t) => window.WaitForBytes(i, size, t), stop.Token));
                }
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            for (int i = 0; ; i++)
            {
                var outcome = window.Take(i, cancellation);
                if (outcome.IsEnd)
                {
                    if (outcome.Notifications is { } ns) totals.ExecutionNotifications.AddRange(ns);
                    break;
                }
                Emit(outcome);
                window.Release(outcome.Bytes);
            }
        }
        finally
        {
            // Normally every worker has already returned; after a cancellation or a failing writer they
            // stop at their next file. Waiting for them keeps no thread running past the run.
            stop.Cancel();
            try { Task.WaitAll(workers); }
            catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException)) { }
        }
        return totals;
    }

    /// <summary>
    /// Formats the file's part of the report for the writers that can do it here, on the worker, so the
    /// ordered writer only copies bytes (the same bytes, whatever the number of jobs).
    /// </summary>
    private static byte[]?[]? Render(IReadOnlyList<IReportWriter> writers, FileReport report)
    {
        byte[]?[]? rendered = null;
        for (int w = 0; w < writers.Count; w++)
            if (writers[w] is IRenderingReportWriter r) (rendered ??= new byte[]?[writers.Count])[w] = r.Render(report);
        return rendered;
    }

    /// <summary>The next input file; a failure of the input itself ends the input with a notification instead of a stalled run.</summary>
    private static bool MoveNext(IEnumerator<InputFile> input, out InputFile file, out ConfigurationDiagnostic? failure)
    {
        failure = null;
        try
        {
            if (input.MoveNext())
            {
                file = input.Current;
                return true;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = new ConfigurationDiagnostic("TL9029", Severity.Error, ".", 0, 0,
                $"Internal error while listing the input files ({ex.GetType().Name}: {ex.Message}); the files after it were not linted.");
        }
        file = null!;
        return false;
    }

    private sealed record Outcome(FileReport? Report, ImmutableArray<ConfigurationDiagnostic>? Notifications, long Bytes = 0)
    {
        /// <summary>Per writer, its part of the report formatted on the worker (null: the writer formats it when written).</summary>
        public byte[]?[]? Rendered { get; init; }

        public bool IsEnd { get; private init; }

        public static Outcome End(ConfigurationDiagnostic? failure) =>
            new(null, failure is null ? null : ImmutableArray.Create(failure)) { IsEnd = true };
    }

    /// <summary>
    /// The ordered hand-over between workers and the writer: a ring of slots the size of the window
    /// (not one per file, so a million files cost a million nothing), admission by file count, and a
    /// byte budget so a run of large files cannot pile up in memory ahead of the writer.
    /// </summary>
    private sealed class Window(int slots, long byteBudget)
    {
        private readonly TaskCompletionSource<Outcome>[] _ring = CreateRing(slots);
        private readonly SemaphoreSlim _free = new(slots);
        private readonly object _gate = new();
        private long _bytesInFlight;
        private int _nextToWrite;

        private static TaskCompletionSource<Outcome>[] CreateRing(int n)
        {
            var ring = new TaskCompletionSource<Outcome>[n];
            for (int i = 0; i < n; i++) ring[i] = NewSlot();
            return ring;
        }

        private static TaskCompletionSource<Outcome> NewSlot() => new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void WaitForSlot(CancellationToken cancellation) => _free.Wait(cancellation);

        /// <summary>
        /// Blocks a worker until <paramref name="size"/> more bytes fit the budget. The file the writer
        /// needs next is always let through, so the budget can slow the run but never deadlock it.
        /// </summary>
        public void WaitForBytes(int index, long size, CancellationToken cancellation)
        {
            lock (_gate)
            {
                while (_bytesInFlight > 0 && _bytesInFlight + size > byteBudget && index != _nextToWrite)
                {
                    cancellation.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate, 100);
                }
                _bytesInFlight += size;
            }
        }

        public void Complete(int index, Outcome outcome) => _ring[index % _ring.Length].SetResult(outcome);

        public Outcome Take(int index, CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested(); // Wait does not look at the token once the task is done
            var slot = _ring[index % _ring.Length];
            slot.Task.Wait(cancellation);
            // The slot is reused for the file one window ahead; no worker can reach that file until
            // Release below frees a place in the window.
            _ring[index % _ring.Length] = NewSlot();
            return slot.Task.Result;
        }

        public void Release(long bytes)
        {
            lock (_gate)
            {
                _bytesInFlight -= bytes;
                _nextToWrite++;
                Monitor.PulseAll(_gate);
            }
            _free.Release();
        }
    }

    private Outcome Process(InputFile file, IReadOnlyList<IReportWriter> writers, Action<long, CancellationToken>? reserveBytes, CancellationToken cancellation = default)
    {
        long reserved = 0;
        try
        {
            var outcome = Lint(file, size =>
            {
                reserveBytes?.Invoke(size, cancellation);
                reserved = size;
            }) with { Bytes = reserved };
            return outcome.Report is { } report ? outcome with { Rendered = Render(writers, report) } : outcome;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug must cost one file, not the run: say which file and what, and let the rest go on.
            return Skip(file, "TL9029", Severity.Error,
                $"Internal error while linting this file ({ex.GetType().Name}: {IoErrors.Describe(ex, file.FullPath, file.DisplayPath)}) Please report this at {ToolInfo.InformationUri}/issues.")
                with { Bytes = reserved };
        }
    }

    private Outcome Lint(InputFile file, Action<long> reserveBytes)
    {
        // Checked again at read time: the walk saw a regular file, but it may have been replaced since,
        // and opening a FIFO would block this worker for good.
        if (file.Content is { } content)
        {
            // Standard input, read already (and bounded by the same limit): nothing on disk to probe.
            if (content.LongLength > MaxFileSize) return OverLimit(file, content.LongLength);
            reserveBytes(content.LongLength);
            return Decoded(file, content);
        }
        var kind = FileProbe.Probe(file.FullPath, followLinks: true);
        if (kind == FileKind.Missing)
            return Skip(file, "TL9021", Severity.Error, "Could not read the file: it no longer exists.");
        if (kind != FileKind.Regular)
            return Skip(file, "TL9028", Severity.Error, $"Not read: the path is now {FileProbe.Describe(kind)}, not a regular file.");

        byte[]? bytes;
        long length;
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
            length = stream.Length;
            if (length > MaxFileSize) return OverLimit(file, length);
            reserveBytes(length);
            bytes = ReadAtMost(stream, length, MaxFileSize);
            if (bytes is null) return OverLimit(file, length: null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Skip(file, "TL9021", Severity.Error, $"Could not read the file: {IoErrors.Describe(ex, file.FullPath, file.DisplayPath)}");
        }
        return Decoded(file, bytes);
    }

    private Outcome Decoded(InputFile file, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(file.DisplayPath, bytes, LegacyEncoding);
        if (decoded.Text is not { } source)
            return decoded.Skip == DecodeSkip.UnknownEncoding
                ? Skip(file, "TL9026", Severity.Warning, $"Skipped: {decoded.SkipReason}. Convert it to UTF-8, or name its encoding with --encoding.")
                : Skip(file, "TL9023", Severity.Warning, $"Skipped: {decoded.SkipReason}.");
        var document = Document.Create(source);
        var analysis = _engine.Analyze(document);
        var notes = new List<ConfigurationDiagnostic>(analysis.Notifications);
        notes.AddRange(DecodingNotes(file, decoded));
        if (document.FallbackReason is { } fallback)
            notes.Add(new ConfigurationDiagnostic("TL9027", Severity.Warning, file.DisplayPath, 0, 0, Capitalize(fallback) + "."));
        FileReport report;
        if (Fixer is null)
        {
            report = new FileReport(source, Baseline?.Apply(file, source, analysis.Diagnostics) ?? analysis.Diagnostics);
        }
        else
        {
            // Baselined findings are not fixed, so the baseline classifies first (without counting); it
            // counts and records once, on the text that is finally reported — the fixed one if written.
            var classified = Baseline?.Classify(file, source, analysis.Diagnostics) ?? analysis.Diagnostics;
            report = Fixer.Apply(new FileReport(source, classified), text => _engine.Analyze(Document.Create(text)), notes);
            var raw = report.Fixes is { Written: true } ? report.Diagnostics : analysis.Diagnostics;
            report = report with { Diagnostics = Baseline?.Apply(file, report.Source, raw) ?? raw };
        }
        return new Outcome(report, notes.Count == 0 ? null : notes.ToImmutableArray());
    }

    /// <summary>What the reader should know about how the bytes became text: replaced bytes (TL9024), a guessed encoding (TL9025).</summary>
    private static IEnumerable<ConfigurationDiagnostic> DecodingNotes(InputFile file, DecodeResult decoded)
    {
        var source = decoded.Text!;
        var encoding = source.Encoding;
        if (encoding.HadInvalidBytes)
        {
            // Point at the first replaced sequence, at the same line and column a finding there would have.
            var at = source.Lines.GetLinePosition(decoded.FirstInvalidOffset ?? 0);
            string count = decoded.InvalidSequences == 1 ? "1 invalid byte sequence was" : $"{decoded.InvalidSequences} invalid byte sequences were";
            yield return new ConfigurationDiagnostic("TL9024", Severity.Warning, file.DisplayPath, at.Line + 1, at.Character + 1,
                $"The file is not valid {encoding.Name.ToUpperInvariant()}: {count} read as U+FFFD (the first is here); every other position is unaffected.");
        }
        if (encoding.Detected)
        {
            string why = encoding.IsUnicode
                ? "it has no byte-order mark but reads as UTF-16"
                : "it is not UTF-8 and reads as text in this code page";
            string others = decoded.Alternatives.Count == 0 ? "" : $"; {string.Join(" or ", decoded.Alternatives)} would also fit";
            yield return new ConfigurationDiagnostic("TL9025", Severity.Warning, file.DisplayPath, 0, 0,
                $"Decoded as {encoding.Name} (detected: {why}{others}). Convert it to UTF-8, or confirm with --encoding {encoding.Name}.");
        }
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <param name="length">The file's size, or null when it grew past the limit while being read.</param>
    private Outcome OverLimit(InputFile file, long? length) =>
        Skip(file, "TL9022", Severity.Warning, length is { } n
            ? $"Skipped: the file is {n:N0} bytes, over the {MaxFileSize:N0}-byte limit (--max-file-size)."
            : $"Skipped: the file grew past the {MaxFileSize:N0}-byte limit (--max-file-size) while it was read.");

    /// <summary>
    /// Reads to the end, but never more than <paramref name="limit"/> bytes: a file may grow while it is
    /// read, and some files report a length of 0 yet have content. Null when the limit is exceeded.
    /// </summary>
    private static byte[]? ReadAtMost(Stream stream, long expected, long limit)
    {
        var buffer = new byte[(int)Math.Clamp(expected, 0, limit) + (expected < limit ? 1 : 0)];
        int total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > limit) return null;
                long grown = Math.Min(limit + 1, Math.Max(4096, (long)buffer.Length * 2));
                Array.Resize(ref buffer, (int)grown);
            }
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
            if (total > limit) return null;
        }
        if (total != buffer.Length) Array.Resize(ref buffer, total);
        return buffer;
    }

    private static Outcome Skip(InputFile file, string code, Severity severity, string message) =>
        new(null, ImmutableArray.Create(new ConfigurationDiagnostic(code, severity, file.DisplayPath, 0, 0, message)));
}
