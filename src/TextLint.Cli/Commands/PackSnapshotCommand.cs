using System.CommandLine;
using TextLint.Cli.Infrastructure;
using TextLint.Pipeline;
using TextLint.Yaml;

namespace TextLint.Cli.Commands;

/// <summary>
/// <c>dotnet-textlint internal pack-snapshot &lt;pack&gt; -o &lt;file&gt;</c>: a maintenance command the build
/// runs (TextLint.Cli.csproj), not listed in help or completions. It writes the parsed YAML of a pack's
/// files as a <see cref="YamlSnapshot"/>, so the tool loads the bundled pack without parsing it. The files
/// are read exactly as a lint run reads them, so their texts, and so their keys, are the same.
/// </summary>
public static class PackSnapshotCommand
{
    public static readonly Argument<string> PackArgument = new("pack") { Description = "The rule pack folder (or file) whose YAML to snapshot." };
    public static readonly Option<string?> OutputOption = CliSyntax.Value("--output", "file", $"Where to write the snapshot (default: {RulePacks.SnapshotFileName} in the pack's folder).", "-o");

    public static readonly CliCommand Definition = new("internal pack-snapshot", "(internal) Write the parsed YAML of a pack, as the build does for the bundled pack.", () => Description, Epilogue, Run,
        [OutputOption, CliSyntax.HelpOption()], PackArgument)
    {
        MissingArgument = "Name the pack folder, e.g. rules.",
        SurplusArgument = _ => "Snapshot one pack at a time.",
    };

    public const string Description = """
        (Internal: the build runs it.) Writes the parsed YAML of a pack's files in a compact binary form,
        each file's keyed by a hash of its text. The tool reads the bundled pack's snapshot instead of
        parsing a file whose text it holds; an edited file, or a snapshot that is missing or damaged, is
        parsed as before. Files with YAML errors are left out.
        """;

    public const string Epilogue = """
        Exit codes: 0 written, 2 the pack cannot be read or the file cannot be written.

        Example:
          dotnet-textlint internal pack-snapshot rules -o rules/pack.snapshot
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        string packArgument = parsed.GetValue(PackArgument)!;
        string pack = Path.TrimEndingDirectorySeparator(Path.GetFullPath(packArgument, ctx.WorkingDirectory));
        string output = parsed.GetValue(OutputOption) is { } o
            ? Path.GetFullPath(o, ctx.WorkingDirectory)
            : Path.Combine(File.Exists(pack) ? Path.GetDirectoryName(pack)! : pack, RulePacks.SnapshotFileName);
        if (!File.Exists(pack) && !Directory.Exists(pack))
        {
            ctx.Fail($"No such rule pack: '{packArgument}'.");
            return ExitCodes.Failure;
        }
        var (files, errors) = RulePacks.ReadFiles(pack, ctx.WorkingDirectory);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ctx.Error.WriteLine(e.ToString());
            ctx.Fail($"{errors.Count} {(errors.Count == 1 ? "file" : "files")} of the pack could not be read.");
            return ExitCodes.Failure;
        }
        byte[] snapshot = YamlSnapshot.Create(files.Select(f => f.Text));
        // Read back before it is written: a snapshot the tool could not open is never left behind.
        if (YamlSnapshot.TryOpen(snapshot) is not { } written)
        {
            ctx.Fail("Internal error: the snapshot just made cannot be read back; nothing was written.");
            return ExitCodes.Failure;
        }
        int held = written.Count;
        string shown = InputFiles.DisplayPath(output, ctx.WorkingDirectory);
        using (var file = OutputFile.Create(output, shown))
        {
            file.Stream.Write(snapshot);
            file.Commit();
        }
        ctx.Out.WriteLine($"{shown}: {held} of {files.Count} {(files.Count == 1 ? "file" : "files")}, {snapshot.Length:N0} bytes.");
        return ExitCodes.Success;
    }
}
