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

    public static readonly OptionSpec[] Specs =
    [
        new("--format", null, string.Join('|', Formats), "Report format (default: console)."),
        new("--output", "-o", "file", "Write the report to a file instead of standard output."),
        new("--sarif", null, "file", "Also write a SARIF log to this file, whatever --format is."),
        new("--no-color", null, null, "Never colour console output (NO_COLOR is honoured too)."),
        new("--no-source-root", null, null, "Leave the absolute %SRCROOT% folder out of SARIF (paths stay relative)."),
        new("--columns", null, "utf16|bytes", "What console and msbuild columns count: UTF-16 units (default) or UTF-8 bytes (Vim's quickfix)."),
    ];

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

    public static ReportOptions Parse(ParsedArgs parsed, string workingDirectory)
    {
        string format = parsed.Value("--format") ?? "console";
        if (!Formats.Contains(format))
            throw new UsageException($"Unknown format '{format}'; use {string.Join(", ", Formats[..^1])} or {Formats[^1]}.");
        var options = new ReportOptions
        {
            Format = format,
            OutputPath = parsed.Value("--output"),
            SarifPath = parsed.Value("--sarif"),
            NoColor = parsed.Has("--no-color"),
            OmitSourceRoot = parsed.Has("--no-source-root"),
            Columns = parsed.Value("--columns") switch
            {
                null or "utf16" or "utf-16" => ColumnUnit.Utf16,
                "bytes" => ColumnUnit.Bytes,
                var other => throw new UsageException($"Unknown column unit '{other}'; use utf16 or bytes."),
            },
        };
        if (options.Columns != ColumnUnit.Utf16 && format is not ("console" or "msbuild"))
            throw new UsageException($"--columns applies to console and msbuild output; {format} counts UTF-16 units, as its specification says.");
        if (options.OutputPath is { } o && options.SarifPath is { } s
            && Path.GetFullPath(o, workingDirectory) == Path.GetFullPath(s, workingDirectory))
            throw new UsageException($"--output and --sarif both name '{s}'; give them different files.");
        return options;
    }

    /// <summary>
    /// Opens the report targets and their writers. <paramref name="diff"/> (--diff) takes standard output
    /// for the diff, so the --format report is written only to --output. <paramref name="machineOnly"/>
    /// leaves out the human formats (used when rule packs failed and only notifications can be reported).
    /// </summary>
    public ReportOutputs Open(CliContext ctx, bool diff = false, bool machineOnly = false)
    {
        var outputs = new ReportOutputs();
        try
        {
            if (diff && !machineOnly)
                outputs.Add(null, ReportTarget.Open(null, ctx), t => new UnifiedDiffWriter(t.Writer, ctx.Error));
            if ((!diff || OutputPath is not null) && (!machineOnly || IsMachineFormat))
                outputs.Add(OutputPath, ReportTarget.Open(OutputPath, ctx), CreateWriter(ctx));
            if (SarifPath is not null)
                outputs.Add(SarifPath, ReportTarget.Open(SarifPath, ctx), t => new SarifWriter(t.Stream));
            return outputs;
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    private Func<ReportTarget, IReportWriter> CreateWriter(CliContext ctx) => Format switch
    {
        "sarif" => t => new SarifWriter(t.Stream),
        "json" => t => new JsonReportWriter(t.Stream),
        "github" => t => new GitHubActionsWriter(t.Writer, ctx.GetEnvironmentVariable("GITHUB_WORKSPACE")),
        "msbuild" => t => new MsBuildWriter(t.Writer, Columns),
        _ => t => new ConsoleWriter(t.Writer, UseColor(ctx), columns: Columns),
    };

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
