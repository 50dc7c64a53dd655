namespace TextLint.Output.Tests.Sarif;

/// <summary>
/// Every kind of log the tool writes passes the OASIS schema and Microsoft's SARIF Multitool with the
/// spec's and GitHub's rules ("Sarif;Ghas") at Error and Warning level.
/// </summary>
public class SarifValidatorTests
{
    private static readonly string[] Names = ["fixtures", "bundled", "pack-failure", "file-problems", "no-source-root"];

    public static TheoryData<string> Logs => new(Names);

    private static string Log(string name) => name switch
    {
        "fixtures" => SarifLogs.Fixtures(),
        "bundled" => SarifLogs.BundledOverSamples(),
        "pack-failure" => SarifLogs.PackFailure(),
        "file-problems" => SarifLogs.FileProblems(),
        "no-source-root" => SarifLogs.Write(SarifLogs.LoadPack(Path.Combine(TestPaths.Fixtures, "sarif", "pack.yaml")).Rules,
            [Text.SourceText.From("Kiev, reportedly.\n", "a b/c.txt")], omitSourceRoot: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Log_IsSchemaValid(string name) => SarifSchema.AssertValid(Log(name));

    [SarifMultitoolFact]
    public void Logs_AreCleanUnderTheSarifMultitool()
    {
        Assert.True(SarifMultitool.Path is not null, SarifMultitool.MissingMessage);
        using var dir = TestPaths.CreateTempDirectory();
        var paths = Names.Select(name => dir.Write(name + ".sarif", Log(name))).ToArray();
        var findings = SarifMultitool.Validate(paths);
        Assert.True(findings.Count == 0, "SARIF Multitool findings:\n" + string.Join("\n", findings));
    }

    [SarifMultitoolFact]
    public void Multitool_CanFail_OnABrokenLog()
    {
        // The check above must be able to fail: a rule without help (GH2012) and a relative helpUri (SARIF1005).
        Assert.True(SarifMultitool.Path is not null, SarifMultitool.MissingMessage);
        string log = SarifLogs.Fixtures();
        log = log.Replace("\"help\": {", "\"helpX\": {").Replace("\"helpUri\": \"https://", "\"helpUri\": \"relative/");
        using var dir = TestPaths.CreateTempDirectory();
        var findings = SarifMultitool.Validate(dir.Write("broken.sarif", log));
        Assert.Contains(findings, f => f.Contains("GH2012"));
        Assert.Contains(findings, f => f.Contains("SARIF1005"));
    }
}
