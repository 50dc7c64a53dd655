using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Yaml;

namespace TextLint.Configuration;

/// <summary>
/// Reads textlint.yaml from its text (no disk access). Every unknown key and bad value is an error
/// (TL9040; YAML syntax errors are TL9001) with file, line and column, all of them at once.
/// </summary>
public static class ProjectConfigReader
{
    public const string ErrorCode = NotificationCodes.ProjectConfigInvalid;

    private static readonly string[] TopLevelKeys = ["packs", "defaultRules", "include", "exclude", "inlineSuppressions", "allowSkipped", "preview", "allowEmpty", "rules", "extend-safe-fixes", "extend-unsafe-fixes"];

    /// <summary>Keys that say what a rule is (or test it): a project may tune a rule, not redefine it.</summary>
    private static readonly string[] FixedRuleKeys = ["id", "kind", "category", "examples"];

    public static ProjectConfig Read(string path, string directory, string text, List<ConfigurationDiagnostic> errors)
    {
        var config = new ProjectConfig { Path = path, Directory = directory };
        var documents = YamlReader.Read(path, text, errors);
        if (documents.Count == 0) return config;
        if (documents.Count > 1)
            Error(errors, path, documents[1].Root.Position, "textlint.yaml holds one YAML document; remove the extra '---'.");
        if (documents[0].Root is not YamlMapping root)
        {
            Error(errors, path, documents[0].Root.Position, $"textlint.yaml must be a mapping of settings, not {documents[0].Root.KindName}.");
            return config;
        }

        var def = new RuleDefinition(path, root, errors, ErrorCode);
        foreach (var (key, _) in root.Entries)
        {
            if (!TopLevelKeys.Contains(key.Value))
                Error(errors, path, key.Position, $"Unknown key '{key.Value}'{Hint(key.Value, TopLevelKeys)}; textlint.yaml knows {string.Join(", ", TopLevelKeys)}.");
        }
        return config with
        {
            Packs = Paths(def, "packs", errors),
            DefaultRules = def.Has("defaultRules") ? def.GetBool("defaultRules", true) : null,
            Include = Globs(def, "include", errors),
            Exclude = Globs(def, "exclude", errors),
            InlineSuppressions = def.Has("inlineSuppressions") ? def.GetBool("inlineSuppressions", true) : null,
            AllowSkipped = def.Has("allowSkipped") ? def.GetBool("allowSkipped", false) : null,
            Preview = def.Has("preview") ? def.GetBool("preview", false) : null,
            AllowEmpty = def.Has("allowEmpty") ? def.GetBool("allowEmpty", false) : null,
            Rules = ReadRules(path, def.Get("rules"), errors),
            ExtendSafeFixes = Paths(def, "extend-safe-fixes", errors),
            ExtendUnsafeFixes = Paths(def, "extend-unsafe-fixes", errors),
        };
    }

    private static ImmutableArray<PositionedValue> Paths(RuleDefinition def, string key, List<ConfigurationDiagnostic> errors)
    {
        var list = def.GetStringList(key);
        foreach (var (value, at) in list)
            if (value.Trim().Length == 0) Error(errors, def.Path, at, $"An entry of '{key}' is empty.");
        return list.Select(v => new PositionedValue(v.Value, v.Position)).ToImmutableArray();
    }

    private static ImmutableArray<PositionedValue> Globs(RuleDefinition def, string key, List<ConfigurationDiagnostic> errors)
    {
        var list = Paths(def, key, errors);
        foreach (var g in list)
        {
            if (System.IO.Path.IsPathRooted(g.Value) || g.Value.Replace('\\', '/').Split('/').Contains(".."))
                Error(errors, def.Path, g.Position, $"'{g.Value}' must be relative to textlint.yaml's folder and stay inside it (no leading '/', no '..').");
        }
        return list;
    }

    private static ImmutableArray<RuleSettings> ReadRules(string path, YamlNode? node, List<ConfigurationDiagnostic> errors)
    {
        if (node is null || node is YamlScalar { IsNull: true }) return [];
        if (node is not YamlMapping rules)
        {
            Error(errors, path, node.Position, $"'rules' must be a mapping of rule IDs to settings, not {node.KindName}.");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<RuleSettings>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (idNode, value) in rules.Entries)
        {
            string id = idNode.Value;
            if (!seen.Add(id))
            {
                Error(errors, path, idNode.Position, $"Rule '{id}' is configured twice in 'rules'.");
                continue;
            }
            if (value is not YamlMapping settings)
            {
                Error(errors, path, value.Position, $"rule {id}: the settings must be a mapping (severity, enabled or the rule's options), not {value.KindName}.");
                continue;
            }
            result.Add(ReadRule(path, id, idNode.Position, settings, errors));
        }
        return result.ToImmutable();
    }

    private static RuleSettings ReadRule(string path, string id, SourcePosition at, YamlMapping settings, List<ConfigurationDiagnostic> errors)
    {
        SeverityLevel? level = null;
        bool? enabled = null;
        SourcePosition severityAt = default;
        var options = ImmutableArray.CreateBuilder<KeyValuePair<YamlScalar, YamlNode>>();
        var extend = ImmutableArray.CreateBuilder<KeyValuePair<YamlScalar, YamlNode>>();
        foreach (var (key, value) in settings.Entries)
        {
            switch (key.Value)
            {
                case "severity":
                    severityAt = key.Position;
                    if (value is YamlScalar s && SeverityLevel.TryParse(s.Value, out var parsed)) level = parsed;
                    else Error(errors, path, value.Position, $"rule {id}: severity must be one of {SeverityLevel.Accepted}.");
                    break;
                case "enabled":
                    if (value is YamlScalar { Value: "true" or "True" or "TRUE" or "yes" }) enabled = true;
                    else if (value is YamlScalar { Value: "false" or "False" or "FALSE" or "no" }) enabled = false;
                    else Error(errors, path, value.Position, $"rule {id}: 'enabled' must be true or false.");
                    break;
                case "extend":
                    if (value is YamlMapping more)
                        foreach (var e in more.Entries) AddOption(path, id, e.Key, e.Value, errors, extend);
                    else Error(errors, path, value.Position, $"rule {id}: 'extend' must be a mapping of list options to the items to add.");
                    break;
                default:
                    AddOption(path, id, key, value, errors, options);
                    break;
            }
        }
        if (enabled == false && level is not null)
            Error(errors, path, severityAt, $"rule {id}: give either 'enabled: false' or a 'severity', not both.");
        else if (enabled == false) level = SeverityLevel.Explicit(Severity.None);
        else if (enabled == true && level is null) level = SeverityLevel.On;
        return new RuleSettings(id, at) { Level = level, Options = options.ToImmutable(), Extend = extend.ToImmutable() };
    }

    private static void AddOption(string path, string id, YamlScalar key, YamlNode value, List<ConfigurationDiagnostic> errors,
        ImmutableArray<KeyValuePair<YamlScalar, YamlNode>>.Builder into)
    {
        if (FixedRuleKeys.Contains(key.Value))
        {
            Error(errors, path, key.Position, $"rule {id}: '{key.Value}' says what the rule is and cannot be changed in textlint.yaml; write a rule of your own in a pack instead.");
            return;
        }
        into.Add(new((YamlScalar)Relocate(key, path), Relocate(value, path)));
    }

    /// <summary>A copy of a node whose positions name textlint.yaml, so errors the kind reports point there.</summary>
    private static YamlNode Relocate(YamlNode node, string file)
    {
        var at = node.Position with { File = file };
        return node switch
        {
            YamlScalar s => new YamlScalar(at, s.Value, s.IsPlain),
            YamlSequence q => new YamlSequence(at, q.Items.Select(i => Relocate(i, file)).ToList()),
            YamlMapping m => new YamlMapping(at, m.Entries.Select(e => new KeyValuePair<YamlScalar, YamlNode>((YamlScalar)Relocate(e.Key, file), Relocate(e.Value, file))).ToList()),
            _ => node,
        };
    }

    private static string Hint(string name, IEnumerable<string> known) =>
        Text.EditDistance.Suggest(name, known) is { } s ? $" (did you mean '{s}'?)" : "";

    private static void Error(List<ConfigurationDiagnostic> errors, string path, SourcePosition at, string message) =>
        errors.Add(new ConfigurationDiagnostic(ErrorCode, Severity.Error, path, at.Line, at.Column, message));
}
