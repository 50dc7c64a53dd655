using System.Text;
using TextLint.Text;

namespace TextLint.Core.Tests.Text;

public class LegacyEncodingDetectorTests
{
    static LegacyEncodingDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal const string Russian = "Министр обороны России заявил, что войска покинули позиции под Киевом. По данным источников, переговоры продолжатся на следующей неделе. «Это решение было принято после консультаций», — сказал он. Ещё одна встреча запланирована на пятницу.";
    internal const string Ukrainian = "Президент України заявив, що переговори у Києві триватимуть. Міністр закордонних справ зустрівся з делегацією і обговорив питання безпеки.";
    internal const string Greek = "Ο πρωθυπουργός δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν την επόμενη εβδομάδα στην Αθήνα, σύμφωνα με πηγές της κυβέρνησης.";
    internal const string French = "Le ministre a déclaré que les négociations reprendront à Genève la semaine prochaine. « C’est une décision très importante », a-t-il ajouté.";
    internal const string German = "Die Verhandlungen in Kiew wurden am Donnerstag fortgesetzt; der Außenminister äußerte sich zurückhaltend über die Ergebnisse.";
    internal const string Spanish = "El presidente habló con los periodistas en la capital. ¿Qué pasará mañana? Nadie lo sabe todavía.";
    internal const string EnglishCurly = "He said “the talks reportedly failed” — and left… It’s over.";
    internal const string EnglishWithOneRussianWord = "The Russian spelling “Киев” is written Kyiv in Ukrainian usage.";

    [Theory]
    [InlineData(Russian, "windows-1251")]
    [InlineData(Ukrainian, "windows-1251")]
    [InlineData(Russian, "koi8-r")]
    [InlineData(Greek, "windows-1253")]
    [InlineData(French, "windows-1252")]
    [InlineData(German, "windows-1252")]
    [InlineData(Spanish, "windows-1252")]
    [InlineData(EnglishCurly, "windows-1252")]
    [InlineData(EnglishWithOneRussianWord, "windows-1251")]
    public void LegacyText_IsReadInItsCodePage(string text, string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);
        var detection = LegacyEncodingDetector.Detect(bytes);
        Assert.True(detection.Encoding is not null, detection.Explanation);
        Assert.Equal(encoding, detection.Encoding.WebName);
    }

    [Theory]
    [InlineData("Příliš žluťoučký kůň úpěl ďábelské ódy. Česká republika a Polska: zażółć gęślą jaźń.", "windows-1250")]
    [InlineData("שלום עולם, זהו טקסט בעברית", "windows-1255")]
    public void TextInACodePageNotTried_IsNotGuessed(string text, string encoding)
    {
        var detection = LegacyEncodingDetector.Detect(Encoding.GetEncoding(encoding).GetBytes(text));
        Assert.Null(detection.Encoding);
        Assert.Contains("none of windows-1252, windows-1251, koi8-r, windows-1253 reads it as text", detection.Explanation);
    }

    [Fact]
    public void RandomBytes_AreNotGuessed()
    {
        var bytes = new byte[400];
        new Random(7).NextBytes(bytes);
        for (int i = 0; i < bytes.Length; i++) if (bytes[i] < 0x20) bytes[i] = (byte)' ';
        Assert.Null(LegacyEncodingDetector.Detect(bytes).Encoding);
    }

    [Fact]
    public void OneCyrillicWord_IsReadAsWindows1251_AndNamesTheGreekReadingAsAnAlternative()
    {
        // "Киев" is also four plausible Greek letters in windows-1253 ("Κθεβ"); windows-1251 is the more
        // common code page, and the alternative is named so a notification can say so.
        var detection = LegacyEncodingDetector.Detect(Encoding.GetEncoding(1251).GetBytes(EnglishWithOneRussianWord));
        Assert.Equal("windows-1251", detection.Encoding!.WebName);
        Assert.Equal(["windows-1253"], detection.Alternatives);
    }

    [Fact]
    public void QuotesAndDashesOnly_AreWindows1252_WithNoAlternative()
    {
        // windows-1251 has the same quotes and dashes at the same bytes (same text, so no alternative);
        // KOI8-R has box-drawing symbols there.
        var detection = LegacyEncodingDetector.Detect(Encoding.GetEncoding(1252).GetBytes(EnglishCurly));
        Assert.Equal("windows-1252", detection.Encoding!.WebName);
        Assert.Empty(detection.Alternatives);
    }
}
