using CsCheck;
using TextLint.Documents;
using TextLint.Matching;
using TextLint.Tests;
using TextLint.Tests.Properties;
using TextLint.Text;

namespace TextLint.Core.Tests.Analysis;

/// <summary>A pattern decided once per document answers as running it for each rule that asks does.</summary>
public class DocumentPatternsTests
{
    // Context patterns of the bundled pack's shape: the first person, a question, a word anywhere.
    private static readonly LazyRegex[] Patterns =
    [
        RegexFactory.TryCreateLazy(@"\b(?:I|I'm|me|my|we|our|you|your)\b", ignoreCase: true, out _)!,
        RegexFactory.TryCreateLazy(@"\?[\s""'”’»)\]]*\z", ignoreCase: true, out _)!,
        RegexFactory.TryCreateLazy(@"\b(?:said|the)\b", ignoreCase: false, out _)!,
        RegexFactory.TryCreateLazy(@"^\s*[A-Z]", ignoreCase: false, out _)!,
    ];

    /// <summary>The paragraph with the quotations that start in it blanked, as the existence kind built it per rule.</summary>
    private static char[] Blanked(Document doc, TextSpan p)
    {
        var chars = doc.Prose.ToCharArray(p.Start, p.Length);
        foreach (var q in doc.Quotations)
        {
            if (q.Span.Start < p.Start || q.Span.Start >= p.End) continue;
            int s = q.Span.Start - p.Start, e = Math.Min(q.Span.End, p.End) - p.Start;
            if (e > s) Array.Fill(chars, ' ', s, e - s);
        }
        return chars;
    }

    private static void Check(string text, string path, int seed)
    {
        var doc = Document.Create(SourceText.From(text, path));
        var random = new Random(seed);
        // Asked in a shuffled order and twice, as several rules would ask, paragraphs interleaved.
        var questions = (from r in Patterns from s in doc.Sentences select (r, s, false))
            .Concat(from r in Patterns from p in doc.Paragraphs select (r, p, true))
            .ToList();
        questions = [.. questions.Concat(questions).OrderBy(_ => random.Next())];
        foreach (var (r, unit, paragraph) in questions)
        {
            if (paragraph)
                Assert.Equal(PatternRunner.IsMatch(r.Value, Blanked(doc, unit)), doc.ParagraphMatchesOutsideQuotations(r, unit));
            else
                Assert.Equal(PatternRunner.IsMatch(r, doc.Prose, unit), doc.UnitMatches(r, unit));
        }
    }

    [Fact]
    public void UnitMatches_AndParagraphsOutsideQuotations_AgreeWithRunningThePattern()
    {
        Gen.Select(AdversarialText.WellFormedText, Gen.Bool, Gen.Int).Sample(c => Check(c.Item1, c.Item2 ? "a.md" : "a.txt", c.Item3), iter: 800);
        foreach (string file in Directory.EnumerateFiles(TestPaths.Seeds, "*.txt"))
        {
            Check(File.ReadAllText(file), "seed.txt", 1);
            Check(File.ReadAllText(file), "seed.md", 2);
        }
    }
}
