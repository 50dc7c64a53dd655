using System.CommandLine;
using System.Text;
using TextLint.Cli.Docs;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Cli.Commands;

/// <summary><c>dotnet textlint rules show &lt;ID&gt;</c>: a rule's page in the terminal (or as Markdown or JSON).</summary>
public static class RuleShowCommand
{
    public static readonly Argument<string> IdArgument = new("ID") { Description = "The rule's ID, matched ignoring case." };
    public static readonly Option<string?> FormatOption = CliSyntax.Value("--format", "console|markdown|json", "Plain text (default), the rule's Markdown page, or JSON as 'rules --format json'.")
        .OneOf(["console", "markdown", "json"], f => $"Unknown format '{f}'; use console, markdown or json.");

    public static readonly CliCommand Definition = new("rules show", "Explain a rule: what it flags, why, examples, configuration.", () => Description, Epilogue, Run,
        [.. ConfiguredCatalogue.Options, FormatOption, CliSyntax.HelpOption()], IdArgument)
    {
        MissingArgument = "Name the rule to show, e.g. TL1001.",
        SurplusArgument = _ => "Show one rule at a time.",
    };

    public const string Description = """
        Explains one rule: what it flags, why it matters, examples (carets mark what is reported), what
        to write instead, its .editorconfig and textlint.yaml keys, how to suppress it, fix safety and
        help link. The ID is matched ignoring case.
        """;

    public const string Epilogue = """
        Examples:
          dotnet textlint rules show TL1001
          dotnet textlint rules show HS0001 --rules house-style/
          dotnet textlint rules show TL1001 --format markdown > TL1001.md
        """;

    private const int Width = 100;

    public static int Run(ParseResult parsed, CliContext ctx)
    {
        string format = parsed.GetValue(FormatOption) ?? "console";

        if (ConfiguredCatalogue.Load(parsed, ctx, m => UsageError(ctx, m), out int failed) is not { } catalogue)
            return failed;
        string id = parsed.GetValue(IdArgument)!;
        var rules = catalogue.Rules;
        var d = rules.FirstOrDefault(r => r.Id == id) ?? rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        if (d is null)
        {
            ctx.Fail(NotFound(id, rules));
            return ExitCodes.Failure;
        }

        switch (format)
        {
            case "json":
                using (var target = ReportTarget.Open(null, ctx))
                {
                    RuleJson.Write(target.Stream, [d], ToolInfo.Name, ToolInfo.Version, catalogue.SeverityOf);
                    return target.Commit(ctx) ? ExitCodes.Success : ExitCodes.Failure;
                }
            case "markdown":
                ctx.Out.Write(RuleDocPage.Render(d, SourceFileName(d)));
                return ExitCodes.Success;
            default:
                string? configured = catalogue.IsConfigured(d)
                    ? $"{RuleFacts.SeverityName(catalogue.SeverityOf(d))} for {InputFiles.DisplayPath(Path.GetFullPath(ConfiguredCatalogue.ProbeOf(parsed), ctx.WorkingDirectory), ctx.WorkingDirectory)}, as configured (default: {RuleFacts.SeverityLong(d)})"
                    : null;
                ctx.Out.Write(Render(d, configured).ReplaceLineEndings());
                return ExitCodes.Success;
        }
    }

    /// <summary>The message for an ID no loaded rule has, with the nearest ID when one is close.</summary>
    public static string NotFound(string id, IReadOnlyCollection<RuleDescriptor> rules)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(id, "^TL90[0-9]{2}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            return $"{id.ToUpperInvariant()} is one of the tool's own notification codes (TL90xx: rule packs, configuration, input files), not a rule; docs/user-guide.md, Notifications, lists them.";
        string? near = CliSyntax.Closest(id, rules.Select(r => r.Id), 2);
        return $"No loaded rule has the ID '{id}'.{(near is null ? "" : $" Did you mean '{near}'?")} 'dotnet textlint rules' lists them.";
    }

    /// <summary>The rule as plain text for a terminal, with the doc page's headings.</summary>
    /// <param name="d">The rule.</param>
    /// <param name="configuredSeverity">The severity line when configuration changes it, or null for the rule's default.</param>
    public static string Render(RuleDescriptor d, string? configuredSeverity = null)
    {
        var sb = new StringBuilder();
        sb.Append($"{d.Id}: {d.Title}\n\n");
        Field(sb, "Category", d.Category);
        Field(sb, "Severity", configuredSeverity ?? RuleFacts.SeverityLong(d));
        Field(sb, "Fix", RuleFacts.FixLong(d.FixSafety));
        Field(sb, "Kind", d.Kind);
        if (!d.Tags.IsEmpty) Field(sb, "Tags", string.Join(", ", d.Tags));
        Field(sb, "Defined", d.SourcePath.Length == 0 ? "built into the engine" : $"{RulePacks.OpenablePath(d.SourcePath)}({d.SourcePosition.Line},{d.SourcePosition.Column})");
        if (d.HelpUri is not null) Field(sb, "Help", d.HelpUri);

        Heading(sb, "What it flags");
        Wrap(sb, RuleFacts.WhatItFlags(d), "  ");
        sb.Append("  The finding reads: ").Append(d.MessageFormat).Append('\n');

        Heading(sb, "Why");
        Wrap(sb, RuleFacts.Why(d), "  ");

        Heading(sb, "Examples");
        var bad = d.Examples.Where(e => e.Kind == RuleExampleKind.Bad).ToList();
        var good = d.Examples.Where(e => e.Kind == RuleExampleKind.Good).ToList();
        if (bad.Count > 0)
        {
            sb.Append(bad.Any(e => e.Fixed is not null)
                ? "  Flagged (the carets mark what is reported; => shows the text after the fix):\n"
                : "  Flagged (the carets mark what is reported):\n");
            foreach (string line in RuleFacts.ExampleBlock(bad)) sb.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        }
        if (good.Count > 0)
        {
            sb.Append("  Not flagged:\n");
            foreach (string line in RuleFacts.ExampleBlock(good)) sb.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        }
        if (bad.Count == 0 && good.Count == 0) sb.Append("  The rule has no examples yet.\n");

        Heading(sb, "Use instead");
        Wrap(sb, RuleFacts.UseInstead(d), "  ");

        Heading(sb, "Configuration");
        sb.Append($"  Severity in .editorconfig ({RuleFacts.EditorConfigValues}); the rule's key beats its category's:\n");
        sb.Append($"    {RuleFacts.EditorConfigIdKey(d)} = error\n");
        sb.Append($"    {RuleFacts.EditorConfigCategoryKey(d)} = warning\n");
        sb.Append($"  For one run: --severity {d.Id}=error\n");
        sb.Append("  In textlint.yaml:\n");
        foreach (string line in RuleFacts.TextlintYaml(d)) sb.Append("    ").Append(line).Append('\n');
        var options = RuleFacts.KindOptions(d);
        if (!options.IsEmpty)
        {
            sb.Append($"  Options of the '{d.Kind}' kind (in the rule's YAML, or per rule in textlint.yaml; {char.ToLowerInvariant(RuleFacts.TextlintYamlExtend[0])}{RuleFacts.TextlintYamlExtend[1..^1]}):\n");
            int keyWidth = options.Max(o => o.Key.Length) + 2;
            foreach (var o in options) sb.Append("    ").Append(o.Key.PadRight(keyWidth)).Append(o.Description).Append('\n');
        }
        sb.Append("  Suppress one finding, with the reason, on the line before it:\n");
        sb.Append("    ").Append(RuleFacts.SuppressNextLine(d)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The rule's YAML file relative to its pack, for the Markdown page's link.</summary>
    private static string SourceFileName(RuleDescriptor d)
    {
        if (d.SourcePath.Length == 0) return "";
        return d.SourcePath.StartsWith(RulePacks.BundledPrefix, StringComparison.Ordinal) ? d.SourcePath[RulePacks.BundledPrefix.Length..] : Path.GetFileName(d.SourcePath);
    }

    private static void Field(StringBuilder sb, string name, string value) => sb.Append("  ").Append(name.PadRight(10)).Append(value).Append('\n');

    private static void Heading(StringBuilder sb, string title) => sb.Append('\n').Append(title).Append('\n');

    /// <summary>Word-wraps prose (paragraphs separated by blank lines) for a terminal.</summary>
    private static void Wrap(StringBuilder sb, string text, string indent)
    {
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        for (int p = 0; p < paragraphs.Length; p++)
        {
            if (p > 0) sb.Append('\n');
            int column = 0;
            foreach (string word in paragraphs[p].Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (column > 0 && column + 1 + word.Length > Width - indent.Length)
                {
                    sb.Append('\n');
                    column = 0;
                }
                if (column == 0) sb.Append(indent);
                else { sb.Append(' '); column++; }
                sb.Append(word);
                column += word.Length;
            }
            sb.Append('\n');
        }
    }

    private static int UsageError(CliContext ctx, string message) => Definition.UsageError(ctx, message);
}
