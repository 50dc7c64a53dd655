using System.Text;
using CsCheck;
using TextLint.Text;

namespace TextLint.Core.Tests.Text;

public class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8Bom_IsNotPartOfTheText()
    {
        var result = TextDecoder.Decode("a.txt", [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);
        Assert.Equal("hi", result.Text!.Text);
        Assert.True(result.Text.Encoding.HasBom);
        Assert.False(result.Text.Encoding.Detected);
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
        byte[] bytes = [.. enc.GetPreamble(), .. enc.GetBytes("Kyiv 特意 😀")];
        var result = TextDecoder.Decode("a.txt", bytes);
        Assert.Equal("Kyiv 特意 😀", result.Text!.Text);
        Assert.Equal(name, result.Text.Encoding.Name);
        Assert.True(result.Text.Encoding.HasBom);
        Assert.False(result.Text.Encoding.HadInvalidBytes);
        // The encoding recorded writes the same bytes back.
        var writer = result.Text.Encoding.GetEncoding();
        byte[] written = [.. writer.GetPreamble(), .. writer.GetBytes(result.Text.Text)];
        Assert.Equal(bytes, written);
    }

    [Fact]
    public void DamagedUtf8_IsReplaced_AndLaterPositionsStayRight()
    {
        // Mostly UTF-8 (valid Cyrillic), with a stray 0xFF and a lead byte missing its continuation.
        byte[] bytes = [.. "Киев"u8, 0xFF, (byte)'\n', (byte)'b', 0xD0, (byte)'c'];
        var result = TextDecoder.Decode("a.txt", bytes);
        var text = result.Text!;
        Assert.Equal("Киев\uFFFD\nb\uFFFDc", text.Text);
        Assert.True(text.Encoding.HadInvalidBytes);
        Assert.Equal("utf-8", text.Encoding.Name);
        Assert.Equal(2, result.InvalidSequences);
        Assert.Equal(4, result.FirstInvalidOffset);
        Assert.Equal(new LinePosition(1, 2), text.Lines.GetLinePosition(text.Text.IndexOf('c')));
    }

    [Fact]
    public void Utf8Replacement_MatchesDotNetsUtf8Decoder_OnArbitraryBytes()
    {
        // One U+FFFD per maximal invalid subsequence, exactly as Encoding.UTF8 (and the Unicode standard) do.
        var random = new Random(12345);
        for (int n = 0; n < 2000; n++)
        {
            var bytes = new byte[random.Next(1, 40)];
            random.NextBytes(bytes);
            for (int i = 0; i < bytes.Length; i++) if (bytes[i] == 0) bytes[i] = (byte)'a';
            var result = TextDecoder.Decode("a.txt", bytes, legacyEncoding: Encoding.UTF8);
            string expected = Encoding.UTF8.GetString(bytes);
            Assert.Equal(expected, result.Text!.Text);
            Assert.Equal(expected.IndexOf('\uFFFD') is int k and >= 0 ? k : null, result.FirstInvalidOffset);
        }
    }

    [Fact]
    public void Utf16_UnpairedSurrogateAndOddByte_AreReplaced()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0, (byte)'c'];
        var result = TextDecoder.Decode("a.txt", bytes);
        Assert.Equal("a\uFFFDb\uFFFD", result.Text!.Text);
        Assert.True(result.Text.Encoding.HadInvalidBytes);
        Assert.Equal(2, result.InvalidSequences);
        Assert.Equal(1, result.FirstInvalidOffset);
    }

    [Fact]
    public void Utf32_ValueBeyondUnicode_IsReplaced()
    {
        byte[] bytes = [0xFF, 0xFE, 0, 0, (byte)'a', 0, 0, 0, 0, 0, 0x11, 0, (byte)'b', 0, 0, 0];
        var result = TextDecoder.Decode("a.txt", bytes);
        Assert.Equal("a\uFFFDb", result.Text!.Text);
        Assert.Equal(1, result.FirstInvalidOffset);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithoutBom_IsDetected(bool bigEndian)
    {
        string s = "Kiev talks\r\nПереговоры в Киеве 😀\n";
        var result = TextDecoder.Decode("a.txt", new UnicodeEncoding(bigEndian, false).GetBytes(s));
        Assert.Equal(s, result.Text!.Text);
        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", result.Text.Encoding.Name);
        Assert.False(result.Text.Encoding.HasBom);
        Assert.True(result.Text.Encoding.Detected);
    }

    [Fact]
    public void ManyNulBytes_OrAMagicNumber_OrControlBytes_MarkABinaryFile()
    {
        byte[] text = "He reportedly left the city, the ministry said. "u8.ToArray();
        foreach (var bytes in new byte[][]
        {
            [.. text, .. new byte[TextDecoder.MaxStrayNuls + 1]],
            [.. text, .. new byte[10]],                                   // more than 8 NULs and 1% of the file
            [0x89, .. "PNG\r\n\u001a\n"u8, .. text],                    // a PNG header, even without a NUL
            [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 7919 % 251 + 1))], // data: control bytes everywhere
        })
        {
            var result = TextDecoder.Decode("a.txt", bytes);
            Assert.Null(result.Text);
            Assert.Equal(DecodeSkip.Binary, result.Skip);
            Assert.Contains("binary", result.SkipReason);
        }
    }

    [Fact]
    public void AStrayNul_IsReadAsAReplacementCharacter_AndTheRestDecodedAsIfItWereNotThere()
    {
        var result = TextDecoder.Decode("a.txt", [(byte)'a', 0, (byte)'b']);
        Assert.Equal("a\uFFFDb", result.Text!.Text);
        Assert.True(result.Text.Encoding.HadInvalidBytes);
        Assert.Equal((1, 1), (result.InvalidSequences, result.FirstInvalidOffset));

        // In a file that is not UTF-8 otherwise: the NUL and the invalid byte are both counted, the first located.
        var both = TextDecoder.Decode("a.txt", [.. "Caf\u00e9 "u8, 0xFF, .. " and "u8, 0, .. " more \u00e9"u8]);
        Assert.Equal("Caf\u00e9 \uFFFD and \uFFFD more \u00e9", both.Text!.Text);
        Assert.Equal((2, 5), (both.InvalidSequences, both.FirstInvalidOffset));

        // One NUL at an odd offset of a short text does not make it UTF-16 (it would read as Han).
        var odd = TextDecoder.Decode("a.txt", "He reportedly left.\0 Then he returned."u8);
        Assert.Equal("He reportedly left.\uFFFD Then he returned.", odd.Text!.Text);
        Assert.Equal("utf-8", odd.Text.Encoding.Name);
    }

    [Fact]
    public void Utf8CutInsideItsLastCharacter_IsUtf8WithAReplacementCharacter_NotALegacyCodePage()
    {
        var result = TextDecoder.Decode("a.txt", [.. "He left the city "u8, 0xD0]);
        Assert.Equal("utf-8", result.Text!.Encoding.Name);
        Assert.False(result.Text.Encoding.Detected);
        Assert.Equal("He left the city \uFFFD", result.Text.Text);
        var three = TextDecoder.Decode("a.txt", [.. "Talks in \u041a\u0438\u0457\u0432 "u8, 0xE2, 0x80]);
        Assert.Equal("utf-8", three.Text!.Encoding.Name);
        Assert.EndsWith("\uFFFD", three.Text.Text);
    }

    [Fact]
    public void NulsOnBothSidesOfBytePairs_AreBinary_NotUtf16()
    {
        var result = TextDecoder.Decode("a.bin", [(byte)'a', 0, 0, (byte)'b', (byte)'c', 0, 0, 0]);
        Assert.Equal(DecodeSkip.Binary, result.Skip);
    }

    [Fact]
    public void LegacyText_IsDetected_AndRecorded()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes(LegacyEncodingDetectorTests.Russian);
        var text = TextDecoder.Decode("a.txt", bytes).Text!;
        Assert.Equal(LegacyEncodingDetectorTests.Russian, text.Text);
        Assert.Equal(new TextEncodingInfo("windows-1251", false, 1251) { Detected = true }, text.Encoding);
        Assert.Equal(bytes, text.Encoding.GetEncoding().GetBytes(text.Text));
    }

    [Fact]
    public void GivenEncoding_IsUsedForFilesThatAreNotUtf8_AndIsNotMarkedDetected()
    {
        var bytes = Encoding.GetEncoding(1250).GetBytes("Příliš žluťoučký kůň úpěl ďábelské ódy.");
        Assert.Equal(DecodeSkip.UnknownEncoding, TextDecoder.Decode("a.txt", bytes).Skip);
        var text = TextDecoder.Decode("a.txt", bytes, Encoding.GetEncoding(1250)).Text!;
        Assert.Equal("Příliš žluťoučký kůň úpěl ďábelské ódy.", text.Text);
        Assert.Equal("windows-1250", text.Encoding.Name);
        Assert.False(text.Encoding.Detected);
        // Valid UTF-8 stays UTF-8 whatever legacy encoding is given.
        Assert.Equal("utf-8", TextDecoder.Decode("a.txt", "Київ"u8, Encoding.GetEncoding(1250)).Text!.Encoding.Name);
    }

    [Fact]
    public void UnreadableText_IsNotDecoded_ButAStrayByteInAsciiIsReplaced()
    {
        var unreadable = TextDecoder.Decode("a.txt", Encoding.GetEncoding(1250).GetBytes("Příliš žluťoučký kůň úpěl ďábelské ódy."));
        Assert.Null(unreadable.Text);
        Assert.Equal(DecodeSkip.UnknownEncoding, unreadable.Skip);
        Assert.Contains("not UTF-8", unreadable.SkipReason);

        // 0x81 is no letter or sign anywhere it could be; in ASCII text it is one U+FFFD, not a reason to skip.
        byte[] stray = [.. "A long enough line of plain ASCII text, then one stray byte:"u8, 0x81, (byte)'\n'];
        var text = TextDecoder.Decode("a.txt", stray).Text!;
        Assert.True(text.Encoding.HadInvalidBytes);
        Assert.EndsWith("byte:\uFFFD\n", text.Text);
    }

    [Fact]
    public void EmptyFile_IsEmptyUtf8()
    {
        var text = TextDecoder.Decode("a.txt", []).Text!;
        Assert.Equal("", text.Text);
        Assert.Equal(TextEncodingInfo.Utf8NoBom, text.Encoding);
    }

    /// <summary>The vectorised count of control bytes decides as a byte-by-byte count does, at the 5% threshold and around it.</summary>
    [Fact]
    public void ControlBytes_TheVectorisedCountAgreesWithCountingEachByte()
    {
        static bool ByEachByte(byte[] bytes)
        {
            if (bytes.Length < 256) return false;
            int controls = 0;
            foreach (byte b in bytes)
                if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or 0x1B)) controls++;
            return (long)controls * 20 > bytes.Length;
        }
        // Text with a share of bytes drawn from the low range, so both answers come up often.
        var bytes = Gen.Select(Gen.Int[200, 1200], Gen.Int[0, 12], Gen.Int[0, int.MaxValue], (length, percent, seed) =>
        {
            var random = new Random(seed);
            var b = new byte[length];
            for (int i = 0; i < length; i++)
                b[i] = random.Next(100) < percent ? (byte)random.Next(0x20) : (byte)random.Next(0x20, 0x100);
            return b;
        });
        bytes.Sample(b => Assert.Equal(ByEachByte(b), TextDecoder.IsMostlyControlBytes(b)), iter: 2000);
        // Exactly at the threshold: 5% is text, one byte more is not.
        var edge = Enumerable.Repeat((byte)'a', 400).ToArray();
        for (int i = 0; i < 20; i++) edge[i * 20] = 0x01;
        Assert.False(TextDecoder.IsMostlyControlBytes(edge));
        edge[1] = 0x1F;
        Assert.True(TextDecoder.IsMostlyControlBytes(edge));
        Assert.False(TextDecoder.IsMostlyControlBytes(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("tab\there\r\n\f\u001b[0m ", 40)))));
    }
}
