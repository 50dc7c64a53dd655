using System.Diagnostics;
using TextLint.Output;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// When a run shows a progress bar. It is drawn on stderr, so it never mixes into a report piped to a
/// file or another program; it is only for a person watching a terminal on a long run, so never when
/// stderr is redirected, never in CI (the <c>CI</c> variable every CI service sets), never on a
/// terminal that cannot move the cursor (<c>TERM=dumb</c>), never for a handful of files.
/// </summary>
public static class ProgressPolicy
{
    /// <summary>Runs with fewer files finish before a bar would be worth reading.</summary>
    public const int MinimumFiles = 50;

    public static bool ShouldShow(int fileCount, bool stderrIsTerminal, Func<string, string?> environment, bool disabledByFlag) =>
        !disabledByFlag
        && stderrIsTerminal
        && fileCount >= MinimumFiles
        && string.IsNullOrEmpty(environment("CI"))
        && environment("TERM") != "dumb";
}

/// <summary>
/// A one-line progress bar on stderr, redrawn in place, wrapped around the run's report writer: the
/// writer is called on the one thread that emits files in order, so counting there needs no locks.
/// Findings printed to the same terminal must not land in the middle of the bar: before a file's
/// findings are written the bar is erased, the report is flushed, and the bar is drawn again.
/// The bar appears only after a short delay (quick runs never flash one) and at most ten times a second.
/// Hand-written rather than Spectre.Console's: one line of ANSI is all it needs, and the tool's
/// start-up time and package stay as they are.
/// </summary>
public sealed class ProgressBar : IReportWriter
{
    private const string EraseLine = "\r\u001b[2K";
    private const int BarWidth = 30;
    private static readonly TimeSpan FirstDraw = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(100);

    private readonly IReportWriter _inner;
    private readonly TextWriter _terminal;
    private readonly int _total;
    private readonly Action _flushReport;
    private readonly Func<TimeSpan> _clock;
    private TimeSpan _lastDraw;
    private int _done;
    private bool _drawn;

    /// <param name="inner">The report writer.</param>
    /// <param name="terminal">stderr, a terminal.</param>
    /// <param name="total">Files in the run.</param>
    /// <param name="flushReport">Flushes the report, so what it printed is on screen before the bar is redrawn.</param>
    /// <param name="clock">Time since the run started (injectable for tests).</param>
    public ProgressBar(IReportWriter inner, TextWriter terminal, int total, Action flushReport, Func<TimeSpan>? clock = null)
    {
        _inner = inner;
        _terminal = terminal;
        _total = total;
        _flushReport = flushReport;
        if (clock is null)
        {
            var sw = Stopwatch.StartNew();
            clock = () => sw.Elapsed;
        }
        _clock = clock;
    }

    public void Begin(RunInfo run) => _inner.Begin(run);

    public void WriteFile(FileReport file)
    {
        _done++;
        if (!file.Diagnostics.IsEmpty)
        {
            Erase();
            _inner.WriteFile(file);
            _flushReport();
        }
        else
        {
            _inner.WriteFile(file);
        }
        var now = _clock();
        if (now >= FirstDraw && (!_drawn || now - _lastDraw >= Redraw))
        {
            _terminal.Write(EraseLine + Render(_done, _total));
            _terminal.Flush();
            _drawn = true;
            _lastDraw = now;
        }
    }

    /// <summary>Removes the bar (before notifications and the summary are printed).</summary>
    public void Erase()
    {
        if (!_drawn) return;
        _terminal.Write(EraseLine);
        _terminal.Flush();
        _drawn = false; // so the bar comes back with the next file, whatever the throttle says
    }

    public void End(RunSummary summary)
    {
        Erase();
        _inner.End(summary);
    }

    public void Dispose()
    {
        Erase();
        _inner.Dispose();
    }

    /// <summary>The bar's text, e.g. <c>Linting [=========&gt;          ] 312/1000 files</c>, short enough for an 80-column terminal.</summary>
    public static string Render(int done, int total)
    {
        int filled = total <= 0 ? BarWidth : (int)((long)Math.Min(done, total) * BarWidth / total);
        string bar = filled >= BarWidth ? new string('=', BarWidth) : new string('=', filled) + ">" + new string(' ', BarWidth - filled - 1);
        return $"Linting [{bar}] {done}/{total} files";
    }
}
