using System.CommandLine;
using System.Text;
using TextLint.Cli.Infrastructure;
using TextLint.Cli.Patterns;
using TextLint.Pipeline;

namespace TextLint.Cli.Commands;

/// <summary>
/// <c>dotnet-textlint internal bundled-patterns &lt;pack&gt; -o &lt;file&gt;</c>: a maintenance command, not listed in
/// help or completions. It writes the C# source of the bundled pack's precompiled regexes
/// (<see cref="BundledPatternsSource"/>): run it after changing a pattern in rules/*.yaml, and commit the file.
/// </summary>
public static class BundledPatternsCommand
{
    public static readonly Argument<string> PackArgument = new("pack") { Description = "The rule pack folder (or file) whose patterns to precompile." };
    public static readonly Option<string?> OutputOption = CliSyntax.Value("--output", "file", "Where to write the C# file (default: standard output).", "-o");

    public static readonly CliCommand Definition = new("internal bundled-patterns", "(internal) Write the C# source of a pack's precompiled regexes.", () => Description, Epilogue, Run,
        [OutputOption, CliSyntax.HelpOption()], PackArgument)
    {
        MissingArgument = "Name the pack folder, e.g. rules.",
        SurplusArgument = _ => "Precompile one pack at a time.",
    };

    public const string Description = """
        (Internal: run it after changing a pattern of the bundled pack.) Writes one [GeneratedRegex] for
        each regex the engine may run on the backtracking engine for the pack's patterns, and the lookup
        the tool uses to find them; the regex source generator turns them into code when the tool is built.
        A pattern the file does not hold runs as before (interpreter or linear-time engine), so the file
        changes only what matching costs, never what matches. A test fails when the file is stale.
        """;

    public const string Epilogue = """
        Exit codes: 0 written, 2 the pack cannot be loaded or the file cannot be written.

        Example:
          dotnet run --project src/TextLint.Cli -c Release -- internal bundled-patterns rules -o src/TextLint.Cli/Patterns/BundledPatterns.g.cs
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        string packArgument = parsed.GetValue(PackArgument)!;
        string pack = Path.TrimEndingDirectorySeparator(Path.GetFullPath(packArgument, ctx.WorkingDirectory));
        if (!File.Exists(pack) && !Directory.Exists(pack))
        {
            ctx.Fail($"No such rule pack: '{packArgument}'.");
            return ExitCodes.Failure;
        }
        var (patterns, errors) = BundledPatternsSource.PackPatterns(pack, ctx.WorkingDirectory);
        if (patterns is null)
        {
            foreach (var e in errors) ctx.Error.WriteLine(e);
            ctx.Fail("The pack does not load.");
            return ExitCodes.Failure;
        }
        string source = BundledPatternsSource.Generate(patterns);
        if (parsed.GetValue(OutputOption) is not { } o)
        {
            ctx.Out.Write(source);
            return ExitCodes.Success;
        }
        string output = Path.GetFullPath(o, ctx.WorkingDirectory);
        string shown = InputFiles.DisplayPath(output, ctx.WorkingDirectory);
        using (var file = OutputFile.Create(output, shown))
        {
            file.Stream.Write(new UTF8Encoding(false).GetBytes(source));
            file.Commit();
        }
        ctx.Out.WriteLine($"{shown}: {patterns.Count} patterns of the pack, written.");
        return ExitCodes.Success;
    }
}
