using TextLint.Core.Tests.Analysis.Formats;
using TextLint.Core.Tests.Rules;
using TextLint.Documents;
using TextLint.Text;

namespace TextLint.Core.Tests.Text;

/// <summary>
/// The committed files in tests/fixtures/encodings (made by make-fixtures.py there): each decodes to
/// the text it was written from, records its encoding, and reports findings at the line and column of
/// the decoded text (UTF-16 code units: the emoji before "Kiev" counts two).
/// </summary>
public class EncodingFixtureTests
{
    private const string UnicodeText = "😀 Kiev talks\r\nHe reportedly left Kiev.\n";
    private static readonly (int, int, string)[] UnicodeFindings = [(1, 4, "Kiev"), (2, 4, "reportedly"), (2, 20, "Kiev")];

    private static DecodeResult DecodeFixture(string name) =>
        TextDecoder.Decode(name, File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "encodings", name)));

    private static List<(int, int, string)> Findings(SourceText source) =>
        KindTestHelper.Engine(MarkdownReaderTests.TokenRule).Analyze(Document.Create(source)).Diagnostics
            .Select(d =>
            {
                var p = source.Lines.GetLinePosition(d.Span.Start);
                return (p.Line + 1, p.Character + 1, source.ToString(d.Span));
            }).ToList();

    [Theory]
    [InlineData("utf8.txt", "utf-8", false, false)]
    [InlineData("utf8-bom.txt", "utf-8", true, false)]
    [InlineData("utf16le-bom.txt", "utf-16le", true, false)]
    [InlineData("utf16be-bom.txt", "utf-16be", true, false)]
    [InlineData("utf16le-nobom.txt", "utf-16le", false, true)]
    [InlineData("utf32le-bom.txt", "utf-32le", true, false)]
    [InlineData("utf32be-bom.txt", "utf-32be", true, false)]
    public void UnicodeFixtures_DecodeAlike_WithExactPositions(string file, string encoding, bool bom, bool detected)
    {
        var result = DecodeFixture(file);
        var text = result.Text!;
        Assert.Equal(UnicodeText, text.Text);
        Assert.Equal(encoding, text.Encoding.Name);
        Assert.Equal(bom, text.Encoding.HasBom);
        Assert.Equal(detected, text.Encoding.Detected);
        Assert.False(text.Encoding.HadInvalidBytes);
        Assert.Equal(UnicodeFindings, Findings(text));
    }

    [Fact]
    public void InvalidUtf8_IsReplaced_AndEveryLaterPositionIsRight()
    {
        var result = DecodeFixture("invalid-utf8.txt");
        var text = result.Text!;
        Assert.Equal("Переговоры в Киеве\uFFFD — Kiev\nHe \uFFFDreportedly left.\n", text.Text);
        Assert.True(text.Encoding.HadInvalidBytes);
        Assert.Equal(2, result.InvalidSequences);
        Assert.Equal(new LinePosition(0, 18), text.Lines.GetLinePosition(result.FirstInvalidOffset!.Value));
        Assert.Equal([(1, 23, "Kiev"), (2, 5, "reportedly")], Findings(text));
    }

    [Fact]
    public void Windows1251_Russian_IsDetected()
    {
        var text = DecodeFixture("windows-1251-ru.txt").Text!;
        Assert.StartsWith("Переговоры в Киеве продолжатся", text.Text);
        Assert.Contains("«Это решение было принято после консультаций», — сказал министр.\r\n", text.Text);
        Assert.Equal(new TextEncodingInfo("windows-1251", false, 1251) { Detected = true }, text.Encoding);
        Assert.Equal([(3, 19, "reportedly"), (3, 35, "Kiev")], Findings(text));
    }

    [Fact]
    public void Windows1252_CurlyQuotes_AreDetected()
    {
        var text = DecodeFixture("windows-1252-curly.txt").Text!;
        Assert.Equal("He said “the talks reportedly failed” — and left Kiev…\r\nIt’s over.\r\n", text.Text);
        Assert.Equal(new TextEncodingInfo("windows-1252", false, 1252) { Detected = true }, text.Encoding);
        Assert.Equal([(1, 20, "reportedly"), (1, 50, "Kiev")], Findings(text));
    }

    [Fact]
    public void Koi8r_Russian_IsDetected()
    {
        var text = DecodeFixture("koi8-r-ru.txt").Text!;
        Assert.Equal("Переговоры в Киеве продолжатся на следующей неделе.\nCorrespondent: he reportedly left Kiev.\n", text.Text);
        Assert.Equal("koi8-r", text.Encoding.Name);
        Assert.Equal([(2, 19, "reportedly"), (2, 35, "Kiev")], Findings(text));
    }

    [Fact]
    public void Binary_IsSkipped()
    {
        var result = DecodeFixture("binary.txt");
        Assert.Null(result.Text);
        Assert.Equal(DecodeSkip.Binary, result.Skip);
    }
}
