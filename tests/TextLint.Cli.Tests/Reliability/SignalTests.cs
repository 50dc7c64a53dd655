using System.Diagnostics;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// A real process of the tool (the build beside the tests, run by the dotnet host) and a real signal:
/// SIGTERM, as CI sends to cancel a job, ends the run promptly with 143 and leaves no half-written
/// report — the --sarif file being written is not there, nor any temporary file. (The installed Native
/// AOT tool is interrupted with Ctrl-C in EndToEnd/InterruptTests.)
/// </summary>
public class SignalTests
{
    private const string Filler = "The delegation left at noon and returned in the evening, the ministry said.\n";

    [Fact]
    public async Task Sigterm_DuringARun_EndsItWith143_AndLeavesNoHalfWrittenReport()
    {
        if (OperatingSystem.IsWindows()) return; // signals are sent with kill(1)
        using var dir = TestPaths.CreateTempDirectory();
        string article = "He supposedly left.\n" + string.Concat(Enumerable.Repeat(Filler, 200));
        for (int i = 0; i < 3000; i++) dir.Write($"articles/{i / 100:D2}/{i:D4}.txt", article);

        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "dotnet-textlint.dll"), "articles", "--sarif", "report.sarif", "--jobs", "2" })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        // A first finding on standard output: the run is under way and the SARIF log half written.
        string? first = await process.StandardOutput.ReadLineAsync();
        if (first is null || !first.Contains("TL1001")) Assert.Fail($"no progress before the end of the run: {first} {await stderr}");
        Assert.False(process.HasExited, "the run finished before it could be interrupted");
        Assert.NotEmpty(Directory.GetFiles(dir.Path, ".report.sarif.*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
        var drain = process.StandardOutput.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await drain;
        string error = await stderr;

        Assert.True(process.ExitCode == 143, $"exit {process.ExitCode} after SIGTERM: {error}");
        Assert.Contains("textlint: error: Cancelled.", error);
        Assert.False(File.Exists(Path.Combine(dir.Path, "report.sarif")), "a report of an interrupted run was written");
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));
    }
}
