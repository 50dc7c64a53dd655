using System.CommandLine;
using TextLint.Cli.Configuration;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// The rules `rules` and `rules show` describe: loaded exactly as a lint run in this folder loads them
/// (textlint.yaml's packs and per-rule options, --rules, --no-default-rules), with the severity each
/// would have for one file once .editorconfig, textlint.yaml and --severity have had their say.
/// </summary>
public sealed class ConfiguredCatalogue
{
    /// <summary>The options both commands take, beside their own.</summary>
    public static readonly Option<string?> FileOption = CliSyntax.Value("--file", "path", $"Show the severities configured for this file (default: {DefaultProbe} in this folder).");

    public static readonly Option[] Options =
    [
        LintConfiguration.RulesOption, LintConfiguration.NoDefaultRulesOption, LintConfiguration.ConfigOption, LintConfiguration.SeverityOption, LintConfiguration.PreviewOption, FileOption,
    ];

    /// <summary>The file whose severities are shown, as the user wrote it (or the default).</summary>
    public static string ProbeOf(ParseResult args) => args.GetValue(FileOption) ?? DefaultProbe;

    /// <summary>A Markdown article in the working folder: what most `[*.md]`-style sections are written for.</summary>
    public const string DefaultProbe = "article.md";

    private readonly ConfiguredSeverities _severities;
    private readonly string _probe;

    private ConfiguredCatalogue(IReadOnlyList<RuleDescriptor> rules, ConfiguredSeverities severities, string probe)
    {
        Rules = rules;
        _severities = severities;
        _probe = probe;
    }

    /// <summary>Every loaded rule, by ID.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>The rule's severity for the probed file (<see cref="Severity.None"/> when it is off there).</summary>
    public Severity SeverityOf(RuleDescriptor rule) => _severities.GetSeverity(rule, _probe);

    /// <summary>Whether configuration gives the rule another severity than its own default.</summary>
    public bool IsConfigured(RuleDescriptor rule) => SeverityOf(rule) != SeverityResolver.DefaultOf(rule);

    /// <summary>
    /// Loads the rules and the configuration. Returns null when something is wrong: a usage error is
    /// handed to <paramref name="usageError"/>; configuration and pack errors are printed here (exit 2).
    /// </summary>
    public static ConfiguredCatalogue? Load(ParseResult args, CliContext ctx, Func<string, int> usageError, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        var config = LintConfiguration.Load(args, ctx);
        if (config.UsageError is { } usage)
        {
            exitCode = usageError(usage);
            return null;
        }
        string probeFull = Path.GetFullPath(ProbeOf(args), ctx.WorkingDirectory);
        if (config.Errors.Count == 0) config.PrepareFor([new InputFile(probeFull, InputFiles.DisplayPath(probeFull, ctx.WorkingDirectory))]);
        if (config.Errors.Count > 0)
        {
            foreach (var e in config.Errors) ctx.Error.WriteLine(e.ToString());
            ctx.Fail($"{config.Errors.Count} {(config.Errors.Count == 1 ? "error" : "errors")} in the configuration or rule packs.");
            exitCode = ExitCodes.Failure;
            return null;
        }
        foreach (var w in config.Warnings) ctx.Error.WriteLine(w.ToString());
        var rules = Docs.RuleFacts.InIdOrder(config.Rules.Descriptors).ToList();
        return new ConfiguredCatalogue(rules, config.Severities, probeFull);
    }
}
