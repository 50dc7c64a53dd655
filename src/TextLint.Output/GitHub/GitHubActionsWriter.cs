using System.Text;
using TextLint.Diagnostics;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.GitHub;

/// <summary>
/// <c>--format github</c>: GitHub Actions workflow commands, which the runner turns into annotations on
/// the pull request: <c>::warning file=a.txt,line=3,col=7,endLine=3,endColumn=17,title=TL1001::message</c>.
/// Findings: error → <c>error</c>, warning → <c>warning</c>, info → <c>notice</c>; suppressed, baselined and
/// hidden ones are left out. Tool notifications (a rule pack error, an unreadable file) follow the
/// findings of their level. Errors come first, then warnings, then notices: GitHub turns only the first
/// ten of each level in a step into annotations, and ignores the rest, so errors are written as they come
/// and the other levels are held until the end. A last plain line counts all the findings, whatever
/// GitHub kept. Paths are relative to the repository root when it is known (GITHUB_WORKSPACE), as
/// annotations need.
/// </summary>
public sealed class GitHubActionsWriter : IReportWriter
{
    private readonly TextWriter _out;
    private readonly string? _repositoryRoot;
    private string _workingDirectory = "";
    private readonly List<string> _warnings = new();
    private readonly List<string> _notices = new();
    private int _errorCount, _filesWithFindings;

    /// <param name="repositoryRoot">The checkout (GITHUB_WORKSPACE); paths are made relative to it. Null: relative to the working folder.</param>
    public GitHubActionsWriter(TextWriter output, string? repositoryRoot = null)
    {
        _out = output;
        _repositoryRoot = string.IsNullOrEmpty(repositoryRoot) ? null : repositoryRoot;
    }

    public void Begin(RunInfo run) => _workingDirectory = run.WorkingDirectory;

    public void WriteFile(FileReport file)
    {
        string? path = null;
        var lines = file.Source.Lines;
        foreach (var d in file.Diagnostics)
        {
            if (!d.IsShown) continue;
            path ??= RepositoryPath(file.Source.Path);
            var start = lines.GetLinePosition(d.Span.Start);
            var end = lines.GetLinePosition(d.Span.End);
            var properties = new List<(string, string)> { ("file", path), ("line", (start.Line + 1).ToString()) };
            // GitHub honours columns only when the annotation starts and ends on one line.
            if (start.Line == end.Line) properties.Add(("col", (start.Character + 1).ToString()));
            properties.Add(("endLine", (end.Line + 1).ToString()));
            if (start.Line == end.Line) properties.Add(("endColumn", (end.Character + 1).ToString()));
            properties.Add(("title", d.Id));
            string line = FormatCommand(Command(d.Severity), properties, d.Message);
            if (d.Severity == Severity.Error) { _out.WriteLine(line); _errorCount++; }
            else (d.Severity == Severity.Warning ? _warnings : _notices).Add(line);
        }
        if (path is not null) _filesWithFindings++;
    }

    public void End(RunSummary summary)
    {
        var notifications = summary.ConfigurationNotifications.Concat(summary.ExecutionNotifications).Where(n => n.Severity >= Severity.Info).ToList();
        WriteNotifications(notifications.Where(n => n.Severity == Severity.Error));
        foreach (string line in _warnings) _out.WriteLine(line);
        WriteNotifications(notifications.Where(n => n.Severity == Severity.Warning));
        foreach (string line in _notices) _out.WriteLine(line);
        WriteNotifications(notifications.Where(n => n.Severity == Severity.Info));
        int total = _errorCount + _warnings.Count + _notices.Count;
        string files = summary.FileCount == 1 ? "1 file" : $"{summary.FileCount} files";
        _out.WriteLine($"TextLint: {files} linted: {total} {(total == 1 ? "finding" : "findings")} in {_filesWithFindings} {(_filesWithFindings == 1 ? "file" : "files")} "
            + $"({_errorCount} {(_errorCount == 1 ? "error" : "errors")}, {_warnings.Count} {(_warnings.Count == 1 ? "warning" : "warnings")}, {_notices.Count} {(_notices.Count == 1 ? "notice" : "notices")}).");
        _out.Flush();
    }

    private void WriteNotifications(IEnumerable<ConfigurationDiagnostic> notifications)
    {
        foreach (var n in notifications)
        {
            var properties = new List<(string, string)>();
            if (!string.IsNullOrEmpty(n.Path) && !n.Path.StartsWith('<'))
            {
                properties.Add(("file", RepositoryPath(n.Path)));
                if (n.Line > 0) properties.Add(("line", n.Line.ToString()));
                if (n.Line > 0 && n.Column > 0) properties.Add(("col", n.Column.ToString()));
            }
            properties.Add(("title", n.Code));
            _out.WriteLine(FormatCommand(Command(n.Severity), properties, n.Message));
        }
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static string FormatCommand(string command, List<(string Name, string Value)> properties, string message)
    {
        var sb = new StringBuilder("::").Append(command);
        for (int i = 0; i < properties.Count; i++)
        {
            sb.Append(i == 0 ? ' ' : ',').Append(properties[i].Name).Append('=').Append(EscapeProperty(properties[i].Value));
        }
        sb.Append("::").Append(EscapeData(message));
        return sb.ToString();
    }

    private string RepositoryPath(string path)
    {
        if (_repositoryRoot is null) return Slashes(path);
        string full = Path.GetFullPath(path, _workingDirectory);
        string relative = Path.GetRelativePath(_repositoryRoot, full);
        // Outside the checkout GitHub cannot place an annotation on a file; keep the absolute path for the log.
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("..\\", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return Slashes(full);
        return Slashes(relative);
    }

    // A backslash is a separator only on Windows; elsewhere it is part of a file name.
    private static string Slashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    /// <summary>
    /// The message part of a workflow command: '%', CR and LF are escaped (actions/toolkit's escapeData),
    /// which the runner decodes; other control characters, which it has no escape for, are shown as
    /// &lt;U+XXXX&gt; (<see cref="Printable"/>), so ESC or BEL never reach the log raw.
    /// </summary>
    public static string EscapeData(string s) =>
        Printable.Text(s, keepLineBreaks: true).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A property value: as <see cref="EscapeData"/>, plus ':' and ',' which delimit properties (escapeProperty).</summary>
    public static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");

    public void Dispose() { }
}
