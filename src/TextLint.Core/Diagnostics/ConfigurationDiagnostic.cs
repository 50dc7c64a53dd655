namespace TextLint.Diagnostics;

/// <summary>
/// A problem with a rule pack, configuration file or input file, with its place. Line and column are
/// 1-based (they come from parsers that count that way); 0 means unknown.
/// </summary>
public sealed record ConfigurationDiagnostic(string Code, Severity Severity, string Path, int Line, int Column, string Message)
{
    public override string ToString()
    {
        // A notification about the whole run (TL9080) has no file: it is the tool's own word.
        string where = Line > 0 ? $"{Path}({Line},{Column})" : Path.Length == 0 ? "textlint" : Path;
        return $"{where}: {Severity.ToDisplayString()} {Code}: {Message}";
    }
}
