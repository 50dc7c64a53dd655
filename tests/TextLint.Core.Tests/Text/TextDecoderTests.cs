using System.Text;
using TextLint.Text;

namespace TextLint.Core.Tests.Text;

public class TextDecoderTests
{
    [Fact]
    public void Utf8Bom_IsNotPartOfTheText()
    {
        var result = TextDecoder.Decode("a.txt", [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);
        Assert.Equal("hi", result.Text!.Text);
        Assert.True(result.Text.Encoding.HasBom);
        Assert.Equal(new LinePosition(0, 0), result.Text.Lines.GetLinePosition(0));
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void UnicodeWithBom_IsDecoded(string name)
    {
        Encoding enc = name switch
        {
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        byte[] bytes = [.. enc.GetPreamble(), .. enc.GetBytes("Kyiv 特意")];
        var result = TextDecoder.Decode("a.txt", bytes);
        Assert.Equal("Kyiv 特意", result.Text!.Text);
        Assert.Equal(name, result.Text.Encoding.Name);
    }

    [Fact]
    public void InvalidUtf8_IsReplaced_AndLaterPositionsStayRight()
    {
        byte[] bytes = [(byte)'a', 0xFF, (byte)'\n', (byte)'b', (byte)'c'];
        var text = TextDecoder.Decode("a.txt", bytes).Text!;
        Assert.True(text.Encoding.HadInvalidBytes);
        Assert.Equal("a\uFFFD\nbc", text.Text);
        Assert.Equal(new LinePosition(1, 1), text.Lines.GetLinePosition(text.Text.IndexOf('c')));
    }

    [Fact]
    public void NulBytes_MarkABinaryFile()
    {
        var result = TextDecoder.Decode("a.txt", [(byte)'a', 0, (byte)'b']);
        Assert.Null(result.Text);
        Assert.Contains("binary", result.SkipReason);
    }
}
