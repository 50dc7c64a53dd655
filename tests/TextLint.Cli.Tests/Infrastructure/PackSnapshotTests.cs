using TextLint.Cli.Infrastructure;
using TextLint.Loading;
using TextLint.Yaml;

namespace TextLint.Cli.Tests.Infrastructure;

/// <summary>
/// The bundled pack's snapshot (rules/pack.snapshot), written by the build with the hidden command
/// <c>internal pack-snapshot</c>: it is in the build output, holds every bundled file as the tool reads
/// it, and a damaged one is ignored.
/// </summary>
public class PackSnapshotTests
{
    /// <summary>The CLI project's build output, of this test build's configuration (bin/Debug or bin/Release).</summary>
    private static string CliOutput
    {
        get
        {
            string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
            return Path.Combine(TestPaths.RepoRoot, "src", "TextLint.Cli", "bin", configuration, Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)));
        }
    }

    public static TheoryData<string> Outputs() => new(
        Path.Combine(CliOutput, "rules"),     // the tool's own build output
        RulePacks.BundledDirectory);          // this test project's, where the in-process runs find it

    [Theory]
    [MemberData(nameof(Outputs))]
    public void TheBuildOutput_HoldsASnapshot_OfEveryBundledFile_AsTheToolReadsIt(string rules)
    {
        string path = Path.Combine(rules, RulePacks.SnapshotFileName);
        Assert.True(File.Exists(path), $"{path} is missing: the build writes it (src/TextLint.Cli/PackSnapshot.targets).");
        var snapshot = RulePacks.ReadSnapshot(path);
        Assert.NotNull(snapshot);
        // The repository's rule files, read as a lint run reads them: a file edited since the build is stale here.
        var (files, errors) = RulePacks.ReadFiles(TestPaths.Rules, TestPaths.RepoRoot);
        Assert.Empty(errors);
        Assert.True(files.Count >= 10, $"{files.Count} bundled files");
        foreach (var file in files) Assert.True(snapshot.Contains(file.Text), $"{file.Path} is not in {path} (stale? rebuild)");
        Assert.Equal(files.Count, snapshot.Count);
    }

    [Fact]
    public void TheInternalCommand_WritesTheBuildsSnapshot_AndIsNotInHelp()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var r = CliRunner.Run(dir.Path, "internal", "pack-snapshot", TestPaths.Rules, "-o", "out.snapshot");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("out.snapshot: ", r.Out);
        Assert.Equal(File.ReadAllBytes(Path.Combine(CliOutput, "rules", RulePacks.SnapshotFileName)), File.ReadAllBytes(Path.Combine(dir.Path, "out.snapshot")));

        foreach (var help in new[] { CliRunner.Run(dir.Path, "--help"), CliRunner.Run(dir.Path, "help") })
        {
            Assert.Equal(0, help.ExitCode);
            Assert.DoesNotContain("internal", help.Out);
            Assert.DoesNotContain("snapshot", help.Out);
        }
        Assert.DoesNotContain(CliApp.InternalCommands, c => CliApp.Commands.Contains(c));
        Assert.All(CliApp.InternalCommands, c => Assert.StartsWith("internal ", c.Name));
        Assert.Contains("(Internal: the build runs it.)", CliRunner.Run(dir.Path, "internal", "pack-snapshot", "--help").Out);
        var missing = CliRunner.Run(dir.Path, "internal", "pack-snapshot", "no-such-pack");
        Assert.Equal(2, missing.ExitCode);
        Assert.DoesNotContain("   at ", missing.Error);
    }

    /// <summary>
    /// A file with a YAML error is left out (and named in the count), the others are written; an output
    /// that is a folder is refused with its name, exit code 2 and nothing written.
    /// </summary>
    [Fact]
    public void TheInternalCommand_LeavesOutBrokenFiles_AndRefusesAFolderAsItsOutput()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/good.yaml", "id: HX001\ntitle: Good\n");
        dir.Write("pack/broken.yaml", "id: [unclosed\n");
        var r = CliRunner.Run(dir.Path, "internal", "pack-snapshot", "pack", "-o", "out.snapshot");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("out.snapshot: 1 of 2 files", r.Out);
        var snapshot = YamlSnapshot.TryOpen(File.ReadAllBytes(Path.Combine(dir.Path, "out.snapshot")))!;
        Assert.True(snapshot.Contains("id: HX001\ntitle: Good\n"));
        Assert.False(snapshot.Contains("id: [unclosed\n"));

        Directory.CreateDirectory(Path.Combine(dir.Path, "folder"));
        var folder = CliRunner.Run(dir.Path, "internal", "pack-snapshot", "pack", "-o", "folder");
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("'folder'", folder.Error);
        Assert.DoesNotContain("   at ", folder.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(dir.Path, "folder")));
    }

    [Fact]
    public void ADamagedOrUnreadableSnapshot_IsIgnored_WithoutAnError()
    {
        using var dir = TestPaths.CreateTempDirectory();
        byte[] good = File.ReadAllBytes(Path.Combine(RulePacks.BundledDirectory, RulePacks.SnapshotFileName));
        Assert.NotNull(RulePacks.ReadSnapshot(dir.WriteBytes("good", good)));
        Assert.Null(RulePacks.ReadSnapshot(Path.Combine(dir.Path, "missing")));
        Assert.Null(RulePacks.ReadSnapshot(dir.Path)); // a folder
        Assert.Null(RulePacks.ReadSnapshot(dir.WriteBytes("empty", [])));
        Assert.Null(RulePacks.ReadSnapshot(dir.Write("text", "id: TL1001\n")));
        foreach (int length in new[] { 1, 9, 10, 100, good.Length / 2, good.Length - 33, good.Length - 1 })
            Assert.Null(RulePacks.ReadSnapshot(dir.WriteBytes("cut" + length, good[..length])));
        var random = new Random(5);
        for (int i = 0; i < 50; i++)
        {
            byte[] flipped = (byte[])good.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            Assert.Null(RulePacks.ReadSnapshot(dir.WriteBytes("flip" + i, flipped)));
        }
    }

    [Fact]
    public void TheBundledPack_LoadsTheSameRules_ThroughTheToolsSnapshot()
    {
        var (files, _) = RulePacks.ReadFiles(RulePacks.BundledDirectory, TestPaths.RepoRoot);
        var snapshot = RulePacks.ReadSnapshot(Path.Combine(RulePacks.BundledDirectory, RulePacks.SnapshotFileName));
        Assert.NotNull(snapshot);
        foreach (var file in files) Assert.True(snapshot.TryRead(file.Path, file.Text, out _), file.Path);
        var parsed = RulePackLoader.Load(files, preview: true);
        var read = RulePackLoader.Load(files, preview: true, snapshot: snapshot);
        Assert.True(read.Success, string.Join("\n", read.Errors));
        Assert.Equal(parsed.Rules.Select(r => r.Descriptor with { Tags = [], Examples = [], YieldsTo = [] }), read.Rules.Select(r => r.Descriptor with { Tags = [], Examples = [], YieldsTo = [] }));
        Assert.Equal(parsed.Rules.Select(r => string.Join(",", r.Descriptor.YieldsTo)), read.Rules.Select(r => string.Join(",", r.Descriptor.YieldsTo)));
        Assert.Equal(parsed.Rules.SelectMany(r => r.Descriptor.Examples), read.Rules.SelectMany(r => r.Descriptor.Examples));
        Assert.Equal(parsed.Rules.SelectMany(r => r.Descriptor.Tags), read.Rules.SelectMany(r => r.Descriptor.Tags));
    }
}
