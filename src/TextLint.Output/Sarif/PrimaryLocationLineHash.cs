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

        // The upload action rolls a hash over a window of the last 100 values fed (the characters less
        // spaces and tabs, a line break as '\n', then an end-of-file value and zeros), and a line's hash is
        // the window's once the 100 values from the line's start are in. That is the polynomial hash of
        // those 100 values, and with prefix hashes (Horner's rule, mod 2^64) it is a difference of two:
        // prefix(start + 99) - 37^100 * prefix(start - 1). So a value fed costs one multiply-add, not a
        // window slot's read and write and a test for a line finishing at that slot. The prefix hash at each
        // begun line's start waits in a queue until the line's 100th value: lines finish in order, and at
        // most 100 are begun and not finished.
        Span<ulong> before = stackalloc ulong[BlockSize];
        Span<long> finishAt = stackalloc long[BlockSize];
        int head = 0, pending = 0, done = 0;
        var hashes = new List<ulong>();
        var counts = new List<int>();
        var seen = new Dictionary<ulong, int>();
        ulong prefix = 0;
        long fed = 0;
        bool lineStart = true, prevCr = false;
        int k = 0;

        while (done < lineCount)
        {
            if (k < text.Length && !lineStart && text[k] is not ('\r' or '\n'))
            {
                // Inside a line. Every character here is fed or skipped as a space, so the one before the next
                // break is no '\r'.
                prevCr = false;
                if (pending == 0)
                {
                    // Every line begun is hashed and the next begins after the next line break, so the
                    // characters up to that break are in no line's window: skip them, and most of a long line
                    // is never read. The prefix hash runs on from where it was: only differences count.
                    int rest = text[k..].IndexOfAny('\r', '\n');
                    k = rest < 0 ? text.Length : k + rest;
                    continue;
                }
                // Feed the line's characters up to its break, or until the line at the head of the queue is done.
                long until = finishAt[head];
                bool finished = false;
                for (; k < text.Length; k++)
                {
                    char c = text[k];
                    if (c is ' ' or '\t') continue;
                    if (c is '\r' or '\n') break;
                    prefix = unchecked(Mod * prefix + c);
                    if (++fed == until)
                    {
                        k++;
                        finished = true;
                        break;
                    }
                }
                if (finished)
                {
                    Add(unchecked(prefix - firstMod * before[head]), seen, hashes, counts);
                    if (++head == BlockSize) head = 0;
                    pending--;
                    done++;
                }
                continue;
            }

            // A line break, a line's first character, or the end of the text: one value at a time.
            if (k > text.Length) break;
            int current = k < text.Length ? text[k] : Eof;
            k++;
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
            if (lineStart)
            {
                lineStart = false;
                int slot = head + pending;
                if (slot >= BlockSize) slot -= BlockSize;
                before[slot] = prefix;
                finishAt[slot] = fed + BlockSize;
                pending++;
            }
            if (current == '\n') lineStart = true;
            prefix = unchecked(Mod * prefix + (ulong)(long)current);
            if (++fed == finishAt[head] && pending > 0)
            {
                Add(unchecked(prefix - firstMod * before[head]), seen, hashes, counts);
                if (++head == BlockSize) head = 0;
                pending--;
                done++;
            }
        }
        // After the end-of-file value, zeros until the last begun line has its 100 values.
        while (pending > 0 && done < lineCount)
        {
            prefix = unchecked(Mod * prefix);
            if (++fed == finishAt[head])
            {
                Add(unchecked(prefix - firstMod * before[head]), seen, hashes, counts);
                if (++head == BlockSize) head = 0;
                pending--;
                done++;
            }
        }
        return new LineHashes(hashes.ToArray(), counts.ToArray());
    }

    /// <summary>A line is done: its hash, and that hash's occurrence count so far.</summary>
    private static void Add(ulong hash, Dictionary<ulong, int> seen, List<ulong> hashes, List<int> counts)
    {
        hashes.Add(hash);
        counts.Add(++CollectionsMarshal.GetValueRefOrAddDefault(seen, hash, out _)); // one look-up to read and bump
    }
}

/// <summary>The primaryLocationLineHash of each line of a file; index 0 is line 1.</summary>
public readonly struct LineHashes(ulong[] hashes, int[] counts)
{
    public int Count => hashes.Length;

    public string this[int line] => counts[line] == 0 ? "" : $"{hashes[line]:x}:{counts[line]}";
}
