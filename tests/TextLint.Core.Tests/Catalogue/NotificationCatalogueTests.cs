using System.Text.RegularExpressions;
using TextLint.Diagnostics;

namespace TextLint.Core.Tests.Catalogue;

/// <summary>The tool's own codes live in one catalogue; the source and the docs agree with it.</summary>
public partial class NotificationCatalogueTests
{
    [GeneratedRegex(@"""TL9\d{3}""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"^\|\s*(TL9\d{3})\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [Fact]
    public void Codes_AreUnique_WellFormed_AndInOrder()
    {
        var codes = Notifications.All.Select(n => n.Code).ToList();
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.All(codes, c => Assert.Matches("^TL9[0-9]{3}$", c));
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.All(Notifications.All, n => Assert.False(string.IsNullOrWhiteSpace(n.Summary), n.Code));
        Assert.Equal("TL9021", Notifications.Find("tl9021")?.Code);
        Assert.Null(Notifications.Find("TL9999"));
    }

    [Fact]
    public void Constants_AreTheCatalogue()
    {
        var constants = typeof(NotificationCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(Notifications.All.Select(n => n.Code), constants);
    }

    [Fact]
    public void Source_NamesCodesOnlyThroughTheCatalogue()
    {
        string src = Path.Combine(TestPaths.RepoRoot, "src");
        var literals = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileName(f) != "Notifications.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => CodeLiteral().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(literals.Count == 0, "Use NotificationCodes instead of a literal:\n" + string.Join("\n", literals));
    }

    [Fact]
    public void Docs_TableEveryCode_AndNoOther()
    {
        var docs = new[] { Path.Combine(TestPaths.RepoRoot, "README.md") }
            .Concat(Directory.Exists(Path.Combine(TestPaths.RepoRoot, "docs"))
                ? Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md", SearchOption.AllDirectories) : [])
            .ToList();
        var tabled = docs.SelectMany(d => TableRow().Matches(File.ReadAllText(d)).Select(m => m.Groups[1].Value)).ToHashSet();
        var catalogue = Notifications.All.Select(n => n.Code).ToHashSet();
        var missing = catalogue.Except(tabled).Order(StringComparer.Ordinal).ToList();
        var unknown = tabled.Except(catalogue).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Codes in the catalogue with no row in a table of README.md or docs/*.md: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "Codes tabled in the docs that are not in Notifications.All: " + string.Join(", ", unknown));
    }
}
