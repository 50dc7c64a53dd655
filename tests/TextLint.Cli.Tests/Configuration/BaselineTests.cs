using static TextLint.Cli.Tests.Configuration.ConfigFixture;

namespace TextLint.Cli.Tests.Configuration;

/// <summary>--baseline and --update-baseline on real files.</summary>
public class BaselineTests
{
    private const string Article = "Title\n\nHe reportedly left.\nSome say he allegedly returned.\n";

    private static ConfigFixture WithBaseline(out CliResult update)
    {
        var p = new ConfigFixture(ConfigFixture.ProjectConfig + "rules:\n  TT1002: { severity: error }\n");
        p.Write("news/a.txt", Article);
        update = p.Run("news", "--baseline", "ci/baseline.json", "--update-baseline");
        return p;
    }

    [Fact]
    public void Update_WritesTheFile_AndExitsZero_DespiteErrors()
    {
        using var p = WithBaseline(out var update);
        Assert.Equal(0, update.ExitCode);
        Assert.Contains("textlint: wrote 3 findings in 1 file to ci/baseline.json.", update.Error);
        Assert.Contains("0 findings", update.OutLines[^1]);
        string json = p.Read("ci/baseline.json");
        Assert.Contains("\"file\": \"../news/a.txt\"", json); // relative to the baseline's folder
        Assert.Equal(["baseline.json"], Directory.GetFiles(Path.Combine(p.Path, "ci")).Select(Path.GetFileName));
    }

    [Fact]
    public void Unchanged_ReportsNothing_AndExitsZero()
    {
        using var p = WithBaseline(out _);
        var r = p.Run("news", "--baseline", "ci/baseline.json");
        Assert.Equal(0, r.ExitCode);
        Assert.Empty(Findings(r));
        Assert.Contains("3 in baseline", r.OutLines[^1]);
    }

    [Fact]
    public void LinesInsertedAbove_StillMatch()
    {
        using var p = WithBaseline(out _);
        p.Write("news/a.txt", "A new first paragraph.\n\nAnd another.\n" + Article);
        var r = p.Run("news", "--baseline", "ci/baseline.json");
        Assert.Equal(0, r.ExitCode);
        Assert.Empty(Findings(r));
    }

    [Fact]
    public void FixingOne_AndAddingAnother_ShowsOneNew_AndTheExitCodeCountsOnlyNew()
    {
        using var p = WithBaseline(out _);
        p.Write("news/a.txt", "Title\n\nHe left.\nSome say he allegedly returned.\nThey reportedly agreed.\n");
        var r = p.Run("news", "--baseline", "ci/baseline.json");
        Assert.Equal(["news/a.txt(5,6): warning TT1001"], Findings(r));
        Assert.Equal(0, r.ExitCode); // the error-level TT1002 finding is known
        Assert.Contains("textlint: 1 finding of the baseline no longer occurs; --update-baseline drops them from ci/baseline.json.", r.Error);

        p.Write("news/a.txt", Article + "Some say more.\n");
        var withError = p.Run("news", "--baseline", "ci/baseline.json");
        Assert.Equal(["news/a.txt(5,1): error TT1002"], Findings(withError));
        Assert.Equal(1, withError.ExitCode);
    }

    [Fact]
    public void Sarif_GivesEveryResultABaselineState()
    {
        using var p = WithBaseline(out _);
        p.Write("news/a.txt", Article + "They reportedly agreed.\n");
        var results = SarifRun(p.Run("news", "--baseline", "ci/baseline.json", "--format", "sarif")).GetProperty("results").EnumerateArray();
        Assert.Equal(["unchanged", "unchanged", "unchanged", "new"], results.Select(x => x.GetProperty("baselineState").GetString()));
    }

    [Fact]
    public void TheFile_IsStable_WhenNothingChanged()
    {
        using var p = WithBaseline(out _);
        string first = p.Read("ci/baseline.json");
        p.Write("news/b.txt", "Kiev.\n");
        p.Write("news/b.txt", "Nothing.\n");
        Assert.Equal(0, p.Run(".", "--baseline", "ci/baseline.json", "--update-baseline", "--jobs", "3").ExitCode);
        Assert.Equal(first, p.Read("ci/baseline.json"));
    }

    [Fact]
    public void Problems_AreErrorsWithPositions()
    {
        using var p = WithBaseline(out _);
        var missing = p.Run("news", "--baseline", "none.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("none.json: error TL9050: No such baseline; create it with --baseline FILE --update-baseline.", missing.Error);

        p.Write("bad.json", "{\n  \"version\": 1,\n  \"findings\": [ {\"file\": 3} ]\n}\n");
        var bad = p.Run("news", "--baseline", "bad.json");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.json(3,26): error TL9050: 'file' must be a string.", bad.Error);

        var usage = p.Run("news", "--update-baseline");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--update-baseline needs --baseline <file>", usage.Error);
    }

    [Fact]
    public void Update_IsNotWritten_WhenAFileCouldNotBeLinted()
    {
        using var p = WithBaseline(out _);
        string before = p.Read("ci/baseline.json");
        p.Write("news/a.txt", Article + "They reportedly agreed.\n");
        var r = p.Run("news", "missing.txt", "--baseline", "ci/baseline.json", "--update-baseline");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("The baseline was not written", r.Error);
        Assert.Equal(before, p.Read("ci/baseline.json"));
    }
}
