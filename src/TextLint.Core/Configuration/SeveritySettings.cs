using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Configuration;

/// <summary>What a configuration key names: one rule, a category, or every rule.</summary>
public enum SeverityScope { Rule, Category, All }

/// <summary>
/// A configured level: an explicit severity, <c>default</c> (the rule's own), or "on" (textlint.yaml's
/// <c>enabled: true</c>: the rule at its own severity even when it is off by default).
/// </summary>
public readonly record struct SeverityLevel
{
    private enum LevelKind { Explicit, Default, On }

    private readonly LevelKind _kind;

    private SeverityLevel(LevelKind kind, Severity severity)
    {
        _kind = kind;
        Severity = severity;
    }

    /// <summary>The explicit severity (meaningless for <see cref="Default"/> and <see cref="On"/>).</summary>
    public Severity Severity { get; }

    public static SeverityLevel Explicit(Severity severity) => new(LevelKind.Explicit, severity);
    public static readonly SeverityLevel Default = new(LevelKind.Default, Severity.None);
    public static readonly SeverityLevel On = new(LevelKind.On, Severity.None);

    /// <summary>The words .editorconfig, textlint.yaml and --severity accept.</summary>
    public const string Accepted = "error, warning, suggestion (info), silent (hidden), none, default";

    /// <summary>
    /// Roslyn's .editorconfig severities (error, warning, suggestion, silent, none, default), plus the
    /// rule files' own words info and hidden; case-insensitive, as EditorConfig values are.
    /// </summary>
    public static bool TryParse(string text, out SeverityLevel level)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": level = Explicit(Severity.Error); return true;
            case "warning": level = Explicit(Severity.Warning); return true;
            case "suggestion" or "info": level = Explicit(Severity.Info); return true;
            case "silent" or "hidden": level = Explicit(Severity.Hidden); return true;
            case "none": level = Explicit(Severity.None); return true;
            case "default": level = Default; return true;
            default: level = Default; return false;
        }
    }

    /// <summary>The effective severity of this level for a rule.</summary>
    public Severity For(RuleDescriptor rule) => _kind switch
    {
        LevelKind.Explicit => Severity,
        LevelKind.On => rule.DefaultSeverity,
        _ => SeverityResolver.DefaultOf(rule),
    };

    public override string ToString() => _kind switch
    {
        LevelKind.Explicit => Severity.ToDisplayString(),
        LevelKind.On => "on",
        _ => "default",
    };
}

/// <summary>
/// Settings of one layer for one file: at most one level per rule ID, per category and for all rules
/// (a later <see cref="Set"/> of the same key replaces the earlier one: the nearer .editorconfig, the
/// later entry). IDs and categories compare case-insensitively, as EditorConfig keys do.
/// </summary>
public sealed class SeverityOptions
{
    public static readonly SeverityOptions Empty = new();

    private readonly Dictionary<string, SeverityLevel> _rules = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SeverityLevel> _categories = new(StringComparer.OrdinalIgnoreCase);
    private SeverityLevel? _all;

    public bool IsEmpty => _rules.Count == 0 && _categories.Count == 0 && _all is null;

    public void Set(SeverityScope scope, string name, SeverityLevel level)
    {
        if (ReferenceEquals(this, Empty)) throw new InvalidOperationException("The empty options are shared and read-only.");
        switch (scope)
        {
            case SeverityScope.Rule: _rules[name] = level; break;
            case SeverityScope.Category: _categories[name] = level; break;
            default: _all = level; break;
        }
    }

    public SeverityOptions Clone()
    {
        var copy = new SeverityOptions();
        foreach (var (k, v) in _rules) copy._rules[k] = v;
        foreach (var (k, v) in _categories) copy._categories[k] = v;
        copy._all = _all;
        return copy;
    }

    /// <summary>
    /// Roslyn's precedence within a layer: the rule's ID key beats its category key beats the
    /// all-rules key; the category and all-rules keys only apply to rules that are enabled by default
    /// (a rule that is off by default is turned on only by naming it). Null when no key applies.
    /// </summary>
    public Severity? Resolve(RuleDescriptor rule)
    {
        if (_rules.TryGetValue(rule.Id, out var byId)) return byId.For(rule);
        if (!rule.IsEnabledByDefault) return null;
        if (_categories.TryGetValue(rule.Category, out var byCategory)) return byCategory.For(rule);
        return _all?.For(rule);
    }
}

/// <summary>The one place the layers of configuration combine into a rule's severity for a file.</summary>
public static class SeverityResolver
{
    /// <summary>
    /// Files first (textlint.yaml under the .editorconfig chain, merged key by key), then the command
    /// line, which beats them; <paramref name="warnAsError"/> last.
    /// </summary>
    public static Severity Resolve(RuleDescriptor rule, SeverityOptions files, SeverityOptions commandLine, bool warnAsError)
    {
        var severity = commandLine.Resolve(rule) ?? files.Resolve(rule) ?? DefaultOf(rule);
        return warnAsError && severity == Severity.Warning ? Severity.Error : severity;
    }

    /// <summary>The rule's severity with no configuration: its default when enabled by default, otherwise off.</summary>
    public static Severity DefaultOf(RuleDescriptor rule) => rule.IsEnabledByDefault ? rule.DefaultSeverity : Severity.None;
}
