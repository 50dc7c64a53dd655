using System.CommandLine;
using TextLint.Cli.Infrastructure;
using TextLint.Output.Sarif;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint merge a.sarif b.sarif … -o all.sarif</c>: the shards of one run (--shard i/n) as one log.</summary>
public static class MergeCommand
{
    public static readonly Argument<string[]> LogsArgument = new("log") { HelpName = "log", Arity = ArgumentArity.OneOrMore, Description = "The SARIF logs of the shards (--shard i/n), one per shard." };

    public static readonly Option<string?> OutputOption = CliSyntax.Value("--output", "file", "Write the merged log to a file instead of standard output.", "-o");

    public static readonly CliCommand Definition = new("merge", "Join the SARIF logs of a sharded run (--shard i/n) into one.", () => Description, Epilogue, Run,
        [OutputOption, CliSyntax.HelpOption()], LogsArgument)
    {
        MissingArgument = "Give the SARIF logs of the shards to merge: dotnet textlint merge shard-*.sarif -o textlint.sarif.",
    };

    public const string Description = """
        Joins the SARIF logs of the n shards of one run (each written with --shard i/n, the same paths,
        options and checkout) into the log that run would have written unsharded, byte for byte: one
        run, the rules once, the results and notifications in the run's order, the --max-results cap
        applied to the whole run. Every shard must be there, once.
        """;

    public const string Epilogue = """
        Exit codes: 0 merged; 2 a log cannot be read, is not a shard's log, or a shard is missing.

        Example:
          dotnet textlint articles/ --shard 0/3 --format sarif -o shard-0.sarif   # one per machine
          dotnet textlint merge shard-0.sarif shard-1.sarif shard-2.sarif -o textlint.sarif
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        var paths = parsed.GetValue(LogsArgument) ?? [];
        string? outputPath = parsed.GetValue(OutputOption);
        var logs = new List<(string Name, byte[] Content)>();
        foreach (string path in paths)
        {
            string full = Path.GetFullPath(path, ctx.WorkingDirectory);
            if (outputPath is not null && full == Path.GetFullPath(outputPath, ctx.WorkingDirectory))
                return Definition.UsageError(ctx, $"--output names '{path}', which is also a log to merge; write the merged log to another file.");
            try
            {
                logs.Add((path, File.ReadAllBytes(full)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ctx.Fail($"{path}: cannot be read: {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message)}.");
                return ExitCodes.Failure;
            }
        }
        using var target = ReportTarget.Open(outputPath, ctx);
        try
        {
            SarifMerger.Merge(logs, target.Stream);
        }
        catch (SarifMergeException ex)
        {
            ctx.Fail(ex.Message);
            return ExitCodes.Failure; // the target is disposed uncommitted: no half-written log
        }
        return target.Commit(ctx) ? ExitCodes.Success : ExitCodes.Failure;
    }
}
