using System.Text;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Cli.Docs;

/// <summary>
/// RELEASES.md: the rules each version added, changed or removed, as roslyn-analyzers records them in
/// AnalyzerReleases.Shipped.md / Unshipped.md. Newest release first; each release has
/// <c>### New Rules</c>, <c>### Changed Rules</c> and <c>### Removed Rules</c> tables. Replaying the
/// tables from the oldest release up must give each rule's current category and severity — that is
/// what <see cref="Verify"/> checks — and <see cref="Update"/> records new, changed and removed rules
/// in the newest release, so adding a rule and regenerating the docs writes its release note.
/// Prose outside the tables is kept as written.
/// </summary>
public sealed class ReleaseNotes
{
    public const string NewRules = "New Rules";
    public const string ChangedRules = "Changed Rules";
    public const string RemovedRules = "Removed Rules";

    private static readonly Dictionary<string, string[]> Columns = new(StringComparer.Ordinal)
    {
        [NewRules] = ["Rule ID", "Category", "Severity", "Notes"],
        [ChangedRules] = ["Rule ID", "New Category", "New Severity", "Old Category", "Old Severity", "Notes"],
        [RemovedRules] = ["Rule ID", "Category", "Severity", "Notes"],
    };

    private readonly List<string> _preamble = new();
    private readonly List<Release> _releases = new();
    private readonly List<string> _problems = new();

    /// <summary>Problems in the file itself (bad tables), with line numbers.</summary>
    public IReadOnlyList<string> ParseProblems => _problems;

    public IReadOnlyList<string> ReleaseHeadings => _releases.Select(r => r.Heading).ToList();

    public static string NewFile(string? firstRelease = null) => $"""
        # Rule releases

        Which rules each version added, changed or removed, newest first (the tables of roslyn-analyzers'
        AnalyzerReleases files). `dotnet textlint generate-docs` records a new, changed or removed rule in
        the newest release below, and `generate-docs --check` fails while a rule's category or severity
        differs from what these tables add up to. When a version ships, start the next one by adding its
        `## Release x.y.z` heading above the last.

        ## {firstRelease ?? "Unreleased"}

        """.ReplaceLineEndings("\n");

    public static ReleaseNotes Parse(string text)
    {
        var notes = new ReleaseNotes();
        Release? release = null;
        Section? section = null;
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (int i = 0; i < count; i++)
        {
            string line = lines[i];
            int lineNo = i + 1;
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                release = new Release(line[3..].Trim());
                notes._releases.Add(release);
                section = null;
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal) && release is not null)
            {
                section = new Section(line[4..].Trim());
                release.Sections.Add(section);
                continue;
            }
            if (section is null)
            {
                (release?.Text ?? notes._preamble).Add(line);
                continue;
            }
            bool tableLine = line.Contains('|');
            if (tableLine && section.Header is null && section.After.Count == 0)
            {
                section.Header = Cells(line);
                if (i + 1 < count && IsSeparator(lines[i + 1])) i++;
                else notes._problems.Add($"line {lineNo}: the table header must be followed by a '---|---' line.");
                if (Columns.TryGetValue(section.Title, out var expected) && !section.Header.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
                    notes._problems.Add($"line {lineNo}: a '{section.Title}' table has the columns {string.Join(" | ", expected)}.");
                continue;
            }
            if (tableLine && section.Header is not null && section.After.Count == 0)
            {
                var cells = Cells(line);
                if (cells.Length != section.Header.Length)
                    notes._problems.Add($"line {lineNo}: {cells.Length} cells where the table has {section.Header.Length} columns.");
                else section.Rows.Add(cells);
                continue;
            }
            if (section.Header is null) section.Before.Add(line);
            else if (line.Length > 0 || section.After.Count > 0) section.After.Add(line);
        }
        return notes;
    }

    /// <summary>The file, in its canonical layout (what <see cref="Parse"/> of it gives back unchanged).</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        AppendBlock(sb, _preamble);
        foreach (var r in _releases)
        {
            sb.Append("## ").Append(r.Heading).Append("\n\n");
            AppendBlock(sb, r.Text);
            foreach (var s in r.Sections)
            {
                sb.Append("### ").Append(s.Title).Append("\n\n");
                AppendBlock(sb, s.Before);
                if (s.Header is not null)
                {
                    sb.Append(string.Join(" | ", s.Header)).Append('\n');
                    sb.Append(string.Join("|", s.Header.Select((h, i) => new string('-', h.Length + (i == 0 || i == s.Header.Length - 1 ? 1 : 2))))).Append('\n');
                    foreach (var row in s.Rows) sb.Append(string.Join(" | ", row).TrimEnd()).Append('\n');
                    sb.Append('\n');
                }
                AppendBlock(sb, s.After);
            }
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Why the tables do not add up to the rules as they are; empty when they do.</summary>
    public IReadOnlyList<string> Verify(IEnumerable<RuleDescriptor> rules)
    {
        var problems = new List<string>(_problems);
        var state = Replay(problems);
        var current = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var d in RuleFacts.InIdOrder(current.Values))
        {
            if (!state.TryGetValue(d.Id, out var recorded))
                problems.Add($"{d.Id} is not in a '{NewRules}' table.");
            else if (!Same(recorded, Entry.Of(d)))
                problems.Add($"{d.Id} is {Entry.Of(d)} in its YAML, but the tables say {recorded}; record the change under '{ChangedRules}'.");
        }
        foreach (var id in state.Keys.Where(id => !current.ContainsKey(id)).Order(StringComparer.Ordinal))
            problems.Add($"{id} is no longer in the pack; record it under '{RemovedRules}'.");
        return problems;
    }

    /// <summary>Records in the newest release every rule that is new, changed or gone; returns what it recorded.</summary>
    public IReadOnlyList<string> Update(IEnumerable<RuleDescriptor> rules)
    {
        var state = Replay(new List<string>());
        var current = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        if (_releases.Count == 0) _releases.Add(new Release("Unreleased"));
        var newest = _releases[0];
        var changes = new List<string>();
        foreach (var d in RuleFacts.InIdOrder(current.Values))
        {
            var now = Entry.Of(d);
            if (!state.TryGetValue(d.Id, out var recorded))
            {
                AddRow(Table(newest, NewRules), [d.Id, now.Category, now.Severity, Markdown.Cell(d.Title)]);
                changes.Add($"{d.Id}: added to '{NewRules}' of '{newest.Heading}'.");
                continue;
            }
            if (Same(recorded, now)) continue;
            if (FindRow(newest, NewRules, d.Id) is { } newRow)
            {
                (newRow[1], newRow[2]) = (now.Category, now.Severity);
                changes.Add($"{d.Id}: updated in '{NewRules}' of '{newest.Heading}'.");
            }
            else if (FindRow(newest, ChangedRules, d.Id) is { } changedRow)
            {
                (changedRow[1], changedRow[2]) = (now.Category, now.Severity);
                changes.Add($"{d.Id}: updated in '{ChangedRules}' of '{newest.Heading}'.");
            }
            else
            {
                AddRow(Table(newest, ChangedRules), [d.Id, now.Category, now.Severity, recorded.Category, recorded.Severity, ""]);
                changes.Add($"{d.Id}: added to '{ChangedRules}' of '{newest.Heading}'.");
            }
        }
        foreach (var (id, recorded) in state.Where(kv => !current.ContainsKey(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var newSection = newest.Sections.FirstOrDefault(s => s.Title == NewRules);
            if (newSection?.Rows.FirstOrDefault(r => r[0] == id) is { } row)
            {
                // Added and removed before the release shipped: it never existed for users.
                newSection.Rows.Remove(row);
                if (newSection.Rows.Count == 0 && newSection.Before.Count == 0 && newSection.After.Count == 0) newest.Sections.Remove(newSection);
                changes.Add($"{id}: removed from '{NewRules}' of '{newest.Heading}'.");
            }
            else
            {
                AddRow(Table(newest, RemovedRules), [id, recorded.Category, recorded.Severity, ""]);
                changes.Add($"{id}: added to '{RemovedRules}' of '{newest.Heading}'.");
            }
        }
        return changes;
    }

    private Dictionary<string, Entry> Replay(List<string> problems)
    {
        var state = new Dictionary<string, Entry>(StringComparer.Ordinal);
        for (int r = _releases.Count - 1; r >= 0; r--)
        {
            var release = _releases[r];
            foreach (var s in release.Sections)
            {
                foreach (var row in s.Rows)
                {
                    string id = row[0];
                    switch (s.Title)
                    {
                        case NewRules:
                            if (state.ContainsKey(id)) problems.Add($"{id} is new twice (again in '{release.Heading}').");
                            state[id] = new Entry(row[1], row[2]);
                            break;
                        case ChangedRules:
                            if (!state.ContainsKey(id)) problems.Add($"{id} is changed in '{release.Heading}' before any release added it.");
                            else if (!Same(state[id], new Entry(row[3], row[4])))
                                problems.Add($"{id}: '{release.Heading}' changes it from {new Entry(row[3], row[4])}, but it was {state[id]}.");
                            state[id] = new Entry(row[1], row[2]);
                            break;
                        case RemovedRules:
                            if (!state.Remove(id)) problems.Add($"{id} is removed in '{release.Heading}' but was never added.");
                            break;
                    }
                }
            }
        }
        return state;
    }

    private static Section Table(Release release, string title)
    {
        var s = release.Sections.FirstOrDefault(x => x.Title == title);
        if (s is null)
        {
            s = new Section(title);
            // Keep the order New, Changed, Removed.
            int order = Array.IndexOf([NewRules, ChangedRules, RemovedRules], title);
            int at = release.Sections.FindIndex(x => Array.IndexOf([NewRules, ChangedRules, RemovedRules], x.Title) > order);
            release.Sections.Insert(at < 0 ? release.Sections.Count : at, s);
        }
        s.Header ??= Columns[title];
        return s;
    }

    /// <summary>Adds a row before the first with a greater ID, so a table kept in ID order stays in it.</summary>
    private static void AddRow(Section table, string[] row)
    {
        int at = table.Rows.FindIndex(r => string.CompareOrdinal(r[0], row[0]) > 0);
        table.Rows.Insert(at < 0 ? table.Rows.Count : at, row);
    }

    private static string[]? FindRow(Release release, string title, string id) =>
        release.Sections.FirstOrDefault(s => s.Title == title)?.Rows.FirstOrDefault(r => r[0] == id);

    private static bool Same(Entry a, Entry b) =>
        string.Equals(a.Category, b.Category, StringComparison.Ordinal) && string.Equals(a.Severity, b.Severity, StringComparison.OrdinalIgnoreCase);

    private static string[] Cells(string line)
    {
        // Roslyn's tables have no outer pipes ("TL1001 | Attribution | warning |" has an empty last
        // cell); GitHub-style rows start and end with one.
        string t = line.Trim();
        if (t.StartsWith('|'))
        {
            t = t[1..];
            if (t.EndsWith('|')) t = t[..^1];
        }
        return System.Text.RegularExpressions.Regex.Split(t, @"(?<!\\)\|").Select(c => c.Trim()).ToArray();
    }

    private static bool IsSeparator(string line) => line.Contains('-') && line.All(c => c is '-' or '|' or ':' or ' ');

    private static void AppendBlock(StringBuilder sb, List<string> lines)
    {
        int start = 0, end = lines.Count;
        while (start < end && lines[start].Trim().Length == 0) start++;
        while (end > start && lines[end - 1].Trim().Length == 0) end--;
        if (start == end) return;
        for (int i = start; i < end; i++) sb.Append(lines[i]).Append('\n');
        sb.Append('\n');
    }

    private sealed record Entry(string Category, string Severity)
    {
        public static Entry Of(RuleDescriptor d) => new(d.Category, RuleFacts.SeverityCell(d));
        public override string ToString() => $"{Category}/{Severity}";
    }

    private sealed class Release(string heading)
    {
        public string Heading { get; } = heading;
        public List<string> Text { get; } = new();
        public List<Section> Sections { get; } = new();
    }

    private sealed class Section(string title)
    {
        public string Title { get; } = title;
        public List<string> Before { get; } = new();
        public string[]? Header { get; set; }
        public List<string[]> Rows { get; } = new();
        public List<string> After { get; } = new();
    }
}
