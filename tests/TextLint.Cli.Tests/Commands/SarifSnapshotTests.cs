using TextLint.Cli.Infrastructure;
using TextLint.Output.Sarif;

namespace TextLint.Cli.Tests.Commands;

/// <summary>
/// Whole SARIF logs, as the tool writes them, for the fixture articles in tests/fixtures/sarif (a BOM,
/// CR LF, tabs, emoji, combining marks, fixes, invalid UTF-8) and for a pack that fails to load. The tool
/// version and the absolute %SRCROOT% are redacted; everything else is compared byte for byte, and a
/// change is reviewed as a diff of the .verified.sarif file.
/// </summary>
public class SarifSnapshotTests
{
    private static readonly string Dir = Path.Combine(TestPaths.Fixtures, "sarif");

    public static TheoryData<string> Articles => new(Directory.EnumerateFiles(Dir, "*.txt").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal));

    internal static string Redact(string sarif, string workingDirectory) => sarif
        .Replace($"\"version\": \"{ToolInfo.Version}\"", "\"version\": \"<version>\"")
        .Replace($"\"semanticVersion\": \"{ToolInfo.Version}\"", "\"semanticVersion\": \"<version>\"")
        .Replace($"\"uri\": \"{SarifWriter.DirectoryUri(workingDirectory)}\"", "\"uri\": \"file:///<srcroot>/\"");

    [Theory]
    [MemberData(nameof(Articles))]
    public void Log_OfEachFixtureArticle_IsApproved(string name)
    {
        // --no-vcs: the commit changes with every commit; provenance has tests of its own (CiScaleTests).
        var r = CliRunner.Run(Dir, name + ".txt", "--rules", "pack.yaml", "--no-default-rules", "--format", "sarif", "--no-vcs");
        Assert.True(r.ExitCode is 0 or 1, r.Error);
        Assert.Contains("\"version\": \"<version>\"", Redact(r.Out, Dir));
        Approvals.Verify(Redact(r.Out, Dir), Path.Combine(Dir, name + ".verified.sarif"));
    }

    [Fact]
    public void Log_OfAPackThatFailsToLoad_IsApproved()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/a.yaml", "id: XT1\ntitle: t\nmessage: m\ncategory: Style\nseverity: fatal\nkind: existence\ntokens: [x]\n");
        dir.Write("pack/b.yaml", "id: [\n");
        dir.Write("a.txt", "text");
        var r = CliRunner.Run(dir.Path, "a.txt", "--rules", "pack", "--no-default-rules", "--format", "sarif");
        Assert.Equal(2, r.ExitCode);
        Approvals.Verify(Redact(r.Out, dir.Path), Path.Combine(Dir, "pack-failure.verified.sarif"));
    }
}
