using TextLint.Pipeline;

namespace TextLint.Core.Tests.Pipeline;

/// <summary>
/// Reading a file never trusts the length it had when opened: it may have grown or shrunk since, and
/// some files (Linux's /proc) say 0 and have content. What was read is returned whole, or null past the limit.
/// </summary>
public class ReadAtMostTests
{
    /// <summary>A stream that says it holds <paramref name="claimed"/> bytes and gives <paramref name="content"/>, a few bytes a read.</summary>
    private sealed class Lying(byte[] content, long claimed, int chunk) : Stream
    {
        private int _at;
        public override long Length => claimed;
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, chunk), content.Length - _at);
            content.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Position { get => _at; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(0, 0)]          // empty
    [InlineData(100, 100)]      // unchanged, the common case
    [InlineData(100, 60)]       // shrank
    [InlineData(100, 101)]      // grew by one byte
    [InlineData(100, 5000)]     // grew a lot
    [InlineData(0, 3000)]       // says 0, has content (/proc)
    [InlineData(1000, 1000)]    // exactly the limit
    public void ReturnsWhatTheStreamHeld_WithinTheLimit(int claimed, int actual)
    {
        var content = Enumerable.Range(0, actual).Select(i => (byte)(i * 7)).ToArray();
        foreach (int chunk in new[] { 1, 7, 4096 })
        {
            byte[]? read = FileLinter.ReadAtMost(new Lying(content, claimed, chunk), claimed, limit: 10_000);
            Assert.Equal(content, read);
        }
    }

    [Theory]
    [InlineData(1000, 1001)]    // grew past the limit by one byte
    [InlineData(0, 1001)]       // says 0, holds more than the limit
    [InlineData(500, 20_000)]
    public void ReturnsNull_PastTheLimit(int claimed, int actual)
    {
        var content = new byte[actual];
        foreach (int chunk in new[] { 1, 7, 4096 })
            Assert.Null(FileLinter.ReadAtMost(new Lying(content, claimed, chunk), claimed, limit: 1000));
    }
}
