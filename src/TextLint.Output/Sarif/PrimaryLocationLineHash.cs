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
        var result = new List<string>();
        ulong firstMod = 1;
        for (int i = 0; i < BlockSize; i++) firstMod = unchecked(firstMod * Mod);

        var window = new int[BlockSize];
        var lineNumbers = new int[BlockSize];
        Array.Fill(lineNumbers, -1);
        ulong hash = 0;
        int index = 0, lineNumber = 0;
        bool lineStart = true, prevCr = false;
        var counts = new Dictionary<ulong, int>();

        void Output()
        {
            counts.TryGetValue(hash, out int c);
            counts[hash] = ++c;
            int line = lineNumbers[index];
            while (result.Count < line) result.Add("");
            result[line - 1] = $"{hash:x}:{c}";
            lineNumbers[index] = -1;
        }

        void Update(int current)
        {
            int begin = window[index];
            window[index] = current;
            hash = unchecked(Mod * hash + (ulong)(long)current - firstMod * (ulong)(long)begin);
            index = (index + 1) % BlockSize;
        }

        void Process(int current)
        {
            if (current == ' ' || current == '\t' || (prevCr && current == '\n'))
            {
                prevCr = false;
                return;
            }
            if (current == '\r')
            {
                current = '\n';
                prevCr = true;
            }
            else prevCr = false;
            if (lineNumbers[index] != -1) Output();
            if (lineStart)
            {
                lineStart = false;
                lineNumber++;
                lineNumbers[index] = lineNumber;
            }
            if (current == '\n') lineStart = true;
            Update(current);
        }

        foreach (char c in text) Process(c);
        Process(Eof);
        for (int i = 0; i < BlockSize; i++)
        {
            if (lineNumbers[index] != -1) Output();
            Update(0);
        }
        return result.ToArray();
    }
}
