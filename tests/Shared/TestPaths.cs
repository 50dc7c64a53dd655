namespace TextLint.Tests;

/// <summary>Locations of the repository, its bundled rules, the sample articles and ../shared.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Rules => Path.Combine(RepoRoot, "rules");
    public static string Samples => Path.Combine(RepoRoot, "tests", "samples");
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>The seed articles and their labels, copied into the repository from ../shared/corpus/seeds.</summary>
    public static string Seeds => Path.Combine(RepoRoot, "tests", "corpus", "seeds");

    /// <summary>The OASIS SARIF 2.1.0 JSON schema (with errata), copied into the repository from ../shared/sarif.</summary>
    public static string SarifSchema => Path.Combine(Fixtures, "sarif-schema", "sarif-schema-2.1.0.json");

    /// <summary>
    /// The one documented place of the public data of other projects (Vale's styles, the larger corpora):
    /// a folder named <c>shared</c> beside the checkout (<c>&lt;repo&gt;/../shared</c>). Nothing else in the
    /// test suite reads it; tests that do use <c>[SharedDataFact]</c> or
    /// <c>[SharedDataTheory]</c>, which skip without it outside CI.
    /// </summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>A folder of ../shared (for example <c>vale</c> or <c>corpus/wikinews</c>); a clear error when it is missing.</summary>
    public static string SharedData(string relative)
    {
        string path = Path.Combine(Shared, relative);
        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"This test needs ../shared/{relative} beside the checkout, at {path}.");
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
