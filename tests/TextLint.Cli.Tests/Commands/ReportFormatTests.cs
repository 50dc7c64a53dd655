using System.Text.Json;
using NJsonSchema;
using TextLint.Output.Sarif;

namespace TextLint.Cli.Tests.Commands;

/// <summary>--format, --sarif, --output and colour, through the command line.</summary>
public class ReportFormatTests
{
    private static readonly string FixtureDir = Path.Combine(TestPaths.Fixtures, "sarif");

    private static TempDirectory Articles()
    {
        var dir = TestPaths.CreateTempDirectory();
        File.Copy(Path.Combine(FixtureDir, "pack.yaml"), Path.Combine(dir.Path, "pack.yaml"));
        dir.Write("news/a.txt", "He reportedly left Kiev.\n");
        dir.Write("news/b.txt", "They utilize it.\n");
        return dir;
    }

    private static CliResult Lint(string dir, params string[] extra) =>
        CliRunner.Run(dir, ["news", "--rules", "pack.yaml", "--no-default-rules", .. extra]);

    [Fact]
    public void Sarif_IsWrittenInAdditionToTheChosenFormat()
    {
        using var dir = Articles();
        var console = Lint(dir.Path, "--sarif", "out/textlint.sarif");
        Assert.Equal(1, console.ExitCode);
        Assert.Contains("news/a.txt(1,20): error XT7501: Use 'Kyiv' instead of 'Kiev'.", console.Out);
        string sarif = File.ReadAllText(Path.Combine(dir.Path, "out/textlint.sarif"));
        SarifSchemaAssert.Valid(sarif);
        // The same log --format sarif writes.
        Assert.Equal(Lint(dir.Path, "--format", "sarif").Out, sarif);

        var github = Lint(dir.Path, "--format", "github", "--sarif", "out/textlint.sarif");
        Assert.StartsWith("::error file=news/a.txt,line=1,col=20,", github.Out); // errors first: GitHub annotates ten of each level
        Assert.Equal(sarif, File.ReadAllText(Path.Combine(dir.Path, "out/textlint.sarif")));
        Assert.Equal(["textlint.sarif"], Directory.GetFiles(Path.Combine(dir.Path, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Json_ToAFile_MatchesTheCommittedSchema()
    {
        using var dir = Articles();
        var r = Lint(dir.Path, "--format", "json", "-o", "report.json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Out);
        string json = File.ReadAllText(Path.Combine(dir.Path, "report.json"));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepoRoot, "docs", "textlint-report.schema.json"));
        Assert.Empty(schema.Validate(json));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(3, doc.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void ByteColumns_ForVimsQuickfix_CountUtf8Bytes()
    {
        using var dir = TestPaths.CreateTempDirectory();
        File.Copy(Path.Combine(FixtureDir, "pack.yaml"), Path.Combine(dir.Path, "pack.yaml"));
        dir.Write("a.txt", "Мир: he reportedly left.\n"); // 'Мир: he ' is 8 UTF-16 units, 11 UTF-8 bytes
        var msbuild = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack.yaml", "--no-default-rules", "--format", "msbuild", "--columns", "bytes");
        Assert.Equal($"{Path.Combine(dir.Path, "a.txt")}(1,12,1,22): warning XT1001: 'reportedly' names no source.", Assert.Single(msbuild.OutLines));
        var console = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack.yaml", "--no-default-rules", "--columns", "bytes");
        Assert.StartsWith("a.txt(1,12): warning XT1001", console.OutLines[0]);
        var utf16 = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack.yaml", "--no-default-rules");
        Assert.StartsWith("a.txt(1,9): warning XT1001", utf16.OutLines[0]);
    }

    [Fact]
    public void Msbuild_IsCanonicalLinesOnly()
    {
        using var dir = Articles();
        var r = Lint(dir.Path, "--format", "msbuild");
        var lines = r.OutLines;
        Assert.Equal(3, lines.Length);
        Assert.Equal($"{Path.Combine(dir.Path, "news", "a.txt")}(1,4,1,14): warning XT1001: 'reportedly' names no source.", lines[0]);
    }

    [Fact]
    public void PackFailure_StillWritesTheSarifLog_AndExitsTwo()
    {
        using var dir = Articles();
        dir.Write("bad.yaml", "id: XT9\ntitle: t\n");
        var r = CliRunner.Run(dir.Path, "news", "--rules", "bad.yaml", "--no-default-rules", "--sarif", "textlint.sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("bad.yaml(1,1): error TL9002: rule XT9: Missing required key 'message'.", r.Error);
        string sarif = File.ReadAllText(Path.Combine(dir.Path, "textlint.sarif"));
        SarifSchemaAssert.Valid(sarif);
        using var doc = JsonDocument.Parse(sarif);
        var invocation = doc.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(3, invocation.GetProperty("toolConfigurationNotifications").GetArrayLength());

        var json = CliRunner.Run(dir.Path, "news", "--rules", "bad.yaml", "--no-default-rules", "--format", "json");
        Assert.Equal(2, json.ExitCode);
        using var report = JsonDocument.Parse(json.Out);
        Assert.Equal(3, report.RootElement.GetProperty("notifications").GetArrayLength());
        Assert.False(report.RootElement.GetProperty("summary").GetProperty("executionSuccessful").GetBoolean());
    }

    [Theory]
    [InlineData(true, null, null, new string[0], true)]
    [InlineData(false, null, null, new string[0], false)]
    [InlineData(true, "1", null, new string[0], false)]
    [InlineData(true, "", null, new string[0], true)] // NO_COLOR counts only when it is not empty
    [InlineData(true, null, "dumb", new string[0], false)]
    [InlineData(true, null, null, new[] { "--no-color" }, false)]
    [InlineData(true, null, null, new[] { "-o", "report.txt" }, false)]
    public void Colour_OnlyOnATerminal_AndNeverWhenAskedNotTo(bool terminal, string? noColor, string? term, string[] options, bool coloured)
    {
        using var dir = Articles();
        var r = CliRunner.Run(dir.Path, name => name switch { "NO_COLOR" => noColor, "TERM" => term, _ => null }, terminal,
            ["news", "--rules", "pack.yaml", "--no-default-rules", .. options]);
        string output = options.Contains("-o") ? File.ReadAllText(Path.Combine(dir.Path, "report.txt")) : r.Out;
        Assert.Contains("XT7501", output);
        Assert.Equal(coloured, output.Contains('\u001b'));
    }

    [Theory]
    [InlineData("--format xml", "Unknown format 'xml'; use console, sarif, json, github or msbuild.")]
    [InlineData("-o same.sarif --sarif same.sarif --format sarif", "--output and --sarif both name 'same.sarif'; give them different files.")]
    [InlineData("--columns chars", "Unknown column unit 'chars'; use utf16 or bytes.")]
    [InlineData("--format sarif --columns bytes", "--columns applies to console and msbuild output; sarif counts UTF-16 units, as its specification says.")]
    public void BadReportOptions_AreUsageErrors(string options, string message)
    {
        var r = CliRunner.Run(TestPaths.RepoRoot, ["tests/samples", .. options.Split(' ')]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
    }

    [SarifMultitoolFact]
    public void LogsTheCliWrites_AreCleanUnderTheSarifMultitool()
    {
        Assert.True(SarifMultitool.Path is not null, SarifMultitool.MissingMessage);
        using var dir = TestPaths.CreateTempDirectory();
        foreach (string f in Directory.EnumerateFiles(FixtureDir).Where(f => f.EndsWith(".txt") || f.EndsWith(".yaml")))
            File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        dir.Write("bad.yaml", "id: XT9\ntitle: t\n");
        CliRunner.Run(dir.Path, ".", "missing.txt", "--rules", "pack.yaml", "--no-default-rules", "--sarif", "all.sarif");
        CliRunner.Run(dir.Path, ".", "--rules", "bad.yaml", "--no-default-rules", "--sarif", "failed.sarif");
        CliRunner.Run(dir.Path, ".", "--rules", "pack.yaml", "--no-default-rules", "--fix", "--sarif", "fixed.sarif");
        CliRunner.Run(TestPaths.RepoRoot, "tests/samples", "--sarif", Path.Combine(dir.Path, "samples.sarif"));
        // Baseline states, severity overrides (ruleConfigurationOverrides) and suppressions.
        dir.Write("md/story.md", "# Kiev\n\n<!-- textlint-disable-next-line XT1001 -- quoted -->\nHe reportedly left.\n");
        CliRunner.Run(dir.Path, "md", "--rules", "pack.yaml", "--no-default-rules", "--baseline", "b.json", "--update-baseline");
        dir.Write("md/new.md", "Kiev, reportedly.\n");
        CliRunner.Run(dir.Path, "md", "--rules", "pack.yaml", "--no-default-rules", "--baseline", "b.json", "--severity", "XT1001=error", "--sarif", "configured.sarif");
        var logs = new[] { "all", "failed", "fixed", "samples", "configured" }.Select(n => Path.Combine(dir.Path, n + ".sarif")).ToArray();
        Assert.All(logs, l => Assert.True(File.Exists(l), l));
        string configured = File.ReadAllText(Path.Combine(dir.Path, "configured.sarif"));
        foreach (string feature in new[] { "\"baselineState\": \"unchanged\"", "\"baselineState\": \"new\"", "\"ruleConfigurationOverrides\"", "\"suppressions\"" })
            Assert.Contains(feature, configured);
        var findings = SarifMultitool.Validate(logs);
        Assert.True(findings.Count == 0, "SARIF Multitool findings:\n" + string.Join("\n", findings));
    }
}

internal static class SarifSchemaAssert
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(TestPaths.SarifSchema).GetAwaiter().GetResult());

    public static void Valid(string sarif)
    {
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Contains(SarifWriter.SchemaUri, sarif);
    }
}
