using System.Collections.Immutable;
using TextLint.Analysis;
using TextLint.Cli.Configuration;
using TextLint.Diagnostics;
using TextLint.Output;
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
/// Lints files in parallel and hands each file's report to the writers in input order. Workers may run
/// ahead of the writer by a bounded window only, so memory stays flat however many files there are.
/// </summary>
public sealed class LintRunner
{
    public const long DefaultMaxFileSize = 50L * 1024 * 1024;

    private readonly LintEngine _engine;
    private readonly int _jobs;

    public LintRunner(LintEngine engine, int jobs)
    {
        _engine = engine;
        _jobs = Math.Max(1, jobs);
    }

    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>The encoding of files that have no byte-order mark and are not valid UTF-8 (--encoding); null to detect it.</summary>
    public System.Text.Encoding? LegacyEncoding { get; init; }

    /// <summary>Marks each finding new or known (--baseline), or records them (--update-baseline).</summary>
    public BaselineRun? Baseline { get; init; }

    /// <summary>--fix / --diff: runs on the worker right after a file is analysed.</summary>
    public FixWriter? Fixer { get; init; }

    public RunTotals Run(IReadOnlyList<InputFile> files, IReadOnlyList<IReportWriter> writers, CancellationToken cancellation = default)
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
            foreach (var w in writers) w.WriteFile(outcome.Report);
        }

        if (_jobs == 1 || files.Count <= 1)
        {
            foreach (var f in files)
            {
                cancellation.ThrowIfCancellationRequested();
                Emit(Process(f));
            }
            return totals;
        }

        var slots = new TaskCompletionSource<Outcome>[files.Count];
        for (int i = 0; i < slots.Length; i++) slots[i] = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Stops the workers on Ctrl-C and also when the writer side fails, so no worker waits forever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var window = new SemaphoreSlim(_jobs * 16);
        int next = -1;
        var workers = new Task[_jobs];
        for (int w = 0; w < _jobs; w++)
        {
            workers[w] = Task.Factory.StartNew(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try { window.Wait(stop.Token); }
                    catch (OperationCanceledException) { return; }
                    int i = Interlocked.Increment(ref next);
                    if (i >= files.Count) { window.Release(); return; }
                    // A file is finished once started (a --fix write is never left half done).
                    try { slots[i].SetResult(Process(files[i])); }
                    catch (Exception ex) { slots[i].SetException(ex); }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            for (int i = 0; i < slots.Length; i++)
            {
                // A slot no worker will fill any more (after Ctrl-C) must not be waited for forever.
                var outcome = slots[i].Task.WaitAsync(cancellation).GetAwaiter().GetResult();
                slots[i] = null!; // let the report be collected once written
                Emit(outcome);
                window.Release();
            }
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(workers);
        }
        return totals;
    }

    private sealed record Outcome(FileReport? Report, ImmutableArray<ConfigurationDiagnostic>? Notifications);

    private Outcome Process(InputFile file)
    {
        byte[] bytes;
        try
        {
            long length = file.Content?.LongLength ?? new FileInfo(file.FullPath).Length;
            if (length > MaxFileSize)
                return Skip(file, "TL9022", Severity.Warning, $"Skipped: the file is {length:N0} bytes, over the {MaxFileSize:N0}-byte limit.");
            bytes = file.Content ?? File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Skip(file, "TL9021", Severity.Error, $"Could not read the file: {ex.Message}");
        }
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

    private static Outcome Skip(InputFile file, string code, Severity severity, string message) =>
        new(null, ImmutableArray.Create(new ConfigurationDiagnostic(code, severity, file.DisplayPath, 0, 0, message)));
}
