using TextLint.Diagnostics;
using TextLint.Pipeline;
using TextLint.Rules;

namespace TextLint.Output.MsBuild;

/// <summary>
/// <c>--format msbuild</c>: one canonical compiler line per finding and nothing else — no colour, no
/// summary — for problem matchers (VS Code's <c>$msCompile</c>, MSBuild's canonical error parser):
/// <c>/abs/path/story.txt(3,7,3,17): warning TL1001: message</c>. The path is absolute because those
/// matchers resolve paths that way; the location is line,column,endLine,endColumn (1-based, UTF-16).
/// Suppressed, baselined and hidden findings are left out, as on the console.
/// </summary>
public sealed class MsBuildWriter : IReportWriter
{
    private readonly TextWriter _out;
    private string _root = "";

    public MsBuildWriter(TextWriter output) => _out = output;

    public void Begin(RunInfo run) => _root = run.WorkingDirectory;

    public void WriteFile(FileReport file)
    {
        string? path = null;
        var lines = file.Source.Lines;
        foreach (var d in file.Diagnostics)
        {
            if (!d.IsShown) continue;
            path ??= Path.GetFullPath(file.Source.Path, _root);
            var start = lines.GetLinePosition(d.Span.Start);
            var end = lines.GetLinePosition(d.Span.End);
            _out.Write(path);
            _out.Write('(');
            _out.Write(start.Line + 1);
            _out.Write(',');
            _out.Write(start.Character + 1);
            _out.Write(',');
            _out.Write(end.Line + 1);
            _out.Write(',');
            _out.Write(end.Character + 1);
            _out.Write("): ");
            _out.Write(d.Severity.ToDisplayString());
            _out.Write(' ');
            _out.Write(d.Id);
            _out.Write(": ");
            _out.WriteLine(d.Message);
        }
    }

    public void End(RunSummary summary) => _out.Flush();

    public void Dispose() { }
}
