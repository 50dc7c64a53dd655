using System.Text;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// Where a report goes: standard output, or a file (see <see cref="OutputFile"/>: a regular file is
/// written to a temporary sibling and renamed into place on success, so an interrupted run never leaves
/// a half-written report; a device or FIFO is written in place).
/// </summary>
public sealed class ReportTarget : IDisposable
{
    private readonly OutputFile? _file;
    private StreamWriter? _writer;

    private ReportTarget(Stream stream, OutputFile? file)
    {
        Stream = stream;
        _file = file;
    }

    public Stream Stream { get; }

    /// <summary>A UTF-8 (no BOM) text writer over <see cref="Stream"/>.</summary>
    public TextWriter Writer => _writer ??= new StreamWriter(Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { AutoFlush = false };

    /// <exception cref="IOException">The file cannot be written (the message names <paramref name="path"/>).</exception>
    public static ReportTarget Open(string? path, CliContext ctx)
    {
        if (path is null) return new ReportTarget(new NonClosingStream(ctx.OpenStandardOutput()), null);
        var file = OutputFile.Create(Path.GetFullPath(path, ctx.WorkingDirectory), path);
        return new ReportTarget(file.Stream, file);
    }

    /// <summary>A report on a stream the caller owns (standard error for --stdin --fix); nothing to rename.</summary>
    public static ReportTarget OnStream(Stream stream) => new(new NonClosingStream(stream), null);

    /// <summary>Pushes what was written so far to its destination (so a terminal shows it now).</summary>
    public void Flush()
    {
        _writer?.Flush();
        Stream.Flush();
    }

    /// <summary>Flushes and, for a file, renames the temporary file into place.</summary>
    public bool Commit(CliContext ctx)
    {
        try
        {
            _writer?.Flush();
            if (_file is null)
            {
                Stream.Flush();
                return true;
            }
            // The writer goes first: disposing it later would flush into the closed file.
            _writer?.Dispose();
            _writer = null;
            return _file.Commit();
        }
        catch (IOException ex)
        {
            ctx.Fail(ex is OutputFileException ? ex.Message : $"Could not write the report: {ex.Message}");
            return false;
        }
    }

    /// <summary>Closes the stream and removes the temporary file if the report was not committed (an error or Ctrl-C).</summary>
    public void Dispose()
    {
        // A full disk fails the last flush; the temporary file is abandoned either way.
        try { _writer?.Dispose(); } catch (IOException) { }
        try { Stream.Dispose(); } catch (IOException) { }
        _file?.Dispose();
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
