using System.Text;
using System.Text.Json;
using TextLint.Output.Sarif;

namespace TextLint.Output.Tests.Sarif;

/// <summary>The snippet writer's fast path writes exactly what <see cref="Utf8JsonWriter.WriteString(JsonEncodedText, ReadOnlySpan{char})"/> writes.</summary>
public class JsonStringsTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("text", SarifWriter.Options.Encoder);

    private static (string Writer, string Fast) Both(string value)
    {
        string Write(bool fast)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, SarifWriter.Options))
            {
                w.WriteStartObject();
                w.WriteStartObject("snippet");
                if (fast) JsonStrings.WriteString(w, Name, value);
                else w.WriteString(Name, value);
                w.WriteEndObject();
                w.WriteNumber("after", 1);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }
        return (Write(false), Write(true));
    }

    /// <summary>Every UTF-16 code unit, after an escaped character (so that it starts a segment) and before one, inside a string long enough to be cut.</summary>
    [Fact]
    public void EveryCodeUnit_IsWrittenAsTheWriterWritesIt()
    {
        string padding = new('a', JsonStrings.MinLength);
        for (int c = 0; c <= char.MaxValue; c++)
        {
            // Surrogates alone are invalid UTF-16, which the writer rejects: left to the pairs below.
            if (char.IsSurrogate((char)c)) continue;
            string value = padding + "\"" + (char)c + "\n" + (char)c + "z";
            var (writer, mine) = Both(value);
            Assert.True(writer == mine, $"U+{c:X4}: {writer} / {mine}");
        }
    }

    [Fact]
    public void ASurrogatePair_CutBetweenSegments_IsWrittenAsTheWriterWritesIt()
    {
        string padding = new('a', JsonStrings.MinLength);
        foreach (string value in new[] { padding + "\"😀\"", padding + "😀\n😀\t😀", padding + "\n\n\"\"😀" })
        {
            var (writer, mine) = Both(value);
            Assert.Equal(writer, mine);
        }
    }

    [Theory]
    [InlineData("“Quoted,” she said.\nA second line\twith a tab and a \\ backslash and \"straight\" quotes.\r\n")]
    [InlineData("A surrogate pair 😀 in a long enough sentence to take the fast path, or to leave it.")]
    [InlineData("Control \u0001 and DEL \u007F and a line separator \u2028 in a long sentence of prose.")]
    [InlineData("Ελληνικά, русский, 中文, עברית, हिन्दी — and ASCII, in one long snippet of text.")]
    public void Prose_IsWrittenAsTheWriterWritesIt(string value)
    {
        var (writer, mine) = Both(value);
        Assert.Equal(writer, mine);
    }
}
