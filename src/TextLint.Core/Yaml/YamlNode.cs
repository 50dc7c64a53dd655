namespace TextLint.Yaml;

/// <summary>1-based place in a YAML file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>
    /// The file, when the node comes from another file than the one being loaded: textlint.yaml's
    /// per-rule options are merged into a pack's rule, and their errors must point into textlint.yaml.
    /// </summary>
    public string? File { get; init; }
}

/// <summary>
/// A small immutable YAML tree that keeps the position of every node, built from YamlDotNet's event
/// parser. Aliases are resolved to the anchored node (shared, not copied), and the number of nodes an
/// expansion may visit is bounded by the reader, so an alias bomb cannot explode.
/// </summary>
public abstract class YamlNode
{
    protected YamlNode(SourcePosition position) => Position = position;

    public SourcePosition Position { get; }

    public abstract string KindName { get; }
}

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(SourcePosition position, string value, bool isPlain) : base(position)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted: may be null/bool/number by YAML's core schema.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value is "" or "~" or "null" or "Null" or "NULL");

    public override string KindName => "a scalar";
}

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourcePosition position, IReadOnlyList<YamlNode> items) : base(position) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }

    public override string KindName => "a list";
}

public sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourcePosition position, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries) : base(position) => Entries = entries;

    /// <summary>Entries in file order; keys are scalars (complex keys are rejected by the reader).</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var e in Entries)
                if (e.Key.Value == key) return e.Value;
            return null;
        }
    }

    public override string KindName => "a mapping";
}

/// <summary>One YAML document of a file.</summary>
public sealed record YamlDocumentNode(string Path, YamlNode Root);
