using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Diagnostics;
using TextLint.Matching;
using TextLint.Yaml;

namespace TextLint.Rules;

/// <summary>
/// Typed, position-aware access to one rule's YAML mapping. Every getter reports a bad value at the
/// value's line and column; keys never read are reported as unknown when the rule is finished, so a
/// typo in a key is an error rather than a silently ignored option.
/// </summary>
public sealed class RuleDefinition
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<ConfigurationDiagnostic> _errors;

    private readonly string _code;

    public RuleDefinition(string path, YamlMapping mapping, List<ConfigurationDiagnostic> errors, string code = NotificationCodes.InvalidRule)
    {
        Path = path;
        Mapping = mapping;
        _errors = errors;
        _code = code;
    }

    public string Path { get; }
    public YamlMapping Mapping { get; }
    public string? RuleId { get; set; }
    public int ErrorCount { get; private set; }

    public void Error(SourcePosition at, string message)
    {
        ErrorCount++;
        string prefix = RuleId is null ? "" : $"rule {RuleId}: ";
        // A value merged in from textlint.yaml carries its own file.
        _errors.Add(new ConfigurationDiagnostic(_code, Severity.Error, at.File ?? Path, at.Line, at.Column, prefix + message));
    }

    public void Error(YamlNode node, string message) => Error(node.Position, message);

    public bool Has(string key) => Mapping[key] is not null;

    /// <summary>Every key a getter has asked for so far, present in the YAML or not.</summary>
    public IReadOnlyCollection<string> ReadKeys => _read;

    public YamlNode? Get(string key)
    {
        _read.Add(key);
        return Mapping[key];
    }

    public SourcePosition PositionOf(string key)
    {
        foreach (var e in Mapping.Entries)
            if (e.Key.Value == key) return e.Value.Position;
        return Mapping.Position;
    }

    public string? GetString(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required) Error(Mapping.Position, $"Missing required key '{key}'.");
            return null;
        }
        if (node is YamlScalar s) return s.Value;
        Error(node, $"'{key}' must be a string, not {node.KindName}.");
        return null;
    }

    public bool GetBool(string key, bool defaultValue)
    {
        var node = Get(key);
        if (node is null) return defaultValue;
        if (node is YamlScalar s)
        {
            switch (s.Value)
            {
                case "true" or "True" or "TRUE" or "yes": return true;
                case "false" or "False" or "FALSE" or "no": return false;
            }
        }
        Error(node, $"'{key}' must be true or false.");
        return defaultValue;
    }

    public int GetInt(string key, int defaultValue, int min, int max)
    {
        var node = Get(key);
        if (node is null) return defaultValue;
        if (node is YamlScalar s && int.TryParse(s.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int v))
        {
            if (v < min || v > max) { Error(node, $"'{key}' must be between {min} and {max}; got {v}."); return defaultValue; }
            return v;
        }
        Error(node, $"'{key}' must be a whole number.");
        return defaultValue;
    }

    /// <summary>A list of strings; a single string is accepted as a one-item list.</summary>
    public ImmutableArray<(string Value, SourcePosition Position)> GetStringList(string key)
    {
        var node = Get(key);
        if (node is null || node is YamlScalar { IsNull: true }) return ImmutableArray<(string, SourcePosition)>.Empty;
        if (node is YamlScalar one) return [(one.Value, one.Position)];
        if (node is YamlSequence seq)
        {
            var b = ImmutableArray.CreateBuilder<(string, SourcePosition)>(seq.Items.Count);
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar s) b.Add((s.Value, s.Position));
                else Error(item, $"Items of '{key}' must be strings, not {item.KindName}.");
            }
            return b.ToImmutable();
        }
        Error(node, $"'{key}' must be a list of strings, not {node.KindName}.");
        return ImmutableArray<(string, SourcePosition)>.Empty;
    }

    /// <summary>A list of lists of strings (e.g. variant sets: <c>[[Kyiv, Kiev], [Odesa, Odessa]]</c>).</summary>
    public ImmutableArray<ImmutableArray<(string Value, SourcePosition Position)>> GetStringLists(string key)
    {
        var node = Get(key);
        if (node is null || node is YamlScalar { IsNull: true }) return ImmutableArray<ImmutableArray<(string, SourcePosition)>>.Empty;
        if (node is not YamlSequence seq)
        {
            Error(node, $"'{key}' must be a list of lists of strings, not {node.KindName}.");
            return ImmutableArray<ImmutableArray<(string, SourcePosition)>>.Empty;
        }
        var b = ImmutableArray.CreateBuilder<ImmutableArray<(string, SourcePosition)>>(seq.Items.Count);
        foreach (var item in seq.Items)
        {
            if (item is not YamlSequence inner)
            {
                Error(item, $"Items of '{key}' must be lists of strings, not {item.KindName}.");
                continue;
            }
            var list = ImmutableArray.CreateBuilder<(string, SourcePosition)>(inner.Items.Count);
            foreach (var x in inner.Items)
            {
                if (x is YamlScalar s) list.Add((s.Value, s.Position));
                else Error(x, $"Items of '{key}' must be lists of strings, not lists of {x.KindName}s.");
            }
            b.Add(list.ToImmutable());
        }
        return b.ToImmutable();
    }

    /// <summary>A mapping of strings to strings, in file order.</summary>
    public ImmutableArray<(string Key, string Value, SourcePosition Position)> GetStringMap(string key)
    {
        var node = Get(key);
        if (node is null) return ImmutableArray<(string, string, SourcePosition)>.Empty;
        if (node is not YamlMapping map)
        {
            Error(node, $"'{key}' must be a mapping, not {node.KindName}.");
            return ImmutableArray<(string, string, SourcePosition)>.Empty;
        }
        var b = ImmutableArray.CreateBuilder<(string, string, SourcePosition)>(map.Entries.Count);
        foreach (var e in map.Entries)
        {
            if (e.Value is YamlScalar v) b.Add((e.Key.Value, v.Value, e.Key.Position));
            else Error(e.Value, $"Values of '{key}' must be strings, not {e.Value.KindName}.");
        }
        return b.ToImmutable();
    }

    /// <summary>Compiles a user regex, checked now and built on first use (see <see cref="RegexFactory.TryCreateLazy"/>); an invalid one is an error at its position.</summary>
    public LazyRegex? GetLazyRegex(string pattern, SourcePosition at, bool ignoreCase)
    {
        var result = RegexFactory.TryCreateLazy(pattern, ignoreCase, out string? error);
        // A pattern refused for its length is not repeated whole in the message.
        string shown = pattern.Length <= 200 ? pattern : pattern[..200] + "…";
        if (result is null) Error(at, $"Invalid regular expression '{shown}': {error}");
        return result;
    }

    /// <summary>Reports every key of the mapping that no getter asked for.</summary>
    public void ReportUnknownKeys(string kindName)
    {
        foreach (var e in Mapping.Entries)
        {
            if (!_read.Contains(e.Key.Value))
                Error(e.Key.Position, $"Unknown key '{e.Key.Value}' for a rule of kind '{kindName}'.");
        }
    }
}
