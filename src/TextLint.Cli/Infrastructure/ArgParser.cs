namespace TextLint.Cli.Infrastructure;

/// <summary>A bad command line: printed with the usage line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>One option of a command.</summary>
public sealed record OptionSpec(string Name, string? Alias, string? ValueName, string Help, bool Repeatable = false)
{
    public bool TakesValue => ValueName is not null;
}

/// <summary>The parsed command line: positional arguments and option values by canonical name.</summary>
public sealed class ParsedArgs
{
    public List<string> Positionals { get; } = new();
    public Dictionary<string, List<string>> Values { get; } = new(StringComparer.Ordinal);

    public bool Has(string name) => Values.ContainsKey(name);
    public string? Value(string name) => Values.TryGetValue(name, out var v) ? v[^1] : null;
    public IReadOnlyList<string> All(string name) => Values.TryGetValue(name, out var v) ? v : Array.Empty<string>();
}

/// <summary>
/// A small, strict parser: <c>--name value</c>, <c>--name=value</c>, <c>-x value</c>, flags, and
/// <c>--</c> to end options. Unknown options, missing values and repeated single options are usage
/// errors, never silently ignored. Hand-written rather than a framework so start-up stays fast and
/// error messages stay ours.
/// </summary>
public static class ArgParser
{
    public static ParsedArgs Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs)
    {
        var result = new ParsedArgs();
        bool optionsEnded = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (optionsEnded || a == "-" || !a.StartsWith('-'))
            {
                result.Positionals.Add(a);
                continue;
            }
            if (a == "--") { optionsEnded = true; continue; }
            string name = a, inline = "";
            bool hasInline = false;
            int eq = a.IndexOf('=');
            if (a.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = a[..eq];
                inline = a[(eq + 1)..];
                hasInline = true;
            }
            var spec = specs.FirstOrDefault(s => s.Name == name || s.Alias == name)
                ?? throw new UsageException($"Unknown option '{name}'.{Suggest(name, specs)}");
            string value = "";
            if (spec.TakesValue)
            {
                if (hasInline) value = inline;
                else if (i + 1 < args.Count) value = args[++i];
                else throw new UsageException($"Option '{spec.Name}' needs a value: {spec.Name} <{spec.ValueName}>.");
            }
            else if (hasInline)
            {
                throw new UsageException($"Option '{spec.Name}' takes no value.");
            }
            if (!result.Values.TryGetValue(spec.Name, out var list))
                result.Values[spec.Name] = list = new List<string>();
            else if (!spec.Repeatable && spec.TakesValue)
                throw new UsageException($"Option '{spec.Name}' may be given only once.");
            list.Add(value);
        }
        return result;
    }

    private static string Suggest(string name, IReadOnlyList<OptionSpec> specs) =>
        Closest(name, specs.Select(s => s.Name), 3) is { } best ? $" Did you mean '{best}'?" : "";

    /// <summary>The candidate nearest to <paramref name="name"/> (edit distance, ignoring case) if within <paramref name="maxDistance"/>.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates, int maxDistance)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates)
        {
            int d = Levenshtein(name.ToUpperInvariant(), c.ToUpperInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return bestDistance <= maxDistance ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    /// <summary>Renders the options table for --help.</summary>
    public static string FormatOptions(IReadOnlyList<OptionSpec> specs)
    {
        var rows = specs.Select(s =>
        {
            string left = (s.Alias is null ? "" : s.Alias + ", ") + s.Name + (s.ValueName is null ? "" : $" <{s.ValueName}>");
            return (left, s.Help);
        }).ToList();
        int width = rows.Max(r => r.left.Length) + 2;
        return string.Join(Environment.NewLine, rows.Select(r => "  " + r.left.PadRight(width) + r.Help));
    }
}
