using System.Diagnostics;
using System.Text.Json;
using TextLint.Pipeline;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>
/// -o, --sarif and --update-baseline write according to what the target is: a regular file (or a new one)
/// atomically, through a link to the file it names, a device or a FIFO as a stream in place; a target that
/// is one of the run's inputs is refused. A private device node made with mknod stands in for /dev/null:
/// the real one is never touched.
/// </summary>
public class OutputTargetTests
{
    private const string Article = "He supposedly left the city.\n";

    [MknodFact]
    public void ADeviceNode_IsWrittenInPlace_AndStaysADevice()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", Article);
        string device = Path.Combine(dir.Path, "null");
        Assert.True(MknodFactAttribute.TryMknod(device));

        var run = CliRunner.Run(dir.Path, "a.md", "-o", "null", "--sarif", "null2", "--no-color");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(FileKind.CharacterDevice, FileProbe.Probe(device, followLinks: false));

        // --sarif and --baseline --update-baseline too.
        var sarif = CliRunner.Run(dir.Path, "a.md", "--sarif", "null");
        Assert.Equal(0, sarif.ExitCode);
        var baseline = CliRunner.Run(dir.Path, "a.md", "--baseline", "null", "--update-baseline");
        Assert.Equal(0, baseline.ExitCode);
        Assert.Equal(FileKind.CharacterDevice, FileProbe.Probe(device, followLinks: false));
        Assert.Empty(Temporaries(dir.Path));
    }

    [Fact]
    public void ASymbolicLink_IsFollowed_ItsTargetReplaced_AndTheLinkKept()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", Article);
        dir.Write("reports/real.sarif", "old");
        string link = Path.Combine(dir.Path, "report.sarif");
        File.CreateSymbolicLink(link, Path.Combine("reports", "real.sarif"));

        var run = CliRunner.Run(dir.Path, "a.md", "--sarif", "report.sarif");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(FileKind.SymbolicLink, FileProbe.Probe(link, followLinks: false));
        using var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "reports", "real.sarif")));
        Assert.Equal("TL1001", log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Empty(Temporaries(dir.Path));
    }

    [Fact]
    public async Task AFifo_IsWrittenAsAStream_AndStaysAFifo()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", Article);
        string fifo = Path.Combine(dir.Path, "report.fifo");
        HostileInputTests.Posix("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = await Task.Run(() => CliRunner.Run(dir.Path, "a.md", "-o", "report.fifo")).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, run.ExitCode);
        string report = await reader.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.StartsWith("a.md(1,4): warning TL1001: ", report);
        Assert.Equal(FileKind.Fifo, FileProbe.Probe(fifo, followLinks: false));
    }

    [Theory]
    [InlineData("-o")]
    [InlineData("--sarif")]
    public void ATargetThatIsAnInput_IsRefused_AndTheArticleKept(string option)
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("articles/a.md", Article);
        var run = CliRunner.Run(dir.Path, "articles", option, "articles/a.md");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'articles/a.md' is one of the files being linted", run.Error);
        Assert.Equal(Article, File.ReadAllText(Path.Combine(dir.Path, "articles/a.md")));

        // The same file by another name: a link to it.
        if (OperatingSystem.IsWindows()) return;
        File.CreateSymbolicLink(Path.Combine(dir.Path, "report.txt"), Path.Combine(dir.Path, "articles/a.md"));
        var linked = CliRunner.Run(dir.Path, "articles", option, "report.txt");
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains("'report.txt' is one of the files being linted", linked.Error);
        Assert.Equal(Article, File.ReadAllText(Path.Combine(dir.Path, "articles/a.md")));
    }

    [Fact]
    public void AnUpdatedBaselineThatIsAnInput_IsRefused()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.txt", Article);
        var run = CliRunner.Run(dir.Path, "a.txt", "--baseline", "a.txt", "--update-baseline");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'a.txt' is one of the files being linted", run.Error);
        Assert.Equal(Article, File.ReadAllText(Path.Combine(dir.Path, "a.txt")));
    }

    [Fact]
    public void StaleTemporaryFilesOfADeadRun_AreRemovedOnTheNextWrite_ThoseOfALiveOneKept()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", Article);
        int dead = DeadProcessId();
        string stale = dir.Write($".report.txt.textlint-{dead}-{Guid.NewGuid():N}.tmp", "half a report");
        string older = dir.Write($".report.txt.{dead}.{Guid.NewGuid():N}.tmp", "half a report, by an earlier version");
        string live = dir.Write($".report.txt.textlint-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp", "being written");
        string other = dir.Write($".other.txt.textlint-{dead}-{Guid.NewGuid():N}.tmp", "another target's");

        var run = CliRunner.Run(dir.Path, "a.md", "-o", "report.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(older));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.StartsWith("a.md(1,4)", File.ReadAllText(Path.Combine(dir.Path, "report.txt")));
    }

    [Fact]
    public void AReportThatCannotBeWritten_IsAnErrorNamingTheTarget_NotATemporaryFile()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", Article);
        Directory.CreateDirectory(Path.Combine(dir.Path, "folder"));

        var intoFolder = CliRunner.Run(dir.Path, "a.md", "-o", "folder");
        Assert.Equal(2, intoFolder.ExitCode);
        Assert.Contains("Could not write 'folder': it is a folder", intoFolder.Error);

        var underAFile = CliRunner.Run(dir.Path, "a.md", "--sarif", "a.md/report.sarif");
        Assert.Equal(2, underAFile.ExitCode);
        Assert.Contains("Could not write 'a.md/report.sarif'", underAFile.Error);
        Assert.DoesNotContain(".tmp", intoFolder.Error + underAFile.Error);
        Assert.Empty(Temporaries(dir.Path));
    }

    private static IEnumerable<string> Temporaries(string folder) =>
        Directory.GetFiles(folder, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });

    /// <summary>The id of a process that has ended (and whose id is not yet reused).</summary>
    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }
}

/// <summary>A fact that needs a device node made with mknod (root, as in CI containers); skipped with the reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MknodFactAttribute : FactAttribute
{
    public MknodFactAttribute()
    {
        if (OperatingSystem.IsWindows()) { Skip = "Device nodes are a Unix thing."; return; }
        string probe = Path.Combine(Path.GetTempPath(), $"textlint-mknod-{Guid.NewGuid():N}");
        try
        {
            if (!TryMknod(probe)) Skip = "mknod is not permitted here (it needs root, as in the CI container); the device-node target cannot be tested.";
        }
        finally
        {
            try { File.Delete(probe); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A character device with /dev/null's numbers (1, 3) at <paramref name="path"/>.</summary>
    public static bool TryMknod(string path)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("mknod", [path, "c", "1", "3"]) { UseShellExecute = false, RedirectStandardError = true })!;
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
