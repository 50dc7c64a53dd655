using System.Collections.Immutable;
using System.CommandLine;
using TextLint.Cli.Infrastructure;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Engine.Baselines;

namespace TextLint.Cli.Configuration;

/// <summary>
/// Everything a lint run is configured by, from the command line, textlint.yaml and .editorconfig:
/// the rule set (packs, per-rule options), severities, inline suppressions, which files, the baseline.
/// Keeps LintCommand a thin shell. Errors (exit 2) and warnings are collected, never thrown.
/// </summary>
public sealed class LintConfiguration
{
    public static readonly Option<string[]> RulesOption = CliSyntax.Repeated("--rules", "dir|file", "Add a rule pack (repeatable).");
    public static readonly Option<bool> NoDefaultRulesOption = CliSyntax.Flag("--no-default-rules", "Do not load the bundled editorial pack.");
    public static readonly Option<string?> ConfigOption = CliSyntax.Value("--config", "file", "Use this textlint.yaml (default: the nearest one in this folder or above).");
    public static readonly Option<string[]> SeverityOption = CliSyntax.Repeated("--severity", "rule=level", "Set a rule's or category's severity: error|warning|suggestion|silent|none|default (repeatable).");
    public static readonly Option<bool> WarnAsErrorOption = CliSyntax.Flag("--warnaserror", "Report warnings as errors.");
    public static readonly Option<bool> PreviewOption = CliSyntax.Flag("--preview", "Enable preview rules (new rules whose precision is still being measured).");
    public static readonly Option<bool> NoInlineSuppressionsOption = CliSyntax.Flag("--no-inline-suppressions", "Ignore <!-- textlint-disable --> comments.");
    public static readonly Option<bool> AllowSkippedOption = CliSyntax.Flag("--allow-skipped", "A file skipped (binary, undecodable, over the size limit) or not linted completely is a warning, not a failure (exit 2).");
    public static readonly Option<string?> BaselineOption = CliSyntax.Value("--baseline", "file", "Report only findings that are not in this baseline file.");
    public static readonly Option<bool> UpdateBaselineOption = CliSyntax.Flag("--update-baseline", "Write the current findings to the --baseline file and exit 0.");

    /// <summary>The configuration options of the lint command (the packs options are listed first, with the other inputs).</summary>
    public static readonly Option[] Options = [ConfigOption, SeverityOption, WarnAsErrorOption, PreviewOption, NoInlineSuppressionsOption, AllowSkippedOption, BaselineOption, UpdateBaselineOption];

    private readonly List<ConfigurationDiagnostic> _errors = new();
    private readonly List<ConfigurationDiagnostic> _warnings = new();
    private ProjectConfig? _project;
    private EditorConfigFinder? _editorConfigs;

    private LintConfiguration() { }

    public RuleSet Rules { get; private set; } = null!;
    public ConfiguredSeverities Severities { get; private set; } = null!;
    public bool InlineSuppressions { get; private set; } = true;

    /// <summary>--allow-skipped or textlint.yaml's allowSkipped: true: an incomplete file is a warning, not a failure.</summary>
    public bool AllowSkipped { get; private set; }

    /// <summary>Whether preview rules are on (--preview or textlint.yaml's preview: true).</summary>
    public bool Preview { get; private set; }
    public BaselineRun? Baseline { get; private set; }

    /// <summary>The rule packs loaded, the bundled one first when it is (full paths): what a cache's key hashes.</summary>
    public IReadOnlyList<string> PackPaths { get; private set; } = [];

    /// <summary>textlint.yaml's allowEmpty (null: not set).</summary>
    public bool? AllowEmpty => _project?.AllowEmpty;

    /// <summary>The textlint.yaml in force, or null.</summary>
    public string? ProjectConfigPath => _project?.Path;

    /// <summary>Which walked or globbed files textlint.yaml's include/exclude keep; null to keep all.</summary>
    public Func<InputFile, bool>? InputPredicate =>
        _project is { } p && (!p.Include.IsEmpty || !p.Exclude.IsEmpty) ? new InputFilter(p).Keeps : null;

    /// <summary>Problems that stop the run (exit 2): nothing is linted.</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Errors => _errors;

    /// <summary>Problems reported as SARIF toolConfigurationNotifications and on stderr; the run goes on.</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Warnings => _warnings;

    /// <summary>A bad command line (exit 2 with the usage line), or null.</summary>
    public string? UsageError { get; private set; }

    public static LintConfiguration Load(ParseResult args, CliContext ctx)
    {
        var c = new LintConfiguration();
        c.LoadCore(args, ctx);
        return c;
    }

    private void LoadCore(ParseResult args, CliContext ctx)
    {
        string cwd = ctx.WorkingDirectory;
        if (args.GetValue(UpdateBaselineOption) && args.GetValue(BaselineOption) is null)
        {
            UsageError = "--update-baseline needs --baseline <file> to say where to write.";
            return;
        }

        _project = ProjectConfigFile.Load(args.GetValue(ConfigOption), cwd, _errors);
        var settings = _project?.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

        var packs = new List<string>();
        foreach (var pack in _project?.Packs ?? [])
        {
            string full = Path.GetFullPath(pack.Value, _project!.Directory);
            if (File.Exists(full) || Directory.Exists(full)) packs.Add(full);
            else _errors.Add(new ConfigurationDiagnostic(ProjectConfigReader.ErrorCode, Severity.Error, _project.Path, pack.Position.Line, pack.Position.Column, $"No such rule pack: '{pack.Value}'."));
        }
        packs.AddRange(args.GetValue(RulesOption) ?? []);
        bool bundled = !args.GetValue(NoDefaultRulesOption) && (_project?.DefaultRules ?? true);
        PackPaths = [.. (bundled ? [RulePacks.BundledDirectory] : Array.Empty<string>()), .. packs.Select(p => Path.GetFullPath(p, cwd))];
        if (_errors.Count > 0) return; // a broken textlint.yaml would make pack errors misleading

        Preview = args.GetValue(PreviewOption) || (_project?.Preview ?? false);
        var loaded = RulePacks.Load(bundled, packs, cwd, settings, Preview);
        _errors.AddRange(loaded.Errors);
        _warnings.AddRange(loaded.Notices);
        if (!loaded.Success) return;
        if (_project is not null) FixSafetyOverrides.Apply(_project, loaded.Rules, _errors);
        if (_errors.Count > 0) return;
        Rules = RuleSet.Compile(loaded.Rules);
        CheckRuleSettings();

        var commandLine = ParseSeverityFlags(args.GetValue(SeverityOption) ?? []);
        if (UsageError is not null || _errors.Count > 0) return;

        InlineSuppressions = !args.GetValue(NoInlineSuppressionsOption) && (_project?.InlineSuppressions ?? true);
        AllowSkipped = args.GetValue(AllowSkippedOption) || (_project?.AllowSkipped ?? false);
        _editorConfigs = new EditorConfigFinder(cwd);
        Severities = new ConfiguredSeverities(Rules.Descriptors, _editorConfigs, _project?.SeverityOptions() ?? SeverityOptions.Empty,
            commandLine, args.GetValue(WarnAsErrorOption), cwd);
        if (args.GetValue(BaselineOption) is { } baseline)
            Baseline = BaselineRun.Open(baseline, args.GetValue(UpdateBaselineOption), cwd, _errors);
    }

    /// <summary>textlint.yaml may only configure loaded rules, and built-in rules have no options.</summary>
    private void CheckRuleSettings()
    {
        if (_project is null) return;
        var ids = Rules.Rules.Select(r => r.Descriptor.Id).ToList();
        foreach (var r in _project.Rules)
        {
            int index = Rules.IndexOf(r.Id);
            if (index < 0)
            {
                string hint = Text.EditDistance.Suggest(r.Id, ids) is { } s ? $"; did you mean '{s}'?" : ".";
                _errors.Add(new ConfigurationDiagnostic(ProjectConfigReader.ErrorCode, Severity.Error, _project.Path, r.Position.Line, r.Position.Column,
                    $"No loaded rule has the ID '{r.Id}'{hint}"));
            }
            else if (Rules.Rules[index] is Rules.BuiltIn.BuiltInRule && r.HasOptions)
            {
                var at = (r.Options.IsEmpty ? r.Extend : r.Options)[0].Key.Position;
                _errors.Add(new ConfigurationDiagnostic(ProjectConfigReader.ErrorCode, Severity.Error, _project.Path, at.Line, at.Column,
                    $"rule {r.Id}: a built-in rule has no options; only 'severity' and 'enabled' apply."));
            }
        }
    }

    /// <summary>--severity ID=level or Category=level; an ID is looked up first.</summary>
    private SeverityOptions ParseSeverityFlags(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return SeverityOptions.Empty;
        var options = new SeverityOptions();
        var categories = Rules.Rules.Select(r => r.Descriptor.Category).Distinct(StringComparer.Ordinal).ToList();
        var ids = Rules.Rules.Select(r => r.Descriptor.Id).ToList();
        foreach (string value in values)
        {
            int eq = value.IndexOf('=');
            string name = eq < 0 ? value : value[..eq].Trim();
            string level = eq < 0 ? "" : value[(eq + 1)..];
            if (eq <= 0 || !SeverityLevel.TryParse(level, out var parsed))
            {
                UsageError = $"--severity needs <rule-or-category>=<level>, the level one of {SeverityLevel.Accepted}; got '{value}'.";
                return options;
            }
            if (ids.Contains(name, StringComparer.OrdinalIgnoreCase)) options.Set(SeverityScope.Rule, name, parsed);
            else if (categories.Contains(name, StringComparer.OrdinalIgnoreCase)) options.Set(SeverityScope.Category, name, parsed);
            else
            {
                string? hint = Text.EditDistance.Suggest(name, ids.Concat(categories));
                UsageError = $"--severity: no loaded rule or category is named '{name}'.{(hint is null ? "" : $" Did you mean '{hint}'?")}";
                return options;
            }
        }
        return options;
    }

    /// <summary>
    /// Reads the .editorconfig chains of every input folder before the run, so a broken file stops the
    /// run up front (exit 2) and bad values become warnings once, not per file.
    /// </summary>
    public void PrepareFor(IEnumerable<InputFile> files)
    {
        if (_editorConfigs is null) return;
        foreach (string dir in files.Select(f => Path.GetDirectoryName(f.FullPath)!).Distinct(StringComparer.Ordinal))
            _editorConfigs.ChainFor(dir);
        var ids = Rules.Rules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var categories = Rules.Rules.Select(r => r.Descriptor.Category).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = _editorConfigs.Problems.ToList();
        foreach (var file in _editorConfigs.Files) file.ReportUnknownNames(ids, categories, problems);
        foreach (var p in problems) (p.Severity == Severity.Error ? _errors : _warnings).Add(p);
    }
}
