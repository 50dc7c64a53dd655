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
/// <item>the new bytes go through <see cref="OutputFile"/>: a temporary file in the same folder, flushed
/// to the device, that replaces the file by one rename, so an interrupted run (Ctrl-C, a crash, a full disk) leaves the old file or
/// the new one, never a mix;</item>
/// <item>just before the rename the file's bytes are compared with the bytes that were linted (the
/// decoded text encoded back), and its identity (device, inode), size and modification time are taken
/// before and after that comparison: a file edited or replaced meanwhile is left alone and reported
/// (TL9060). What remains is the instant between that last check and the rename, in which a write by
/// another program would be lost, as with any editor that saves by rename (docs/user-guide.md);</item>
/// <item>the encoding, byte-order mark, line endings (edits only replace what they cover) and permission
/// bits are kept; a file that is not valid UTF-8 is not rewritten, since its invalid bytes were read as
/// U+FFFD (TL9062).</item>
/// </list>
/// Files without fixes are not opened for writing. Fixes are applied pass after pass until the text is
/// stable (at most <see cref="FixLoop.MaxPasses"/>), and the report shows the last pass's findings: what is
/// left in the file as it now is. For <c>--stdin --fix</c> nothing is written here: the fixed text goes to
/// standard output.
/// </summary>
public sealed class FixWriter
{
    public const string ChangedCode = NotificationCodes.FixFileChanged;
    public const string WriteFailedCode = NotificationCodes.FixWriteFailed;
    public const string NotWritableEncodingCode = NotificationCodes.FixNotEncodable;
    public const string OverlapCode = NotificationCodes.FixOverlap;

    private readonly FixSafety _allowed;
    private readonly FixTarget _target;
    private readonly string _workingDirectory;

    /// <param name="allowed">Safe, or Unsafe for --unsafe-fixes (which includes safe ones).</param>
    /// <param name="target">Files for --fix, Diff for --diff (nothing is written), StandardOutput for --stdin --fix.</param>
    public FixWriter(FixSafety allowed, FixTarget target, string workingDirectory)
    {
        _allowed = allowed;
        _target = target;
        _workingDirectory = workingDirectory;
    }

    /// <param name="write">False for --diff: the fixes are computed and reported, nothing is written.</param>
    public FixWriter(FixSafety allowed, bool write, string workingDirectory)
        : this(allowed, write ? FixTarget.Files : FixTarget.Diff, workingDirectory) { }

    /// <summary>A test hook: runs after the temporary file is complete, just before the on-disk check and rename.</summary>
    internal Action<string>? BeforeReplace { get; init; }

    /// <summary>The fix of a finding the report shows (<see cref="Diagnostic.IsShown"/>) at the allowed safety, or null.</summary>
    public CodeFix? FixOf(Diagnostic d) =>
        d.IsShown && d.Fix is { Edits.IsEmpty: false } f && f.Safety != FixSafety.None && f.Safety <= _allowed
            ? f
            : null;

    /// <summary>Fixes of the findings a report shows, at the allowed safety.</summary>
    public IEnumerable<CodeFix> FixesOf(FileReport report) => report.Diagnostics.Select(FixOf).Where(f => f is not null).Select(f => f!);

    /// <summary>
    /// Applies (or, for --diff, computes) the fixes of one file, pass after pass until the text is stable
    /// (<see cref="FixLoop"/>); returns the report to show and adds any notifications.
    /// </summary>
    /// <param name="relint">Lints a text of this file and classifies its findings (baseline) as the first pass was.</param>
    public FileReport Apply(FileReport report, Func<SourceText, FileAnalysis> relint, List<ConfigurationDiagnostic> notifications)
    {
        var source = report.Source;
        int count = report.Diagnostics.Count(d => FixOf(d) is not null);
        if (count == 0) return report;
        if (source.Encoding.HadInvalidBytes)
        {
            notifications.Add(Note(NotWritableEncodingCode, Severity.Warning, source.Path,
                $"The file is not valid {source.Encoding.Name.ToUpperInvariant()}, so writing it back would replace its invalid bytes; {Plural.Count(count, "fix was", "fixes were")} not applied."));
            return report;
        }
        ImmutableArray<ConfigurationDiagnostic> lastNotes = [];
        var loop = FixLoop.Run(source.Text, report.Diagnostics, text =>
        {
            var analysis = relint(new SourceText(source.Path, text, source.Encoding));
            lastNotes = analysis.Notifications;
            return analysis.Diagnostics;
        }, FixOf);
        if (!loop.Converged)
        {
            int left = loop.Findings.Count(d => FixOf(d) is not null);
            notifications.Add(Note(OverlapCode, Severity.Info, source.Path,
                $"After {FixLoop.MaxPasses} passes {Plural.Count(left, "fix was", "fixes were")} still left (fixes that overlap or undo each other); run --fix again to apply {(left == 1 ? "it" : "them")}."));
        }
        if (!loop.Changed) return report;
        var fixedSource = new SourceText(source.Path, loop.Text, source.Encoding);
        var fixes = new FileFixes(source, loop.Edits, loop.Applied, loop.Passes, Written: false) { FixedText = loop.Text };
        if (_target == FixTarget.Diff) return report with { Fixes = fixes };
        if (_target == FixTarget.Files && !TryWrite(source, loop.Text, out string? problem, out string code))
        {
            notifications.Add(Note(code, code == ChangedCode ? Severity.Warning : Severity.Error, source.Path, problem!));
            return report;
        }
        notifications.AddRange(lastNotes);
        return new FileReport(fixedSource, [.. loop.Findings]) { Fixes = fixes with { Written = true } };
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

        try
        {
            // A symbolic link stays a link: the file it points to is the one replaced.
            string target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            if (FileProbe.Probe(target, followLinks: true) != FileKind.Regular)
            {
                problem = "The file changed after it was read (it is no longer a regular file); it was not fixed.";
                code = ChangedCode;
                return false;
            }
            // A file nobody may write is read-only by intent, even for a superuser whom the system would let through.
            if (IsReadOnly(target))
            {
                problem = "The file is read-only; it was not fixed.";
                return false;
            }
            // Opening for writing without truncating changes nothing, and checks the permission itself.
            using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
            UnixFileMode? mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target);
            using var output = OutputFile.Create(target, original.Path, mode);
            output.Stream.Write(replacement);
            if (OperatingSystem.IsWindows()) File.SetAttributes(((FileStream)output.Stream).Name, File.GetAttributes(target));
            bool changed = false;
            bool written = output.Commit(() =>
            {
                BeforeReplace?.Invoke(target);
                // Last moment before the rename: is the file still what was linted? Its identity and size
                // are taken before and after reading its bytes, and checked once more at the very end: a
                // file replaced (another inode) or written to since then is left alone.
                var before = FileProbe.Identify(target);
                if (!File.ReadAllBytes(target).AsSpan().SequenceEqual(expected)) return !(changed = true);
                var after = FileProbe.Identify(target);
                if (before is { } b && (after is not { } a || !a.IsSameFile(b) || a.Size != expected.Length || a.ModifiedNanoseconds != b.ModifiedNanoseconds))
                    return !(changed = true);
                return true;
            });
            if (!written)
            {
                problem = changed
                    ? "The file changed after it was read (or cannot be written back byte for byte); it was not fixed. Run --fix again."
                    : "The fixed file was not written; the file was not changed.";
                if (changed) code = ChangedCode;
                return false;
            }
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex is OutputFileException o
                ? $"Could not write the fixed file: {o.Reason} The file was not changed."
                : $"Could not write the fixed file: {ex.Message} The file was not changed.";
            return false;
        }
    }

    private static bool IsReadOnly(string path) => OperatingSystem.IsWindows()
        ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
        : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;

    private static byte[] Encode(Encoding encoding, string text)
    {
        byte[] preamble = encoding.GetPreamble();
        byte[] bytes = new byte[preamble.Length + encoding.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        encoding.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        return bytes;
    }


    private static ConfigurationDiagnostic Note(string code, Severity severity, string path, string message) =>
        new(code, severity, path, 0, 0, message);
}

/// <summary>Where fixed text goes.</summary>
public enum FixTarget
{
    /// <summary>--fix: each file is rewritten in place.</summary>
    Files,
    /// <summary>--diff / --fix --dry-run: nothing is written; the report carries the change.</summary>
    Diff,
    /// <summary>--stdin --fix: the fixed text goes to standard output, no file is written.</summary>
    StandardOutput,
}

/// <summary>A file's findings after analysis and baseline classification, with the engine's notifications.</summary>
public sealed record FileAnalysis(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<ConfigurationDiagnostic> Notifications);
