using System.Diagnostics;

namespace TextLint.Cli.Tests.Inputs;

/// <summary>A real git repository in a temporary folder, driven with the git on PATH.</summary>
internal sealed class GitRepo : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.CreateTempDirectory();

    public GitRepo()
    {
        Git("init", "-q", "-b", "main");
    }

    public string Path => _dir.Path;

    public string Write(string relative, string content) => _dir.Write(relative, content);

    public void Delete(string relative) => File.Delete(System.IO.Path.Combine(Path, relative));

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--no-verify", "-m", message);
    }

    /// <summary>Runs git in the repository and returns its standard output; a failure fails the test.</summary>
    public string Git(params string[] args) => GitIn(Path, args);

    public static string GitIn(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        // A fixed identity and no user or system configuration: the test sees the same git everywhere.
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "TextLint Tests";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "tests@example.invalid";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error.Result}");
        return output;
    }

    public void Dispose() => _dir.Dispose();
}
