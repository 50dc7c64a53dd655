using TextLint.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TextLint.Yaml;

/// <summary>Reads every document of a YAML text into <see cref="YamlNode"/> trees with positions.</summary>
public static class YamlReader
{
    /// <summary>Upper bound on nodes (counting each alias use as its anchored subtree size) in one file.</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>
    /// Upper bound on nesting. A rule is a few levels deep; without a bound, '[[[[...' a few hundred
    /// thousand deep overflows the stack (which no handler can catch) and YamlDotNet's scanner slows
    /// quadratically with depth.
    /// </summary>
    public const int MaxDepth = 64;

    public static IReadOnlyList<YamlDocumentNode> Read(string path, string text, List<ConfigurationDiagnostic> errors)
    {
        var documents = new List<YamlDocumentNode>();
        var parser = new Parser(new StringReader(text));
        var state = new ReadState(path, errors);
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                state.Anchors.Clear();
                if (parser.Accept<DocumentEnd>(out _))
                {
                    parser.Consume<DocumentEnd>();
                    continue;
                }
                var root = ReadNode(parser, state, depth: 0);
                parser.Consume<DocumentEnd>();
                if (root is YamlScalar { IsNull: true }) continue; // an empty document, e.g. a trailing '---'
                documents.Add(new YamlDocumentNode(path, root));
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            var at = ErrorPosition(ex, text, parser);
            errors.Add(new ConfigurationDiagnostic(NotificationCodes.YamlSyntax, Severity.Error, path, at.Line, at.Column, "YAML syntax error: " + CleanMessage(ex.Message)));
            return Array.Empty<YamlDocumentNode>();
        }
        catch (NestingTooDeepException ex)
        {
            errors.Add(new ConfigurationDiagnostic(NotificationCodes.YamlSyntax, Severity.Error, path, ex.Position.Line, ex.Position.Column,
                $"The YAML nests deeper than {MaxDepth} levels; the file was not loaded."));
            return Array.Empty<YamlDocumentNode>();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this for some malformed input; report where parsing stopped.
            var at = parser.Current?.Start;
            errors.Add(new ConfigurationDiagnostic(NotificationCodes.YamlSyntax, Severity.Error, path, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1), "YAML syntax error: the file could not be parsed past this point."));
            return Array.Empty<YamlDocumentNode>();
        }
        catch (NodeBudgetExceededException ex)
        {
            errors.Add(new ConfigurationDiagnostic(NotificationCodes.YamlSyntax, Severity.Error, path, ex.Position.Line, ex.Position.Column,
                $"The YAML expands to more than {MaxNodes:N0} nodes (an alias bomb?); the file was not loaded."));
            return Array.Empty<YamlDocumentNode>();
        }
        return documents;
    }

    /// <summary>
    /// Where a syntax error is. YamlDotNet's tab errors point at 1:1 (no position) or at the scalar
    /// before the tab; the tab itself is what the editor must fix, so it is found and named. Other
    /// errors without a position fall back to the last event the parser read.
    /// </summary>
    private static SourcePosition ErrorPosition(YamlException ex, string text, IParser parser)
    {
        bool known = !ex.Start.Equals(Mark.Empty);
        int fromLine = known ? (int)ex.Start.Line : 1;
        if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindTabIndentation(text, fromLine) is { } tab) return tab;
        if (known) return new SourcePosition((int)ex.Start.Line, (int)ex.Start.Column);
        return parser.Current is { } e ? Pos(e) : new SourcePosition(1, 1);
    }

    /// <summary>The first tab in a line's leading white space, from a line on: YAML indents with spaces only.</summary>
    private static SourcePosition? FindTabIndentation(string text, int fromLine)
    {
        int line = 1;
        for (int start = 0; start < text.Length; line++)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (line >= fromLine)
            {
                for (int i = start; i < end && (text[i] == ' ' || text[i] == '\t'); i++)
                    if (text[i] == '\t') return new SourcePosition(line, i - start + 1);
            }
            start = end + 1;
        }
        return null;
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we report the position ourselves.
        int i = message.IndexOf("): ", StringComparison.Ordinal);
        string m = message.StartsWith("(Line", StringComparison.Ordinal) && i > 0 ? message[(i + 3)..] : message;
        m = m.Trim();
        return m.EndsWith('.') ? m : m + ".";
    }

    private sealed class ReadState(string path, List<ConfigurationDiagnostic> errors)
    {
        public string Path { get; } = path;
        public List<ConfigurationDiagnostic> Errors { get; } = errors;
        public Dictionary<string, (YamlNode Node, int Size)> Anchors { get; } = new();
        public Dictionary<YamlNode, int> Sizes { get; } = new(ReferenceEqualityComparer.Instance);
        public long Budget { get; set; } = MaxNodes;

        public void Spend(long n, SourcePosition at)
        {
            Budget -= n;
            if (Budget < 0) throw new NodeBudgetExceededException(at);
        }
    }

    private sealed class NodeBudgetExceededException(SourcePosition position) : Exception
    {
        public SourcePosition Position { get; } = position;
    }

    private sealed class NestingTooDeepException(SourcePosition position) : Exception
    {
        public SourcePosition Position { get; } = position;
    }

    private static SourcePosition Pos(ParsingEvent e) => new((int)e.Start.Line, (int)e.Start.Column);

    // Tags (!!python/object, !<System.Diagnostics.Process>...) are ignored on purpose: nodes are plain
    // data, and nothing here maps a tag to a type, so a pack cannot make the loader construct anything.
    private static YamlNode ReadNode(IParser parser, ReadState state, int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!state.Anchors.TryGetValue(alias.Value.Value, out var target))
                throw new YamlException(alias.Start, alias.End, $"Unknown alias '*{alias.Value}'.");
            state.Spend(target.Size, Pos(alias));
            return target.Node;
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            state.Spend(1, Pos(scalar));
            var node = new YamlScalar(Pos(scalar), scalar.Value, scalar.Style == ScalarStyle.Plain);
            Remember(state, scalar.Anchor, node, 1);
            return node;
        }
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            if (depth >= MaxDepth) throw new NestingTooDeepException(Pos(seqStart));
            state.Spend(1, Pos(seqStart));
            long before = state.Budget;
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(parser, state, depth + 1));
            var node = new YamlSequence(Pos(seqStart), items);
            Remember(state, seqStart.Anchor, node, (int)Math.Min(int.MaxValue, before - state.Budget + 1));
            return node;
        }
        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            if (depth >= MaxDepth) throw new NestingTooDeepException(Pos(mapStart));
            state.Spend(1, Pos(mapStart));
            long before = state.Budget;
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, state, depth + 1);
                var value = ReadNode(parser, state, depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    state.Errors.Add(new ConfigurationDiagnostic(NotificationCodes.YamlSyntax, Severity.Error, state.Path, keyNode.Position.Line, keyNode.Position.Column, "Mapping keys must be plain strings."));
                    continue;
                }
                entries.Add(new(key, value));
            }
            var node = new YamlMapping(Pos(mapStart), entries);
            Remember(state, mapStart.Anchor, node, (int)Math.Min(int.MaxValue, before - state.Budget + 1));
            return node;
        }
        var other = parser.Current!;
        throw new YamlException(other.Start, other.End, $"Unexpected YAML event {other.GetType().Name}.");
    }

    private static void Remember(ReadState state, AnchorName anchor, YamlNode node, int size)
    {
        if (!anchor.IsEmpty) state.Anchors[anchor.Value] = (node, size);
    }
}
