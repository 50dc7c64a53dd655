using TextLint.Text;

namespace TextLint.Output;

/// <summary>What the console and msbuild formats count columns in (<c>--columns</c>).</summary>
public enum ColumnUnit
{
    /// <summary>UTF-16 code units, as SARIF, JSON, VS Code and Visual Studio count them (the default).</summary>
    Utf16,
    /// <summary>UTF-8 bytes, as Vim's quickfix list (and Emacs' compilation mode with byte columns) counts them.</summary>
    Bytes,
}

public static class ColumnUnits
{
    /// <summary>The 0-based column of <paramref name="position"/> in <paramref name="unit"/>.</summary>
    public static int Column(this ColumnUnit unit, SourceText source, LinePosition position)
    {
        if (unit == ColumnUnit.Utf16) return position.Character;
        int lineStart = source.Lines.GetLineStart(position.Line);
        return System.Text.Encoding.UTF8.GetByteCount(source.Text.AsSpan(lineStart, position.Character));
    }
}
