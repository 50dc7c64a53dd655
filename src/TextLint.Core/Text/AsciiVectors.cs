using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TextLint.Text;

/// <summary>Classes of ASCII code units, eight at a time: shared by the scans that find word starts.</summary>
internal static class AsciiVectors
{
    /// <summary>
    /// All ones where the code unit is an ASCII letter, digit or underscore: the ASCII word characters of both
    /// <c>CharClass.IsWordChar</c> and .NET's <c>\b</c> (the two differ only outside ASCII).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ushort> Word(Vector128<ushort> c)
    {
        var digit = Vector128.LessThan(c - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        var letter = Vector128.LessThan((c | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
        return digit | letter | Vector128.Equals(c, Vector128.Create((ushort)'_'));
    }
}
