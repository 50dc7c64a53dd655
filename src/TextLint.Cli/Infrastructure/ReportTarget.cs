using System.Text;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// Where a report goes: standard output, or a file written to a temporary sibling and renamed into
/// place on success, so an interrupted run never leaves a half-written report.
/// </summary>
public sealed class ReportTarget : IDisposable
{
    private readonly string? _finalPath;
    private readonly string? _tempPath;
    private StreamWriter? _writer;

    private ReportTarget(Stream stream, string? finalPath, string? tempPath)
    {
        Stream = stream;
        _finalPath = finalPath;
        _tempPath = tempPath;
    }

    public Stream Stream { get; }

    /// <summary>A UTF-8 (no BOM) text writer over <see cref="Stream"/>.</summary>
    public TextWriter Writer => _writer ??= new StreamWriter(Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { AutoFlush = false };

    public static ReportTarget Open(string? path, CliContext ctx)
    {
        if (path is null) return new ReportTarget(new NonClosingStream(ctx.OpenStandardOutput()), null, null);
        string full = Path.GetFullPath(path, ctx.WorkingDirectory);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        // Same folder, so the final rename is atomic; a random part, so two runs never share a temporary file.
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        return new ReportTarget(new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), full, temp);
    }

    /// <summary>A report on a stream the caller owns (standard error for --stdin --fix); nothing to rename.</summary>
    public static ReportTarget OnStream(Stream stream) => new(new NonClosingStream(stream), null, null);

    /// <summary>Pushes what was written so far to its destination (so a terminal shows it now).</summary>
    public void Flush()
    {
        _writer?.Flush();
        Stream.Flush();
    }

    /// <summary>Flushes and, for a file, renames the temporary file into place.</summary>
    public bool Commit(CliContext ctx)
    {
        _writer?.Flush();
        if (_finalPath is null)
        {
            Stream.Flush();
            return true;
        }
        try
        {
            // The writer goes first: disposing it later would flush into the closed file.
            _writer?.Dispose();
            _writer = null;
            // On the device before the rename, so a crash cannot leave a renamed but empty report.
            ((FileStream)Stream).Flush(flushToDisk: true);
            Stream.Dispose();
            File.Move(_tempPath!, _finalPath, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ctx.Fail($"Could not write the report to '{_finalPath}': {ex.Message}");
            return false;
        }
    }

    /// <summary>Closes the stream and removes the temporary file if the report was not committed (an error or Ctrl-C).</summary>
    public void Dispose()
    {
        // A full disk fails the last flush; the temporary file is abandoned either way.
        try { _writer?.Dispose(); } catch (IOException) { }
        try { Stream.Dispose(); } catch (IOException) { }
        if (_tempPath is not null && File.Exists(_tempPath)) File.Delete(_tempPath);
    }

    /// <summary>Standard output must stay open for later writes (and for the test host).</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
