using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Yaml;

namespace TextLint.Configuration;

/// <summary>A string setting with where it was written.</summary>
public sealed record PositionedValue(string Value, SourcePosition Position);

/// <summary>
/// One entry of textlint.yaml's <c>rules:</c>. <c>severity</c> and <c>enabled</c> are configuration (the
/// lowest layer, under .editorconfig and the command line); every other key is an option of the rule
/// itself, merged into the rule's YAML before its kind is built, so the kind's own validation applies
/// and its errors point into textlint.yaml. <c>extend:</c> appends to a list option (or adds entries
/// to a mapping option) instead of replacing it.
/// </summary>
public sealed record RuleSettings(string Id, SourcePosition Position)
{
    public SeverityLevel? Level { get; init; }

    /// <summary>Replacements for the rule's keys, positions tagged with textlint.yaml.</summary>
    public ImmutableArray<KeyValuePair<YamlScalar, YamlNode>> Options { get; init; } = [];

    /// <summary>Additions to the rule's list or mapping keys, positions tagged with textlint.yaml.</summary>
    public ImmutableArray<KeyValuePair<YamlScalar, YamlNode>> Extend { get; init; } = [];

    public bool HasOptions => !Options.IsEmpty || !Extend.IsEmpty;

    /// <summary>
    /// The rule's mapping with these options merged in: a replaced key keeps its place; a new key is
    /// appended; an extended list gets the new items after its own.
    /// </summary>
    public YamlMapping ApplyTo(YamlMapping rule, List<ConfigurationDiagnostic> errors)
    {
        var entries = rule.Entries.ToList();
        int IndexOf(string key) => entries.FindIndex(e => e.Key.Value == key);
        foreach (var option in Options)
        {
            int i = IndexOf(option.Key.Value);
            if (i >= 0) entries[i] = option;
            else entries.Add(option);
        }
        foreach (var (key, addition) in Extend)
        {
            int i = IndexOf(key.Value);
            if (i < 0)
            {
                entries.Add(new(key, addition));
                continue;
            }
            var merged = Concat(entries[i].Value, addition);
            if (merged is null)
            {
                errors.Add(new ConfigurationDiagnostic(ProjectConfigReader.ErrorCode, Severity.Error, addition.Position.File ?? "", addition.Position.Line, addition.Position.Column,
                    $"rule {Id}: 'extend.{key.Value}' must be {Describe(entries[i].Value)}, like the rule's own '{key.Value}'."));
                continue;
            }
            entries[i] = new(entries[i].Key, merged);
        }
        return new YamlMapping(rule.Position, entries);
    }

    private static YamlNode? Concat(YamlNode existing, YamlNode addition)
    {
        // A single string stands for a one-item list, as RuleDefinition.GetStringList reads it.
        static IReadOnlyList<YamlNode>? Items(YamlNode n) => n switch
        {
            YamlSequence s => s.Items,
            YamlScalar { IsNull: false } one => [one],
            _ => null,
        };
        if (existing is YamlMapping map)
        {
            if (addition is not YamlMapping more) return null;
            var entries = map.Entries.Where(e => !more.Entries.Any(m => m.Key.Value == e.Key.Value)).Concat(more.Entries).ToList();
            return new YamlMapping(map.Position, entries);
        }
        var head = Items(existing);
        var tail = Items(addition);
        if (head is null || tail is null) return null;
        return new YamlSequence(existing.Position, head.Concat(tail).ToList());
    }

    private static string Describe(YamlNode n) => n is YamlMapping ? "a mapping" : "a list";
}

/// <summary>textlint.yaml: the project's packs, which files to lint, suppressions and per-rule settings.</summary>
public sealed record ProjectConfig
{
    public const string FileName = "textlint.yaml";

    /// <summary>The file as shown in messages.</summary>
    public required string Path { get; init; }

    /// <summary>The folder pack paths and include/exclude globs are relative to (full path).</summary>
    public required string Directory { get; init; }

    /// <summary>Rule packs (files or folders), relative to <see cref="Directory"/>.</summary>
    public ImmutableArray<PositionedValue> Packs { get; init; } = [];

    /// <summary>Whether to load the bundled pack (null: not set; the default is yes).</summary>
    public bool? DefaultRules { get; init; }

    public ImmutableArray<PositionedValue> Include { get; init; } = [];
    public ImmutableArray<PositionedValue> Exclude { get; init; } = [];

    /// <summary>Whether to honour textlint-disable comments (null: not set; the default is yes).</summary>
    public bool? InlineSuppressions { get; init; }

    /// <summary>
    /// Whether a file that could not be linted completely (binary, undecodable, over the size limit, a
    /// rule stopped) is only a warning instead of failing the run (null: not set; the default is no).
    /// </summary>
    public bool? AllowSkipped { get; init; }

    /// <summary>Whether preview rules are enabled (null: not set; the default is no; --preview turns them on too).</summary>
    public bool? Preview { get; init; }

    /// <summary>Whether a folder or glob that matches no file is accepted (null: not set; the default is an error; --allow-empty).</summary>
    public bool? AllowEmpty { get; init; }

    public ImmutableArray<RuleSettings> Rules { get; init; } = [];

    /// <summary><c>extend-safe-fixes</c>: rule IDs or categories whose unsafe fixes --fix applies (as Ruff's setting).</summary>
    public ImmutableArray<PositionedValue> ExtendSafeFixes { get; init; } = [];

    /// <summary><c>extend-unsafe-fixes</c>: rule IDs or categories whose safe fixes need --unsafe-fixes.</summary>
    public ImmutableArray<PositionedValue> ExtendUnsafeFixes { get; init; } = [];

    /// <summary>The rules' severity/enabled settings as the lowest configuration layer.</summary>
    public SeverityOptions SeverityOptions()
    {
        var options = new SeverityOptions();
        foreach (var r in Rules)
            if (r.Level is { } level) options.Set(SeverityScope.Rule, r.Id, level);
        return options.IsEmpty ? Configuration.SeverityOptions.Empty : options;
    }
}
