using System.Diagnostics;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// The report written with -o goes to a temporary sibling and is renamed into place only when the run
/// completes: an interrupted run leaves the previous report exactly as it was, and no temporary file.
/// </summary>
public class InterruptedRunTests
{
    private const string OldReport = "{\"previous\": \"report\"}";

    private static string[] LeftOvers(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n!.EndsWith(".tmp", StringComparison.Ordinal)).ToArray()!;

    [Fact]
    public void CancelledRun_KeepsThePreviousReport_AndRemovesItsTemporaryFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        for (int i = 0; i < 20; i++) dir.Write($"a/{i}.txt", "He reportedly left.\n");
        string report = dir.Write("out/report.sarif", OldReport);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var r = CliRunner.Run(dir.Path, cancel.Token, "a", "--format", "sarif", "-o", "out/report.sarif");

        Assert.Equal(130, r.ExitCode);
        Assert.Contains("textlint: error: Cancelled.", r.Error);
        Assert.Equal(OldReport, File.ReadAllText(report));
        Assert.Empty(LeftOvers(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public async Task CtrlC_DuringARealRun_ExitsOneThirty_KeepsThePreviousReport_AndLeavesNoTemporaryFile()
    {
        Assert.False(OperatingSystem.IsWindows(), "Sends SIGINT.");
        using var dir = TestPaths.CreateTempDirectory();
        // Every file costs the rule's whole match timeout (it never matches, and backtracks catastrophically
        // inside its first window), so the run is still busy when the signal comes.
        dir.Write("pack/slow.yaml", """
            id: XX0001
            title: Slow
            message: "'{match}' matched."
            category: Style
            kind: existence
            regex: ['(?<=^|\s)(a+)+b']
            examples:
              - bad: " [|aab|]"
              - good: "aaa!"
            """);
        for (int i = 0; i < 60; i++) dir.Write($"a/{i:D2}.txt", new string('a', 30_000) + "!\n");
        string outDir = Path.Combine(dir.Path, "out");
        string report = dir.Write("out/report.sarif", OldReport);

        string tool = Path.Combine(AppContext.BaseDirectory, "dotnet-textlint");
        var psi = new ProcessStartInfo(tool) { WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "a", "--rules", "pack", "--no-default-rules", "--jobs", "1", "--format", "sarif", "-o", "out/report.sarif" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // The temporary report exists once the run has begun writing.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (LeftOvers(outDir).Length == 0 && !process.HasExited && DateTime.UtcNow < deadline) await Task.Delay(50);
            await Task.Delay(1000); // a few files into the run
            // (stderr is read only once the process has ended: awaiting it earlier would wait for the end.)
            if (process.HasExited) Assert.Fail("The run ended before it could be interrupted: " + await stderr);
            // SIGINT as Ctrl-C sends, or SIGTERM where this process inherited an ignored SIGINT (see InterruptTests).
            using (var kill = Process.Start("kill", [$"-{EndToEnd.InterruptTests.InterruptSignal()}", process.Id.ToString()])) await kill.WaitForExitAsync();

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
        // 130 after SIGINT, 143 after SIGTERM (sent where SIGINT is ignored, as in a background job).
        Assert.Equal(EndToEnd.InterruptTests.InterruptSignal() == "TERM" ? 143 : 130, process.ExitCode);
        Assert.Contains("textlint: error: Cancelled.", await stderr);
        Assert.Equal(OldReport, File.ReadAllText(report));
        Assert.Empty(LeftOvers(outDir));
    }

    [Fact]
    public void AnUnwritableReportPath_IsAClearErrorExitingTwo()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", "He reportedly left.\n");
        dir.Write("blocker", "a file where a folder should be");
        var r = CliRunner.Run(dir.Path, "a.txt", "-o", "blocker/report.sarif", "--format", "sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("textlint: error: ", r.Error);
        Assert.DoesNotContain("internal error", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
