using System.Diagnostics;
using System.Text;
using TextLint.Diagnostics;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// --changed-since REF: the files of the working tree added, copied, modified or renamed (under the new
/// name) since the merge base of REF and HEAD, with the uncommitted and untracked ones; deleted files
/// are not in it. Asks the <c>git</c> on PATH, from any folder of the repository.
/// </summary>
/// <remarks>
/// The merge base, not REF itself, so a pull request checked against <c>origin/main</c> lints what the
/// branch changed, not what main changed since the branch was made (as <c>git diff main...</c>).
/// </remarks>
public static class GitChanges
{
    /// <summary>The changed files as full paths, or null with <paramref name="error"/> (TL9091, exit 2).</summary>
    public static HashSet<string>? Since(string revision, string workingDirectory, out ConfigurationDiagnostic? error)
    {
        error = null;
        ConfigurationDiagnostic Fail(string message) =>
            new(NotificationCodes.GitFailed, Severity.Error, ".", 0, 0, "--changed-since: " + message);

        if (revision.StartsWith('-'))
        {
            error = Fail($"'{revision}' is not a git revision.");
            return null;
        }
        var top = Git(workingDirectory, "rev-parse", "--show-cdup");
        if (top.Failure is { } notRun)
        {
            error = Fail(notRun);
            return null;
        }
        if (top.ExitCode != 0)
        {
            error = Fail($"'{workingDirectory}' is not in a git repository ({FirstLine(top.Error)}).");
            return null;
        }
        // The top folder reached from the working folder (not git's own spelling of it, which resolves
        // links), so the paths compare equal to the walk's.
        string root = Path.GetFullPath(Path.Combine(workingDirectory, top.Output.TrimEnd('\n', '\r')));
        var commit = Git(workingDirectory, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (commit.ExitCode != 0)
        {
            error = Fail($"unknown revision '{revision}' (not a branch, tag or commit of this repository; in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0).");
            return null;
        }
        string target = commit.Output.Trim();
        var mergeBase = Git(workingDirectory, "merge-base", target, "HEAD");
        string from = mergeBase.ExitCode == 0 ? mergeBase.Output.Trim() : target; // no common history (or no HEAD yet): the revision itself

        // Committed and uncommitted changes against the base; renames are followed, so the new name is listed.
        var diff = Git(root, "diff", "--name-only", "-z", "--find-renames", "--diff-filter=ACMR", "--no-ext-diff", from, "--");
        var untracked = Git(root, "ls-files", "--others", "--exclude-standard", "-z");
        foreach (var r in new[] { diff, untracked })
            if (r.ExitCode != 0)
            {
                error = Fail(r.Failure ?? $"git failed: {FirstLine(r.Error)}");
                return null;
            }
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in (diff.Output + untracked.Output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
            files.Add(Path.GetFullPath(Path.Combine(root, name)));
        return files;
    }

    private static string FirstLine(string s)
    {
        s = s.Trim();
        int nl = s.IndexOf('\n');
        return nl < 0 ? s : s[..nl].TrimEnd('\r');
    }

    private sealed record GitResult(int ExitCode, string Output, string Error, string? Failure);

    private static GitResult Git(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string a in args) start.ArgumentList.Add(a);
        // Names as bytes (no octal quoting), whatever the user's configuration.
        start.Environment["GIT_CONFIG_COUNT"] = "1";
        start.Environment["GIT_CONFIG_KEY_0"] = "core.quotePath";
        start.Environment["GIT_CONFIG_VALUE_0"] = "false";
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new GitResult(process.ExitCode, output, error.GetAwaiter().GetResult(), null);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new GitResult(-1, "", "", $"git could not be run ({ex.Message}); --changed-since needs git on PATH.");
        }
    }
}
