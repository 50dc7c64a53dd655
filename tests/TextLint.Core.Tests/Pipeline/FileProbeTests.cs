using System.Diagnostics;
using TextLint.Pipeline;

namespace TextLint.Core.Tests.Pipeline;

/// <summary>
/// Reading never blocks: the open itself is non-blocking and what was opened is checked on the handle, so
/// a FIFO swapped in for a file after any earlier check is refused at once instead of waiting for a writer.
/// </summary>
public class FileProbeTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task OpeningAFifo_DoesNotBlock_AndReportsWhatItIs()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestPaths.CreateTempDirectory();
        string fifo = Path.Combine(dir.Path, "a.txt");
        Run("mkfifo", fifo);

        var (stream, kind) = await Task.Run(() => (FileProbe.OpenRegularForReading(fifo, out var k), k)).WaitAsync(NoHang);

        Assert.Null(stream);
        Assert.Equal(FileKind.Fifo, kind);
    }

    [Fact]
    public async Task AFileTurnedIntoAFifo_IsANotification_NotAHang()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestPaths.CreateTempDirectory();
        string path = dir.Write("a.txt", "He left.");
        var source = new DocumentSource(path, "a.txt");
        File.Delete(path);
        Run("mkfifo", path);

        var result = await Task.Run(() => new FileLinter(new Engine.LintEngine(Engine.RuleSet.Compile([]))).Lint(source)).WaitAsync(NoHang);

        Assert.Null(result.Report);
        var note = Assert.Single(result.Notifications);
        Assert.Equal(("TL9028", Diagnostics.Severity.Error), (note.Code, note.Severity));
    }

    [Fact]
    public void ARegularFile_IsOpened_AndItsIdentityIsTheInode()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestPaths.CreateTempDirectory();
        string path = dir.Write("a.txt", "He left.");
        string other = dir.Write("b.txt", "He left.");
        string link = Path.Combine(dir.Path, "link.txt");
        File.CreateSymbolicLink(link, path);

        using (var stream = FileProbe.OpenRegularForReading(path, out var kind))
        {
            Assert.Equal(FileKind.Regular, kind);
            Assert.Equal("He left."u8.ToArray(), ReadAll(stream!));
            var byHandle = FileProbe.Identify(stream!.SafeFileHandle)!.Value;
            var byPath = FileProbe.Identify(path)!.Value;
            Assert.True(byHandle.IsSameFile(byPath));
            Assert.Equal(8, byPath.Size);
        }
        Assert.True(FileProbe.Identify(link)!.Value.IsSameFile(FileProbe.Identify(path)!.Value));
        Assert.False(FileProbe.Identify(other)!.Value.IsSameFile(FileProbe.Identify(path)!.Value));
        // The identity carries the inode that stat(1) reports.
        long inode = long.Parse(Output("stat", "-c", "%i", path));
        var id = FileProbe.Identify(path)!.Value;
        Assert.Contains(inode, new[] { id.Id0, id.Id1, id.Id2 });
        Assert.Throws<FileNotFoundException>(() => FileProbe.OpenRegularForReading(Path.Combine(dir.Path, "missing.txt"), out _));
    }

    private static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static void Run(string tool, params string[] args) => Output(tool, args);

    private static string Output(string tool, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(tool, args) { UseShellExecute = false, RedirectStandardOutput = true })!;
        string output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }
}
