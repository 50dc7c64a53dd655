using static TextLint.Cli.Tests.Configuration.ConfigFixture;

namespace TextLint.Cli.Tests.Configuration;

/// <summary>.editorconfig severities on real folders: discovery, nearest file, root, globs, flags over files, SARIF.</summary>
public class EditorConfigTests
{
    private const string Article = "He reportedly left Kiev.\nSome say it was very cold.\n";

    [Fact]
    public void WithoutConfiguration_RulesRunAtTheirDefaults()
    {
        using var p = new ConfigFixture();
        p.Write("a.txt", Article);
        Assert.Equal(["a.txt(1,4): warning TT1001", "a.txt(1,20): info TT2001", "a.txt(2,1): warning TT1002"], Findings(p.Run("a.txt")));
    }

    [Fact]
    public void Precedence_IdBeatsCategoryBeatsAll_AndBroadKeysLeaveOffByDefaultRulesOff()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", """
            root = true
            [*]
            textlint_analyzer_diagnostic.severity = error
            textlint_analyzer_diagnostic.category-Attribution.severity = suggestion
            textlint_diagnostic.TT1002.severity = none
            """);
        p.Write("a.txt", Article);
        // TT1001 by category, TT2001 by all-rules, TT1002 off by ID, TT3001 (off by default) stays off.
        Assert.Equal(["a.txt(1,4): info TT1001", "a.txt(1,20): error TT2001"], Findings(p.Run("a.txt")));
    }

    [Fact]
    public void AnIdKey_TurnsOnARuleThatIsOffByDefault()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", "root = true\n[*.txt]\ntextlint_diagnostic.TT3001.severity = warning\n");
        p.Write("a.txt", Article);
        Assert.Contains("a.txt(2,17): warning TT3001", Findings(p.Run("a.txt")));
    }

    [Fact]
    public void TheNearestFile_Wins_AndRootStopsTheSearch()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", "root = true\n[*]\ntextlint_diagnostic.TT1001.severity = error\ntextlint_diagnostic.TT2001.severity = error\n");
        p.Write("news/.editorconfig", "[*]\ntextlint_diagnostic.TT1001.severity = suggestion\n");
        p.Write("archive/.editorconfig", "root = true\n[*]\n");
        p.Write("a.txt", Article);
        p.Write("news/b.txt", Article);
        p.Write("archive/c.txt", Article);
        Assert.Equal(
        [
            "a.txt(1,4): error TT1001", "a.txt(1,20): error TT2001", "a.txt(2,1): warning TT1002",
            "archive/c.txt(1,4): warning TT1001", "archive/c.txt(1,20): info TT2001", "archive/c.txt(2,1): warning TT1002",
            "news/b.txt(1,4): info TT1001", "news/b.txt(1,20): error TT2001", "news/b.txt(2,1): warning TT1002",
        ], Findings(p.Run(".")));
    }

    [Fact]
    public void SectionGlobs_WithSlash_AreRelativeToTheirFile()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", """
            root = true
            [news/{2023,2024}/**.txt]
            textlint_diagnostic.TT1001.severity = none
            [part{1..3}.txt]
            textlint_diagnostic.TT2001.severity = none
            """);
        p.Write("news/2024/05/a.txt", "He reportedly left.\n");
        p.Write("news/2025/a.txt", "He reportedly left.\n");
        p.Write("deep/part2.txt", "Kiev.\n");
        p.Write("deep/part4.txt", "Kiev.\n");
        Assert.Equal(["deep/part4.txt(1,1): info TT2001", "news/2025/a.txt(1,4): warning TT1001"], Findings(p.Run(".")));
    }

    [Fact]
    public void CommandLine_BeatsFiles_AndWarnAsErrorComesLast()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", "root = true\n[*]\ntextlint_diagnostic.TT1001.severity = none\ntextlint_analyzer_diagnostic.category-Attribution.severity = error\n");
        p.Write("a.txt", Article);
        var r = p.Run("a.txt", "--severity", "TT1001=suggestion", "--severity", "attribution=warning", "--severity=TT2001=warning", "--warnaserror");
        Assert.Equal(["a.txt(1,4): info TT1001", "a.txt(1,20): error TT2001", "a.txt(2,1): error TT1002"], Findings(r));
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void BadSeverityFlags_AreUsageErrors()
    {
        using var p = new ConfigFixture();
        p.Write("a.txt", Article);
        var unknown = p.Run("a.txt", "--severity", "TT1010=error");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--severity: no loaded rule or category is named 'TT1010'. Did you mean 'TT1001'?", unknown.Error);
        var level = p.Run("a.txt", "--severity", "TT1001=loud");
        Assert.Equal(2, level.ExitCode);
        Assert.Contains("--severity needs <rule-or-category>=<level>", level.Error);
    }

    [Fact]
    public void ASyntaxError_StopsTheRun_WithFileLineAndColumn()
    {
        using var p = new ConfigFixture();
        p.Write("news/.editorconfig", "[*]\ntextlint_diagnostic.TT1001.severity = none\nwhat is this\n");
        p.Write("news/a.txt", Article);
        var r = p.Run("news");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("news/.editorconfig(3,1): error TL9030: Expected a [section] header, a 'key = value' pair or a comment.", r.Error);
        Assert.Contains("nothing was linted", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void ABadValue_IsAWarning_TheRunGoesOn_AndSarifCarriesIt()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", "root = true\n[*]\ntextlint_diagnostic.TT1001.severity = eror\ntextlint_diagnostic.TT1010.severity = none\n");
        p.Write("a.txt", Article);
        var r = p.Run("a.txt", "--format", "sarif");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(".editorconfig(3,39): warning TL9031: 'eror' is not a severity", r.Error);
        Assert.Contains(".editorconfig(4,1): warning TL9031: No loaded rule has the ID 'TT1010'; did you mean 'TT1001'?", r.Error);
        var invocation = SarifRun(r).GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notes = invocation.GetProperty("toolConfigurationNotifications");
        Assert.Equal(2, notes.GetArrayLength());
        Assert.Equal("TL9031", notes[0].GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Equal(3, notes[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Sarif_ResultsCarryTheEffectiveLevel_AndOverridesRecordEachChange()
    {
        using var p = new ConfigFixture();
        p.Write(".editorconfig", "root = true\n[*]\ntextlint_diagnostic.TT2001.severity = error\n[news/**]\ntextlint_diagnostic.TT1001.severity = none\n");
        p.Write("a.txt", Article);
        p.Write("news/b.txt", Article);
        var run = SarifRun(p.Run(".", "--format", "sarif", "--severity", "TT3001=silent"));
        var levels = run.GetProperty("results").EnumerateArray()
            .Select(x => $"{x.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()} {x.GetProperty("ruleId").GetString()} {x.GetProperty("level").GetString()}");
        Assert.Equal(
        [
            "a.txt TT1001 warning", "a.txt TT2001 error", "a.txt TT1002 warning", "a.txt TT3001 none",
            "news/b.txt TT2001 error", "news/b.txt TT1002 warning", "news/b.txt TT3001 none",
        ], levels);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        var overrides = run.GetProperty("invocations")[0].GetProperty("ruleConfigurationOverrides").EnumerateArray()
            .Select(o =>
            {
                var d = o.GetProperty("descriptor");
                Assert.Equal(rules.IndexOf(d.GetProperty("id").GetString()), d.GetProperty("index").GetInt32());
                var c = o.GetProperty("configuration");
                return $"{d.GetProperty("id").GetString()} {c.GetProperty("enabled").GetBoolean()} {c.GetProperty("level").GetString()}";
            });
        Assert.Equal(["TT1001 False none", "TT2001 True error", "TT3001 True none"], overrides);
    }
}
