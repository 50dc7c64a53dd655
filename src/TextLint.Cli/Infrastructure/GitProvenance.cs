using System.Diagnostics;
using TextLint.Output;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// SARIF's versionControlProvenance from the git repository a folder is in, asked of <c>git</c> on the
/// PATH (it knows worktrees, packed refs, submodules and <c>safe.directory</c>, which reading .git by hand
/// would have to redo). No git, no repository: null, and the log has no provenance. A repository with no
/// commit has no revision; a detached HEAD (a CI checkout of a pull request) no branch; no remote gives
/// the repository's folder as a file: URI. A remote URL loses any user name and password or token in it
/// (<c>https://x-access-token:…@github.com/o/r</c>), which must never reach a log that is uploaded.
/// </summary>
public static class GitProvenance
{
    /// <param name="environment">For GITHUB_REF and GITHUB_SHA: a pull request's checkout is a detached HEAD, and GitHub names its ref.</param>
    public static VersionControlDetails? Find(string directory, Func<string, string?> environment)
    {
        if (Git(directory, "rev-parse", "--show-toplevel") is not { Length: > 0 } top) return null;
        string? revision = Git(directory, "rev-parse", "--verify", "-q", "HEAD^{commit}") is { Length: > 0 } r ? r : null;
        // The full ref (refs/heads/main): GitHub code scanning files results under a fully qualified ref.
        string? branch = Git(directory, "symbolic-ref", "-q", "HEAD") is { Length: > 0 } b ? b : null;
        if (branch is null && revision is not null && environment("GITHUB_REF") is { Length: > 0 } githubRef
            && string.Equals(environment("GITHUB_SHA"), revision, StringComparison.OrdinalIgnoreCase))
            branch = githubRef;
        string? remote = RemoteUrl(directory);
        string uri = remote is not null ? StripCredentials(remote) : SarifDirectoryUri(top);
        return new VersionControlDetails(uri, revision, branch) { RootDirectory = Path.GetFullPath(top) };
    }

    /// <summary>origin's URL, else the first remote's; null without a remote.</summary>
    private static string? RemoteUrl(string directory)
    {
        if (Git(directory, "config", "--get-regexp", @"^remote\..*\.url$") is not { Length: > 0 } lines) return null;
        string? first = null;
        foreach (string line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int space = line.IndexOf(' ');
            if (space <= 0) continue;
            string key = line[..space], url = line[(space + 1)..].Trim();
            if (key == "remote.origin.url") return url;
            first ??= url;
        }
        return first;
    }

    /// <summary>
    /// The URL without its user information (user name, password, token). An scp-like address
    /// (<c>git@host:owner/repo.git</c>) becomes the ssh: URI it stands for, without the user; a local
    /// path becomes a file: URI.
    /// </summary>
    public static string StripCredentials(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme != Uri.UriSchemeFile && url.Contains("://", StringComparison.Ordinal))
        {
            var builder = new UriBuilder(uri) { UserName = "", Password = "" };
            // UriBuilder writes the default port of the scheme out; keep the URL as it was written.
            if (uri.IsDefaultPort) builder.Port = -1;
            return builder.Uri.AbsoluteUri;
        }
        // scp-like: [user@]host:path, with no slash before the colon.
        int colon = url.IndexOf(':');
        if (colon > 0 && !url[..colon].Contains('/') && !(colon == 1 && char.IsLetter(url[0])))
        {
            string host = url[..colon];
            int at = host.LastIndexOf('@');
            if (at >= 0) host = host[(at + 1)..];
            return $"ssh://{host}/{url[(colon + 1)..].TrimStart('/')}";
        }
        return SarifDirectoryUri(url);
    }

    private static string SarifDirectoryUri(string path) =>
        Output.Sarif.SarifWriter.DirectoryUri(path).TrimEnd('/');

    /// <summary>git's first line(s) of output, trimmed; null when git is missing or fails.</summary>
    private static string? Git(string directory, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = directory,
            };
            // Never a pager, a prompt for credentials, or the user's locale in what is parsed.
            psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
            psi.Environment["GIT_PAGER"] = "cat";
            psi.Environment["LC_ALL"] = "C";
            foreach (string a in args) psi.ArgumentList.Add(a);
            using var process = Process.Start(psi);
            if (process is null) return null;
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            _ = stderr.Result;
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null; // no git on the PATH
        }
    }
}
