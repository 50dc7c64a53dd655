using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace TextLint.Cli.Tests.EndToEnd;

/// <summary>The test classes that run the packed and installed tool share one pack (it is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<ToolPackage>
{
    public const string Name = "installed tool";
}

/// <summary>
/// Packs the tool once per test run with the README's command at the repository root, with a unique
/// version (so NuGet's cache can never serve a stale build), and installs it with the real
/// `dotnet tool install` into a temporary --tool-path: users get the package for their platform (Native
/// AOT here), which is what these tests run. The portable 'any' package is installed on first use.
/// </summary>
public sealed class ToolPackage : IDisposable
{
    /// <summary>The warning the pack prints when this machine cannot link Native AOT (src/TextLint.Cli/ToolPackages.targets).</summary>
    public const string NoNativeToolchainWarning = "TEXTLINT0001";

    private readonly TempDirectory _dir = new();
    private readonly Lazy<string> _portableExecutable;

    public ToolPackage()
    {
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        PackageDirectory = Path.Combine(_dir.Path, "packages");
        ToolDirectory = Path.Combine(_dir.Path, "tools");
        // What an earlier pack of this version would have left in NuGet's cache: the pack must forget it.
        StaleCachedPackages = new[] { "textlint", "textlint.any", $"textlint.{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}" }
            .Select(id => Path.Combine(NuGetPackageRoot, id, Version)).ToArray();
        foreach (var stale in StaleCachedPackages)
        {
            Directory.CreateDirectory(stale);
            File.WriteAllText(Path.Combine(stale, "stale.marker"), "left by an earlier pack of this version");
        }
        var pack = Process("dotnet", TestPaths.RepoRoot, "pack", "-c", "Release", "-o", PackageDirectory, $"-p:Version={Version}");
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Out + pack.Error);
        PackOutput = pack.Out;
        StaleCachedPackagesLeft = StaleCachedPackages.Where(Directory.Exists).ToArray();
        PackedFiles = Directory.GetFiles(PackageDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        RuntimeIdentifierPackages = ReadRuntimeIdentifierPackages(Path.Combine(PackageDirectory, $"TextLint.{Version}.nupkg"));
        Executable = Install("TextLint", ToolDirectory);
        _portableExecutable = new Lazy<string>(() => Install("TextLint.any", Path.Combine(_dir.Path, "tools-any")));
    }

    public string Version { get; }
    public string PackageDirectory { get; }
    public string ToolDirectory { get; }

    /// <summary>The command `dotnet tool install TextLint` put on the tool path.</summary>
    public string Executable { get; }

    /// <summary>The portable framework-dependent build (package TextLint.any), installed on first use.</summary>
    public string PortableExecutable => _portableExecutable.Value;

    public string[] PackedFiles { get; }

    /// <summary>NuGet's global packages folder (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
    public static string NuGetPackageRoot =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Cached copies of this version planted before the pack, and those still there after it.</summary>
    public string[] StaleCachedPackages { get; }
    public string[] StaleCachedPackagesLeft { get; }
    public string PackOutput { get; }

    /// <summary>The pointer package's list: (runtime identifier, package ID), in its order.</summary>
    public IReadOnlyList<(string Rid, string Id)> RuntimeIdentifierPackages { get; }

    /// <summary>The platform package the pack built for this machine (the one non-'any' entry).</summary>
    public string HostRid => RuntimeIdentifierPackages.Single(p => p.Rid != "any").Rid;

    /// <summary>Whether the pack said this machine cannot link Native AOT (the platform package is then ReadyToRun).</summary>
    public bool PackedWithoutNativeToolchain => PackOutput.Contains(NoNativeToolchainWarning, StringComparison.Ordinal);

    /// <summary>The installed package's files: the folder that holds the tool's binary.</summary>
    public string InstalledBinaryDirectory =>
        Directory.GetFiles(Path.Combine(ToolDirectory, ".store", "textlint", Version), OperatingSystem.IsWindows() ? "dotnet-textlint.exe" : "dotnet-textlint", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName).Single()!;

    private string Install(string packageId, string toolPath)
    {
        var install = Process("dotnet", _dir.Path, "tool", "install", packageId, "--tool-path", toolPath, "--add-source", PackageDirectory, "--version", Version);
        if (install.ExitCode != 0) throw new InvalidOperationException($"dotnet tool install {packageId} failed:\n" + install.Out + install.Error);
        return Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-textlint.exe" : "dotnet-textlint");
    }

    private static IReadOnlyList<(string Rid, string Id)> ReadRuntimeIdentifierPackages(string pointerPackage)
    {
        using var zip = ZipFile.OpenRead(pointerPackage);
        var settings = zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using var stream = settings.Open();
        return XDocument.Load(stream).Descendants("RuntimeIdentifierPackage")
            .Select(e => ((string)e.Attribute("RuntimeIdentifier")!, (string)e.Attribute("Id")!)).ToList();
    }

    /// <summary>
    /// A guard against a hung process, not a measure of speed: packing builds the tool three times (Native
    /// AOT, portable, pointer) with the bundled pack's generated regexes, which on a loaded two-core machine,
    /// beside the rest of the suite, has taken more than eight minutes.
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(20);

    public static (int ExitCode, string Out, string Error) Process(string file, string workingDirectory, params string[] args) =>
        ProcessWithInput(file, workingDirectory, null, args);

    /// <summary>Runs with <paramref name="stdin"/> written to standard input (then closed).</summary>
    public static (int ExitCode, string Out, string Error) ProcessWithInput(string file, string workingDirectory, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = System.Diagnostics.Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(HangGuard))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {HangGuard.TotalMinutes} minutes.");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => _dir.Dispose();
}
