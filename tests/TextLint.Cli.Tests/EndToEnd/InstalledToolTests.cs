using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli.Tests.EndToEnd;

/// <summary>The real package, installed with `dotnet tool install`, run as a user would.</summary>
[Collection(InstalledToolCollection.Name)]
public class InstalledToolTests
{
    private readonly ToolPackage _tool;

    public InstalledToolTests(ToolPackage tool) => _tool = tool;

    [Fact]
    public void Pack_ProducesThePointerPackage_ThePlatformPackage_AndThePortableOne()
    {
        string v = _tool.Version, rid = _tool.HostRid;
        Assert.Equal(new[] { $"TextLint.{v}.nupkg", $"TextLint.{rid}.{v}.nupkg", $"TextLint.any.{v}.nupkg" }.Order(StringComparer.Ordinal), _tool.PackedFiles);
        // The platform's package first: `dotnet tool install` takes the best match and falls back to 'any'.
        Assert.Equal([(rid, $"TextLint.{rid}"), ("any", "TextLint.any")], _tool.RuntimeIdentifierPackages);
    }

    [Fact]
    public void Pack_ForgetsTheCachedCopyOfTheVersionItReplaces()
    {
        // Otherwise the README's `dotnet tool restore` after a re-pack of the same version runs the old build.
        Assert.Equal(3, _tool.StaleCachedPackages.Length);
        Assert.Empty(_tool.StaleCachedPackagesLeft);
    }

    [Fact]
    public void InstalledTool_IsTheNativeBuild_WithTheBundledRulesBesideIt()
    {
        string dir = _tool.InstalledBinaryDirectory;
        Assert.Contains($"textlint.{_tool.HostRid}", dir, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(dir, "rules", "attribution.yaml")), dir);
        // The pack's snapshot (written by the build, carried by publish into the package) holds every rule file.
        var snapshot = RulePacks.ReadSnapshot(Path.Combine(dir, "rules", RulePacks.SnapshotFileName));
        Assert.NotNull(snapshot);
        var (files, errors) = RulePacks.ReadFiles(Path.Combine(dir, "rules"), dir);
        Assert.Empty(errors);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(snapshot.Contains(f.Text), f.Path));
        bool managed = File.Exists(Path.Combine(dir, "dotnet-textlint.dll"));
        if (_tool.PackedWithoutNativeToolchain)
        {
            // A machine without a C toolchain gets the ReadyToRun build; CI must build what users get.
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
                "The pack could not link Native AOT (" + ToolPackage.NoNativeToolchainWarning + "); CI must have clang or gcc: https://aka.ms/nativeaot-prerequisites");
            Assert.True(managed, "the fallback platform package is the ReadyToRun build");
        }
        else
        {
            Assert.False(managed, $"Native AOT has no managed assembly, but {dir} holds dotnet-textlint.dll");
            Assert.Empty(Directory.GetFiles(dir, "*.dbg").Concat(Directory.GetFiles(dir, "*.pdb"))); // symbols stay out of the package
        }
    }

    /// <summary>
    /// The shipped binary (Native AOT, trimmed) must behave exactly like the build the rest of the suite
    /// tests in-process: same findings, same bytes in every format, same exit code.
    /// </summary>
    [Theory]
    [InlineData("--format", "console")]
    [InlineData("--format", "sarif")]
    [InlineData("--format", "json")]
    [InlineData("--format", "github")]
    [InlineData("--format", "msbuild")]
    [InlineData("--diff")]
    [InlineData("rules", "--format", "json")]
    [InlineData("test-rules")]
    public void InstalledTool_WritesExactlyWhatTheInProcessBuildWrites(params string[] args)
    {
        string[] full = args[0] is "rules" or "test-rules" ? args : [".", .. args];
        // The process sees its working directory with every link resolved; SARIF and MSBuild lines print it.
        string seeds = WithoutLinks(TestPaths.Seeds);
        var installed = ToolPackage.Process(_tool.Executable, seeds, full);
        var inProcess = CliRunner.Run(seeds, full);
        Assert.Equal(inProcess.ExitCode, installed.ExitCode);
        Assert.Equal(Normalize(inProcess.Out, ToolInfo.Version), Normalize(installed.Out, _tool.Version));
        Assert.Equal(Normalize(inProcess.Error, ToolInfo.Version), Normalize(installed.Error, _tool.Version));
        Assert.NotEqual("", installed.Out);
    }

    /// <summary>The portable package, which platforms without their own package install, lints like the native one.</summary>
    [Fact]
    public void PortablePackage_InstallsAndLintsLikeTheNativeBuild()
    {
        var portable = ToolPackage.Process(_tool.PortableExecutable, TestPaths.RepoRoot, "tests/samples");
        var native = ToolPackage.Process(_tool.Executable, TestPaths.RepoRoot, "tests/samples");
        Assert.True(portable.ExitCode == 0, portable.Error);
        Assert.Equal(Normalize(native.Out, _tool.Version), Normalize(portable.Out, _tool.Version));
        Assert.Contains("tests/samples/000_01a61dca76456022.txt(7,88): info TL1011: 'reportedly'", portable.Out);
        Assert.Equal(_tool.Version, ToolPackage.Process(_tool.PortableExecutable, TestPaths.RepoRoot, "--version").Out.Trim());
    }

    /// <summary>The path as the operating system reports a process's working directory: each symbolic link on it resolved.</summary>
    private static string WithoutLinks(string path)
    {
        string full = Path.GetFullPath(path);
        string current = Path.GetPathRoot(full)!;
        foreach (string part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (new DirectoryInfo(current).ResolveLinkTarget(returnFinalTarget: true) is { } target) current = target.FullName;
        }
        return current;
    }

    /// <summary>The run's duration and the tool's version are the only things allowed to differ.</summary>
    private static string Normalize(string output, string version) =>
        Regex.Replace(output.Replace(version, "<version>", StringComparison.Ordinal), @" in \d+(\.\d+)? s\.", " in <t> s.");

    [Fact]
    public void InstalledTool_LintsTheSamples_WithCanonicalLines()
    {
        var (code, stdout, stderr) = ToolPackage.Process(_tool.Executable, TestPaths.RepoRoot, "tests/samples");
        Assert.True(code == 0, stderr);
        Assert.Contains("tests/samples/000_01a61dca76456022.txt(7,88): info TL1011: 'reportedly'", stdout);
        Assert.Matches(@"5 files linted: \d+ findings", stdout);
    }

    [Fact]
    public async Task InstalledTool_WritesSchemaValidSarif()
    {
        using var dir = TestPaths.CreateTempDirectory();
        string log = Path.Combine(dir.Path, "seeds.sarif");
        var (code, _, stderr) = ToolPackage.Process(_tool.Executable, TestPaths.Seeds, ".", "--format", "sarif", "-o", log);
        Assert.True(code == 0, stderr);
        string json = File.ReadAllText(log);
        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        using var doc = JsonDocument.Parse(json);
        Assert.NotEqual(0, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Equal(_tool.Version, doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());
    }

    [Fact]
    public void InstalledTool_ReportsItsVersion_AndHelp()
    {
        Assert.Equal(_tool.Version, ToolPackage.Process(_tool.Executable, TestPaths.RepoRoot, "--version").Out.Trim());
        var help = ToolPackage.Process(_tool.Executable, TestPaths.RepoRoot, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--rules", help.Out);
    }

    [Fact]
    public void InstalledTool_ListsAndExplainsItsBundledRules()
    {
        var list = ToolPackage.Process(_tool.Executable, TestPaths.RepoRoot, "rules");
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains("TL1001  ", list.Out);
        var show = ToolPackage.Process(_tool.Executable, TestPaths.RepoRoot, "rules", "show", "TL1001");
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains("https://github.com/textlint-dotnet/textlint/blob/main/rules/docs/TL1001.md", show.Out);
        // The rule's file, as installed, can be opened from what 'rules show' prints.
        string defined = show.Out.Split('\n').Single(l => l.StartsWith("  Defined", StringComparison.Ordinal))["  Defined   ".Length..].TrimEnd('\r');
        Assert.StartsWith(_tool.ToolDirectory, defined);
        Assert.True(File.Exists(defined[..defined.LastIndexOf('(')]), defined);
    }

    [Fact]
    public void InstalledTool_LintsStandardInput_AsTheNamedFile()
    {
        var (code, stdout, stderr) = ToolPackage.ProcessWithInput(_tool.Executable, TestPaths.RepoRoot, "He supposedly left Kiev.\n",
            "--stdin", "--stdin-filename", "drafts/story.md");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("drafts/story.md(1,4): warning TL1001: ", stdout);
        Assert.Contains("drafts/story.md(1,20): info TL7501: ", stdout);
        Assert.Equal("", stderr); // no progress bar, no notification
    }

    [Fact]
    public void InstalledTool_BadPack_ExitsTwo_WithPosition()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("bad.yaml", "id: TL1\n");
        dir.Write("a.txt", "x");
        var (code, stdout, stderr) = ToolPackage.Process(_tool.Executable, dir.Path, "a.txt", "--rules", "bad.yaml");
        Assert.Equal(2, code);
        Assert.Contains("bad.yaml(1,1): error TL9002: rule TL1: Missing required key 'title'.", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void InstalledTool_ReadsMarkdownAndLegacyEncodings()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/tokens.yaml", """
            id: XX0001
            title: Test tokens
            message: "'{match}' found."
            category: Test
            kind: existence
            tokens: [reportedly, Kiev]
            speech: include
            """);
        dir.WriteBytes("article.md", File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "markdown", "article.md")));
        dir.WriteBytes("ru.txt", File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "encodings", "windows-1251-ru.txt")));
        var (code, stdout, stderr) = ToolPackage.Process(_tool.Executable, dir.Path, "article.md", "ru.txt", "--rules", "pack", "--no-default-rules");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("article.md(6,12): warning XX0001: 'Kiev' found.", stdout);
        Assert.Contains("ru.txt(3,19): warning XX0001: 'reportedly' found.", stdout);
        Assert.Contains("ru.txt: warning TL9025: Decoded as windows-1251", stderr);
        Assert.Matches(@"2 files linted: 17 findings", stdout);
    }
}
