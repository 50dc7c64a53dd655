using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextLint.Output.Sarif;

/// <summary>
/// GitHub code scanning's partialFingerprints.primaryLocationLineHash, computed exactly as the upload
/// action does (github/codeql-action src/fingerprints.ts): a rolling hash over the first 100
/// non-space, non-tab characters from each line's start (the window runs on into later lines), with
/// "\r\n", "\r" and "\n" all one line break, and a per-value occurrence count appended.
/// </summary>
public static class PrimaryLocationLineHash
{
    private const int BlockSize = 100;
    private const ulong Mod = 37;
    private const int Eof = 65535;

    /// <summary>Hashes for every line of <paramref name="text"/> (index 0 is line 1), as "hex:count".</summary>
    public static string[] Compute(ReadOnlySpan<char> text)
    {
        var lines = ComputeLines(text);
        var result = new string[lines.Count];
        for (int i = 0; i < result.Length; i++) result[i] = lines[i];
        return result;
    }

    /// <summary>
    /// The hashes of every line, formatted only when asked for: a log needs the lines that have results,
    /// and formatting every line of every file was a measurable share of writing SARIF.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="lineCount">
    /// How many lines, from line 1, are wanted (at least 1): hashing stops once they are done, so a file
    /// whose last result is early is not hashed to its end. The first lines' hashes are the same either way:
    /// a line's hash reads only the 100 characters from its start, and its occurrence count only the lines
    /// before it. <see cref="LineHashes.Count"/> is then at most <paramref name="lineCount"/>.
    /// </param>
    public static LineHashes ComputeLines(ReadOnlySpan<char> text, int lineCount = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineCount, 1);
        ulong firstMod = 1;
        for (int i = 0; i < BlockSize; i++) firstMod = unchecked(firstMod * Mod);

        var window = new int[BlockSize];
        var lineNumbers = new int[BlockSize];
        Array.Fill(lineNumbers, -1);
        var hashes = new List<ulong>();
        var counts = new List<int>();
        var seen = new Dictionary<ulong, int>();
        ulong hash = 0;
        int index = 0, lineNumber = 0;
        bool lineStart = true, prevCr = false;

        // Lines are finished in order, one each, so hashes.Count is how many are done.
        for (int k = 0; k <= text.Length && hashes.Count < lineCount; k++)
        {
            if (!lineStart && lineNumber == hashes.Count)
            {
                // Every line begun is hashed and the next begins after the next line break, so the characters
                // up to that break are in no line's window (the 100 from its start, spaces and tabs left out):
                // skip them, and most of a long line is never read. The rolling hash needs no reset: it is
                // always that of the last 100 characters fed, and the next line's is taken 100 after its start.
                int rest = text[k..].IndexOfAny('\r', '\n');
                k = rest < 0 ? text.Length : k + rest;
            }
            int current = k < text.Length ? text[k] : Eof;
            if (current == ' ' || current == '\t' || (prevCr && current == '\n'))
            {
                prevCr = false;
                continue;
            }
            if (current == '\r')
            {
                current = '\n';
                prevCr = true;
            }
            else prevCr = false;
            if (lineNumbers[index] != -1) Finish(ref lineNumbers[index], hash, seen, hashes, counts);
            if (lineStart)
            {
                lineStart = false;
                lineNumber++;
                lineNumbers[index] = lineNumber;
            }
            if (current == '\n') lineStart = true;
            Roll(ref hash, window, ref index, current, firstMod);
        }
        for (int i = 0; i < BlockSize && hashes.Count < lineCount; i++)
        {
            if (lineNumbers[index] != -1) Finish(ref lineNumbers[index], hash, seen, hashes, counts);
            Roll(ref hash, window, ref index, 0, firstMod);
        }
        return new LineHashes(hashes.ToArray(), counts.ToArray());
    }

    // Finish and Roll are static methods given what they change, not local functions sharing the loop's
    // variables: those were called, not inlined, at every character of every file, with the hash held in
    // a closure rather than a local (13% of the hashing's instructions).

    /// <summary>The line whose window began at this slot is done: its hash and that hash's occurrence count so far.</summary>
    private static void Finish(ref int line, ulong hash, Dictionary<ulong, int> seen, List<ulong> hashes, List<int> counts)
    {
        Debug.Assert(line == hashes.Count + 1, "lines are done in order, one each");
        hashes.Add(hash);
        counts.Add(++CollectionsMarshal.GetValueRefOrAddDefault(seen, hash, out _)); // one look-up to read and bump
        line = -1;
    }

    /// <summary>The window moves one character on: <paramref name="current"/> comes in, the one <see cref="BlockSize"/> back goes out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Roll(ref ulong hash, int[] window, ref int at, int current, ulong firstMod)
    {
        int begin = window[at];
        window[at] = current;
        hash = unchecked(Mod * hash + (ulong)(long)current - firstMod * (ulong)(long)begin);
        if (++at == BlockSize) at = 0;
    }
}

/// <summary>The primaryLocationLineHash of each line of a file; index 0 is line 1.</summary>
public readonly struct LineHashes(ulong[] hashes, int[] counts)
{
    public int Count => hashes.Length;

    public string this[int line] => counts[line] == 0 ? "" : $"{hashes[line]:x}:{counts[line]}";
}
