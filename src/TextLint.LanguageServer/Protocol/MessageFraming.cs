using System.Text;

namespace TextLint.LanguageServer.Protocol;

/// <summary>A header block that cannot be read: the message is skipped and the reader resumes at the next header.</summary>
public sealed class FramingException(string message) : Exception(message);

/// <summary>
/// LSP's base protocol: <c>Content-Length: N\r\n</c> (other headers ignored), a blank line, N bytes of
/// UTF-8 JSON. Reads one message at a time from a stream; never trusts the length beyond
/// <see cref="MaxContentLength"/>, so a hostile or broken peer cannot make it allocate without bound.
/// </summary>
public sealed class MessageReader(Stream input, long maxContentLength)
{
    private readonly Stream _input = input;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private long _pendingSkip;

    public long MaxContentLength { get; } = maxContentLength;

    /// <summary>The next message's body; null at the end of the stream. Throws <see cref="FramingException"/> for a bad header (the body, if its length was known, is skipped).</summary>
    public byte[]? Read()
    {
        if (_pendingSkip > 0)
        {
            // The body of an oversized message, skipped after its error was answered (not before: it may never come).
            long skip = _pendingSkip;
            _pendingSkip = 0;
            if (!Skip(skip)) return null;
        }
        long? length = null;
        string? problem = null;
        int headerLines = 0;
        while (true)
        {
            string? line = ReadHeaderLine();
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (headerLines == 0) continue; // stray blank lines between messages
                break;
            }
            headerLines++;
            int colon = line.IndexOf(':');
            if (colon <= 0) { problem ??= $"Malformed header line '{Truncate(line)}'."; continue; }
            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)) length = n;
                else problem ??= $"Content-Length is not a number: '{Truncate(value)}'.";
            }
        }
        if (length is not { } len) throw new FramingException(problem ?? "The message has no Content-Length header.");
        if (len > MaxContentLength)
        {
            _pendingSkip = len;
            throw new FramingException($"The message is {len:N0} bytes, over the server's {MaxContentLength:N0}-byte limit; it is skipped.");
        }
        var body = new byte[len];
        int filled = 0;
        int buffered = Math.Min(_end - _start, (int)len);
        _buffer.AsSpan(_start, buffered).CopyTo(body);
        _start += buffered;
        filled += buffered;
        while (filled < len)
        {
            int n = _input.Read(body, filled, (int)len - filled);
            if (n == 0) return null; // the peer went away mid-message
            filled += n;
        }
        if (problem is not null) throw new FramingException(problem);
        return body;
    }

    private bool Skip(long count)
    {
        long buffered = Math.Min(_end - _start, count);
        _start += (int)buffered;
        count -= buffered;
        while (count > 0)
        {
            int n = _input.Read(_buffer, 0, (int)Math.Min(_buffer.Length, count));
            if (n == 0) return false;
            count -= n;
        }
        return true;
    }

    /// <summary>One header line without its line break (ASCII); null at the end of the stream.</summary>
    private string? ReadHeaderLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = _input.Read(_buffer, 0, _buffer.Length);
                if (_end == 0) return line.Length > 0 ? line.ToString() : null;
            }
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            int stop = nl < 0 ? _end : _start + nl;
            if (line.Length < 8192) line.Append(Encoding.ASCII.GetString(_buffer, _start, Math.Min(stop - _start, 8192)));
            _start = nl < 0 ? _end : stop + 1;
            if (nl >= 0)
            {
                if (line.Length > 0 && line[^1] == '\r') line.Length--;
                return line.ToString();
            }
        }
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "...";
}

/// <summary>Writes framed messages; one message at a time, from any thread.</summary>
public sealed class MessageWriter(Stream output)
{
    private readonly Stream _output = output;
    private readonly object _gate = new();

    public void Write(ReadOnlySpan<byte> body)
    {
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_gate)
        {
            _output.Write(header);
            _output.Write(body);
            _output.Flush();
        }
    }
}
