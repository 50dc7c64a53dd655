using System.Text;
using TextLint.Output;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// <c>--stdin --fix</c>: standard output gets the buffer as it should now be — the fixed text in the
/// encoding it was read in (with its byte-order mark), or, when nothing was fixed or the input could not
/// be linted, exactly the bytes read. An editor's format-on-save can replace its buffer with it blindly.
/// </summary>
public sealed class FixedTextWriter(Stream output, byte[] original) : IReportWriter
{
    private byte[]? _fixed;

    public void Begin(RunInfo run) { }

    public void WriteFile(FileReport file)
    {
        if (file.Fixes is not { Written: true } fixes) return;
        try
        {
            var encoding = file.Source.Encoding.GetEncoding();
            _fixed = [.. encoding.GetPreamble(), .. encoding.GetBytes(fixes.FixedText)];
        }
        catch (EncoderFallbackException)
        {
            _fixed = null; // cannot be written in its encoding: the buffer stays as it was
        }
    }

    public void End(RunSummary summary)
    {
        output.Write(_fixed ?? original);
        output.Flush();
    }

    public void Dispose() { }
}

/// <summary>A write-only stream over a text writer (UTF-8 bytes in, characters out), for reports sent to standard error.</summary>
public sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => writer.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        int n = _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, n);
    }
}
