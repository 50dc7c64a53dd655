namespace TextLint.Tests;

/// <summary>Locations of the repository, its bundled rules, the sample articles and ../shared.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Rules => Path.Combine(RepoRoot, "rules");
    public static string Samples => Path.Combine(RepoRoot, "tests", "samples");
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>
    /// ../shared beside the checkout: the seed corpus, the SARIF schema and vectors. A git worktree kept
    /// one level deeper (work/wt/branch beside work/shared) finds it beside an ancestor instead, and a
    /// clone made elsewhere (git clone . $(mktemp -d)) beside the repository it was cloned from.
    /// </summary>
    public static string Shared
    {
        get
        {
            string first = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            var roots = new List<string> { RepoRoot };
            if (LocalOrigin() is { } origin) roots.Add(origin);
            foreach (var root in roots)
                for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
                {
                    string p = Path.Combine(dir.FullName, "shared");
                    if (Directory.Exists(Path.Combine(p, "sarif"))) return p;
                }
            throw new DirectoryNotFoundException($"Expected the shared folder beside the checkout at {first}.");
        }
    }

    /// <summary>The folder the checkout was cloned from, when its origin is a path on this machine.</summary>
    private static string? LocalOrigin()
    {
        string config = Path.Combine(RepoRoot, ".git", "config");
        if (!File.Exists(config)) return null;
        bool inOrigin = false;
        foreach (string raw in File.ReadLines(config))
        {
            string line = raw.Trim();
            if (line.StartsWith('[')) { inOrigin = line == "[remote \"origin\"]"; continue; }
            if (!inOrigin || !line.StartsWith("url", StringComparison.Ordinal)) continue;
            string url = line[(line.IndexOf('=') + 1)..].Trim();
            if (url.StartsWith("file://", StringComparison.Ordinal)) url = new Uri(url).LocalPath;
            return Path.IsPathFullyQualified(url) && Directory.Exists(url) ? Path.GetFullPath(url) : null;
        }
        return null;
    }

    public static string Seeds => Path.Combine(Shared, "corpus", "seeds");
    public static string SarifSchema => Path.Combine(Shared, "sarif", "sarif-schema-2.1.0.json");

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
