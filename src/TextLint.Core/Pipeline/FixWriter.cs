using System.Collections.Immutable;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Pipeline;

/// <summary>
/// --fix and --diff for one file, on the worker that linted it. The fixes are those of the findings the
/// report shows — not suppressed, not in the baseline, at least info, within the allowed safety — so a
/// place the engine does not report (direct speech, a suppression) is never rewritten. Core's <see cref="FixApplier"/> makes the
/// text; this class gets it onto disk without ever losing a file:
/// <list type="bullet">
/// <item>the new bytes go to a temporary file in the same folder, are flushed to the device, and replace
/// the file by one rename, so an interrupted run (Ctrl-C, a crash, a full disk) leaves the old file or
/// the new one, never a mix;</item>
/// <item>just before the rename the file's bytes are compared with the bytes that were linted (the
/// decoded text encoded back): a file edited meanwhile is left alone and reported (TL9060);</item>
/// <item>the encoding, byte-order mark, line endings (edits only replace what they cover) and permission
/// bits are kept; a file that is not valid UTF-8 is not rewritten, since its invalid bytes were read as
/// U+FFFD (TL9062).</item>
/// </list>
/// Files without fixes are not opened for writing. After writing, the fixed text is linted again, so the
/// report shows what is left in the file as it now is.
/// </summary>
public sealed class FixWriter
{
    public const string ChangedCode = "TL9060";
    public const string WriteFailedCode = "TL9061";
    public const string NotWritableEncodingCode = "TL9062";
    public const string OverlapCode = "TL9063";

    private readonly FixSafety _allowed;
    private readonly bool _write;
    private readonly string _workingDirectory;

    /// <param name="allowed">Safe, or Unsafe for --unsafe-fixes (which includes safe ones).</param>
    /// <param name="write">False for --diff: the fixes are computed and reported, nothing is written.</param>
    public FixWriter(FixSafety allowed, bool write, string workingDirectory)
    {
        _allowed = allowed;
        _write = write;
        _workingDirectory = workingDirectory;
    }

    /// <summary>A test hook: runs after the temporary file is complete, just before the on-disk check and rename.</summary>
    internal Action<string>? BeforeReplace { get; init; }

    /// <summary>Fixes of the findings a report shows, at the allowed safety.</summary>
    public IEnumerable<CodeFix> FixesOf(FileReport report) =>
        report.Diagnostics
            .Where(d => d.Suppression is null && d.Severity >= Severity.Info && d.BaselineState != BaselineState.Unchanged)
            .Select(d => d.Fix)
            .Where(f => f is { Edits.IsEmpty: false } && f.Safety != FixSafety.None && f.Safety <= _allowed)
            .Select(f => f!);

    /// <summary>Applies (or, for --diff, computes) the fixes of one file; returns the report to show and any notifications.</summary>
    /// <param name="analyze">Lints the fixed text (the report then shows what is left in the file as it now is).</param>
    public FileReport Apply(FileReport report, Func<SourceText, DocumentAnalysis> analyze, List<ConfigurationDiagnostic> notifications)
    {
        var fixes = FixesOf(report).ToList();
        if (fixes.Count == 0) return report;
        var source = report.Source;
        if (source.Encoding.HadInvalidBytes)
        {
            notifications.Add(Note(NotWritableEncodingCode, Severity.Warning, source.Path,
                $"The file is not valid {source.Encoding.Name.ToUpperInvariant()}, so writing it back would replace its invalid bytes; {Count(fixes.Count, "fix was", "fixes were")} not applied."));
            return report;
        }
        var result = FixApplier.Apply(source.Text, fixes, _allowed);
        if (!result.Skipped.IsEmpty)
        {
            notifications.Add(Note(OverlapCode, Severity.Info, source.Path,
                $"{Count(result.Skipped.Length, "fix overlaps", "fixes overlap")} another fix and {(result.Skipped.Length == 1 ? "was" : "were")} left out; run --fix again to apply {(result.Skipped.Length == 1 ? "it" : "them")}."));
        }
        if (result.Applied.IsEmpty) return report;
        if (!_write) return report with { Fixes = new FileFixes(source, result.Applied, result.Skipped, Written: false) };

        if (!TryWrite(source, result.Text, out string? problem, out string code))
        {
            notifications.Add(Note(code, code == ChangedCode ? Severity.Warning : Severity.Error, source.Path, problem!));
            return report;
        }
        var fixedSource = new SourceText(source.Path, result.Text, source.Encoding);
        var analysis = analyze(fixedSource);
        notifications.AddRange(analysis.Notifications);
        return new FileReport(fixedSource, analysis.Diagnostics) { Fixes = new FileFixes(source, result.Applied, result.Skipped, Written: true) };
    }

    private bool TryWrite(SourceText original, string fixedText, out string? problem, out string code)
    {
        code = WriteFailedCode;
        string path = Path.GetFullPath(original.Path, _workingDirectory);
        byte[] expected, replacement;
        try
        {
            // Throws for a character the encoding cannot hold, rather than writing '?' in its place.
            var encoding = original.Encoding.GetEncoding();
            expected = Encode(encoding, original.Text);
            replacement = Encode(encoding, fixedText);
        }
        catch (EncoderFallbackException)
        {
            problem = $"The fixed text cannot be written in the file's encoding '{original.Encoding.Name}'; the file was not changed.";
            code = NotWritableEncodingCode;
            return false;
        }

        string? temp = null;
        try
        {
            // A symbolic link stays a link: the file it points to is the one replaced.
            string target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            // A file nobody may write is read-only by intent, even for a superuser whom the system would let through.
            if (IsReadOnly(target))
            {
                problem = "The file is read-only; it was not fixed.";
                return false;
            }
            // Opening for writing without truncating changes nothing, and checks the permission itself.
            using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
            string folder = Path.GetDirectoryName(target)!;
            temp = Path.Combine(folder, $".{Path.GetFileName(target)}.textlint-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = File.GetUnixFileMode(target);
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(replacement);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(target)); // the umask may have narrowed it
            else File.SetAttributes(temp, File.GetAttributes(target));
            BeforeReplace?.Invoke(target);

            // Last moment before the rename: is the file still what was linted?
            if (!File.ReadAllBytes(target).AsSpan().SequenceEqual(expected))
            {
                problem = "The file changed after it was read (or cannot be written back byte for byte); it was not fixed. Run --fix again.";
                code = ChangedCode;
                return false;
            }
            File.Move(temp, target, overwrite: true);
            temp = null;
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"Could not write the fixed file: {ex.Message} The file was not changed.";
            return false;
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    private static bool IsReadOnly(string path) => OperatingSystem.IsWindows()
        ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
        : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    private static byte[] Encode(Encoding encoding, string text)
    {
        byte[] preamble = encoding.GetPreamble();
        byte[] bytes = new byte[preamble.Length + encoding.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        encoding.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        return bytes;
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static ConfigurationDiagnostic Note(string code, Severity severity, string path, string message) =>
        new(code, severity, path, 0, 0, message);
}
