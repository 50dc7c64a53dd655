namespace TextLint.Documents.Formats;

/// <summary>
/// The prose view under construction: as long as the source, everything blank except line breaks, which
/// are kept wherever they are so that lines stay lines (and a rule's line numbers never drift). Readers
/// copy back only what is prose; whatever they never copy stays a space.
/// </summary>
internal sealed class ProseBuffer
{
    private readonly string _source;
    private readonly char[] _prose;

    /// <summary>A buffer with nothing but the source's line breaks.</summary>
    public ProseBuffer(string source)
    {
        _source = source;
        _prose = new char[source.Length];
        Array.Fill(_prose, ' ');
        // Line breaks stay where they are: found with a vectorized search, not tested one by one.
        var text = source.AsSpan();
        for (int i = text.IndexOfAny('\n', '\r'); i >= 0;)
        {
            _prose[i] = text[i];
            int next = text[(i + 1)..].IndexOfAny('\n', '\r');
            i = next < 0 ? -1 : i + 1 + next;
        }
    }


    public string Source => _source;

    public int Length => _prose.Length;

    public Span<char> Chars => _prose;

    /// <summary>Copies the source characters in [start, end) into the prose; out-of-range parts are ignored.</summary>
    public void Copy(int start, int end)
    {
        start = Math.Max(0, start);
        end = Math.Min(_source.Length, end);
        if (end > start) _source.AsSpan(start, end - start).CopyTo(_prose.AsSpan(start));
    }

    /// <summary>Writes text at an offset (a decoded character entity in place of its source), if it fits in [start, end).</summary>
    public bool Put(int start, int end, ReadOnlySpan<char> text)
    {
        if (start < 0 || end > _source.Length || text.Length > end - start) return false;
        text.CopyTo(_prose.AsSpan(start));
        return true;
    }

    /// <summary>Blanks [start, end) to spaces, keeping line breaks.</summary>
    public void Blank(int start, int end)
    {
        start = Math.Max(0, start);
        end = Math.Min(_prose.Length, end);
        for (int i = start; i < end; i++)
            if (_prose[i] is not ('\n' or '\r')) _prose[i] = ' ';
    }

    public override string ToString() => new(_prose);
}
