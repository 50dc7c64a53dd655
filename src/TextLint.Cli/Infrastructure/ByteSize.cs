using System.Globalization;

namespace TextLint.Cli.Infrastructure;

/// <summary>Sizes on the command line: a whole number of bytes, or K, M, G (powers of 1024; "KB", "MiB" also read).</summary>
public static class ByteSize
{
    /// <summary>Nothing larger can be read into one .NET string, so a larger limit would promise what cannot be kept.</summary>
    public const long Max = 1L << 30;

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        string s = text.Trim();
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0 || !long.TryParse(s.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out long n)) return false;
        long unit = s[digits..].ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            _ => 0,
        };
        if (unit == 0 || n < 1 || n > Max / unit) return false;
        bytes = n * unit;
        return true;
    }
}
