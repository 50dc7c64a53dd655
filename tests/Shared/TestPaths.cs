namespace TextLint.Tests;

/// <summary>Locations of the repository, its bundled rules, the sample articles and ../shared.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Rules => Path.Combine(RepoRoot, "rules");
    public static string Samples => Path.Combine(RepoRoot, "tests", "samples");
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>../shared beside the checkout: the seed corpus, the SARIF schema and vectors.</summary>
    public static string Shared
    {
        get
        {
            string p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            if (Directory.Exists(p)) return p;
            // A git worktree's checkout lives elsewhere; the shared folder is beside the main checkout.
            if (MainCheckout() is { } main && Directory.Exists(Path.Combine(main, "..", "shared")))
                return Path.GetFullPath(Path.Combine(main, "..", "shared"));
            throw new DirectoryNotFoundException($"Expected the shared folder beside the checkout at {p}.");
        }
    }

    public static string Seeds => Path.Combine(Shared, "corpus", "seeds");
    public static string SarifSchema => Path.Combine(Shared, "sarif", "sarif-schema-2.1.0.json");

    /// <summary>For a git worktree (".git" is a file "gitdir: &lt;main&gt;/.git/worktrees/&lt;name&gt;"), the main checkout.</summary>
    private static string? MainCheckout()
    {
        string gitFile = Path.Combine(RepoRoot, ".git");
        if (!File.Exists(gitFile)) return null;
        string line = File.ReadAllText(gitFile).Trim();
        if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
        var gitDir = new DirectoryInfo(Path.GetFullPath(line["gitdir:".Length..].Trim(), RepoRoot));
        // <main>/.git/worktrees/<name> → <main>
        return gitDir.Parent?.Parent?.Parent?.FullName;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TextLint.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Could not find TextLint.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public static TempDirectory CreateTempDirectory() => new();
}

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "textlint-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
