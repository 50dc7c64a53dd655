using System.Collections.Immutable;
using TextLint.Diagnostics;

namespace TextLint.Configuration;

/// <summary>One TextLint severity entry of an .editorconfig section, with its place (1-based).</summary>
public sealed record EditorConfigEntry(SeverityScope Scope, string Name, SeverityLevel Level, int Line, int Column);

/// <summary>A section of an .editorconfig with its TextLint entries in file order.</summary>
public sealed record EditorConfigSection(EditorConfigGlob Glob, int Line, ImmutableArray<EditorConfigEntry> Entries);

/// <summary>
/// An .editorconfig file as TextLint reads it: <c>root</c> and, per section, the keys
/// <c>textlint_diagnostic.&lt;ID&gt;.severity</c>,
/// <c>textlint_analyzer_diagnostic.category-&lt;Category&gt;.severity</c> and
/// <c>textlint_analyzer_diagnostic.severity</c> (Roslyn's keys with our prefix). Other tools' keys
/// are skipped. Takes the text, never the disk: the CLI finds the files.
/// </summary>
public sealed class EditorConfigFile
{
    public const string FileName = ".editorconfig";

    /// <summary>A syntax error: the file is not valid EditorConfig.</summary>
    public const string SyntaxErrorCode = NotificationCodes.EditorConfigSyntax;

    /// <summary>A TextLint key or value that is wrong: the entry is ignored and the run goes on.</summary>
    public const string InvalidEntryCode = NotificationCodes.EditorConfigEntryIgnored;

    private const string RulePrefix = "textlint_diagnostic.";
    private const string AnalyzerPrefix = "textlint_analyzer_diagnostic.";
    private const string CategoryPrefix = "category-";
    private const string SeveritySuffix = ".severity";
    private const string AllRulesKey = "textlint_analyzer_diagnostic.severity";

    private EditorConfigFile(string path, string directory, bool isRoot, ImmutableArray<EditorConfigSection> sections)
    {
        Path = path;
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
    }

    /// <summary>The file as shown in messages.</summary>
    public string Path { get; }

    /// <summary>The folder section globs are relative to (full path).</summary>
    public string Directory { get; }

    /// <summary><c>root = true</c>: files above this one are not read.</summary>
    public bool IsRoot { get; }

    /// <summary>Sections that hold at least one TextLint entry, in file order.</summary>
    public ImmutableArray<EditorConfigSection> Sections { get; }

    public bool HasEntries => !Sections.IsEmpty;

    /// <summary>
    /// Parses the text. Lines that are not a section header, a <c>key = value</c> pair (Roslyn also
    /// accepts ':'), a comment (# or ;) or blank are syntax errors (TL9030). A bad TextLint key or
    /// value is a warning (TL9031) and the entry is ignored. Both carry file, line and column.
    /// </summary>
    public static EditorConfigFile Parse(string path, string directory, string text, List<ConfigurationDiagnostic> problems)
    {
        bool isRoot = false;
        var sections = ImmutableArray.CreateBuilder<EditorConfigSection>();
        EditorConfigGlob? glob = null;
        int sectionLine = 0;
        var entries = ImmutableArray.CreateBuilder<EditorConfigEntry>();

        void EndSection()
        {
            if (glob is not null && entries.Count > 0)
                sections.Add(new EditorConfigSection(glob, sectionLine, entries.ToImmutable()));
            entries.Clear();
        }

        int lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            int indent = line.Length - line.TrimStart().Length;
            var content = line.Trim();
            if (content.IsEmpty || content[0] is '#' or ';') continue;

            if (content[0] == '[')
            {
                int close = content.LastIndexOf(']');
                // Roslyn allows a comment after the closing bracket.
                if (close < 0 || !(content[(close + 1)..].TrimStart() is var after && (after.IsEmpty || after[0] is '#' or ';')))
                {
                    problems.Add(Problem(SyntaxErrorCode, Severity.Error, path, lineNumber, indent + 1, "A section header must end with ']'."));
                    EndSection();
                    glob = null;
                    sectionLine = lineNumber;
                    continue;
                }
                string name = content[1..close].ToString();
                if (name.Length == 0)
                {
                    problems.Add(Problem(SyntaxErrorCode, Severity.Error, path, lineNumber, indent + 1, "A section header needs a glob between '[' and ']'."));
                    EndSection();
                    glob = null;
                    sectionLine = lineNumber;
                    continue;
                }
                EndSection();
                glob = EditorConfigGlob.Parse(name);
                sectionLine = lineNumber;
                if (glob.Error is not null)
                    problems.Add(Problem(InvalidEntryCode, Severity.Warning, path, lineNumber, indent + 2, glob.Error));
                continue;
            }

            int eq = content.IndexOfAny('=', ':');
            if (eq <= 0)
            {
                problems.Add(Problem(SyntaxErrorCode, Severity.Error, path, lineNumber, indent + 1,
                    eq == 0 ? "A property needs a key before '='." : "Expected a [section] header, a 'key = value' pair or a comment."));
                continue;
            }
            string key = content[..eq].TrimEnd().ToString();
            var valueSpan = content[(eq + 1)..];
            int valueColumn = indent + eq + 2 + (valueSpan.Length - valueSpan.TrimStart().Length);
            string value = valueSpan.Trim().ToString();

            if (sectionLine == 0)
            {
                if (key.Equals("root", StringComparison.OrdinalIgnoreCase))
                {
                    isRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    continue;
                }
            }
            if (!key.StartsWith("textlint_", StringComparison.OrdinalIgnoreCase)) continue;

            if (!TryParseKey(key, out var scope, out string ruleName))
            {
                problems.Add(Problem(InvalidEntryCode, Severity.Warning, path, lineNumber, indent + 1,
                    $"Unknown TextLint key '{key}'; use textlint_diagnostic.<ID>.severity, textlint_analyzer_diagnostic.category-<Category>.severity or textlint_analyzer_diagnostic.severity."));
                continue;
            }
            // Roslyn strips a trailing comment from values; do the same so "warning # why" works.
            int comment = IndexOfComment(value);
            if (comment >= 0) value = value[..comment].TrimEnd();
            if (!SeverityLevel.TryParse(value, out var level))
            {
                problems.Add(Problem(InvalidEntryCode, Severity.Warning, path, lineNumber, valueColumn,
                    $"'{value}' is not a severity; use {SeverityLevel.Accepted}. The entry is ignored."));
                continue;
            }
            if (glob is null && sectionLine != 0) continue; // under a broken header, already reported
            if (glob is null)
            {
                problems.Add(Problem(InvalidEntryCode, Severity.Warning, path, lineNumber, indent + 1,
                    $"'{key}' is outside any section, so it applies to no file; put it under a section such as [*]."));
                continue;
            }
            entries.Add(new EditorConfigEntry(scope, ruleName, level, lineNumber, indent + 1));
        }
        EndSection();
        return new EditorConfigFile(path, directory, isRoot, sections.ToImmutable());
    }

    private static int IndexOfComment(string value)
    {
        for (int i = 1; i < value.Length; i++)
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1])) return i;
        return -1;
    }

    /// <summary>Parses a TextLint key (case-insensitively) into what it names.</summary>
    public static bool TryParseKey(string key, out SeverityScope scope, out string name)
    {
        scope = SeverityScope.All;
        name = "";
        if (key.Equals(AllRulesKey, StringComparison.OrdinalIgnoreCase)) return true;
        if (!key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase)) return false;
        string prefix;
        if (key.StartsWith(RulePrefix, StringComparison.OrdinalIgnoreCase))
        {
            prefix = RulePrefix;
            scope = SeverityScope.Rule;
        }
        else if (key.StartsWith(AnalyzerPrefix + CategoryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            prefix = AnalyzerPrefix + CategoryPrefix;
            scope = SeverityScope.Category;
        }
        else return false;
        if (key.Length <= prefix.Length + SeveritySuffix.Length) return false;
        name = key[prefix.Length..^SeveritySuffix.Length];
        return scope == SeverityScope.Rule || !name.Contains('.'); // a Vale rule ID is Style.Rule
    }

    /// <summary>Warns (TL9031) about entries naming a rule ID or category that no loaded rule has: most likely a typo.</summary>
    public void ReportUnknownNames(IReadOnlySet<string> ruleIds, IReadOnlySet<string> categories, List<ConfigurationDiagnostic> problems)
    {
        foreach (var section in Sections)
        {
            foreach (var e in section.Entries)
            {
                if (e.Scope == SeverityScope.Rule && !ruleIds.Contains(e.Name))
                    problems.Add(Problem(InvalidEntryCode, Severity.Warning, Path, e.Line, e.Column, $"No loaded rule has the ID '{e.Name}'{Hint(e.Name, ruleIds)}"));
                else if (e.Scope == SeverityScope.Category && !categories.Contains(e.Name))
                    problems.Add(Problem(InvalidEntryCode, Severity.Warning, Path, e.Line, e.Column, $"No loaded rule has the category '{e.Name}'{Hint(e.Name, categories)}"));
            }
        }
    }

    private static string Hint(string name, IEnumerable<string> known) =>
        Text.EditDistance.Suggest(name, known) is { } s ? $"; did you mean '{s}'?" : ".";

    private static ConfigurationDiagnostic Problem(string code, Severity severity, string path, int line, int column, string message) =>
        new(code, severity, path, line, column, message);

    /// <summary>
    /// The TextLint settings for one file from a chain of .editorconfig files (nearest first, already
    /// cut at the first <c>root = true</c>), laid over <paramref name="baseOptions"/>: files are applied
    /// from the farthest to the nearest, sections and entries in file order, so the nearest file and
    /// the later entry win, as EditorConfig defines.
    /// </summary>
    public static SeverityOptions Resolve(IReadOnlyList<EditorConfigFile> nearestFirst, string fullPath, SeverityOptions baseOptions)
    {
        SeverityOptions? options = null;
        for (int i = nearestFirst.Count - 1; i >= 0; i--)
        {
            var file = nearestFirst[i];
            if (!file.HasEntries) continue;
            string relative = System.IO.Path.GetRelativePath(file.Directory, fullPath).Replace('\\', '/');
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == "..") continue;
            foreach (var section in file.Sections)
            {
                if (!section.Glob.IsMatch(relative)) continue;
                options ??= baseOptions.Clone();
                foreach (var e in section.Entries) options.Set(e.Scope, e.Name, e.Level);
            }
        }
        return options ?? baseOptions;
    }
}
