using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TextLint.Pipeline;

/// <summary>
/// The one way the tool writes a file it produces — a report (-o, --sarif), a baseline, a fixed article,
/// a generated doc page — chosen by what the target is, not by what its name suggests:
/// <list type="bullet">
/// <item>a regular file, or one that does not exist yet: the bytes go to a temporary file in the same
/// folder, are flushed to the device and renamed over the target on <see cref="Commit"/>, so an
/// interrupted run leaves the old file or the new one, never a mix; the old file's permission bits
/// are kept;</item>
/// <item>a symbolic link is followed: the file it points to is replaced that way, the link stays;</item>
/// <item>a character device (<c>/dev/null</c>, a terminal) or a FIFO is written as a stream, in place —
/// renaming over it would replace the device node with a regular file;</item>
/// <item>a folder, socket or block device is refused.</item>
/// </list>
/// Temporary files are named <c>.NAME.textlint-PID-GUID.tmp</c>. Those of a process that no longer runs
/// (killed with SIGKILL, where nothing can clean up) are removed the next time NAME is written; those of
/// this process are removed by <see cref="Dispose"/> or, on a forced exit, by <see cref="AbandonAll"/>.
/// Every error message names the target as the user wrote it, never the temporary file.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private static readonly ConcurrentDictionary<string, byte> LiveTemporaryFiles = new(StringComparer.Ordinal);

    private readonly string _display;
    private string? _temp;
    private bool _done;

    private OutputFile(string display, string target, string? temp, Stream stream)
    {
        _display = display;
        TargetPath = target;
        _temp = temp;
        Stream = stream;
    }

    /// <summary>Where the bytes end up: the named path, or the file a link names.</summary>
    public string TargetPath { get; }

    /// <summary>True when the target is written in place as a stream (a character device or a FIFO).</summary>
    public bool IsStream => _temp is null;

    /// <summary>The stream to write; for a regular file, the temporary file's.</summary>
    public Stream Stream { get; }

    /// <summary>Opens <paramref name="fullPath"/> for writing as described above.</summary>
    /// <param name="displayPath">How messages name the target (as the user wrote it).</param>
    /// <param name="mode">Permission bits of a new file (Unix); null for the default, or the old file's when it exists.</param>
    /// <exception cref="IOException">The target cannot be written; the message names <paramref name="displayPath"/>.</exception>
    public static OutputFile Create(string fullPath, string displayPath, UnixFileMode? mode = null)
    {
        string target = fullPath;
        try
        {
            // A link stays a link: the file it points to (at the end of any chain) is the one written.
            if (FileProbe.Probe(fullPath, followLinks: false) == FileKind.SymbolicLink)
                target = new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
            var kind = FileProbe.Probe(target, followLinks: true);
            switch (kind)
            {
                case FileKind.CharacterDevice or FileKind.Fifo:
                    // In place, never created or truncated: a FIFO waits here for its reader, as a shell's '>' does.
                    var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                    return new OutputFile(displayPath, target, null, stream);
                case FileKind.Missing or FileKind.Regular:
                    break;
                default:
                    throw new IOException($"it is {FileProbe.Describe(kind)}; the tool writes only to regular files, FIFOs and character devices.");
            }
            string folder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(folder);
            RemoveStaleTemporaryFiles(folder, Path.GetFileName(target));
            // Same folder, so the final rename is atomic; a random part, so two runs never share a temporary file.
            string temp = Path.Combine(folder, $".{Path.GetFileName(target)}.textlint-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
            if (!OperatingSystem.IsWindows() && (mode ?? (kind == FileKind.Regular ? File.GetUnixFileMode(target) : null)) is { } bits)
                options.UnixCreateMode = bits;
            LiveTemporaryFiles[temp] = 0;
            try
            {
                var file = new FileStream(temp, options);
                // The umask may have narrowed the bits asked for.
                if (options.UnixCreateMode is { } wanted && !OperatingSystem.IsWindows()) File.SetUnixFileMode(file.SafeFileHandle, wanted);
                return new OutputFile(displayPath, target, temp, file);
            }
            catch
            {
                LiveTemporaryFiles.TryRemove(temp, out _);
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not OutputFileException)
        {
            throw new OutputFileException(displayPath, Reason(ex, target, displayPath));
        }
    }

    /// <summary>
    /// Finishes the file: a stream is flushed; a temporary file is flushed to the device and renamed over
    /// the target, unless <paramref name="stillWanted"/> (called just before the rename) says no, in which
    /// case it is removed and false returned.
    /// </summary>
    /// <exception cref="IOException">The file could not be written; the message names the target.</exception>
    public bool Commit(Func<bool>? stillWanted = null)
    {
        if (_done) throw new InvalidOperationException("The output file was committed or abandoned already.");
        _done = true;
        try
        {
            if (_temp is null)
            {
                Stream.Flush();
                Stream.Dispose();
                return true;
            }
            // On the device before the rename, so a crash cannot leave a renamed but empty file.
            ((FileStream)Stream).Flush(flushToDisk: true);
            Stream.Dispose();
            if (stillWanted is not null && !stillWanted())
            {
                Abandon();
                return false;
            }
            File.Move(_temp, TargetPath, overwrite: true);
            LiveTemporaryFiles.TryRemove(_temp, out _);
            _temp = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Abandon();
            throw new OutputFileException(_display, Reason(ex, TargetPath, _display));
        }
    }

    /// <summary>Closes the stream and removes the temporary file if the file was not committed (an error or Ctrl-C).</summary>
    public void Dispose()
    {
        // A full disk fails the last flush; the temporary file is abandoned either way.
        try { Stream.Dispose(); } catch (IOException) { }
        Abandon();
    }

    private void Abandon()
    {
        if (_temp is null) return;
        TryDelete(_temp);
        LiveTemporaryFiles.TryRemove(_temp, out _);
        _temp = null;
    }

    /// <summary>
    /// Removes this process's temporary files that are still open: for an exit that cannot wait for the
    /// writers (a second Ctrl-C, a run that does not stop in time). The targets stay as they were.
    /// </summary>
    public static void AbandonAll()
    {
        foreach (string temp in LiveTemporaryFiles.Keys)
        {
            TryDelete(temp);
            LiveTemporaryFiles.TryRemove(temp, out _);
        }
    }

    /// <summary>Temporary files for <paramref name="name"/> in <paramref name="folder"/> left by a process that no longer runs.</summary>
    internal static void RemoveStaleTemporaryFiles(string folder, string name)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, $".{name}.*tmp", new EnumerationOptions { AttributesToSkip = 0, MatchCasing = MatchCasing.CaseSensitive });
            // Today's names, and those of earlier versions (.NAME.PID.GUID.tmp, .NAME.PID.tmp).
            var ours = new Regex($"^\\.{Regex.Escape(name)}\\.(?:textlint-)?(\\d+)(?:[.-][0-9a-f]{{32}})?\\.tmp$", RegexOptions.CultureInvariant);
            foreach (string path in candidates.ToList())
            {
                var m = ours.Match(Path.GetFileName(path));
                if (!m.Success || !int.TryParse(m.Groups[1].ValueSpan, out int pid)) continue;
                if (pid == Environment.ProcessId || IsRunning(pid)) continue;
                if (FileProbe.Probe(path, followLinks: false) != FileKind.Regular) continue;
                TryDelete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>What went wrong, without the temporary file's or the resolved target's name.</summary>
    private static string Reason(Exception ex, string target, string display)
    {
        string message = ex is UnauthorizedAccessException ? "permission denied." : ex.Message;
        message = Regex.Replace(message, @"[^\s'""]*\.textlint-\d+-[0-9a-f]{32}\.tmp", display);
        message = message.Replace(target, display, StringComparison.Ordinal);
        return message.EndsWith('.') ? message : message + ".";
    }
}

/// <summary>An output file could not be written; <see cref="Exception.Message"/> names the target.</summary>
public sealed class OutputFileException(string displayPath, string reason)
    : IOException($"Could not write '{Text.Printable.Text(displayPath)}': {Text.Printable.Text(reason)}")
{
    public string DisplayPath { get; } = displayPath;
    public string Reason { get; } = reason;
}
