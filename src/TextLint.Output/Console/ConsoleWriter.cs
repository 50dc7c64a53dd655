using TextLint.Diagnostics;
using TextLint.Pipeline;
using TextLint.Rules;

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
    private int _errors, _warnings, _infos, _suppressed, _baselined, _filesWithFindings, _fixable, _fixed;

    public ConsoleWriter(TextWriter output, bool color = false, bool summary = true)
    {
        _out = output;
        _color = color;
        _summary = summary;
    }

    public void Begin(RunInfo run) { }

    public void WriteFile(FileReport file)
    {
        if (file.Fixes is { Written: true } fixes) _fixed += fixes.Applied.Length;
        bool any = false;
        foreach (var d in file.Diagnostics)
        {
            if (d.Suppression is not null) { _suppressed++; continue; }
            if (d.Severity < Severity.Info) continue;
            if (d.BaselineState == BaselineState.Unchanged) { _baselined++; continue; }
            any = true;
            if (d.Fix is { Safety: FixSafety.Safe }) _fixable++;
            switch (d.Severity)
            {
                case Severity.Error: _errors++; break;
                case Severity.Warning: _warnings++; break;
                default: _infos++; break;
            }
            var pos = file.Source.Lines.GetLinePosition(d.Span.Start);
            string severity = d.Severity.ToDisplayString();
            if (_color) severity = Paint(d.Severity, severity);
            _out.Write(file.Source.Path);
            _out.Write('(');
            _out.Write(pos.Line + 1);
            _out.Write(',');
            _out.Write(pos.Character + 1);
            _out.Write("): ");
            _out.Write(severity);
            _out.Write(' ');
            _out.Write(d.Id);
            _out.Write(": ");
            _out.WriteLine(d.Message);
        }
        if (any) _filesWithFindings++;
    }

    private static string Paint(Severity s, string text) => s switch
    {
        Severity.Error => $"\u001b[31m{text}\u001b[0m",
        Severity.Warning => $"\u001b[33m{text}\u001b[0m",
        _ => $"\u001b[36m{text}\u001b[0m",
    };

    public void End(RunSummary summary)
    {
        if (_summary)
        {
            int total = _errors + _warnings + _infos;
            string files = summary.FileCount == 1 ? "1 file" : $"{summary.FileCount} files";
            string suppressed = (_suppressed > 0 ? $", {_suppressed} suppressed" : "") + (_baselined > 0 ? $", {_baselined} in baseline" : "");
            string fixedNote = _fixed > 0 ? $"; {_fixed} fixed" : "";
            string fixableNote = _fixable > 0 ? $"; {_fixable} fixable with --fix" : "";
            _out.WriteLine($"{files} linted: {total} {(total == 1 ? "finding" : "findings")} ({_errors} {(_errors == 1 ? "error" : "errors")}, {_warnings} {(_warnings == 1 ? "warning" : "warnings")}, {_infos} info{suppressed}{fixedNote}{fixableNote}) in {summary.Elapsed.TotalSeconds:0.00} s.");
        }
        _out.Flush();
    }

    public void Dispose() { }
}
