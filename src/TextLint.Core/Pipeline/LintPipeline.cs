using System.Collections.Immutable;
using System.Threading.Channels;
using TextLint.Diagnostics;

namespace TextLint.Pipeline;

/// <summary>
/// Lints documents in parallel and hands each result over in input order, as ripgrep's parallel
/// searcher feeds its printer. Workers run ahead of the consumer by a bounded window only, counted in
/// files (a bounded <see cref="Channel"/> of pending results) and in bytes, so memory stays flat however
/// many and however large the files are. Every document yields exactly one result (a problem with it is
/// its notification), so the ordered hand-over can never wait forever; the output is the same whatever
/// the number of jobs.
/// </summary>
/// <example>
/// <code>
/// var pipeline = new LintPipeline(new FileLinter(engine), jobs: Environment.ProcessorCount);
/// pipeline.Run(sources, prepare: r => (object?)null, emit: (r, _) => Console.WriteLine(r.Source.DisplayPath));
/// </code>
/// </example>
public sealed class LintPipeline
{
    /// <summary>Documents read but not yet emitted, at most, per job.</summary>
    public const int FilesAheadPerJob = 16;

    /// <summary>Bytes read but not yet emitted, at most (one larger file is always let through alone).</summary>
    public const long BytesAhead = 64L * 1024 * 1024;

    /// <summary>The code of a run-level failure: listing the inputs failed, an internal error.</summary>
    public const string InternalErrorCode = NotificationCodes.InternalError;

    private readonly int _jobs;

    public LintPipeline(FileLinter linter, int jobs)
    {
        Linter = linter;
        _jobs = Math.Max(1, jobs);
    }

    public FileLinter Linter { get; }

    /// <summary>
    /// Lints <paramref name="sources"/> (consumed lazily, once, in order, on one thread) and calls
    /// <paramref name="emit"/> for each result in that order, on the calling thread.
    /// <paramref name="prepare"/> runs on the worker right after a document is linted, only for a linted
    /// one (<see cref="FileResult.Report"/> not null), so work such as formatting a report can overlap
    /// other documents; an exception there becomes the document's notification.
    /// </summary>
    /// <returns>Notifications of the run itself: listing the inputs failed (the documents after it were not linted).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public ImmutableArray<ConfigurationDiagnostic> Run<T>(IEnumerable<DocumentSource> sources, Func<FileResult, T> prepare, Action<FileResult, T?> emit,
        CancellationToken cancellation = default)
    {
        if (_jobs == 1)
        {
            using var each = sources.GetEnumerator();
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!MoveNext(each, out var source, out var failure))
                    return failure is null ? [] : [failure];
                var (result, prepared) = Process(source, prepare, null, cancellation);
                emit(result, prepared);
            }
        }

        var budget = new ByteBudget(BytesAhead);
        // Pending results in input order: its capacity is the window of documents in flight.
        var ordered = Channel.CreateBounded<Slot<T>>(new BoundedChannelOptions(_jobs * FilesAheadPerJob) { SingleWriter = true, SingleReader = true });
        var work = Channel.CreateUnbounded<Slot<T>>(new UnboundedChannelOptions { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConfigurationDiagnostic? listingFailure = null;

        var producer = Task.Run(async () =>
        {
            try
            {
                using var input = sources.GetEnumerator();
                for (int i = 0; ; i++)
                {
                    if (!MoveNext(input, out var source, out listingFailure)) break;
                    var slot = new Slot<T>(i, source);
                    await ordered.Writer.WriteAsync(slot, stop.Token).ConfigureAwait(false);
                    work.Writer.TryWrite(slot);
                }
            }
            finally
            {
                ordered.Writer.TryComplete();
                work.Writer.TryComplete();
            }
        }, stop.Token);

        var workers = new Task[_jobs];
        for (int w = 0; w < _jobs; w++)
        {
            workers[w] = Task.Factory.StartNew(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (!work.Reader.TryRead(out var slot))
                    {
                        if (!work.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult()) return;
                        continue;
                    }
                    slot.Complete(Process(slot.Source, prepare, size => budget.WaitForBytes(slot.Index, size, stop.Token), stop.Token));
                }
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!ordered.Reader.TryRead(out var slot))
                {
                    if (!ordered.Reader.WaitToReadAsync(cancellation).AsTask().GetAwaiter().GetResult()) break;
                    continue;
                }
                slot.Done.Task.Wait(cancellation);
                var (result, prepared) = slot.Done.Task.Result;
                emit(result, prepared);
                budget.Release(result.Bytes);
            }
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // Normally every task has already ended; after a cancellation or a failing consumer they stop
            // at their next document. Waiting for them keeps no thread running past the run.
            stop.Cancel();
            try { Task.WaitAll([producer, .. workers]); }
            catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException)) { }
        }
        return listingFailure is null ? [] : [listingFailure];
    }

    private (FileResult, T?) Process<T>(DocumentSource source, Func<FileResult, T> prepare, Action<long>? reserveBytes, CancellationToken cancellation)
    {
        var result = Linter.Lint(source, reserveBytes, cancellation);
        if (result.Report is null) return (result, default);
        try
        {
            return (result, prepare(result));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var note = new ConfigurationDiagnostic(InternalErrorCode, Severity.Error, source.DisplayPath, 0, 0,
                $"Internal error while linting this file ({ex.GetType().Name}: {IoErrors.Describe(ex, source.FullPath, source.DisplayPath)})"
                + (Linter.IssuesUri is null ? "" : $" Please report this at {Linter.IssuesUri}/issues."));
            return (result with { Report = null, Notifications = [note] }, default);
        }
    }

    /// <summary>The next input; a failure of the input itself ends it with a notification instead of a stalled run.</summary>
    private static bool MoveNext(IEnumerator<DocumentSource> input, out DocumentSource source, out ConfigurationDiagnostic? failure)
    {
        failure = null;
        try
        {
            if (input.MoveNext())
            {
                source = input.Current;
                return true;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = new ConfigurationDiagnostic(InternalErrorCode, Severity.Error, ".", 0, 0,
                $"Internal error while listing the input files ({ex.GetType().Name}: {ex.Message}); the files after it were not linted.");
        }
        source = null!;
        return false;
    }

    private sealed class Slot<T>(int index, DocumentSource source)
    {
        public int Index { get; } = index;
        public DocumentSource Source { get; } = source;
        public TaskCompletionSource<(FileResult, T?)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Complete((FileResult, T?) value) => Done.SetResult(value);
    }

    /// <summary>
    /// Bytes read but not yet emitted. A worker waits until its file fits; the file the consumer needs
    /// next is always let through, so the budget can slow the run but never deadlock it.
    /// </summary>
    private sealed class ByteBudget(long budget)
    {
        private readonly object _gate = new();
        private long _inFlight;
        private int _nextToEmit;

        public void WaitForBytes(int index, long size, CancellationToken cancellation)
        {
            lock (_gate)
            {
                while (_inFlight > 0 && _inFlight + size > budget && index != _nextToEmit)
                {
                    cancellation.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate, 100);
                }
                _inFlight += size;
            }
        }

        public void Release(long bytes)
        {
            lock (_gate)
            {
                _inFlight -= bytes;
                _nextToEmit++;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
