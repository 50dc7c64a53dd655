using Microsoft.Extensions.FileSystemGlobbing;
using TextLint.Diagnostics;

namespace TextLint.Cli.Infrastructure;

/// <summary>A file to lint: where it is and how it is shown (relative to the working folder, '/'-separated).</summary>
public sealed record InputFile(string FullPath, string DisplayPath)
{
    /// <summary>The bytes, when they do not come from <see cref="FullPath"/> (standard input linted as that file).</summary>
    public byte[]? Content { get; init; }

    /// <summary>Named on the command line (not found by walking a folder or a glob): textlint.yaml's include/exclude do not apply.</summary>
    public bool Explicit { get; init; }
}

/// <summary>
/// Expands the command line's paths: files as given, folders recursively (*.txt, *.md, *.markdown;
/// hidden entries and symbolic links are not followed, so link loops cannot trap the walk), and globs
/// (FileSystemGlobbing). The result is de-duplicated and sorted ordinally by display path, the order
/// every writer emits in.
/// </summary>
public static class InputFiles
{
    public static readonly string[] DefaultExtensions = [".txt", ".md", ".markdown"];

    public static List<InputFile> Expand(IReadOnlyList<string> inputs, string workingDirectory, List<ConfigurationDiagnostic> problems)
    {
        var byPath = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        foreach (string input in inputs.Count == 0 ? ["."] : inputs)
        {
            if (IsGlob(input))
            {
                ExpandGlob(input, workingDirectory, byPath);
                continue;
            }
            string full = Path.GetFullPath(input, workingDirectory);
            if (Directory.Exists(full))
            {
                WalkDirectory(full, workingDirectory, byPath, problems);
            }
            else if (File.Exists(full))
            {
                Add(full, workingDirectory, byPath, explicitly: true);
            }
            else
            {
                problems.Add(new ConfigurationDiagnostic("TL9020", Severity.Error, input, 0, 0, $"No such file or folder: '{input}'."));
            }
        }
        var list = byPath.Values.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return list;
    }

    public static bool IsGlob(string s) => s.IndexOfAny(['*', '?', '[', '{']) >= 0;

    public static bool HasLintableExtension(string path) =>
        DefaultExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static string DisplayPath(string fullPath, string workingDirectory) =>
        Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');

    private static void Add(string full, string workingDirectory, Dictionary<string, InputFile> byPath, bool explicitly = false)
    {
        string display = DisplayPath(full, workingDirectory);
        var file = new InputFile(full, display) { Explicit = explicitly };
        // A file named explicitly stays explicit even when a folder walk also finds it.
        if (!byPath.TryAdd(display, file) && explicitly) byPath[display] = file;
    }

    private static void WalkDirectory(string root, string workingDirectory, Dictionary<string, InputFile> byPath, List<ConfigurationDiagnostic> problems)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.Device,
            ReturnSpecialDirectories = false,
        };
        try
        {
            foreach (string file in Directory.EnumerateFiles(root, "*", options))
            {
                if (!HasLintableExtension(file)) continue;
                if (IsUnderHiddenFolder(file, root)) continue;
                Add(file, workingDirectory, byPath);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigurationDiagnostic("TL9021", Severity.Error, DisplayPath(root, workingDirectory), 0, 0, $"Could not list the folder: {ex.Message}"));
        }
    }

    // Unix has no hidden attribute for folders: names starting with '.' are hidden, as ripgrep treats them.
    private static bool IsUnderHiddenFolder(string file, string root)
    {
        string rel = Path.GetRelativePath(root, file);
        foreach (var part in rel.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
            if (part.StartsWith('.') && part.Length > 1 && part != "..") return true;
        return false;
    }

    private static void ExpandGlob(string pattern, string workingDirectory, Dictionary<string, InputFile> byPath)
    {
        // The literal folder prefix is the glob's base; the rest is matched below it.
        string normalized = pattern.Replace('\\', '/');
        var parts = normalized.Split('/');
        int firstGlob = Array.FindIndex(parts, IsGlob);
        string baseDir = firstGlob <= 0 ? "." : string.Join('/', parts[..firstGlob]);
        if (baseDir.Length == 0) baseDir = "/";
        string rest = string.Join('/', parts[Math.Max(firstGlob, 0)..]);
        string fullBase = Path.GetFullPath(baseDir, workingDirectory);
        if (!Directory.Exists(fullBase)) return;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        foreach (string file in matcher.GetResultsInFullPath(fullBase))
            Add(Path.GetFullPath(file), workingDirectory, byPath);
    }
}
