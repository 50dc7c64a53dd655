using TextLint.Cli.Configuration;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Engine.Baselines;
using TextLint.Output;
using TextLint.Pipeline;
using TextLint.Rules;

namespace TextLint.Cli.Infrastructure;

/// <summary>What a run found, for the exit code and the summary.</summary>
public sealed class RunTotals
{
    public int Files;
    public int Errors;
    public int Warnings;
    public int Infos;
    public List<ConfigurationDiagnostic> ExecutionNotifications { get; } = new();

    /// <summary>Every result a SARIF log would hold (severity above none, suppressed and baselined too), per <see cref="ResultCap.Rank"/>.</summary>
    public long[] ResultCounts { get; } = new long[ResultCap.RankCount];
}

/// <summary>
/// The command line's shell around Core's <see cref="LintPipeline"/>: each file's report is formatted on
/// the worker that linted it (for the writers that can), handed to the writers in input order, and
/// counted for the exit code and the summary.
/// </summary>
public sealed class LintRunner
{
    public const long DefaultMaxFileSize = FileLinter.DefaultMaxFileSize;

    /// <summary>--jobs above this is taken as this: more workers than files in flight only cost memory (and jobs × 16 must fit an int).</summary>
    public const int MaxJobs = 256;

    private readonly LintEngine _engine;
    private readonly int _jobs;

    public LintRunner(LintEngine engine, int jobs)
    {
        _engine = engine;
        _jobs = Math.Clamp(jobs, 1, MaxJobs);
    }

    /// <summary>Files larger than this are skipped with a notification (and never read past it).</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>The encoding of files that have no byte-order mark and are not valid UTF-8 (--encoding); null to detect it.</summary>
    public System.Text.Encoding? LegacyEncoding { get; init; }

    /// <summary>Marks each finding new or known (--baseline), or records them (--update-baseline).</summary>
    public BaselineRun? Baseline { get; init; }

    /// <summary>--cache: analyses of unchanged files from earlier runs; null without it.</summary>
    public IAnalysisCache? Cache { get; init; }

    /// <summary>--fix / --diff: runs on the worker right after a file is analysed.</summary>
    public FixWriter? Fixer { get; init; }

    /// <summary>--allow-skipped: a file not linted completely is a warning, not a failure (see <see cref="FileLinter.AllowSkipped"/>).</summary>
    public bool AllowSkipped { get; init; }

    /// <summary>
    /// Lints <paramref name="files"/> (consumed lazily, once, in order) and writes each file's report in
    /// that order.
    /// </summary>
    public RunTotals Run(IEnumerable<InputFile> files, IReadOnlyList<IReportWriter> writers, CancellationToken cancellation = default)
    {
        var linter = new FileLinter(_engine)
        {
            MaxFileSize = MaxFileSize,
            LegacyEncoding = LegacyEncoding,
            Baseline = Baseline,
            Fixer = Fixer,
            Cache = Cache,
            IssuesUri = ToolInfo.InformationUri,
            AllowSkipped = AllowSkipped,
            FoundByWalk = d => d is InputFile { Explicit: false },
        };
        var totals = new RunTotals();
        var failures = new LintPipeline(linter, _jobs).Run(files, r => Render(writers, r.Report!), (result, rendered) => Emit(result, rendered, writers, totals), cancellation);
        totals.ExecutionNotifications.AddRange(failures);
        return totals;
    }

    private static void Emit(FileResult result, RenderedPart?[]? rendered, IReadOnlyList<IReportWriter> writers, RunTotals totals)
    {
        totals.ExecutionNotifications.AddRange(result.Notifications);
        if (result.Report is not { } report) return;
        totals.Files++;
        foreach (var d in report.Diagnostics)
        {
            if (d.Severity != Severity.None) totals.ResultCounts[ResultCap.Rank(d)]++;
            if (!d.IsActive) continue;
            switch (d.Severity)
            {
                case Severity.Error: totals.Errors++; break;
                case Severity.Warning: totals.Warnings++; break;
                case Severity.Info: totals.Infos++; break;
            }
        }
        for (int w = 0; w < writers.Count; w++)
        {
            if (rendered?[w] is { } part) ((IRenderingReportWriter)writers[w]).WriteRendered(report, part);
            else writers[w].WriteFile(report);
        }
    }

    /// <summary>
    /// Formats the file's part of the report for the writers that can do it here, on the worker, so the
    /// ordered writer only copies bytes (the same bytes, whatever the number of jobs).
    /// </summary>
    private static RenderedPart?[]? Render(IReadOnlyList<IReportWriter> writers, FileReport report)
    {
        RenderedPart?[]? rendered = null;
        for (int w = 0; w < writers.Count; w++)
            if (writers[w] is IRenderingReportWriter r) (rendered ??= new RenderedPart?[writers.Count])[w] = r.Render(report);
        return rendered;
    }
}
