using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Configuration;

/// <summary>
/// textlint.yaml's <c>extend-safe-fixes</c> and <c>extend-unsafe-fixes</c>, as in Ruff: rule IDs or
/// categories whose fixes are promoted to safe (applied by --fix) or demoted to unsafe (applied only with
/// --unsafe-fixes). A rule's ID beats its category; named at the same level in both lists, unsafe wins.
/// Rules without a fix are not changed. Applied once to the loaded rules, before the rule set is compiled,
/// so every finding, report and listing shows the configured safety.
/// </summary>
public static class FixSafetyOverrides
{
    public static void Apply(ProjectConfig config, IReadOnlyList<Rule> rules, List<ConfigurationDiagnostic> errors)
    {
        if (config.ExtendSafeFixes.IsEmpty && config.ExtendUnsafeFixes.IsEmpty) return;
        var ids = rules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        var categories = rules.Select(r => r.Descriptor.Category).ToHashSet(StringComparer.Ordinal);
        foreach (var v in config.ExtendSafeFixes.Concat(config.ExtendUnsafeFixes))
        {
            if (ids.Contains(v.Value) || categories.Contains(v.Value)) continue;
            string hint = Text.EditDistance.Suggest(v.Value, ids.Concat(categories)) is { } s ? $"; did you mean '{s}'?" : ".";
            errors.Add(new ConfigurationDiagnostic(ProjectConfigReader.ErrorCode, Severity.Error, config.Path, v.Position.Line, v.Position.Column,
                $"'{v.Value}' in extend-safe-fixes or extend-unsafe-fixes is not the ID or category of a loaded rule{hint}"));
        }
        var safe = config.ExtendSafeFixes.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        var @unsafe = config.ExtendUnsafeFixes.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var d = rule.Descriptor;
            if (d.FixSafety == FixSafety.None) continue;
            FixSafety? wanted =
                @unsafe.Contains(d.Id) ? FixSafety.Unsafe
                : safe.Contains(d.Id) ? FixSafety.Safe
                : @unsafe.Contains(d.Category) ? FixSafety.Unsafe
                : safe.Contains(d.Category) ? FixSafety.Safe
                : null;
            if (wanted is { } w && w != d.FixSafety) rule.Descriptor = d with { FixSafety = w };
        }
    }
}
