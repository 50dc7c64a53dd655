using TextLint.Diagnostics;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.MsBuild;

/// <summary>
/// <c>--format msbuild</c>: one canonical compiler line per finding and nothing else — no colour, no
/// summary — for problem matchers (VS Code's <c>$msCompile</c>, MSBuild's canonical error parser):
/// <c>/abs/path/story.txt(3,7,3,17): warning TL1001: message</c>. The path is absolute because those
/// matchers resolve paths that way; the location is line,column,endLine,endColumn (1-based, UTF-16, or
/// UTF-8 bytes with <see cref="ColumnUnit.Bytes"/> for Vim's quickfix list).
/// Suppressed, baselined and hidden findings are left out, as on the console.
/// </summary>
public sealed class MsBuildWriter : IReportWriter
{
    private readonly TextWriter _out;
    private string _root = "";

    private readonly ColumnUnit _columns;

    public MsBuildWriter(TextWriter output, ColumnUnit columns = ColumnUnit.Utf16)
    {
        _out = output;
        _columns = columns;
    }

    public void Begin(RunInfo run) => _root = run.WorkingDirectory;

    public void WriteFile(FileReport file)
    {
        string? path = null;
        var lines = file.Source.Lines;
        foreach (var d in file.Diagnostics)
        {
            if (!d.IsShown) continue;
            path ??= Printable.Path(System.IO.Path.GetFullPath(file.Source.Path, _root));
            var start = lines.GetLinePosition(d.Span.Start);
            var end = lines.GetLinePosition(d.Span.End);
            _out.Write(path);
            _out.Write('(');
            _out.Write(start.Line + 1);
            _out.Write(',');
            _out.Write(_columns.Column(file.Source, start) + 1);
            _out.Write(',');
            _out.Write(end.Line + 1);
            _out.Write(',');
            _out.Write(_columns.Column(file.Source, end) + 1);
            _out.Write("): ");
            _out.Write(d.Severity.ToDisplayString());
            _out.Write(' ');
            _out.Write(d.Id);
            _out.Write(": ");
            _out.WriteLine(Printable.Text(d.Message));
        }
    }

    public void End(RunSummary summary) => _out.Flush();

    public void Dispose() { }
}
