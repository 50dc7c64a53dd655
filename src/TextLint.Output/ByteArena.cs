namespace TextLint.Output;

/// <summary>
/// Byte strings appended to large pages, each named by a <see cref="Slice"/>: a report that holds its
/// results until the end (the SARIF writer, so that --max-results can keep the most severe) holds a few
/// one-megabyte arrays instead of one array per result. The collector then has almost nothing to trace or
/// move, and nothing that points into a fresh object from an old one. Not thread-safe.
/// </summary>
internal sealed class ByteArena
{
    internal const int PageSize = 1 << 20;

    private readonly List<byte[]> _pages = new();
    private int _used = PageSize; // in the last page: a full page asks for a new one

    /// <summary>A byte string in the arena: its page, where it starts and how long it is.</summary>
    internal readonly record struct Slice(int Page, int Start, int Length);

    /// <summary>Bytes in the pages handed out so far (what the arena holds, live or not).</summary>
    public long Size { get; private set; }

    public Slice Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > PageSize - _used)
        {
            // A string longer than a page gets a page of its own size.
            _pages.Add(new byte[Math.Max(PageSize, bytes.Length)]);
            Size += _pages[^1].Length;
            _used = 0;
        }
        var slice = new Slice(_pages.Count - 1, _used, bytes.Length);
        bytes.CopyTo(_pages[^1].AsSpan(_used));
        _used += bytes.Length;
        return slice;
    }

    public ReadOnlySpan<byte> this[Slice slice] => _pages[slice.Page].AsSpan(slice.Start, slice.Length);
}
