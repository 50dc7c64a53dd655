using System.Text;
using BenchmarkDotNet.Attributes;
using TextLint.Documents;
using TextLint.Text;

namespace TextLint.Benchmarks;

/// <summary>
/// The format readers and the decoder, per article: how much reading Markdown (Markdig plus the prose
/// view) and detecting a legacy code page cost next to linting.
/// </summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private SourceText _markdown = null!;
    private SourceText _plain = null!;
    private byte[] _utf8 = [];
    private byte[] _windows1251 = [];

    [GlobalSetup]
    public void Setup()
    {
        // The Markdown fixture (every construct) repeated to the size of a long article, about 15 KB.
        string article = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "markdown", "article.md"));
        string body = article[(article.IndexOf("\n---\n", StringComparison.Ordinal) + 5)..];
        _markdown = SourceText.From(string.Concat(Enumerable.Repeat(body, 15_000 / body.Length + 1)), "article.md");
        _plain = Fixtures.Article();
        _utf8 = Encoding.UTF8.GetBytes(_plain.Text);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string russian = "Министр обороны России заявил, что войска покинули позиции под Киевом. ";
        _windows1251 = Encoding.GetEncoding(1251).GetBytes(string.Concat(Enumerable.Repeat(russian, 15_000 / russian.Length)));
    }

    [Benchmark(Description = "read Markdown (15 KB)")]
    public int ReadMarkdown() => Document.Create(_markdown).Prose.Length;

    [Benchmark(Description = "read plain text (15 KB)")]
    public int ReadPlainText() => Document.Create(_plain).Prose.Length;

    [Benchmark(Description = "decode UTF-8 (15 KB)")]
    public int DecodeUtf8() => TextDecoder.Decode("a.txt", _utf8).Text!.Length;

    [Benchmark(Description = "detect and decode windows-1251 (15 KB)")]
    public int DecodeWindows1251() => TextDecoder.Decode("a.txt", _windows1251).Text!.Length;
}
