using System.Collections.Immutable;
using System.Diagnostics;
using TextLint.Cli.Configuration;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Engine.Baselines;
using TextLint.Output;
using TextLint.Text;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint [paths]</c>: lint articles and report.</summary>
public static class LintCommand
{
    public static readonly OptionSpec[] Options =
    [
        new("--rules", null, "dir|file", "Add a rule pack (repeatable).", Repeatable: true),
        new("--no-default-rules", null, null, "Do not load the bundled editorial pack."),
        new("--jobs", "-j", "n", "Files linted in parallel (default: number of processors)."),
        new("--max-file-size", null, "size", "Skip larger files, with a notification (default 50M; K, M, G suffixes)."),
        new("--encoding", null, "name", "Encoding of files with no byte-order mark that are not UTF-8, e.g. windows-1251 (default: auto, which detects it)."),
        .. ReportOptions.Specs,
        .. FixOptions.Specs,
        new("--stdin", null, null, "Lint standard input instead of files ('-' as the only path does the same)."),
        new("--stdin-filename", null, "path", $"The path standard input is linted as: shown in output, .md selects Markdown (default {StandardInput.DefaultName}, plain text)."),
        new("--no-progress", null, null, $"Never draw the progress bar (drawn on stderr on a terminal when {ProgressPolicy.MinimumFiles}+ files, never in CI)."),
        .. LintConfiguration.Options,
        new("--help", "-h", null, "Show this help."),
        new("--version", null, null, "Show the version."),
    ];

    public const string Usage = "usage: dotnet textlint [lint] [<path|glob>...] [--rules <dir|file>]... [--no-default-rules] [--format console|sarif|json|github|msbuild] [-o <file>] [--sarif <file>] [--fix|--diff]\n" +
                                "       dotnet textlint [lint] --stdin [--stdin-filename <path>] [options]\n" +
                                "       dotnet textlint <command> [<args>] (see 'dotnet textlint help')";

    public static string Help => $"""
        TextLint {ToolInfo.Version}: editorial linting for articles.

        {Usage}

        Paths are files, folders (searched recursively for *.txt, *.md, *.markdown) or globs; default ".".
        To lint a folder that has a command's name, write it as a path: ./rules.

        Options:
        {ArgParser.FormatOptions(Options)}

        Commands ('dotnet textlint <command> --help' for each):
        {CliApp.FormatCommandList()}

        Exit codes:
          0  no error-level finding (with --baseline: no new one)
          1  at least one error-level finding (with --baseline: a new one)
          2  usage, configuration, rule-load or I/O failure
          130  interrupted (Ctrl-C); an -o report is left as it was

        Examples:
          dotnet textlint articles/
          dotnet textlint "drafts/**/*.md" --format sarif -o textlint.sarif
          dotnet textlint articles/ --format github --sarif textlint.sarif
          dotnet textlint articles/ --diff
          dotnet textlint --rules house-style/ --no-default-rules story.txt
          cat draft.md | dotnet textlint --stdin --stdin-filename drafts/draft.md --format sarif
          dotnet textlint --severity Attribution=error --warnaserror articles/
          dotnet textlint --baseline textlint.baseline.json articles/
        """;

    public static int Run(IReadOnlyList<string> args, CliContext ctx)
    {
        ParsedArgs parsed;
        try
        {
            parsed = ArgParser.Parse(args, Options);
        }
        catch (UsageException ex)
        {
            return UsageError(ctx, ex.Message);
        }
        if (parsed.Has("--help")) { ctx.Out.WriteLine(Help); return ExitCodes.Success; }
        if (parsed.Has("--version")) { ctx.Out.WriteLine(ToolInfo.Version); return ExitCodes.Success; }

        ReportOptions reporting;
        FixOptions fixing;
        try
        {
            reporting = ReportOptions.Parse(parsed, ctx.WorkingDirectory);
            fixing = FixOptions.Parse(parsed);
        }
        catch (UsageException ex)
        {
            return UsageError(ctx, ex.Message);
        }
        int jobs = Environment.ProcessorCount;
        if (parsed.Value("--jobs") is { } jobsText && (!int.TryParse(jobsText, out jobs) || jobs < 1))
            return UsageError(ctx, $"--jobs needs a positive whole number, not '{jobsText}'.");
        long maxFileSize = LintRunner.DefaultMaxFileSize;
        if (parsed.Value("--max-file-size") is { } sizeText && !ByteSize.TryParse(sizeText, out maxFileSize))
            return UsageError(ctx, $"--max-file-size needs a size such as 50M, 512K or 1000000 (at most 1G), not '{sizeText}'.");

        System.Text.Encoding? legacyEncoding = null;
        if (parsed.Value("--encoding") is { } encodingName && encodingName != "auto"
            && (legacyEncoding = TextEncodingInfo.FindEncoding(encodingName)) is null)
            return UsageError(ctx, $"Unknown encoding '{encodingName}'; use a name such as utf-8, windows-1251, windows-1252, koi8-r, iso-8859-5 or utf-16le, or auto.");

        var stopwatch = Stopwatch.StartNew();
        var config = LintConfiguration.Load(parsed, ctx);
        if (config.UsageError is { } usage) return UsageError(ctx, usage);
        if (config.Errors.Count > 0) return ConfigurationFailed(ctx, reporting, config.Errors, stopwatch.Elapsed);
        var ruleSet = config.Rules;
        var engine = new LintEngine(ruleSet, config.Severities) { InlineSuppressions = config.InlineSuppressions };

        bool stdin = parsed.Has("--stdin") || parsed.Positionals is ["-"];
        if (stdin && parsed.Positionals.Any(p => p != "-"))
            return UsageError(ctx, "Lint either standard input or paths, not both.");
        if (parsed.Has("--stdin-filename") && !stdin)
            return UsageError(ctx, "--stdin-filename names standard input; add --stdin.");
        if (!stdin && parsed.Positionals.Contains("-"))
            return UsageError(ctx, "'-' (standard input) must be the only path.");

        var inputProblems = new List<ConfigurationDiagnostic>();
        // Standard input is one in-memory file. Otherwise the input is walked twice rather than held as a
        // list of every file: the first pass collects the folders whose .editorconfig must be read up
        // front (and counts the files for the progress bar), the second, lazy one feeds the run (its
        // problems are complete once the run is). Memory stays flat at any tree size.
        InputFile? stdinFile = stdin ? StandardInput.Read(ctx, parsed.Value("--stdin-filename"), maxFileSize, inputProblems) : null;
        IEnumerable<InputFile> Inputs(List<ConfigurationDiagnostic> problems) =>
            stdin
                ? (stdinFile is { } one ? [one with { Explicit = true }] : [])
                : config.FilterInputs(InputFiles.Enumerate(parsed.Positionals, ctx.WorkingDirectory, problems));
        int fileCount = 0;
        config.PrepareFor(Inputs(new List<ConfigurationDiagnostic>()).Select(f => { fileCount++; return f; }));
        if (config.Errors.Count > 0) return ConfigurationFailed(ctx, reporting, config.Errors, stopwatch.Elapsed);
        foreach (var w in config.Warnings) ctx.Error.WriteLine(w.ToString());
        var files = Inputs(inputProblems);

        using var outputs = reporting.Open(ctx, diff: fixing.Diff);
        var writers = outputs.Writers;
        // The bar wraps the first writer: the one that may share the terminal with it.
        var progress = writers.Count > 0 && ProgressPolicy.ShouldShow(fileCount, !ctx.IsErrorRedirected, ctx.GetEnvironmentVariable, parsed.Has("--no-progress"))
            ? new ProgressBar(writers[0], ctx.Error, fileCount, outputs.Flush)
            : null;
        if (progress is not null) writers = [progress, .. writers.Skip(1)];
        var run = RunInfoFor(ctx, ruleSet.Descriptors, reporting.OmitSourceRoot);
        foreach (var w in writers) w.Begin(run);
        var runner = new LintRunner(engine, jobs)
        {
            LegacyEncoding = legacyEncoding,
            Baseline = config.Baseline,
            Fixer = fixing.CreateFixer(ctx.WorkingDirectory),
            MaxFileSize = maxFileSize,
        };
        RunTotals totals;
        try
        {
            totals = runner.Run(files, writers, ctx.Cancellation);
        }
        finally
        {
            progress?.Erase(); // before notifications, or a cancellation message, reach the terminal
        }
        var notifications = inputProblems.Concat(totals.ExecutionNotifications).ToImmutableArray();
        foreach (var n in notifications) ctx.Error.WriteLine(n.ToString());
        var summary = new RunSummary
        {
            FileCount = totals.Files,
            Elapsed = stopwatch.Elapsed,
            ConfigurationNotifications = [.. config.Warnings],
            ExecutionNotifications = notifications,
            RuleConfigurationOverrides = config.Severities.Overrides(),
        };
        foreach (var w in writers) w.End(summary);
        if (!outputs.Commit(ctx)) return ExitCodes.Failure;
        bool failed = notifications.Any(n => n.Severity == Severity.Error);
        if (config.Baseline is { } baseline && BaselineOutcome(ctx, baseline, failed) is { } exit) return exit;
        if (failed) return ExitCodes.Failure;
        return totals.Errors > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>--update-baseline writes the file and ends the run with 0; a compared baseline reports what is gone.</summary>
    private static int? BaselineOutcome(CliContext ctx, BaselineRun baseline, bool failed)
    {
        if (!baseline.IsUpdate)
        {
            if (baseline.Absent > 0)
                ctx.Error.WriteLine($"textlint: {baseline.Absent} {(baseline.Absent == 1 ? "finding of the baseline no longer occurs" : "findings of the baseline no longer occur")}; --update-baseline drops them from {baseline.DisplayPath}.");
            return null;
        }
        if (failed)
        {
            ctx.Fail($"The baseline was not written: some files could not be linted, and their findings would be missing from {baseline.DisplayPath}.");
            return ExitCodes.Failure;
        }
        if (!baseline.Write(ctx, out int findings, out int files)) return ExitCodes.Failure;
        ctx.Error.WriteLine($"textlint: wrote {findings} {(findings == 1 ? "finding" : "findings")} in {files} {(files == 1 ? "file" : "files")} to {baseline.DisplayPath}.");
        return ExitCodes.Success;
    }

    private static RunInfo RunInfoFor(CliContext ctx, ImmutableArray<Rules.RuleDescriptor> rules, bool omitSourceRoot) => new()
    {
        ToolName = ToolInfo.Name,
        ToolVersion = ToolInfo.Version,
        InformationUri = ToolInfo.InformationUri,
        Rules = rules,
        WorkingDirectory = ctx.WorkingDirectory,
        OmitSourceRoot = omitSourceRoot,
    };

    /// <summary>
    /// Configuration or rule packs failed: nothing is linted, the errors go to stderr, and machine-read
    /// reports (SARIF, JSON, GitHub annotations, --sarif) still get a complete log with the errors as
    /// toolConfigurationNotifications and executionSuccessful false, so a CI upload shows why.
    /// </summary>
    private static int ConfigurationFailed(CliContext ctx, ReportOptions reporting, IReadOnlyList<ConfigurationDiagnostic> errors, TimeSpan elapsed)
    {
        foreach (var e in errors) ctx.Error.WriteLine(e.ToString());
        ctx.Fail($"{errors.Count} {(errors.Count == 1 ? "error" : "errors")} in the configuration or rule packs; nothing was linted.");
        if (reporting.IsMachineFormat || reporting.SarifPath is not null)
        {
            using var outputs = reporting.Open(ctx, machineOnly: true);
            var run = RunInfoFor(ctx, ImmutableArray<Rules.RuleDescriptor>.Empty, reporting.OmitSourceRoot);
            var summary = new RunSummary { FileCount = 0, Elapsed = elapsed, ConfigurationNotifications = [.. errors] };
            foreach (var w in outputs.Writers)
            {
                w.Begin(run);
                w.End(summary);
            }
            outputs.Commit(ctx);
        }
        return ExitCodes.Failure;
    }

    internal static int UsageError(CliContext ctx, string message) => ctx.UsageError(message, Usage, "dotnet textlint --help");
}
