using System.Diagnostics;

namespace TextLint.Cli.Tests.EndToEnd;

/// <summary>
/// Packs the tool once per test run with a unique version (so NuGet's cache can never serve a stale
/// build) and installs it with the real `dotnet tool install` into a temporary --tool-path.
/// </summary>
public sealed class ToolPackage : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ToolPackage()
    {
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        PackageDirectory = Path.Combine(_dir.Path, "packages");
        ToolDirectory = Path.Combine(_dir.Path, "tools");
        var pack = Process("dotnet", TestPaths.RepoRoot, "pack", "-c", "Release", "-o", PackageDirectory, $"-p:Version={Version}");
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Out + pack.Error);
        PackedFiles = Directory.GetFiles(PackageDirectory).Select(Path.GetFileName).ToArray()!;
        var install = Process("dotnet", _dir.Path, "tool", "install", "TextLint", "--tool-path", ToolDirectory, "--add-source", PackageDirectory, "--version", Version);
        if (install.ExitCode != 0) throw new InvalidOperationException("dotnet tool install failed:\n" + install.Out + install.Error);
        Executable = Path.Combine(ToolDirectory, OperatingSystem.IsWindows() ? "dotnet-textlint.exe" : "dotnet-textlint");
    }

    public string Version { get; }
    public string PackageDirectory { get; }
    public string ToolDirectory { get; }
    public string Executable { get; }
    public string[] PackedFiles { get; }

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
        if (!p.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 8 minutes.");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => _dir.Dispose();
}
