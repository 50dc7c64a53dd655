namespace TextLint.Diagnostics;

/// <summary>
/// A problem with a rule pack, configuration file or input file, with its place. Line and column are
/// 1-based (they come from parsers that count that way); 0 means unknown.
/// </summary>
public sealed record ConfigurationDiagnostic(string Code, Severity Severity, string Path, int Line, int Column, string Message)
{
    /// <summary>One line for stderr: the path and message escaped (<see cref="Text.Printable"/>), so neither can start a line.</summary>
    public override string ToString()
    {
        // A notification about the whole run (TL9080) has no file: it is the tool's own word.
        string path = Text.Printable.Path(Path);
        string where = Line > 0 ? $"{path}({Line},{Column})" : Path.Length == 0 ? "textlint" : path;
        return $"{where}: {Severity.ToDisplayString()} {Code}: {Text.Printable.Text(Message)}";
    }
}
