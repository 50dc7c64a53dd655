using System.Collections.Immutable;
using System.Diagnostics;
using TextLint.Analysis;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Output;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint [paths]</c>: lint articles and report.</summary>
public static class LintCommand
{
    public static readonly OptionSpec[] Options =
    [
        new("--rules", null, "dir|file", "Add a rule pack (repeatable).", Repeatable: true),
        new("--no-default-rules", null, null, "Do not load the bundled editorial pack."),
        new("--jobs", "-j", "n", "Files linted in parallel (default: number of processors)."),
        .. ReportOptions.Specs,
        .. FixOptions.Specs,
        new("--help", "-h", null, "Show this help."),
        new("--version", null, null, "Show the version."),
    ];

    public const string Usage = "usage: dotnet textlint [<path|glob>...] [--rules <dir|file>]... [--no-default-rules] [--format console|sarif|json|github|msbuild] [-o <file>] [--sarif <file>] [--fix|--diff]";

    public static string Help => $"""
        TextLint {ToolInfo.Version}: editorial linting for articles.

        {Usage}

        Paths are files, folders (searched recursively for *.txt, *.md, *.markdown) or globs; default ".".

        Options:
        {ArgParser.FormatOptions(Options)}

        Commands:
          test-rules [<pack>...]   Run every rule's examples (the bundled pack by default).

        Exit codes:
          0  no error-level finding
          1  at least one error-level finding
          2  usage, configuration, rule-load or I/O failure

        Examples:
          dotnet textlint articles/
          dotnet textlint "drafts/**/*.md" --format sarif -o textlint.sarif
          dotnet textlint articles/ --format github --sarif textlint.sarif
          dotnet textlint articles/ --diff
          dotnet textlint --rules house-style/ --no-default-rules story.txt
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

        var stopwatch = Stopwatch.StartNew();
        var packs = RulePacks.Load(!parsed.Has("--no-default-rules"), parsed.All("--rules"), ctx.WorkingDirectory);
        if (!packs.Success)
        {
            foreach (var e in packs.Errors) ctx.Error.WriteLine(e.ToString());
            ctx.Fail($"{packs.Errors.Length} {(packs.Errors.Length == 1 ? "error" : "errors")} in rule packs; nothing was linted.");
            WriteConfigurationFailure(ctx, reporting, packs.Errors, stopwatch.Elapsed);
            return ExitCodes.Failure;
        }
        var ruleSet = RuleSet.Compile(packs.Rules);
        var engine = new LintEngine(ruleSet);

        var inputProblems = new List<ConfigurationDiagnostic>();
        var files = InputFiles.Expand(parsed.Positionals, ctx.WorkingDirectory, inputProblems);

        using var outputs = reporting.Open(ctx, diff: fixing.Diff);
        var writers = outputs.Writers;
        var run = RunInfoFor(ctx, ruleSet.Descriptors);
        foreach (var w in writers) w.Begin(run);
        var runner = new LintRunner(engine, jobs) { Fixer = fixing.CreateFixer(ctx.WorkingDirectory) };
        var totals = runner.Run(files, writers, ctx.Cancellation);
        var notifications = inputProblems.Concat(totals.ExecutionNotifications).ToImmutableArray();
        foreach (var n in notifications) ctx.Error.WriteLine(n.ToString());
        var summary = new RunSummary { FileCount = totals.Files, Elapsed = stopwatch.Elapsed, ExecutionNotifications = notifications };
        foreach (var w in writers) w.End(summary);
        if (!outputs.Commit(ctx)) return ExitCodes.Failure;
        if (notifications.Any(n => n.Severity == Severity.Error)) return ExitCodes.Failure;
        return totals.Errors > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static RunInfo RunInfoFor(CliContext ctx, ImmutableArray<Rules.RuleDescriptor> rules) => new()
    {
        ToolName = ToolInfo.Name,
        ToolVersion = ToolInfo.Version,
        InformationUri = ToolInfo.InformationUri,
        Rules = rules,
        WorkingDirectory = ctx.WorkingDirectory,
    };

    /// <summary>
    /// Rule packs failed to load: machine-read reports (SARIF, JSON, GitHub annotations) still get a
    /// complete log with the errors as toolConfigurationNotifications and executionSuccessful false, so
    /// a CI upload shows why nothing was linted. The console and msbuild formats have the errors on stderr.
    /// </summary>
    private static void WriteConfigurationFailure(CliContext ctx, ReportOptions reporting, ImmutableArray<ConfigurationDiagnostic> errors, TimeSpan elapsed)
    {
        if (!reporting.IsMachineFormat && reporting.SarifPath is null) return;
        using var outputs = reporting.Open(ctx, machineOnly: true);
        var run = RunInfoFor(ctx, ImmutableArray<Rules.RuleDescriptor>.Empty);
        var summary = new RunSummary { FileCount = 0, Elapsed = elapsed, ConfigurationNotifications = errors };
        foreach (var w in outputs.Writers)
        {
            w.Begin(run);
            w.End(summary);
        }
        outputs.Commit(ctx);
    }

    internal static int UsageError(CliContext ctx, string message)
    {
        ctx.Fail(message);
        ctx.Error.WriteLine(Usage);
        ctx.Error.WriteLine("Run 'dotnet textlint --help' for more.");
        return ExitCodes.Failure;
    }
}
