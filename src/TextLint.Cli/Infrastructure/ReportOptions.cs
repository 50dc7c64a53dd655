using System.CommandLine;
using TextLint.Output;
using TextLint.Output.Console;
using TextLint.Output.Diff;
using TextLint.Output.GitHub;
using TextLint.Output.Json;
using TextLint.Output.MsBuild;
using TextLint.Output.Sarif;

namespace TextLint.Cli.Infrastructure;

/// <summary>Where reports go and in which formats: --format, --output, --sarif, --no-color.</summary>
public sealed class ReportOptions
{
    public static readonly string[] Formats = ["console", "sarif", "json", "github", "msbuild"];

    public static readonly Option<string?> FormatOption = CliSyntax.Value("--format", string.Join('|', Formats), "Report format (default: console).")
        .OneOf(Formats, f => $"Unknown format '{f}'; use {string.Join(", ", Formats[..^1])} or {Formats[^1]}.");
    public static readonly Option<string?> OutputOption = CliSyntax.Value("--output", "file", "Write the report to a file instead of standard output.", "-o");
    public static readonly Option<string?> SarifOption = CliSyntax.Value("--sarif", "file", "Also write a SARIF log to this file, whatever --format is.");
    public static readonly Option<bool> NoColorOption = CliSyntax.Flag("--no-color", "Never colour console output (NO_COLOR is honoured too).");
    public static readonly Option<bool> NoSourceRootOption = CliSyntax.Flag("--no-source-root", "Leave the absolute %SRCROOT% folder out of SARIF (paths stay relative).");
    public static readonly Option<bool> SourceOption = CliSyntax.Flag("--source", "Show each finding's line with a caret under the span (the default on a terminal).", "--show-source");
    public static readonly Option<bool> NoSourceOption = CliSyntax.Flag("--no-source", "Never show the flagged line under a console finding.");
    public static readonly string[] ColumnUnits = ["utf16", "bytes"];
    public static readonly Option<string?> ColumnsOption = CliSyntax.Value("--columns", "utf16|bytes", "What console and msbuild columns count: UTF-16 units (default) or UTF-8 bytes (Vim's quickfix).")
        .OneOf(ColumnUnits, c => $"Unknown column unit '{c}'; use utf16 or bytes.");

    /// <summary>The options of the lint command this class reads.</summary>
    public static readonly Option[] Specs = [FormatOption, OutputOption, SarifOption, NoColorOption, NoSourceRootOption, SourceOption, NoSourceOption, ColumnsOption];

    public required string Format { get; init; }
    public string? OutputPath { get; init; }
    public string? SarifPath { get; init; }
    public bool NoColor { get; init; }

    /// <summary>--columns: what console and msbuild output count columns in.</summary>
    public ColumnUnit Columns { get; init; }

    /// <summary>--no-source-root: logs that reveal no absolute path of the machine that wrote them.</summary>
    public bool OmitSourceRoot { get; init; }

    /// <summary>Formats a program reads, which should say so even when nothing could be linted.</summary>
    public bool IsMachineFormat => Format is "sarif" or "json" or "github";

    /// <summary>--source / --no-source: null leaves it to the terminal.</summary>
    public bool? ShowSource { get; init; }

    /// <summary>--max-results as given (see <see cref="CiOptions"/>): caps the console; SARIF is capped at <see cref="SarifMaxResults"/>.</summary>
    public int? MaxResults { get; set; }

    /// <summary>SARIF's cap: --max-results, never more than code scanning accepts.</summary>
    public int SarifMaxResults => Math.Min(MaxResults ?? ResultCap.SarifLimit, ResultCap.SarifLimit);

    /// <summary>Whether a SARIF log is written (--format sarif or --sarif).</summary>
    public bool WritesSarif => Format == "sarif" || SarifPath is not null;

    /// <summary>The options as given, or a usage error.</summary>
    public static ReportOptions? Parse(ParseResult parsed, string workingDirectory, out string? error)
    {
        error = null;
        var options = new ReportOptions
        {
            Format = parsed.GetValue(FormatOption) ?? "console",
            OutputPath = parsed.GetValue(OutputOption),
            SarifPath = parsed.GetValue(SarifOption),
            NoColor = parsed.GetValue(NoColorOption),
            OmitSourceRoot = parsed.GetValue(NoSourceRootOption),
            ShowSource = parsed.GetValue(NoSourceOption) ? false : parsed.GetValue(SourceOption) ? true : null,
            Columns = parsed.GetValue(ColumnsOption) == "bytes" ? ColumnUnit.Bytes : ColumnUnit.Utf16,
        };
        if (parsed.GetValue(NoSourceOption) && parsed.GetValue(SourceOption))
            error = "--source shows the flagged lines and --no-source hides them; give one of them.";
        else if (options.Columns != ColumnUnit.Utf16 && options.Format is not ("console" or "msbuild"))
            error = $"--columns applies to console and msbuild output; {options.Format} counts UTF-16 units, as its specification says.";
        else if (options.OutputPath is { } o && options.SarifPath is { } s
            && Path.GetFullPath(o, workingDirectory) == Path.GetFullPath(s, workingDirectory))
            error = $"--output and --sarif both name '{s}'; give them different files.";
        return error is null ? options : null;
    }

    /// <summary>
    /// Opens the report targets and their writers. <paramref name="diff"/> (--diff) takes standard output
    /// for the diff, so the --format report is written only to --output. <paramref name="machineOnly"/>
    /// leaves out the human formats (used when rule packs failed and only notifications can be reported).
    /// </summary>
    /// <param name="fixedText">--stdin --fix: standard output gets the fixed text (these are the bytes read,
    /// written when nothing could be fixed), so the report goes to standard error unless -o names a file.</param>
    /// <param name="showFixes">--show-fixes: the console report lists the fixes applied.</param>
    public ReportOutputs Open(CliContext ctx, bool diff = false, bool machineOnly = false, byte[]? fixedText = null, bool showFixes = false)
    {
        var outputs = new ReportOutputs();
        try
        {
            if (diff && !machineOnly)
                outputs.Add(null, ReportTarget.Open(null, ctx), t => new UnifiedDiffWriter(t.Writer, ctx.Error));
            if (fixedText is not null && !machineOnly)
                outputs.Add(null, ReportTarget.Open(null, ctx), t => new FixedTextWriter(t.Stream, fixedText));
            if ((!diff || OutputPath is not null) && (!machineOnly || IsMachineFormat))
            {
                var target = fixedText is not null && OutputPath is null && !machineOnly
                    ? ReportTarget.OnStream(new TextWriterStream(ctx.Error))
                    : ReportTarget.Open(OutputPath, ctx);
                outputs.Add(OutputPath, target, CreateWriter(ctx, color: fixedText is null, showFixes));
            }
            if (SarifPath is not null)
                outputs.Add(SarifPath, ReportTarget.Open(SarifPath, ctx), t => new SarifWriter(t.Stream, maxResults: SarifMaxResults));
            return outputs;
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    private Func<ReportTarget, IReportWriter> CreateWriter(CliContext ctx, bool color = true, bool showFixes = false) => Format switch
    {
        "sarif" => t => new SarifWriter(t.Stream, maxResults: SarifMaxResults),
        "json" => t => new JsonReportWriter(t.Stream),
        "github" => t => new GitHubActionsWriter(t.Writer, ctx.GetEnvironmentVariable("GITHUB_WORKSPACE")),
        "msbuild" => t => new MsBuildWriter(t.Writer, Columns),
        _ => t => new ConsoleWriter(t.Writer, color && UseColor(ctx), showSource: color && ShowSourceLines(ctx), showFixes: showFixes, columns: Columns, maxResults: MaxResults),
    };

    /// <summary>The flagged lines under console findings: --source / --no-source, else only on a terminal (not into -o, not TERM=dumb).</summary>
    public bool ShowSourceLines(CliContext ctx) =>
        ShowSource ?? (OutputPath is null && !ctx.IsOutputRedirected && ctx.GetEnvironmentVariable("TERM") != "dumb");

    /// <summary>Colour only on a terminal, and never with --no-color, NO_COLOR (any non-empty value) or TERM=dumb.</summary>
    public bool UseColor(CliContext ctx) =>
        OutputPath is null && !NoColor && !ctx.IsOutputRedirected
        && string.IsNullOrEmpty(ctx.GetEnvironmentVariable("NO_COLOR"))
        && ctx.GetEnvironmentVariable("TERM") != "dumb";
}

/// <summary>The open report targets and their writers; each target is committed (renamed into place) only at the end.</summary>
public sealed class ReportOutputs : IDisposable
{
    private readonly List<(ReportTarget Target, IReportWriter Writer)> _outputs = new();

    public IReadOnlyList<IReportWriter> Writers => _outputs.Select(o => o.Writer).ToList();

    internal void Add(string? path, ReportTarget target, Func<ReportTarget, IReportWriter> create)
    {
        try
        {
            _outputs.Add((target, create(target)));
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>Pushes what every report has written so far to its destination (so a terminal shows it now).</summary>
    public void Flush()
    {
        foreach (var (target, _) in _outputs) target.Flush();
    }

    /// <summary>Disposes the writers (flushing them) and moves every report file into place; false if one could not be written.</summary>
    public bool Commit(CliContext ctx)
    {
        bool ok = true;
        foreach (var (target, writer) in _outputs)
        {
            writer.Dispose();
            ok &= target.Commit(ctx);
        }
        return ok;
    }

    public void Dispose()
    {
        foreach (var (target, writer) in _outputs)
        {
            writer.Dispose();
            target.Dispose();
        }
    }
}
