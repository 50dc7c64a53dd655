using System.Collections.Immutable;
using System.CommandLine;
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
    public static readonly Argument<string[]> PathsArgument = new("path") { HelpName = "path|glob", Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => [] };

    public static readonly Option<int> JobsOption = CliSyntax.Typed("--jobs", "n", $"Files linted in parallel (default: number of processors; at most {LintRunner.MaxJobs}).",
        t => int.TryParse(t, out int n) && n >= 1 ? Math.Min(n, LintRunner.MaxJobs) : (int?)null, t => $"--jobs needs a positive whole number, not '{t}'.", () => Environment.ProcessorCount, "-j");

    public static readonly Option<long> MaxFileSizeOption = CliSyntax.Typed("--max-file-size", "size", "Skip larger files, with a notification (default 50M; K, M, G suffixes).",
        t => ByteSize.TryParse(t, out long n) ? n : (long?)null, t => $"--max-file-size needs a size such as 50M, 512K or 1000000 (at most 1G), not '{t}'.", () => LintRunner.DefaultMaxFileSize);

    /// <summary>null: auto (detected per file).</summary>
    public static readonly Option<System.Text.Encoding?> EncodingOption = new("--encoding")
    {
        Description = "Encoding of files with no byte-order mark that are not UTF-8, e.g. windows-1251 (default: auto, which detects it).",
        HelpName = "name",
        CustomParser = r =>
        {
            string name = r.Tokens[0].Value;
            if (name == "auto") return null;
            if (TextEncodingInfo.FindEncoding(name) is { } found) return found;
            r.AddError($"Unknown encoding '{name}'; use a name such as utf-8, windows-1251, windows-1252, koi8-r, iso-8859-5 or utf-16le, or auto.");
            return null;
        },
    };

    public static readonly Option<bool> StdinOption = CliSyntax.Flag("--stdin", "Lint standard input instead of files ('-' as the only path does the same).");
    public static readonly Option<string?> StdinFilenameOption = CliSyntax.Value("--stdin-filename", "path", $"The path standard input is linted as: shown in output, .md selects Markdown (default {StandardInput.DefaultName}, plain text).");
    public static readonly Option<bool> NoProgressOption = CliSyntax.Flag("--no-progress", $"Never draw the progress bar (drawn on stderr on a terminal when {ProgressPolicy.MinimumFiles}+ files, never in CI).");
    public static readonly Option<bool> VersionOption = CliSyntax.Flag("--version", "Show the version.");

    /// <summary>Every option of the lint command, in the order help lists them.</summary>
    public static readonly Option[] Options =
    [
        LintConfiguration.RulesOption,
        LintConfiguration.NoDefaultRulesOption,
        JobsOption,
        MaxFileSizeOption,
        EncodingOption,
        .. ReportOptions.Specs,
        .. CiOptions.Specs,
        .. FixOptions.Specs,
        StdinOption,
        StdinFilenameOption,
        NoProgressOption,
        .. InputSelection.Specs,
        .. LintConfiguration.Options,
        CliSyntax.HelpOption(),
        VersionOption,
    ];

    public static string Description => $"""
        TextLint {ToolInfo.Version}: editorial linting for articles.

        Paths are files, folders (searched recursively for *.txt, *.md, *.markdown, skipping what
        .gitignore, .ignore and .textlintignore ignore) or globs in EditorConfig's syntax
        ("drafts/**/*.md"); default ".". A folder or glob with nothing to lint is an error.
        To lint a folder that has a command's name, write it as a path: ./rules.
        """;

    /// <summary>The usage lines: the lint command's (generated), and how to reach the others.</summary>
    public static string Usage => CliSyntax.Usage("dotnet textlint [lint]", CliApp.Lint.Syntax) + "\n"
        + "       dotnet textlint [lint] --stdin [--stdin-filename <path>] [options]\n"
        + "       dotnet textlint <command> [<args>] (see 'dotnet textlint help')";

    public const string Epilogue = """
        Exit codes:
          0  no error-level finding (with --baseline: no new one)
          1  at least one error-level finding (with --baseline: a new one)
          2  usage, configuration, rule-load or I/O failure, or an article not linted
             completely (binary, undecodable, too large, a rule stopped; see --allow-skipped)
          130  interrupted (Ctrl-C); an -o report is left as it was
          143  terminated (SIGTERM); as 130

        Examples:
          dotnet textlint articles/
          dotnet textlint "drafts/**/*.md" --format sarif -o textlint.sarif
          dotnet textlint articles/ --format github --sarif textlint.sarif
          dotnet textlint articles/ --diff
          dotnet textlint articles/ --fix --show-fixes
          dotnet textlint --stdin --stdin-filename drafts/draft.md --fix < draft.md > fixed.md
          dotnet textlint --rules house-style/ --no-default-rules story.txt
          cat draft.md | dotnet textlint --stdin --stdin-filename drafts/draft.md --format sarif
          dotnet textlint --severity Attribution=error --warnaserror articles/
          dotnet textlint --baseline textlint.baseline.json articles/
          dotnet textlint "articles/**/*.{md,txt}" --changed-since origin/main --baseline textlint.baseline.json
          dotnet textlint articles/ --cache --format sarif -o textlint.sarif
          dotnet textlint articles/ --format sarif -o articles.sarif --category articles
          dotnet textlint articles/ --shard 0/4 --format sarif -o shard-0.sarif
          dotnet textlint merge shard-*.sarif -o textlint.sarif
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        if (parsed.GetValue(VersionOption)) { ctx.Out.WriteLine(ToolInfo.Version); return ExitCodes.Success; }

        if (ReportOptions.Parse(parsed, ctx.WorkingDirectory, out string? reportError) is not { } reporting)
            return UsageError(ctx, reportError!);
        if (FixOptions.Parse(parsed, out string? fixError) is not { } fixing)
            return UsageError(ctx, fixError!);
        if (CiOptions.Parse(parsed, out string? ciError) is not { } ci)
            return UsageError(ctx, ciError!);
        reporting.MaxResults = ci.MaxResults;
        var shard = ci.Shard;
        int jobs = parsed.GetValue(JobsOption);
        long maxFileSize = parsed.GetValue(MaxFileSizeOption);
        var legacyEncoding = parsed.GetValue(EncodingOption);
        var positionals = parsed.GetValue(PathsArgument) ?? [];
        var selection = InputSelection.Parse(parsed, ctx.WorkingDirectory);

        var stopwatch = Stopwatch.StartNew();
        var config = LintConfiguration.Load(parsed, ctx);
        if (config.UsageError is { } usage) return UsageError(ctx, usage);
        if (config.Errors.Count > 0) return ConfigurationFailed(ctx, reporting, ci, config.Errors, stopwatch.Elapsed);
        var ruleSet = config.Rules;
        var engine = new LintEngine(ruleSet, config.Severities) { InlineSuppressions = config.InlineSuppressions };

        bool stdin = parsed.GetValue(StdinOption) || positionals is ["-"];
        if (stdin && positionals.Any(p => p != "-"))
            return UsageError(ctx, "Lint either standard input or paths, not both.");
        if (parsed.GetValue(StdinFilenameOption) is not null && !stdin)
            return UsageError(ctx, "--stdin-filename names standard input; add --stdin.");
        if (!stdin && positionals.Contains("-"))
            return UsageError(ctx, "'-' (standard input) must be the only path.");
        if (shard is not null && stdin)
            return UsageError(ctx, "--shard splits the files to lint; standard input is one.");
        if (shard is not null && config.Baseline is { IsUpdate: true })
            return UsageError(ctx, "--update-baseline with --shard would write only this shard's findings; update the baseline in an unsharded run.");
        if (selection.ChangedSince is not null && (stdin || config.Baseline is { IsUpdate: true }))
            return UsageError(ctx, stdin
                ? "--changed-since chooses files to lint; it does not apply to standard input."
                : "--changed-since lints only some files, so --update-baseline would drop the findings of the others; update the baseline from a full run.");

        // --changed-since: the files git says changed; the paths and globs still say where to look.
        HashSet<string>? changed = null;
        if (selection.ChangedSince is { } revision && !stdin)
        {
            changed = GitChanges.Since(revision, ctx.WorkingDirectory, out var gitError);
            if (changed is null) return ConfigurationFailed(ctx, reporting, ci, [gitError!], stopwatch.Elapsed, "nothing was linted");
        }
        var inputOptions = new InputOptions
        {
            AllowEmpty = selection.AllowEmpty || (config.AllowEmpty ?? false),
            RespectIgnoreFiles = selection.RespectIgnoreFiles,
            Keep = config.InputPredicate,
        };

        var inputProblems = new List<ConfigurationDiagnostic>();
        // Standard input is one in-memory file. Otherwise the input is walked twice rather than held as a
        // list of every file: the first pass collects the folders whose .editorconfig must be read up
        // front (and counts the files for the progress bar), the second, lazy one feeds the run (its
        // problems are complete once the run is). Memory stays flat at any tree size.
        InputFile? stdinFile = stdin ? StandardInput.Read(ctx, parsed.GetValue(StdinFilenameOption), maxFileSize, inputProblems) : null;
        IEnumerable<InputFile> Inputs(List<ConfigurationDiagnostic> problems) =>
            stdin
                ? (stdinFile is { } one ? [one with { Explicit = true }] : [])
                : InputFiles.Enumerate(positionals, ctx.WorkingDirectory, problems, inputOptions)
                    .Where(f => changed is null || changed.Contains(f.FullPath));
        int fileCount = 0;
        var targets = stdin ? [] : OutputTargets(ctx, reporting, config.Baseline);
        string? clash = null;
        // Every shard prepares the configuration of all the files, so each reports the same configuration
        // notifications, and a merge of the shards' logs is the log of one run.
        var listing = new List<ConfigurationDiagnostic>();
        config.PrepareFor(Inputs(listing).Select(f =>
        {
            if (shard?.Contains(f.DisplayPath) != false) fileCount++;
            clash ??= targets.Count == 0 ? null : InputTargetClash(f, targets);
            return f;
        }));
        if (config.Errors.Count > 0) return ConfigurationFailed(ctx, reporting, ci, config.Errors, stopwatch.Elapsed);
        // A folder or glob that matched nothing stops the run before anything is linted, as ESLint does.
        if (listing.Where(p => p.Code == NotificationCodes.NoFilesMatched).ToList() is { Count: > 0 } empty)
            return ConfigurationFailed(ctx, reporting, ci, empty, stopwatch.Elapsed, "nothing was linted");
        if (clash is not null)
        {
            ctx.Fail($"'{clash}' is one of the files being linted; the report would replace it. Write the report to another file.");
            return ExitCodes.Failure;
        }
        foreach (var w in config.Warnings) ctx.Error.WriteLine(w.ToString());
        var shardFiles = ImmutableArray.CreateBuilder<ShardFile>();
        var files = shard is { } s ? Sharded(Inputs(inputProblems), s, shardFiles) : Inputs(inputProblems);

        // --stdin --fix is format-on-save: standard output gets the (fixed) text, even when nothing was read
        // as text, and the report moves to standard error.
        if (stdin && fixing.Fix && stdinFile is null)
        {
            foreach (var p in inputProblems) ctx.Error.WriteLine(p.ToString());
            ctx.Fail("Standard input was not read whole, so there is no fixed text to print; nothing was written.");
            return ExitCodes.Failure;
        }
        byte[]? fixedText = stdin && fixing.Fix ? stdinFile!.Content : null;
        using var outputs = reporting.Open(ctx, diff: fixing.Diff, fixedText: fixedText, showFixes: fixing.ShowFixes);
        var writers = outputs.Writers;
        // The bar wraps the first writer: the one that may share the terminal with it.
        var progress = writers.Count > 0 && ProgressPolicy.ShouldShow(fileCount, !ctx.IsErrorRedirected, ctx.GetEnvironmentVariable, parsed.GetValue(NoProgressOption))
            ? new ProgressBar(writers[0], ctx.Error, fileCount, outputs.Flush)
            : null;
        if (progress is not null) writers = [progress, .. writers.Skip(1)];
        var run = RunInfoFor(ctx, ruleSet.Descriptors, reporting, ci, stdin ? [] : positionals);
        foreach (var w in writers) w.Begin(run);
        var cache = selection.CacheFolder is { } cacheFolder && !stdin
            ? new LintCache(cacheFolder, engine, config.Severities, LintCache.PackFiles(config.PackPaths), config.ProjectConfigPath, legacyEncoding)
            : null;
        var runner = new LintRunner(engine, jobs)
        {
            Cache = cache,
            LegacyEncoding = legacyEncoding,
            Baseline = config.Baseline,
            Fixer = fixing.CreateFixer(ctx.WorkingDirectory, standardInput: stdin),
            MaxFileSize = maxFileSize,
            AllowSkipped = config.AllowSkipped,
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
        // More results than SARIF may hold: the log says what it left out, and so does standard error.
        long sarifLeftOut = 0;
        if (reporting.WritesSarif && ResultCap.SarifNotification(totals.ResultCounts, reporting.SarifMaxResults) is { } leftOut)
        {
            notifications = notifications.Add(leftOut);
            sarifLeftOut = ResultCap.LeftOut(totals.ResultCounts, reporting.SarifMaxResults).Sum();
        }
        foreach (var n in notifications) ctx.Error.WriteLine(n.ToString());
        // Cache trouble is told on standard error only: the results are right either way, and the reports stay those of a fresh run.
        foreach (var n in cache?.Notices ?? []) ctx.Error.WriteLine(n.ToString());
        var summary = new RunSummary
        {
            FileCount = totals.Files,
            Elapsed = stopwatch.Elapsed,
            ConfigurationNotifications = [.. config.Warnings],
            ExecutionNotifications = notifications,
            RuleConfigurationOverrides = config.Severities.Overrides(),
            SarifResultsLeftOut = sarifLeftOut,
            Shard = shard is { } sh ? new ShardSummary(sh.Index, sh.Count, shardFiles.ToImmutable(), inputProblems.Count) : null,
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

    /// <summary>The files this run writes (-o, --sarif, --update-baseline) that exist already: as named, with their identity.</summary>
    private static List<(string Display, string FullPath, Pipeline.FileIdentity? Identity)> OutputTargets(CliContext ctx, ReportOptions reporting, BaselineRun? baseline)
    {
        var targets = new List<(string, string, Pipeline.FileIdentity?)>();
        void Add(string display, string full)
        {
            var identity = Pipeline.FileProbe.Identify(full);
            if (identity is { Kind: not Pipeline.FileKind.Regular }) return; // devices and FIFOs are written in place
            if (identity is not null || (OperatingSystem.IsWindows() && File.Exists(full))) targets.Add((display, full, identity));
        }
        if (reporting.OutputPath is { } o) Add(o, Path.GetFullPath(o, ctx.WorkingDirectory));
        if (reporting.SarifPath is { } s) Add(s, Path.GetFullPath(s, ctx.WorkingDirectory));
        if (baseline is { IsUpdate: true } b) Add(b.DisplayPath, b.FullPath);
        return targets;
    }

    /// <summary>The target (as named) that is the input <paramref name="file"/> (the same file, by any path or link), or null.</summary>
    private static string? InputTargetClash(InputFile file, List<(string Display, string FullPath, Pipeline.FileIdentity? Identity)> targets)
    {
        var identity = OperatingSystem.IsWindows() ? null : Pipeline.FileProbe.Identify(file.FullPath);
        foreach (var (display, full, target) in targets)
        {
            if (target is { } t ? identity is { } i && i.IsSameFile(t) : string.Equals(full, file.FullPath, StringComparison.OrdinalIgnoreCase))
                return display;
        }
        return null;
    }

    /// <summary>
    /// --shard: the files of this shard, each recorded with its place among all the run's files (the
    /// order one run writes them in), as <c>merge</c> needs to put the shards back together.
    /// </summary>
    private static IEnumerable<InputFile> Sharded(IEnumerable<InputFile> all, ShardSpec shard, ImmutableArray<ShardFile>.Builder record)
    {
        long order = 0;
        foreach (var f in all)
        {
            long place = order++;
            if (!shard.Contains(f.DisplayPath)) continue;
            record.Add(new ShardFile(f.DisplayPath, place));
            yield return f;
        }
    }

    private static RunInfo RunInfoFor(CliContext ctx, ImmutableArray<Rules.RuleDescriptor> rules, ReportOptions reporting, CiOptions ci, IReadOnlyList<string> paths) => new()
    {
        ToolName = ToolInfo.Name,
        ToolVersion = ToolInfo.Version,
        InformationUri = ToolInfo.InformationUri,
        Rules = rules,
        WorkingDirectory = ctx.WorkingDirectory,
        OmitSourceRoot = reporting.OmitSourceRoot,
        Category = ci.Category,
        VersionControl = reporting.WritesSarif && !ci.NoVcs ? Provenance(ctx, reporting, paths) : null,
    };

    /// <summary>The git repository of the first path (or of the working folder); a repository known only by its folder is left out with --no-source-root.</summary>
    private static VersionControlDetails? Provenance(CliContext ctx, ReportOptions reporting, IReadOnlyList<string> paths)
    {
        string directory = ctx.WorkingDirectory;
        if (paths.Count > 0)
        {
            string first = Path.GetFullPath(paths[0], ctx.WorkingDirectory);
            if (Directory.Exists(first)) directory = first;
            else if (Path.GetDirectoryName(first) is { } parent && Directory.Exists(parent)) directory = parent;
        }
        var found = GitProvenance.Find(directory, ctx.GetEnvironmentVariable);
        return found is not null && reporting.OmitSourceRoot && found.RepositoryUri.StartsWith("file:", StringComparison.Ordinal) ? null : found;
    }

    /// <summary>
    /// Configuration or rule packs failed: nothing is linted, the errors go to stderr, and machine-read
    /// reports (SARIF, JSON, GitHub annotations, --sarif) still get a complete log with the errors as
    /// toolConfigurationNotifications and executionSuccessful false, so a CI upload shows why.
    /// </summary>
    private static int ConfigurationFailed(CliContext ctx, ReportOptions reporting, CiOptions ci, IReadOnlyList<ConfigurationDiagnostic> errors, TimeSpan elapsed, string? outcome = null)
    {
        foreach (var e in errors) ctx.Error.WriteLine(e.ToString());
        ctx.Fail(outcome is null
            ? $"{errors.Count} {(errors.Count == 1 ? "error" : "errors")} in the configuration or rule packs; nothing was linted."
            : $"{errors.Count} {(errors.Count == 1 ? "error" : "errors")} in the input; {outcome}.");
        if (reporting.IsMachineFormat || reporting.SarifPath is not null)
        {
            using var outputs = reporting.Open(ctx, machineOnly: true);
            var run = RunInfoFor(ctx, ImmutableArray<Rules.RuleDescriptor>.Empty, reporting, ci, []);
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

    internal static int UsageError(CliContext ctx, string message) => CliApp.Lint.UsageError(ctx, message);
}
