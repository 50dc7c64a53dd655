using TextLint.Diagnostics;
using TextLint.Pipeline;

namespace TextLint.Output.Diff;

/// <summary>
/// <c>--diff</c>: the fixes --fix would write, as one unified diff over all files (in the run's order),
/// and a one-line count on <paramref name="summary"/> (standard error, so the diff stays pipeable).
/// </summary>
public sealed class UnifiedDiffWriter(TextWriter output, TextWriter? summary = null) : IReportWriter
{
    private int _fixes, _files;

    public void Begin(RunInfo run) { }

    public void WriteFile(FileReport file)
    {
        if (file.Fixes is not { } fixes || fixes.Edits.IsEmpty) return;
        string diff = UnifiedDiff.Create(fixes.Original, fixes.Edits, fixes.Original.Path);
        if (diff.Length == 0) return;
        output.Write(diff);
        _fixes += fixes.Applied.Length;
        _files++;
    }

    public void End(RunSummary runSummary)
    {
        output.Flush();
        if (summary is null) return;
        string fixes = _fixes == 1 ? "1 fix" : $"{_fixes} fixes";
        string files = _files == 1 ? "1 file" : $"{_files} files";
        summary.WriteLine(_fixes == 0 ? "No fixes to apply." : $"Would apply {fixes} to {files}.");
        summary.Flush();
    }

    public void Dispose() { }
}
