using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using TextLint.Cli.Docs;
using TextLint.Cli.Infrastructure;
using TextLint.Documents;
using TextLint.Pipeline;
using TextLint.Rules;

namespace TextLint.Cli.Commands;

/// <summary>
/// <c>dotnet textlint generate-docs &lt;pack&gt; [--check]</c>: writes a pack's documentation from its
/// YAML — one page per rule (docs/&lt;ID&gt;.md), the catalogue (README.md) — and records new, changed
/// and removed rules in RELEASES.md. With --check it writes nothing and fails when anything committed
/// differs, as Meziantou.Analyzer's DocumentationGenerator does in CI.
/// </summary>
public static partial class GenerateDocsCommand
{
    public static readonly Argument<string> PackArgument = new("pack") { Description = "The rule pack folder (or file) to document." };
    public static readonly Option<string?> OutputOption = CliSyntax.Value("--output", "dir", "Where README.md, RELEASES.md and docs/ go (default: the pack's folder).", "-o");
    public static readonly Option<bool> CheckOption = CliSyntax.Flag("--check", "Write nothing; exit 1 if any page, the catalogue or RELEASES.md is out of date.");
    public static readonly Option<bool> BuiltinOption = CliSyntax.Flag("--builtin", "Also document the engine's built-in rules (TL0xxx), as the bundled pack's docs do.");

    public static readonly CliCommand Definition = new("generate-docs", "Write a pack's rule pages, catalogue and release notes.", () => Description, Epilogue, Run,
        [OutputOption, CheckOption, BuiltinOption, CliSyntax.HelpOption()], PackArgument)
    {
        MissingArgument = "Name the pack folder to document, e.g. rules.",
        SurplusArgument = _ => "Document one pack at a time.",
    };

    public const string CatalogueTitle = "Rule catalogue";

    public const string Description = """
        Generates a rule pack's documentation from its YAML: docs/<ID>.md for every rule (What it flags /
        Why / Examples / Use instead / Configuration), README.md (the catalogue by category), and records
        new, changed or removed rules in the newest release of RELEASES.md. Pages of rules that no longer
        exist are deleted. Never edit the generated files: edit the YAML and run this again.
        """;

    public const string Epilogue = """
        Exit codes: 0 written (or up to date), 1 out of date (--check), 2 the pack fails to load.

        Examples:
          dotnet textlint generate-docs house-style/
          dotnet textlint generate-docs house-style/ --check   (in CI, after test-rules)
          dotnet textlint generate-docs rules --builtin        (this repository's bundled pack)
        """;

    [GeneratedRegex("^[A-Z]{2,}[0-9]+\\.md$")]
    private static partial Regex PageName();

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        string packArgument = parsed.GetValue(PackArgument)!;
        string? outputArgument = parsed.GetValue(OutputOption);

        string pack = Path.TrimEndingDirectorySeparator(Path.GetFullPath(packArgument, ctx.WorkingDirectory));
        string packRoot = File.Exists(pack) ? Path.GetDirectoryName(pack)! : pack;
        string output = outputArgument is { } o ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(o, ctx.WorkingDirectory)) : packRoot;
        if (RulePacks.LoadOrReport(ctx, false, [packArgument]) is not { } loaded)
            return ExitCodes.Failure;
        // The pack's own rules; the engine's built-in rules (no source file) only when asked, since a
        // house pack's docs are no place for them.
        bool builtin = parsed.GetValue(BuiltinOption);
        var rules = RuleFacts.InIdOrder(loaded.Select(r => r.Descriptor).Where(d => d.SourcePath.Length > 0 || builtin)).ToList();

        string? existingNotes = ReadIfExists(Path.Combine(output, "RELEASES.md"));
        var generated = Generate(rules, d => SourceFromPack(d, packRoot, ctx.WorkingDirectory), existingNotes);
        var files = generated.Files;
        string shownOutput = InputFiles.DisplayPath(output, ctx.WorkingDirectory);
        if (generated.ReleaseNoteProblems.Count > 0)
        {
            // Never rewrite hand-written notes that could not be read whole: rows would be lost.
            foreach (string problem in generated.ReleaseNoteProblems) ctx.Error.WriteLine($"{shownOutput}/RELEASES.md: {problem}");
            ctx.Fail("RELEASES.md has malformed tables; fix them by hand first.");
            return ExitCodes.Failure;
        }
        var stale = Directory.Exists(Path.Combine(output, "docs"))
            ? Directory.EnumerateFiles(Path.Combine(output, "docs"), "*.md")
                .Where(p => PageName().IsMatch(Path.GetFileName(p)) && !files.ContainsKey("docs/" + Path.GetFileName(p)))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        var differing = files.Where(f => ReadIfExists(Path.Combine(output, f.Key)) != f.Value).Select(f => f.Key).ToList();

        if (parsed.GetValue(CheckOption))
        {
            var releaseProblems = existingNotes is null ? ["missing."] : ReleaseNotes.Parse(existingNotes).Verify(rules);
            foreach (string problem in releaseProblems) ctx.Out.WriteLine($"{shownOutput}/RELEASES.md: {problem}");
            foreach (string f in differing.Where(f => f != "RELEASES.md" || releaseProblems.Count == 0)) ctx.Out.WriteLine($"{shownOutput}/{f}: {(File.Exists(Path.Combine(output, f)) ? "out of date" : "missing")}.");
            foreach (string f in stale) ctx.Out.WriteLine($"{InputFiles.DisplayPath(f, ctx.WorkingDirectory)}: no rule has this ID any more.");
            if (differing.Count == 0 && stale.Count == 0)
            {
                ctx.Out.WriteLine($"{shownOutput}: the docs of {rules.Count} {(rules.Count == 1 ? "rule are" : "rules are")} up to date.");
                return ExitCodes.Success;
            }
            string again = packArgument + (outputArgument is not null ? " --output " + outputArgument : "") + (builtin ? " --builtin" : "");
            ctx.Out.WriteLine($"The docs differ from the rules; run 'dotnet textlint generate-docs {again}' and commit the result.");
            return ExitCodes.Findings;
        }

        try
        {
            foreach (string f in differing) WriteAtomically(Path.Combine(output, f), files[f]);
            foreach (string f in stale) File.Delete(f);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ctx.Fail(ex is OutputFileException ? ex.Message : $"Could not write the docs: {ex.Message}");
            return ExitCodes.Failure;
        }
        foreach (string c in generated.ReleaseChanges) ctx.Out.WriteLine($"{shownOutput}/RELEASES.md: {c}");
        ctx.Out.WriteLine($"{shownOutput}: {rules.Count} rule {(rules.Count == 1 ? "page" : "pages")}; {differing.Count} {(differing.Count == 1 ? "file" : "files")} written, {stale.Count} deleted.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Every generated file by its path under the output folder ('/'-separated): docs/&lt;ID&gt;.md,
    /// README.md and RELEASES.md (the existing notes with this pack's changes recorded, or new notes).
    /// </summary>
    public static GeneratedDocs Generate(IReadOnlyList<RuleDescriptor> rules, Func<RuleDescriptor, string> sourceFromPack, string? existingReleaseNotes)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in rules) files[$"docs/{d.Id}.md"] = RuleDocPage.Render(d, sourceFromPack(d));
        files["README.md"] = RuleCatalogue.Render(rules, CatalogueTitle);
        var notes = ReleaseNotes.Parse(existingReleaseNotes ?? ReleaseNotes.NewFile());
        var changes = notes.Update(rules);
        files["RELEASES.md"] = notes.Render();
        return new GeneratedDocs(files, changes, notes.ParseProblems);
    }

    private static string SourceFromPack(RuleDescriptor d, string packRoot, string workingDirectory) =>
        d.SourcePath.Length == 0 ? "" : Path.GetRelativePath(packRoot, Path.GetFullPath(d.SourcePath, workingDirectory)).Replace('\\', '/');

    /// <summary>The file's text with line ends as '\n' (a checkout with CRLF line ends is not drift), or null.</summary>
    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;

    private static void WriteAtomically(string path, string text)
    {
        using var file = OutputFile.Create(path, path);
        file.Stream.Write(new UTF8Encoding(false).GetBytes(text));
        file.Commit();
    }

}

/// <summary>What <see cref="GenerateDocsCommand.Generate"/> produced: files by path under the output folder, and what it did to the release notes.</summary>
public sealed record GeneratedDocs(SortedDictionary<string, string> Files, IReadOnlyList<string> ReleaseChanges, IReadOnlyList<string> ReleaseNoteProblems);
