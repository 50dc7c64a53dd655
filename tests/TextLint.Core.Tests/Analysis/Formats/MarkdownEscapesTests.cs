using CsCheck;
using TextLint.Documents.Formats;
using TextLint.Tests.Properties;

namespace TextLint.Core.Tests.Analysis.Formats;

/// <summary>The run-by-run reading of backslash escapes answers as reading one character at a time does.</summary>
public class MarkdownEscapesTests
{
    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static bool SourceHoldsByCharacter(string text, int start, int end, string content)
    {
        int k = 0;
        for (int i = start; i < end; i++, k++)
        {
            if (text[i] == '\\' && i + 1 < end && IsAsciiPunctuation(text[i + 1])) i++;
            if (k >= content.Length || text[i] != content[k]) return false;
        }
        return k == content.Length;
    }

    private static string CopyByCharacter(string text, int start, int end)
    {
        var prose = new ProseBuffer(text);
        for (int i = start; i < end; i++)
        {
            if (text[i] == '\\' && i + 1 < end && IsAsciiPunctuation(text[i + 1])) i++;
            prose.Copy(i, i + 1);
        }
        return prose.ToString();
    }

    /// <summary>Text with many backslashes, before punctuation, letters, other backslashes and the end.</summary>
    private static readonly Gen<string> Escaped = Gen.Select(AdversarialText.Text, Gen.Int[0, int.MaxValue], (text, seed) =>
    {
        var random = new Random(seed);
        var b = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            if (random.Next(4) == 0) b.Append('\\');
            b.Append(c);
            if (random.Next(10) == 0) b.Append("\\\\*");
        }
        return b.ToString();
    });

    [Fact]
    public void CopyUnescaped_AgreesWithCopyingEachCharacter()
    {
        Gen.Select(Escaped, Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample(c =>
        {
            var (text, a, b) = c;
            int start = text.Length == 0 ? 0 : Math.Min(a, b) % (text.Length + 1), end = Math.Max(start, text.Length == 0 ? 0 : Math.Max(a, b) % (text.Length + 1));
            var prose = new ProseBuffer(text);
            MarkdownReader.CopyUnescaped(prose, start, end);
            Assert.Equal(CopyByCharacter(text, start, end), prose.ToString());
        }, iter: 3000);
    }

    [Fact]
    public void SourceHolds_AgreesWithReadingEachCharacter()
    {
        Gen.Select(Escaped, Gen.Int[0, 1000], Gen.Int[0, 3]).Sample(c =>
        {
            var (text, at, how) = c;
            int start = text.Length == 0 ? 0 : at % (text.Length + 1), end = text.Length;
            // The content the escapes read to, or a near miss of it.
            string content = string.Concat(Unescape(text, start, end));
            content = how switch { 0 => content, 1 => content + "x", 2 => content.Length > 0 ? content[..^1] : "y", _ => content.Replace('a', 'b') };
            Assert.Equal(SourceHoldsByCharacter(text, start, end, content), MarkdownReader.SourceHolds(text, start, end, content));
        }, iter: 3000);

        static IEnumerable<char> Unescape(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] == '\\' && i + 1 < end && IsAsciiPunctuation(text[i + 1])) i++;
                yield return text[i];
            }
        }
    }
}
