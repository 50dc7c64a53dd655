namespace TextLint.Text;

/// <summary>
/// A decoded document. Offsets everywhere in the core index <see cref="Text"/>; a byte-order mark is
/// never part of it (it is recorded in <see cref="Encoding"/>), so column 1 is the first real character.
/// </summary>
public sealed class SourceText
{
    private LineIndex? _lines;

    public SourceText(string path, string text, TextEncodingInfo? encoding = null)
    {
        Path = path;
        Text = text;
        Encoding = encoding ?? TextEncodingInfo.Utf8NoBom;
    }

    /// <summary>The path as the user should see it (relative to the working folder where possible, '/' separated).</summary>
    public string Path { get; }

    public string Text { get; }

    public int Length => Text.Length;

    public TextEncodingInfo Encoding { get; }

    public LineIndex Lines => _lines ??= LineIndex.Create(Text);

    public ReadOnlySpan<char> this[TextSpan span] => Text.AsSpan(span.Start, span.Length);

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public static SourceText From(string text, string path = "<text>") => new(path, text);
}
