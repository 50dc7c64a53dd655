using System.Text.RegularExpressions;

namespace TextLint.Cli.Tests.Docs;

/// <summary>
/// The README stays a five-minute read whose Quick start works on a fresh machine, and every link in it
/// and in docs/ points at a file (and heading) that exists.
/// </summary>
public partial class ReadmeAndDocsTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, relative)).ReplaceLineEndings("\n");

    [Fact]
    public void QuickStart_HasExactlyTheTwoCommands_AndCiRunsTheTestOneVerbatim()
    {
        string readme = Read("README.md");
        int start = readme.IndexOf("## Quick start\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no Quick start.");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string quickStart = readme[start..end];
        var blocks = FencedBlock().Matches(quickStart).Select(m => m.Groups[1].Value.Trim()).ToArray();
        Assert.Equal(
            ["dotnet pack -c Release -o artifacts && dotnet tool restore --add-source artifacts && dotnet textlint tests/samples", "dotnet test TextLint.sln"],
            blocks);
        Assert.Contains("\ndotnet test TextLint.sln ", Read(".ci/run"));
        Assert.True(Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "tests", "samples")).Any());
    }

    [Fact]
    public void Readme_IsShort()
    {
        int lines = Read("README.md").Split('\n').Length;
        Assert.True(lines <= 200, $"README.md has {lines} lines; move depth into docs/.");
    }

    public static TheoryData<string> MarkdownFiles()
    {
        var files = new TheoryData<string>("README.md");
        foreach (string f in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
            files.Add("docs/" + Path.GetFileName(f));
        return files;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void RelativeLinks_PointAtFilesAndHeadingsThatExist(string file)
    {
        string text = Read(file);
        string folder = Path.GetDirectoryName(Path.Combine(TestPaths.RepoRoot, file))!;
        var broken = new List<string>();
        foreach (Match m in Link().Matches(StripCode(text)))
        {
            string target = m.Groups[1].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
            int hash = target.IndexOf('#');
            string path = hash < 0 ? target : target[..hash];
            string? anchor = hash < 0 ? null : target[(hash + 1)..];
            string full = path.Length == 0 ? Path.Combine(TestPaths.RepoRoot, file) : Path.GetFullPath(Path.Combine(folder, path));
            // docs/architecture.md is written by the Core work; a link to it may land before the page.
            if (path.EndsWith("architecture.md", StringComparison.Ordinal) && !File.Exists(full)) continue;
            if (!File.Exists(full) && !Directory.Exists(full)) { broken.Add(target); continue; }
            if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(full)).Contains(anchor))
                broken.Add(target);
        }
        Assert.True(broken.Count == 0, $"{file}: broken links: {string.Join(", ", broken)}");
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Heading().Matches(StripCode(markdown.ReplaceLineEndings("\n"))))
        {
            string slug = new string(m.Groups[1].Value.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');
            string unique = slug;
            for (int i = 1; !anchors.Add(unique); i++) unique = $"{slug}-{i}";
        }
        return anchors;
    }

    private static string StripCode(string markdown) => Fence().Replace(markdown, "");

    [GeneratedRegex(@"```[^\n]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
