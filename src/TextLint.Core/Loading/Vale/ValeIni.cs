using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Loading.Vale;

/// <summary>One <c>key = value</c> line of a .vale.ini, with its 1-based line and the value's column.</summary>
public sealed record ValeIniEntry(string Key, string Value, int Line, int Column);

/// <summary>A section of a .vale.ini: the global one (name "") or a glob such as <c>[*.md]</c>.</summary>
public sealed record ValeIniSection(string Name, int Line, ImmutableArray<ValeIniEntry> Entries);

/// <summary>
/// Reads Vale's configuration syntax (an INI dialect): a global section, then <c>[glob]</c> sections of
/// <c>key = value</c> lines; <c>#</c> and <c>;</c> start comments. A line that is none of these is an
/// error at its line and column (the file is still read, so every bad line is reported at once).
/// </summary>
public static class ValeIni
{
    public const string ErrorCode = NotificationCodes.ValeConfigInvalid;

    public static ImmutableArray<ValeIniSection> Parse(string path, string text, List<ConfigurationDiagnostic> errors)
    {
        var sections = ImmutableArray.CreateBuilder<ValeIniSection>();
        string name = "";
        int sectionLine = 0;
        var entries = ImmutableArray.CreateBuilder<ValeIniEntry>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string raw = lines[i].TrimEnd('\r');
            if (i == 0 && raw.Length > 0 && raw[0] == '\uFEFF') raw = raw[1..];
            string line = raw.Trim();
            int indent = raw.Length - raw.TrimStart().Length;
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                int close = line.LastIndexOf(']');
                if (close < 0)
                {
                    errors.Add(new ConfigurationDiagnostic(ErrorCode, Severity.Error, path, i + 1, indent + 1,
                        $"A section header needs a closing ']': '{line}'."));
                    continue;
                }
                sections.Add(new ValeIniSection(name, sectionLine, entries.ToImmutable()));
                entries.Clear();
                name = line[1..close].Trim();
                sectionLine = i + 1;
                continue;
            }
            int eq = raw.IndexOf('=');
            if (eq < 0)
            {
                errors.Add(new ConfigurationDiagnostic(ErrorCode, Severity.Error, path, i + 1, indent + 1,
                    $"Expected 'key = value' or a '[section]' header, not '{line}'."));
                continue;
            }
            string key = raw[..eq].Trim();
            if (key.Length == 0)
            {
                errors.Add(new ConfigurationDiagnostic(ErrorCode, Severity.Error, path, i + 1, indent + 1, "A setting needs a key before '='."));
                continue;
            }
            string valuePart = raw[(eq + 1)..];
            int valueColumn = eq + 2 + (valuePart.Length - valuePart.TrimStart().Length);
            entries.Add(new ValeIniEntry(key, StripComment(valuePart).Trim(), i + 1, valueColumn));
        }
        sections.Add(new ValeIniSection(name, sectionLine, entries.ToImmutable()));
        return sections.ToImmutable();
    }

    // An inline comment starts at ' #' or ' ;' (a '#' inside a pattern such as '[^#]' stays).
    private static string StripComment(string value)
    {
        for (int i = 1; i < value.Length; i++)
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]) && value.TrimStart().Length > 0 && i > value.Length - value.TrimStart().Length)
                return value[..i];
        return value;
    }

    /// <summary>A comma-separated list (<c>BasedOnStyles = Vale, Microsoft</c>); empty items are dropped.</summary>
    public static ImmutableArray<string> List(string value) =>
        value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToImmutableArray();
}
