using TextLint.Output.Sarif;

namespace TextLint.Output.Tests.Sarif;

/// <summary>Vectors from ../shared/sarif/primaryLocationLineHash-vectors.md (github/codeql-action's fingerprints.test.ts).</summary>
public class PrimaryLocationLineHashTests
{
    [Fact]
    public void Empty() => Assert.Equal(["c129715d7a2bc9a3:1"], PrimaryLocationLineHash.Compute(""));

    [Fact]
    public void ShortLines() => Assert.Equal(
        ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"],
        PrimaryLocationLineHash.Compute(" a\nb\n  \t\tc\n d"));

    [Fact]
    public void SpacesAndBlankLines() => Assert.Equal(
        ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"],
        PrimaryLocationLineHash.Compute(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("mixed")]
    public void TrailingNewline_AnyTerminator(string terminator)
    {
        string[] lines = [" hello; \t", "world!!!", "", "", "  \t\tGreetings", " End", ""];
        string text = terminator == "mixed"
            ? " hello; \t\nworld!!!\r\n\r  \t\tGreetings\r\n End\n".Replace("\r  ", "\n\r  ")
            : string.Join(terminator, lines);
        Assert.Equal(
            ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"],
            PrimaryLocationLineHash.Compute(text));
    }

    [Fact]
    public void RepeatedLines_CountOccurrences()
    {
        string text = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 10));
        string[] expected =
        [
            "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
            "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
        ];
        Assert.Equal(expected, PrimaryLocationLineHash.Compute(text));
    }

    /// <summary>
    /// The writer hashes a file only up to its last line with a result: the first lines' hashes and
    /// occurrence counts are those of hashing the whole file, long lines (the window runs on into later
    /// lines), repeated lines and every kind of line break included.
    /// </summary>
    [Fact]
    public void ComputeLines_UpToALine_GivesTheWholeFilesHashesForThoseLines()
    {
        string longLine = string.Concat(Enumerable.Repeat("a long line, ", 20));
        string text = string.Join("\n", Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? "Lorem ipsum." : i % 3 == 1 ? longLine : " \t")) + "\r\nLorem ipsum.\rend\n";
        var whole = PrimaryLocationLineHash.ComputeLines(text);
        Assert.Equal(15, whole.Count); // the 12 joined lines, two more, and the empty one after the last break
        for (int n = 1; n <= whole.Count + 2; n++)
        {
            var first = PrimaryLocationLineHash.ComputeLines(text, n);
            Assert.Equal(Math.Min(n, whole.Count), first.Count);
            for (int line = 0; line < first.Count; line++) Assert.Equal(whole[line], first[line]);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimaryLocationLineHash.ComputeLines(text, 0));
    }

    /// <summary>
    /// The hashing skips what no line's window reads (most of a long line); on random text of short and
    /// long lines, spaces, tabs, repeats and every line break, it gives what the upload action's algorithm,
    /// run over every character as below, gives.
    /// </summary>
    [Fact]
    public void Compute_MatchesTheCharacterByCharacterAlgorithm()
    {
        var random = new Random(13);
        string[] pieces = ["word", "Lorem ipsum dolor", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u00e9t\u00e9", "\"quoted\""];
        for (int round = 0; round < 300; round++)
        {
            var text = new System.Text.StringBuilder();
            int count = random.Next(0, 400);
            for (int i = 0; i < count; i++)
            {
                string piece = pieces[random.Next(pieces.Length)];
                // Line breaks kept rare: many lines run to hundreds of characters, past the window.
                if ((piece.Contains('\n') || piece.Contains('\r')) && random.Next(4) > 0) piece = " words between breaks ";
                text.Append(piece);
            }
            string s = text.ToString();
            Assert.Equal(Reference(s), PrimaryLocationLineHash.Compute(s));
        }
    }

    /// <summary>github/codeql-action's hash, one character at a time, without skipping (this class's first version).</summary>
    private static string[] Reference(string text)
    {
        const int blockSize = 100;
        ulong firstMod = 1;
        for (int i = 0; i < blockSize; i++) firstMod = unchecked(firstMod * 37);
        var window = new int[blockSize];
        var lineNumbers = Enumerable.Repeat(-1, blockSize).ToArray();
        var result = new List<string>();
        var seen = new Dictionary<ulong, int>();
        ulong hash = 0;
        int index = 0, lineNumber = 0;
        bool lineStart = true, prevCr = false;
        for (int k = 0; k <= text.Length; k++)
        {
            int current = k < text.Length ? text[k] : 65535;
            if (current == ' ' || current == '\t' || (prevCr && current == '\n')) { prevCr = false; continue; }
            prevCr = current == '\r';
            if (prevCr) current = '\n';
            if (lineNumbers[index] != -1) Output();
            if (lineStart) { lineStart = false; lineNumbers[index] = ++lineNumber; }
            if (current == '\n') lineStart = true;
            Update(current);
        }
        for (int i = 0; i < blockSize; i++)
        {
            if (lineNumbers[index] != -1) Output();
            Update(0);
        }
        return result.ToArray();

        void Output()
        {
            seen[hash] = seen.GetValueOrDefault(hash) + 1;
            Assert.Equal(result.Count + 1, lineNumbers[index]);
            result.Add($"{hash:x}:{seen[hash]}");
            lineNumbers[index] = -1;
        }

        void Update(int current)
        {
            hash = unchecked(37 * hash + (ulong)(long)current - firstMod * (ulong)(long)window[index]);
            window[index] = current;
            index = (index + 1) % blockSize;
        }
    }
}
