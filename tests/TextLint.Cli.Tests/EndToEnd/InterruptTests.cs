using System.Diagnostics;

namespace TextLint.Cli.Tests.EndToEnd;

/// <summary>
/// Ctrl-C in the middle of --fix, sent to the installed tool (the build users get, with its own signal
/// handling under Native AOT): every file is left old or new.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public class InterruptTests
{
    private const string Filler = "The delegation left at noon and returned in the evening, the ministry said.\n";

    private readonly ToolPackage _tool;

    public InterruptTests(ToolPackage tool) => _tool = tool;

    private ProcessStartInfo Tool(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(_tool.Executable);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.WorkingDirectory = workingDirectory;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        return psi;
    }

    /// <summary>
    /// SIGINT, as Ctrl-C sends — unless this process ignores it, as every background job of a
    /// non-interactive shell does (some test runners start so): the tool inherits that and the runtime
    /// keeps ignoring it, so SIGTERM, which the tool handles the same way, is sent instead.
    /// </summary>
    internal static string InterruptSignal()
    {
        string? ignored = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))?["SigIgn:".Length..].Trim()
            : null;
        bool intIgnored = ignored is not null && (Convert.ToUInt64(ignored, 16) & (1UL << (2 - 1))) != 0;
        return intIgnored ? "TERM" : "INT";
    }

    [Fact]
    public async Task CtrlC_DuringFix_LeavesEveryFileOldOrNew_AndNoTemporaryFile()
    {
        if (OperatingSystem.IsWindows()) return; // SIGINT is sent with kill(1)
        using var dir = TestPaths.CreateTempDirectory();
        const int count = 4000;
        // Long articles make each file take a little while, so the signal lands mid-run. Each keeps one
        // finding that is not fixed, so the report on standard output shows the run's progress.
        string original = "Talks in Kiev resumed, reportedly.\n" + string.Concat(Enumerable.Repeat(Filler, 200));
        string fixedText = "Talks in Kyiv resumed, reportedly.\n" + string.Concat(Enumerable.Repeat(Filler, 200));
        for (int i = 0; i < count; i++) dir.Write($"articles/{i / 100:D2}/{i:D4}.txt", original);
        var files = Directory.GetFiles(Path.Combine(dir.Path, "articles"), "*.txt", SearchOption.AllDirectories);

        File.Copy(Path.Combine(TestPaths.Fixtures, "sarif", "pack.yaml"), Path.Combine(dir.Path, "pack.yaml"));
        using var process = Process.Start(Tool(dir.Path, "articles", "--rules", "pack.yaml", "--no-default-rules", "--fix", "--jobs", "2"))!;
        var stderr = process.StandardError.ReadToEndAsync();

        // The first report lines mean files are being fixed: interrupt as a terminal's Ctrl-C does.
        string? first = await process.StandardOutput.ReadLineAsync();
        if (first is null || !first.Contains("XT1001")) Assert.Fail($"no progress before the end of the run: {first} {await stderr}");
        Assert.False(process.HasExited, "the run finished before it could be interrupted");
        using (var kill = Process.Start("kill", [$"-{InterruptSignal()}", process.Id.ToString()])) await kill.WaitForExitAsync();
        await process.StandardOutput.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        string error = await stderr;

        Assert.True(process.ExitCode == (InterruptSignal() == "TERM" ? 143 : 130), $"exit {process.ExitCode} after SIG{InterruptSignal()}: {error}");
        Assert.Contains("textlint: error: Cancelled.", error);
        int changed = 0, unchanged = 0;
        foreach (var f in files)
        {
            string text = File.ReadAllText(f);
            if (text == fixedText) changed++;
            else if (text == original) unchanged++;
            else Assert.Fail($"{f} is neither the old nor the new text ({text.Length} characters).");
        }
        Assert.True(changed > 0 && unchanged > 0, $"expected an interrupted run: {changed} fixed, {unchanged} untouched");
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));
    }
}
