using TextLint.Cli.Docs;
using TextLint.Diagnostics;
using TextLint.Rules;

namespace TextLint.Cli.Tests.Docs;

public class ReleaseNotesTests
{
    private static RuleDescriptor Rule(string id, string category = "Style", Severity severity = Severity.Warning, bool enabled = true) => new()
    {
        Id = id,
        Title = "Title of " + id,
        MessageFormat = "m",
        Category = category,
        DefaultSeverity = severity,
        IsEnabledByDefault = enabled,
        Kind = "existence",
    };

    private const string Shipped = """
        # Rule releases

        Intro prose is kept.

        ## Release 0.2.0

        ## Release 0.1.0

        Notes about 0.1.0 are kept too.

        ### New Rules

        Rule ID | Category | Severity | Notes
        --------|----------|----------|------
        XX0001 | Style | warning | First
        XX0002 | Style | info | Second

        """;

    private static string Normalize(string s) => s.ReplaceLineEndings("\n");

    [Fact]
    public void CanonicalFile_RoundTrips()
    {
        Assert.Equal(Normalize(Shipped).TrimEnd('\n') + "\n", ReleaseNotes.Parse(Normalize(Shipped)).Render());
    }

    [Fact]
    public void Verify_Passes_WhenTheTablesAddUpToTheRules()
    {
        var notes = ReleaseNotes.Parse(Normalize(Shipped));
        Assert.Empty(notes.Verify([Rule("XX0001"), Rule("XX0002", severity: Severity.Info)]));
    }

    [Fact]
    public void Verify_ReportsAMissingRule_AChangedSeverity_AndAVanishedRule()
    {
        var notes = ReleaseNotes.Parse(Normalize(Shipped));
        var problems = notes.Verify([Rule("XX0001", severity: Severity.Error), Rule("XX0003")]);
        Assert.Equal(
        [
            "XX0001 is Style/error in its YAML, but the tables say Style/warning; record the change under 'Changed Rules'.",
            "XX0003 is not in a 'New Rules' table.",
            "XX0002 is no longer in the pack; record it under 'Removed Rules'.",
        ], problems);
    }

    [Fact]
    public void Update_RecordsNewChangedAndRemovedRules_InTheNewestRelease()
    {
        var notes = ReleaseNotes.Parse(Normalize(Shipped));
        var rules = new[] { Rule("XX0001", category: "Sourcing"), Rule("XX0003", enabled: false) };
        var changes = notes.Update(rules);
        Assert.Equal(3, changes.Count);
        string text = notes.Render();
        Assert.Contains("""
            ## Release 0.2.0

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|------
            XX0003 | Style | off | Title of XX0003

            ### Changed Rules

            Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
            --------|--------------|--------------|--------------|--------------|------
            XX0001 | Sourcing | warning | Style | warning |

            ### Removed Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|------
            XX0002 | Style | info |

            ## Release 0.1.0

            Notes about 0.1.0 are kept too.
            """.ReplaceLineEndings("\n"), text);
        Assert.Contains("Intro prose is kept.", text);
        var reparsed = ReleaseNotes.Parse(text);
        Assert.Empty(reparsed.ParseProblems);
        Assert.Empty(reparsed.Verify(rules));
        Assert.Empty(reparsed.Update(rules)); // a second run changes nothing
    }

    [Fact]
    public void Update_OfARuleNewInTheNewestRelease_EditsItsRow_RatherThanAddingAChange()
    {
        // 0.1.0 is the newest release here, so its rules can still change without a 'Changed Rules' entry.
        var notes = ReleaseNotes.Parse(Normalize(Shipped).Replace("## Release 0.2.0\n\n", ""));
        Assert.Equal(["XX0001: updated in 'New Rules' of 'Release 0.1.0'."],
            notes.Update([Rule("XX0001", severity: Severity.Error), Rule("XX0002", severity: Severity.Info)]));
        Assert.Contains("XX0001 | Style | error | First\n", notes.Render());
        Assert.DoesNotContain("Changed Rules", notes.Render());
    }

    [Fact]
    public void AChangeRecordedWithTheWrongOldValues_IsReported()
    {
        string text = Normalize(Shipped).Replace("## Release 0.2.0\n", """
            ## Release 0.2.0

            ### Changed Rules

            Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
            --------|--------------|--------------|--------------|--------------|------
            XX0001 | Style | error | Style | info | stricter

            """.ReplaceLineEndings("\n"));
        var problems = ReleaseNotes.Parse(text).Verify([Rule("XX0001", severity: Severity.Error), Rule("XX0002", severity: Severity.Info)]);
        Assert.Equal(["XX0001: 'Release 0.2.0' changes it from Style/info, but it was Style/warning."], problems);
    }

    [Fact]
    public void GitHubStyleTables_WithOuterPipes_AreRead()
    {
        string text = "## Release 1.0\n\n### New Rules\n\n| Rule ID | Category | Severity | Notes |\n| --- | --- | --- | --- |\n| XX0001 | Style | warning | a \\| b |\n";
        var notes = ReleaseNotes.Parse(text);
        Assert.Empty(notes.ParseProblems);
        Assert.Empty(notes.Verify([Rule("XX0001")]));
    }

    [Fact]
    public void WrongColumns_AreAParseProblem()
    {
        var notes = ReleaseNotes.Parse("## Release 1.0\n\n### New Rules\n\nRule ID | Severity\n---|---\nXX0001 | warning\n");
        Assert.Contains("line 5: a 'New Rules' table has the columns Rule ID | Category | Severity | Notes.", notes.ParseProblems);
    }

    [Fact]
    public void NoReleaseYet_StartsAnUnreleasedSection()
    {
        var notes = ReleaseNotes.Parse(ReleaseNotes.NewFile());
        notes.Update([Rule("XX0001")]);
        Assert.Equal(["Unreleased"], notes.ReleaseHeadings);
        Assert.Contains("XX0001 | Style | warning | Title of XX0001", notes.Render());
    }
}
