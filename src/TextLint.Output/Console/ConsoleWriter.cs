using TextLint.Diagnostics;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.Console;

/// <summary>
/// The compiler's canonical line format, which problem matchers and CI annotators already parse:
/// <c>path(line,col): warning TL0001: message</c>, in the run's order, then one summary line (with the
/// number of findings --fix would fix, or did). Suppressed, baselined and hidden findings are not
/// printed (they stay in SARIF). Colour is the caller's decision (a terminal, no NO_COLOR, no --no-color).
/// </summary>
public sealed class ConsoleWriter : IReportWriter
{
    private readonly TextWriter _out;
    private readonly bool _color;
    private readonly bool _summary;
    private readonly bool _showSource;
    private readonly ColumnUnit _columns;
    private int _errors, _warnings, _infos, _suppressed, _baselined, _filesWithFindings, _fixable, _unsafeFixable, _fixed;
    private readonly List<string>? _fixList;
    private readonly TopRanked<string>? _capped;
    private readonly int _maxResults;

    /// <param name="showSource">Print the flagged line with a caret under the span after each finding (see <see cref="SourceSnippet"/>).</param>
    /// <param name="showFixes">--show-fixes: list the fixes applied, per file and rule, before the summary.</param>
    /// <param name="columns">What the columns count: UTF-16 units, or UTF-8 bytes for Vim's quickfix.</param>
    /// <param name="maxResults">--max-results: print at most this many findings, the most severe first (in the run's order); the summary still counts them all.</param>
    public ConsoleWriter(TextWriter output, bool color = false, bool summary = true, bool showSource = false, bool showFixes = false, ColumnUnit columns = ColumnUnit.Utf16, int? maxResults = null)
    {
        if (maxResults is { } max)
        {
            _maxResults = max;
            _capped = new TopRanked<string>(max, 3);
        }
        _out = output;
        _columns = columns;
        _color = color;
        _summary = summary;
        _showSource = showSource;
        if (showFixes) _fixList = new();
    }

    public void Begin(RunInfo run) { }

    public void WriteFile(FileReport file)
    {
        if (file.Fixes is { Written: true } fixes)
        {
            _fixed += fixes.Applied.Length;
            if (_fixList is not null && !fixes.Applied.IsEmpty) ListFixes(file.Source.Path, fixes);
        }
        bool any = false;
        foreach (var d in file.Diagnostics)
        {
            if (d.Suppression is not null) { _suppressed++; continue; }
            if (d.Severity < Severity.Info) continue;
            if (d.BaselineState == BaselineState.Unchanged) { _baselined++; continue; }
            any = true;
            if (d.Fix is { Safety: FixSafety.Safe }) _fixable++;
            else if (d.Fix is { Safety: FixSafety.Unsafe }) _unsafeFixable++;
            switch (d.Severity)
            {
                case Severity.Error: _errors++; break;
                case Severity.Warning: _warnings++; break;
                default: _infos++; break;
            }
            var pos = file.Source.Lines.GetLinePosition(d.Span.Start);
            string severity = d.Severity.ToDisplayString();
            if (_color) severity = Paint(d.Severity, severity);
            // Capped, each finding is held as text until the end shows which ones fit.
            var o = _capped is null ? _out : new StringWriter { NewLine = _out.NewLine };
            o.Write(Printable.Path(file.Source.Path));
            o.Write('(');
            o.Write(pos.Line + 1);
            o.Write(',');
            o.Write(_columns.Column(file.Source, pos) + 1);
            o.Write("): ");
            o.Write(severity);
            o.Write(' ');
            o.Write(d.Id);
            o.Write(": ");
            o.WriteLine(Printable.Text(d.Message));
            if (_showSource) WriteSource(o, file, d, pos.Line);
            _capped?.Add(ResultCap.Rank(d), o.ToString()!);
        }
        if (any) _filesWithFindings++;
    }

    private void WriteSource(TextWriter o, FileReport file, Diagnostic d, int line)
    {
        var lineSpan = file.Source.Lines.GetLineSpan(line, file.Source.Text);
        int start = d.Span.Start - lineSpan.Start;
        int length = Math.Min(d.Span.End, lineSpan.End) - d.Span.Start;
        var (source, carets) = SourceSnippet.Render(file.Source.Text.Substring(lineSpan.Start, lineSpan.Length), line + 1, start, length);
        o.WriteLine(source);
        o.WriteLine(_color ? Paint(d.Severity, carets) : carets);
    }

    /// <summary>--show-fixes: per file, how many findings of each rule the fixes resolved, as Ruff lists them.</summary>
    private void ListFixes(string path, FileFixes fixes)
    {
        _fixList!.Add($"- {Printable.Text(path)}:");
        foreach (var group in fixes.Applied.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            _fixList.Add($"    {group.Count()} × {group.Key} ({group.First().Descriptor.Title})");
    }

    private static string Paint(Severity s, string text) => s switch
    {
        Severity.Error => $"\u001b[31m{text}\u001b[0m",
        Severity.Warning => $"\u001b[33m{text}\u001b[0m",
        _ => $"\u001b[36m{text}\u001b[0m",
    };

    public void End(RunSummary summary)
    {
        if (_capped is not null)
            foreach (string finding in _capped.Kept) _out.Write(finding);
        if (_fixList is not null)
        {
            if (_fixList.Count == 0) _out.WriteLine("No fixes applied.");
            else
            {
                _out.WriteLine($"Fixed {_fixed} {(_fixed == 1 ? "finding" : "findings")}:");
                foreach (string line in _fixList) _out.WriteLine(line);
            }
        }
        if (_summary)
        {
            int total = _errors + _warnings + _infos;
            string files = summary.FileCount == 1 ? "1 file" : $"{summary.FileCount} files";
            // Binaries a folder walk passed over (a notice each, on stderr) are not linted, and the summary says so.
            int passedOver = summary.ExecutionNotifications.Count(n => n.Code == NotificationCodes.Binary && n.Severity < Severity.Error);
            string suppressed = (_suppressed > 0 ? $", {_suppressed} suppressed" : "") + (_baselined > 0 ? $", {_baselined} in baseline" : "");
            string fixedNote = _fixed > 0 ? $"; {_fixed} fixed" : "";
            string fixableNote = (_fixable > 0 ? $"; {_fixable} fixable with --fix" : "")
                + (_unsafeFixable > 0 ? $"; {_unsafeFixable} {(_fixable > 0 ? "more " : "")}fixable with --unsafe-fixes" : "");
            string passed = passedOver == 0 ? "" : $" ({passedOver} binary {(passedOver == 1 ? "file" : "files")} passed over)";
            long notShown = _capped?.LeftOut.Sum() ?? 0;
            string cappedNote = (notShown > 0 ? $"; {notShown} not shown (--max-results {_maxResults}: the most severe are shown)" : "")
                + (summary.SarifResultsLeftOut > 0 ? $"; {summary.SarifResultsLeftOut} left out of the SARIF log (TL9080)" : "");
            _out.WriteLine($"{files} linted{passed}: {total} {(total == 1 ? "finding" : "findings")} ({_errors} {(_errors == 1 ? "error" : "errors")}, {_warnings} {(_warnings == 1 ? "warning" : "warnings")}, {_infos} info{suppressed}{fixedNote}{fixableNote}{cappedNote}) in {summary.Elapsed.TotalSeconds:0.00} s.");
        }
        _out.Flush();
    }

    public void Dispose() { }
}
