using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;

namespace TextLint.Rules;

/// <summary>Values for a message template's placeholders. {match} is always available.</summary>
public sealed class MessageArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public MessageArguments(string match) => _values["match"] = Flatten(match);

    public MessageArguments With(string name, string value)
    {
        _values[name] = Flatten(value);
        return this;
    }

    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    /// <summary>The values of <paramref name="template"/>'s placeholders in the order of <see cref="MessageTemplate.PlaceholderNames"/>.</summary>
    public ImmutableArray<string> ValuesFor(string template)
    {
        var names = MessageTemplate.PlaceholderNames(template);
        var values = ImmutableArray.CreateBuilder<string>(names.Length);
        foreach (var name in names) values.Add(TryGet(name, out string v) ? v : "{" + name + "}");
        return values.MoveToImmutable();
    }

    // A message is one line: a match that spans lines is shown with its breaks folded to spaces.
    private static string Flatten(string s) =>
        s.AsSpan().IndexOfAny('\r', '\n', '\t') < 0 ? s : string.Join(' ', s.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries));

    private static readonly char[] LineBreaks = ['\r', '\n', '\t'];
}

/// <summary>"{name}" placeholders in rule messages; "{{" and "}}" are literal braces.</summary>
public static class MessageTemplate
{
    /// <summary>Names of the placeholders used in a template, or an error for an unbalanced brace.</summary>
    public static IReadOnlyList<(string Name, int Offset)> Placeholders(string template, out string? error)
    {
        var list = new List<(string, int)>();
        error = null;
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '{')
            {
                if (i + 1 < template.Length && template[i + 1] == '{') { i++; continue; }
                int close = template.IndexOf('}', i + 1);
                if (close < 0) { error = $"unclosed '{{' at character {i + 1}"; return list; }
                list.Add((template[(i + 1)..close], i));
                i = close;
            }
            else if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}') { i++; continue; }
                error = $"unmatched '}}' at character {i + 1}";
                return list;
            }
        }
        return list;
    }

    public static string Format(string template, MessageArguments args)
    {
        var sb = new StringBuilder(template.Length + 32);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c == '{')
            {
                int close = template.IndexOf('}', i + 1);
                if (close > i && args.TryGet(template[(i + 1)..close], out string v))
                {
                    sb.Append(v);
                    i = close;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The names of each template met so far. A finding's SARIF arguments follow its rule's template
    /// (<see cref="MessageArguments.ValuesFor"/>), and parsing the template again for every finding cost a
    /// list, a string per name and a builder each time. Keyed weakly by the template string, so a rule
    /// pack that is unloaded (a language server reloading an edited pack) takes its entries with it.
    /// </summary>
    private static readonly ConditionalWeakTable<string, StrongBox<ImmutableArray<string>>> Names = new();

    /// <summary>The distinct placeholder names of a template, in order of first appearance: SARIF's argument order.</summary>
    public static ImmutableArray<string> PlaceholderNames(string template) =>
        Names.GetValue(template, static t => new StrongBox<ImmutableArray<string>>(ParsePlaceholderNames(t))).Value;

    private static ImmutableArray<string> ParsePlaceholderNames(string template)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, _) in Placeholders(template, out _))
            if (!names.Contains(name)) names.Add(name);
        return names.ToImmutable();
    }

    /// <summary>
    /// The template as a SARIF message string (§3.11.5): each named placeholder becomes its position in
    /// <see cref="PlaceholderNames"/> ("{match}" → "{0}"); "{{" and "}}" stay literal braces, as in SARIF.
    /// </summary>
    public static string ToPositional(string template)
    {
        var names = PlaceholderNames(template);
        var sb = new StringBuilder(template.Length);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c) { sb.Append(c).Append(c); i++; continue; }
            if (c == '{')
            {
                int close = template.IndexOf('}', i + 1);
                int index = close > i ? names.IndexOf(template[(i + 1)..close]) : -1;
                if (index >= 0)
                {
                    sb.Append('{').Append(index).Append('}');
                    i = close;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
