using TextLint.Diagnostics;
using TextLint.Yaml;

namespace TextLint.Core.Tests.Matching;

/// <summary>The bundled pack's rules and the text the pattern tests check them on.</summary>
internal static class BundledPack
{
    /// <summary>Every bundled rule: its ID and its YAML mapping, file by file.</summary>
    public static IEnumerable<(string Id, YamlMapping Map)> Rules()
    {
        foreach (string file in Directory.EnumerateFiles(TestPaths.Rules, "*.yaml").Order(StringComparer.Ordinal))
        {
            var errors = new List<ConfigurationDiagnostic>();
            foreach (var doc in YamlReader.Read(file, File.ReadAllText(file), errors))
                if (doc.Root is YamlMapping map && map["id"] is YamlScalar id) yield return (id.Value, map);
        }
    }

    /// <summary>The patterns listed under <paramref name="key"/> in the rules (of <paramref name="kind"/>, when given).</summary>
    public static IEnumerable<string> Patterns(string key, string? kind = null)
    {
        foreach (var (_, map) in Rules())
            if ((kind is null || (map["kind"] as YamlScalar)?.Value == kind) && map[key] is YamlSequence seq)
                foreach (var p in seq.Items.OfType<YamlScalar>()) yield return p.Value;
    }

    /// <summary>The lines of the rules' examples (of <paramref name="kind"/>, when given), without their span marks.</summary>
    public static IEnumerable<string> ExampleLines(string? kind = null)
    {
        foreach (var (_, map) in Rules())
        {
            if (kind is not null && (map["kind"] as YamlScalar)?.Value != kind) continue;
            if (map["examples"] is not YamlSequence examples) continue;
            foreach (var example in examples.Items.OfType<YamlMapping>())
                foreach (var (_, value) in example.Entries)
                    if (value is YamlScalar s)
                        foreach (var line in s.Value.Replace("[|", "").Replace("|]", "").Split('\n'))
                            if (line.Trim().Length > 0) yield return line.Trim();
        }
    }

    /// <summary>The non-blank lines of the sample articles, the seed articles and the fixtures.</summary>
    public static IEnumerable<string> FileLines()
    {
        foreach (var folder in new[] { TestPaths.Samples, TestPaths.Seeds, TestPaths.Fixtures })
            foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetExtension(file) is not (".txt" or ".md")) continue;
                foreach (string line in File.ReadLines(file))
                    if (line.Trim().Length > 0) yield return line.Trim();
            }
    }

    /// <summary>
    /// Lines made of a pattern's words in their order (escapes such as <c>\b</c> and <c>\p{L}</c> are not
    /// words), each kept or dropped at random, so that one of a set of alternatives survives now and then:
    /// mostly spaced, now and then joined by a hyphen, an apostrophe or nothing, some with punctuation
    /// after. They reach a long pattern's later parts, which lines of random words seldom do. From a fixed
    /// seed: the same lines on every run.
    /// </summary>
    public static IEnumerable<string> OrderedLines(string pattern, int count, int seed)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(
                System.Text.RegularExpressions.Regex.Replace(pattern, @"\\[pP]\{\w+\}|\\[a-zA-Z]", " "), @"\p{L}+")
            .Select(m => m.Value).ToArray();
        string[] after = [" ", ".", ",", ":", "|", "·", "2024", "(12)", "-", "'"];
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var line = new System.Text.StringBuilder();
            foreach (string word in words)
            {
                if (random.Next(2) == 0) continue;
                if (line.Length > 0) line.Append(random.Next(10) switch { 0 => "-", 1 => "'", 2 => "", _ => " " });
                line.Append(word);
            }
            if (random.Next(2) == 0) line.Append(' ').Append(after[random.Next(after.Length)]);
            yield return line.ToString();
        }
    }
}
