using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// Builds System.CommandLine options the way every command declares them, and renders usage lines and
/// option tables from those same symbols, so what help says is what the parser accepts.
/// </summary>
public static class CliSyntax
{
    /// <summary>A switch: no value (<c>--fix=yes</c> and <c>--fix yes</c> are not read as a value).</summary>
    public static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>An option that takes one value, given at most once.</summary>
    public static Option<string?> Value(string name, string helpName, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, HelpName = helpName };

    /// <summary>An option that may be repeated, one value each time.</summary>
    public static Option<string[]> Repeated(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName, Arity = ArgumentArity.OneOrMore, DefaultValueFactory = _ => [] };

    /// <summary>
    /// An option with one value of type <typeparamref name="T"/>, converted by <paramref name="parse"/>
    /// (null means "not valid", and <paramref name="error"/> says why, in our words).
    /// </summary>
    public static Option<T> Typed<T>(string name, string helpName, string description, Func<string, T?> parse, Func<string, string> error, Func<T> defaultValue, params string[] aliases) where T : struct =>
        new(name, aliases)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue(),
            CustomParser = r =>
            {
                string text = r.Tokens[0].Value;
                if (parse(text) is { } value) return value;
                r.AddError(error(text));
                return defaultValue();
            },
        };

    /// <summary>Restricts a value to <paramref name="allowed"/>, with the message <paramref name="error"/> builds.</summary>
    public static Option<string?> OneOf(this Option<string?> option, string[] allowed, Func<string, string> error)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !allowed.Contains(r.Tokens[0].Value, StringComparer.Ordinal)) r.AddError(error(r.Tokens[0].Value));
        });
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>The help option every command takes.</summary>
    public static Option<bool> HelpOption() => Flag("--help", "Show this help.", "-h");

    /// <summary>Whether the option was written on the command line (not only given its default).</summary>
    public static bool Given(this ParseResult parsed, Option option) => parsed.GetResult(option) is { Implicit: false };

    /// <summary>An argument's label in usage lines: <c>&lt;ID&gt;</c>, <c>[&lt;pack&gt;...]</c>.</summary>
    public static string ArgumentLabel(Argument a)
    {
        string label = $"<{a.HelpName ?? a.Name}>" + (a.Arity.MaximumNumberOfValues > 1 ? "..." : "");
        return a.Arity.MinimumNumberOfValues == 0 ? $"[{label}]" : label;
    }

    /// <summary>An option's label in tables: <c>-o, --output &lt;file&gt;</c>.</summary>
    public static string OptionLabel(Option o)
    {
        var names = o.Aliases.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Append(o.Name)
            .Concat(o.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
        return string.Join(", ", names) + (o.Arity.MaximumNumberOfValues > 0 ? $" <{o.HelpName ?? "value"}>" : "");
    }

    /// <summary>An option in a usage line: <c>[--rules &lt;dir|file&gt;]...</c>.</summary>
    public static string OptionSynopsis(Option o) =>
        $"[{o.Name}{(o.Arity.MaximumNumberOfValues > 0 ? $" <{o.HelpName ?? "value"}>" : "")}]" + (o.Arity.MaximumNumberOfValues > 1 ? "..." : "");

    /// <summary>The arguments of a command as one string, e.g. <c>&lt;pack&gt;</c>.</summary>
    public static string Arguments(Command command) => string.Join(' ', command.Arguments.Where(a => !a.Hidden).Select(ArgumentLabel));

    /// <summary>
    /// The usage line of <paramref name="command"/> as invoked by <paramref name="invocation"/>: every
    /// option when there are a few, "[options]" when there are many (the table lists them).
    /// </summary>
    public static string Usage(string invocation, Command command, int maxOptions = 8)
    {
        var options = command.Options.Where(o => o.Name != "--help" && !o.Hidden).ToList();
        var parts = new List<string> { "usage: " + invocation };
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(ArgumentLabel));
        if (options.Count > maxOptions) parts.Add("[options]");
        else parts.AddRange(options.Select(OptionSynopsis));
        return string.Join(' ', parts);
    }

    /// <summary>The options table: labels padded to the widest, descriptions after.</summary>
    public static string OptionsTable(Command command)
    {
        var rows = command.Options.Where(o => !o.Hidden).Select(o => (Left: OptionLabel(o), Right: o.Description ?? "")).ToList();
        return Table(rows);
    }

    /// <summary>Two columns, the first padded to its widest cell, indented by two spaces.</summary>
    public static string Table(IReadOnlyList<(string Left, string Right)> rows)
    {
        int width = rows.Max(r => r.Left.Length) + 2;
        var sb = new StringBuilder();
        for (int i = 0; i < rows.Count; i++)
        {
            if (i > 0) sb.Append(Environment.NewLine);
            sb.Append("  ").Append(rows[i].Left.PadRight(width)).Append(rows[i].Right);
        }
        return sb.ToString();
    }

    /// <summary>The candidate nearest to <paramref name="name"/> (edit distance, ignoring case) if within <paramref name="maxDistance"/>.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates, int maxDistance)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates)
        {
            int d = Text.EditDistance.Compute(name.ToUpperInvariant(), c.ToUpperInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return bestDistance <= maxDistance ? best : null;
    }
}
