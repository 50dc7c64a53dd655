using System.Collections.Immutable;
using TextLint.Cli.Docs;
using TextLint.Cli.Infrastructure;
using TextLint.Rules;

namespace TextLint.Cli.Tests.Docs;

/// <summary>
/// The committed docs of the bundled pack (rules/docs, rules/README.md, rules/RELEASES.md) against the
/// rules' YAML, as Meziantou.Analyzer's RuleHelpUri test and its CI drift check do. None of these names
/// a rule: after adding or changing rules, `dotnet run --project src/TextLint.Cli -- generate-docs rules --builtin`
/// brings every one back to green. "Bundled" is what the tool loads by default: the pack and the engine's built-in rules.
/// </summary>
public class BundledDocsTests
{
    private const string Regenerate = "Run 'dotnet run --project src/TextLint.Cli -- generate-docs rules --builtin' and commit the result.";

    /// <summary>The rules a run loads with no options, as the tool loads them.</summary>
    private static ImmutableArray<RuleDescriptor> BundledRules()
    {
        var result = RulePacks.Load(true, [], TestPaths.RepoRoot);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.NotEmpty(result.Rules);
        return result.Rules.Select(r => r.Descriptor).ToImmutableArray();
    }

    [Fact]
    public void CommittedDocs_AreWhatTheGeneratorWrites()
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, "generate-docs", "rules", "--builtin", "--check");
        Assert.True(r.ExitCode == 0, r.Out + r.Error + "\n" + Regenerate);
    }

    [Fact]
    public void EveryBundledRule_HasAPage_AndItsHelpUriPointsThere()
    {
        foreach (var d in BundledRules())
        {
            Assert.True(File.Exists(Path.Combine(TestPaths.Rules, "docs", d.Id + ".md")), $"{d.Id} has no page rules/docs/{d.Id}.md. {Regenerate}");
            Assert.NotNull(d.HelpUri);
            Assert.True(d.HelpUri.EndsWith($"rules/docs/{d.Id}.md", StringComparison.Ordinal), $"{d.Id}'s helpUri {d.HelpUri} is not its page.");
            Assert.True(Uri.IsWellFormedUriString(d.HelpUri, UriKind.Absolute), d.HelpUri);
        }
    }

    [Fact]
    public void EveryPage_IsForABundledRule()
    {
        var ids = BundledRules().Select(d => d.Id + ".md").ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(TestPaths.Rules, "docs")).Select(Path.GetFileName);
        Assert.All(pages, p => Assert.True(ids.Contains(p!), $"rules/docs/{p} belongs to no rule. {Regenerate}"));
    }

    [Fact]
    public void EveryPage_HasTheFixedHeadings_InOrder()
    {
        foreach (var d in BundledRules())
        {
            var headings = File.ReadAllLines(Path.Combine(TestPaths.Rules, "docs", d.Id + ".md"))
                .Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToArray();
            Assert.Equal(RuleDocPage.Headings, headings);
        }
    }

    [Fact]
    public void EveryBundledRule_IsInTheReleaseNotes_WithItsCategoryAndSeverity()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Rules, "RELEASES.md"));
        var rules = BundledRules();
        foreach (var d in rules)
            Assert.True(text.Contains(d.Id, StringComparison.Ordinal), $"{d.Id} is not in rules/RELEASES.md. {Regenerate}");
        var problems = ReleaseNotes.Parse(text).Verify(rules);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + Regenerate);
    }

    [Fact]
    public void RulesShowMarkdown_IsTheCommittedPage()
    {
        // The page a user prints with `rules show --format markdown` from the installed pack is the one on GitHub.
        foreach (var d in BundledRules())
        {
            var r = CliRunner.Run(TestPaths.RepoRoot, "rules", "show", d.Id, "--format", "markdown");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Rules, "docs", d.Id + ".md")).ReplaceLineEndings("\n"), r.Out.ReplaceLineEndings("\n"));
        }
    }
}
