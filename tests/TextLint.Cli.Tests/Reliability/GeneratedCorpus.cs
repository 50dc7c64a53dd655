using System.Text;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// A reproducible corpus of articles made from the sample articles' sentences: varied sizes (so parallel
/// workers finish out of order), nested folders, CRLF and BOM files, and a few files that become
/// notifications (invalid UTF-8, binary).
/// </summary>
internal static class GeneratedCorpus
{
    public static void Write(string root, int files, int seed = 7)
    {
        var sentences = Directory.GetFiles(TestPaths.Samples, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length > 3)
            .ToArray();
        var random = new Random(seed);
        for (int i = 0; i < files; i++)
        {
            string folder = Path.Combine(root, $"section{i % 7}", $"day{i % 13:D2}");
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, $"story{i:D4}.{(i % 5 == 0 ? "md" : "txt")}");
            if (i % 97 == 13) { File.WriteAllBytes(path, [0x00, 0x01, 0x02, 0x03]); continue; }
            // Mostly short stories, a few long ones: uneven work per file.
            int count = random.Next(10) == 0 ? random.Next(400, 1200) : random.Next(3, 40);
            var text = new StringBuilder();
            string newline = i % 3 == 0 ? "\r\n" : "\n";
            for (int s = 0; s < count; s++)
            {
                text.Append(sentences[random.Next(sentences.Length)]).Append('.');
                text.Append(random.Next(5) == 0 ? newline + newline : " ");
            }
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            if (i % 11 == 0) bytes = [0xEF, 0xBB, 0xBF, .. bytes];
            if (i % 89 == 5) bytes = [.. bytes, 0xC3, 0x28]; // invalid UTF-8 at the end
            File.WriteAllBytes(path, bytes);
        }
    }
}
