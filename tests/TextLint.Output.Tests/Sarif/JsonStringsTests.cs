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

    /// <summary>Every UTF-16 code unit, alone and in pairs, inside a string long enough for the fast path.</summary>
    [Fact]
    public void EveryCodeUnit_IsWrittenAsTheWriterWritesIt()
    {
        string padding = new('a', JsonStrings.MinLength);
        int fast = 0;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string value = padding + (char)c + "z";
            // Surrogates alone are invalid UTF-16, which the writer rejects: both paths must do the same.
            if (char.IsSurrogate((char)c)) continue;
            var (writer, mine) = Both(value);
            Assert.True(writer == mine, $"U+{c:X4}: {writer} / {mine}");
            if (JsonStrings.TryEncode(value, new byte[value.Length * 3 + 2], out _)) fast++;
        }
        // Most characters take the fast path; the test is only worth something if they do.
        Assert.True(fast > 50_000, $"{fast} characters took the fast path");
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
