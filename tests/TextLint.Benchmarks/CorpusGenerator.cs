using System.Text;

namespace TextLint.Benchmarks;

/// <summary>
/// Builds a deterministic corpus of articles from the seed articles: paragraphs are drawn with a fixed
/// random seed, so the same size always gives the same bytes. Files are 2–12 KB, like real articles;
/// every tenth one is Markdown with a heading, a link and a code span.
/// </summary>
public static class CorpusGenerator
{
    public static (int Files, long Bytes) Generate(string seedsDirectory, string outputDirectory, long targetBytes, int seed = 20261123)
    {
        var paragraphs = Directory.EnumerateFiles(seedsDirectory, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToArray();
        var random = new Random(seed);
        Directory.CreateDirectory(outputDirectory);
        long written = 0;
        int files = 0;
        var sb = new StringBuilder();
        while (written < targetBytes)
        {
            sb.Clear();
            bool markdown = files % 10 == 9;
            int size = random.Next(2_000, 12_000);
            string title = paragraphs[random.Next(paragraphs.Length)];
            title = title.Length > 90 ? title[..90] : title;
            sb.Append(markdown ? "# " : "").Append(title.Replace('\n', ' ')).Append("\n\n");
            while (sb.Length < size)
            {
                sb.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
                if (markdown && random.Next(6) == 0) sb.Append("See [the report](https://example.org/news/kiev-regime) and `code span`.\n\n");
            }
            string folder = Path.Combine(outputDirectory, $"d{files / 500:D3}");
            Directory.CreateDirectory(folder);
            byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
            File.WriteAllBytes(Path.Combine(folder, $"article{files:D6}{(markdown ? ".md" : ".txt")}"), bytes);
            written += bytes.Length;
            files++;
        }
        return (files, written);
    }
}
