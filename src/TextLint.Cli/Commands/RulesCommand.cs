using System.CommandLine;
using TextLint.Cli.Docs;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint rules</c>: the catalogue of the rules a run would load.</summary>
public static class RulesCommand
{
    public static readonly Option<string[]> CategoryOption = CliSyntax.Repeated("--category", "name", "Only rules of this category (repeatable).");
    public static readonly Option<string?> FormatOption = CliSyntax.Value("--format", "console|json", "A table (default) or JSON (its shape: docs/user-guide.md).")
        .OneOf(["console", "json"], f => $"Unknown format '{f}'; use console or json.");

    // Arguments are refused with a pointer to 'rules show' (hidden: the command takes none).
    private static readonly Argument<string[]> Surplus = new("ID") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };

    public static readonly CliCommand Definition = new("rules", "List the loaded rules: ID, category, severity, fix, title.", () => Description, Epilogue, Run,
        [.. ConfiguredCatalogue.Options, CategoryOption, FormatOption, CliSyntax.HelpOption()], Surplus);

    public const string Description = """
        Lists every rule a lint run here loads (textlint.yaml's packs and options, --rules), sorted by ID:
        ID, category, severity, fix safety and title. The severity is the one configured for a file in
        this folder (or --file): the rule's default, or, marked '*', what .editorconfig, textlint.yaml or
        --severity make it; "off" when the rule does not run. Preview rules say "(preview)" after their
        title and are off unless --preview (or preview: true in textlint.yaml) enables them.
        'dotnet textlint rules show <ID>' explains one rule.
        """;

    public const string Epilogue = """
        Examples:
          dotnet textlint rules
          dotnet textlint rules --category Attribution
          dotnet textlint rules --file archive/2019/story.md
          dotnet textlint rules --rules house-style/ --format json > rules.json
        """;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        if (parsed.GetValue(Surplus) is [var surplus, ..])
            return UsageError(ctx, $"Unexpected argument '{surplus}'. To explain one rule: dotnet textlint rules show <ID>.");
        string format = parsed.GetValue(FormatOption) ?? "console";

        if (ConfiguredCatalogue.Load(parsed, ctx, m => UsageError(ctx, m), out int failed) is not { } catalogue)
            return failed;
        var rules = catalogue.Rules.ToList();
        var categories = parsed.GetValue(CategoryOption) ?? [];
        if (categories.Length > 0)
        {
            var known = rules.Select(r => r.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (string c in categories.Where(c => !known.Contains(c, StringComparer.OrdinalIgnoreCase)))
                return UsageError(ctx, $"No loaded rule has the category '{c}'. Categories: {string.Join(", ", known)}.");
            rules = rules.Where(r => categories.Contains(r.Category, StringComparer.OrdinalIgnoreCase)).ToList();
        }

        if (format == "json")
        {
            using var target = ReportTarget.Open(null, ctx);
            RuleJson.Write(target.Stream, rules, ToolInfo.Name, ToolInfo.Version, catalogue.SeverityOf);
            return target.Commit(ctx) ? ExitCodes.Success : ExitCodes.Failure;
        }
        ctx.Out.Write(Table(rules, catalogue));
        int categoryCount = rules.Select(r => r.Category).Distinct().Count();
        ctx.Out.WriteLine();
        ctx.Out.WriteLine($"{Plural(rules.Count, "rule")} in {Plural(categoryCount, "category", "categories")}. 'dotnet textlint rules show <ID>' explains one.");
        if (rules.Any(catalogue.IsConfigured))
            ctx.Out.WriteLine($"* configured for {InputFiles.DisplayPath(Path.GetFullPath(ConfiguredCatalogue.ProbeOf(parsed), ctx.WorkingDirectory), ctx.WorkingDirectory)} by .editorconfig, textlint.yaml or --severity.");
        return ExitCodes.Success;
    }

    /// <summary>The table, columns padded to their widest cell.</summary>
    public static string Table(IReadOnlyList<RuleDescriptor> rules, ConfiguredCatalogue catalogue)
    {
        var rows = new List<string[]> { new[] { "ID", "Category", "Severity", "Fix", "Title" } };
        rows.AddRange(rules.Select(d => new[]
        {
            d.Id, d.Category, RuleFacts.SeverityName(catalogue.SeverityOf(d)) + (catalogue.IsConfigured(d) ? "*" : ""), RuleFacts.FixName(d.FixSafety),
            d.IsPreview ? d.Title + " (preview)" : d.Title,
        }));
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new System.Text.StringBuilder();
        foreach (var r in rows)
        {
            for (int c = 0; c < columns - 1; c++) sb.Append(r[c].PadRight(widths[c] + 2));
            sb.Append(r[^1]).Append(Environment.NewLine);
        }
        return sb.ToString();
    }

    private static string Plural(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    private static int UsageError(CliContext ctx, string message) => Definition.UsageError(ctx, message);
}
