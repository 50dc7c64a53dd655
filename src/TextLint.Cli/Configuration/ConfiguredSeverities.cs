using System.Collections.Immutable;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Output;
using TextLint.Rules;

namespace TextLint.Cli.Configuration;

/// <summary>
/// The engine's <see cref="ISeverityProvider"/> for a run: textlint.yaml's rule settings under the
/// .editorconfig chain of each file (merged key by key), the command line's --severity over both, and
/// --warnaserror last. It also records which rules ran at another severity than their default, for
/// SARIF's ruleConfigurationOverrides.
/// </summary>
public sealed class ConfiguredSeverities : ISeverityProvider
{
    // The engine asks for every rule of one file in a row on one thread: the file's merged settings are
    // computed once and kept per thread until the next file.
    [ThreadStatic] private static ConfiguredSeverities? t_owner;
    [ThreadStatic] private static string? t_path;
    [ThreadStatic] private static SeverityOptions? t_options;

    private readonly EditorConfigFinder? _editorConfigs;
    private readonly SeverityOptions _project;
    private readonly SeverityOptions _commandLine;
    private readonly bool _warnAsError;
    private readonly string _workingDirectory;
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private readonly ImmutableArray<RuleDescriptor> _rules;
    private readonly int[] _observed; // per rule: bit (1 << severity) for each non-default severity it ran at

    public ConfiguredSeverities(ImmutableArray<RuleDescriptor> rules, EditorConfigFinder? editorConfigs, SeverityOptions project,
        SeverityOptions commandLine, bool warnAsError, string workingDirectory)
    {
        _rules = rules;
        for (int i = 0; i < rules.Length; i++) _ruleIndex[rules[i].Id] = i;
        _observed = new int[rules.Length];
        _editorConfigs = editorConfigs;
        _project = project;
        _commandLine = commandLine;
        _warnAsError = warnAsError;
        _workingDirectory = workingDirectory;
    }

    public Severity GetSeverity(RuleDescriptor rule, string path)
    {
        var severity = SeverityResolver.Resolve(rule, OptionsFor(path), _commandLine, _warnAsError);
        if (severity != SeverityResolver.DefaultOf(rule) && _ruleIndex.TryGetValue(rule.Id, out int i))
            Interlocked.Or(ref _observed[i], 1 << (int)severity);
        return severity;
    }

    private SeverityOptions OptionsFor(string path)
    {
        if (_editorConfigs is null) return _project;
        if (ReferenceEquals(t_owner, this) && t_path == path) return t_options!;
        string full = Path.GetFullPath(path, _workingDirectory);
        var chain = _editorConfigs.ChainFor(Path.GetDirectoryName(full)!);
        var options = EditorConfigFile.Resolve(chain, full, _project);
        (t_owner, t_path, t_options) = (this, path, options);
        return options;
    }

    /// <summary>Each rule and severity that differed from the rule's default in some linted file, by rule order then severity (most severe first).</summary>
    public ImmutableArray<RuleConfigurationOverride> Overrides()
    {
        var list = ImmutableArray.CreateBuilder<RuleConfigurationOverride>();
        for (int i = 0; i < _rules.Length; i++)
        {
            int bits = Volatile.Read(ref _observed[i]);
            for (var s = Severity.Error; s >= Severity.None; s--)
                if ((bits & (1 << (int)s)) != 0) list.Add(new RuleConfigurationOverride(_rules[i].Id, s));
        }
        return list.ToImmutable();
    }
}
