namespace TextLint.Output;

/// <summary>
/// Byte strings appended to large pages, each named by a <see cref="Slice"/>: a report that holds its
/// results until the end (the SARIF writer, so that --max-results can keep the most severe) holds some tens
/// of 1 MB arrays instead of one array per result, so the collector has a few objects to trace and nothing
/// to copy when it promotes them (2.6% fewer instructions on the benchmark corpus). The price is memory at
/// the peak: large-object pages are returned later than small arrays (207 MB against 191 MB on that
/// corpus; 64 KB pages, under the large-object threshold, gave 195 MB but only 1.1% fewer instructions).
/// Not thread-safe.
/// </summary>
internal sealed class ByteArena
{
    internal const int PageSize = 1 << 20;

    private readonly List<byte[]> _pages = new();
    private int _used; // bytes used in the last page

    /// <summary>A byte string in the arena: its page, where it starts and how long it is.</summary>
    internal readonly record struct Slice(int Page, int Start, int Length);

    /// <summary>Bytes in the pages handed out so far (what the arena holds, live or not).</summary>
    public long Size { get; private set; }

    public Slice Append(ReadOnlySpan<byte> bytes)
    {
        if (_pages.Count == 0 || bytes.Length > _pages[^1].Length - _used)
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

    /// <summary>
    /// Slides the strings still in use to the front, in place, and lets the pages left empty go: the
    /// strings no longer named (a capped report's evicted results) stop taking memory. <paramref name="live"/>
    /// gets every live slice in the order the strings were appended and returns where each now is. A string
    /// longer than a page keeps its own page; the others move into the ordinary pages, in order, each only
    /// ever towards the front (a page is closed no sooner than it was when the strings were appended), so
    /// nothing is overwritten before it is read.
    /// </summary>
    public void Compact(Action<Func<Slice, Slice>> live)
    {
        var ordinary = _pages.Where(p => p.Length == PageSize).ToList();
        var pages = new List<byte[]>();
        int taken = 0, at = 0;
        byte[]? into = null;
        live(slice =>
        {
            var from = _pages[slice.Page];
            if (from.Length > PageSize)
            {
                pages.Add(from);
                into = null; // appending went on in a new page after it, and so does this
                return new Slice(pages.Count - 1, 0, slice.Length);
            }
            if (into is null || slice.Length > PageSize - at)
            {
                pages.Add(into = ordinary[taken++]);
                at = 0;
            }
            from.AsSpan(slice.Start, slice.Length).CopyTo(into.AsSpan(at));
            var moved = new Slice(pages.Count - 1, at, slice.Length);
            at += slice.Length;
            return moved;
        });
        _pages.Clear();
        _pages.AddRange(pages);
        _used = into is not null ? at : _pages.Count > 0 ? _pages[^1].Length : 0;
        Size = _pages.Sum(p => (long)p.Length);
    }
}
