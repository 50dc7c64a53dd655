using System.IO.Enumeration;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using TextLint.Diagnostics;

namespace TextLint.Cli.Infrastructure;

/// <summary>A file to lint: where it is and how it is shown (relative to the working folder, '/'-separated).</summary>
public sealed record InputFile(string FullPath, string DisplayPath);

/// <summary>
/// Expands the command line's paths: files as given, folders recursively (*.txt, *.md, *.markdown),
/// and globs (FileSystemGlobbing). A path named on the command line is followed if it is a link;
/// a walk (folder or glob) never follows links, so link loops cannot trap it, and skips hidden
/// entries. FIFOs, devices and sockets are never returned, whatever their name: reading a FIFO blocks
/// forever and a device may never end; each one met is reported. The result is de-duplicated and
/// sorted ordinally by display path, the order every writer emits in.
/// </summary>
public static class InputFiles
{
    public static readonly string[] DefaultExtensions = [".txt", ".md", ".markdown"];

    public static List<InputFile> Expand(IReadOnlyList<string> inputs, string workingDirectory, List<ConfigurationDiagnostic> problems)
    {
        var byPath = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        // Directory listings come in no particular order; their problems are sorted so logs are reproducible.
        var walkProblems = new List<ConfigurationDiagnostic>();
        foreach (string input in inputs.Count == 0 ? ["."] : inputs)
        {
            string full = Path.GetFullPath(input, workingDirectory);
            var kind = FileProbe.Probe(full, followLinks: true);
            if (kind == FileKind.Missing && IsGlob(input))
            {
                ExpandGlob(input, workingDirectory, byPath, walkProblems);
                continue;
            }
            switch (kind)
            {
                case FileKind.Directory:
                    WalkDirectory(full, workingDirectory, byPath, walkProblems);
                    break;
                case FileKind.Regular:
                    Add(full, workingDirectory, byPath);
                    break;
                case FileKind.Missing:
                    string what = FileProbe.Probe(full, followLinks: false) == FileKind.SymbolicLink
                        ? $"'{input}' is a symbolic link to nothing (its target is missing)."
                        : $"No such file or folder: '{input}'.";
                    problems.Add(new ConfigurationDiagnostic("TL9020", Severity.Error, input, 0, 0, what));
                    break;
                default:
                    // Named explicitly, so the user expected it to be linted: an error, not a quiet skip.
                    problems.Add(new ConfigurationDiagnostic("TL9025", Severity.Error, input, 0, 0,
                        $"'{input}' is {FileProbe.Describe(kind)}, not a regular file; it was not read."));
                    break;
            }
        }
        walkProblems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        problems.AddRange(walkProblems);
        var list = byPath.Values.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return list;
    }

    public static bool IsGlob(string s) => s.IndexOfAny(['*', '?', '[', '{']) >= 0;

    public static bool HasLintableExtension(ReadOnlySpan<char> path)
    {
        foreach (string e in DefaultExtensions)
            if (path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static string DisplayPath(string fullPath, string workingDirectory) =>
        Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');

    private static void Add(string full, string workingDirectory, Dictionary<string, InputFile> byPath)
    {
        string display = DisplayPath(full, workingDirectory);
        byPath.TryAdd(display, new InputFile(full, display));
    }

    /// <summary>
    /// Adds a file met by a walk if it is a regular file. Links were already left out by the listing;
    /// the lstat here is what tells a FIFO or a device named *.txt from an article.
    /// </summary>
    private static void AddWalked(string full, string workingDirectory, Dictionary<string, InputFile> byPath, List<ConfigurationDiagnostic> problems)
    {
        var kind = FileProbe.Probe(full, followLinks: false);
        switch (kind)
        {
            case FileKind.Regular:
                Add(full, workingDirectory, byPath);
                break;
            case FileKind.Missing or FileKind.SymbolicLink or FileKind.Directory:
                break; // gone since it was listed, or not a file to read: nothing to lint
            default:
                string display = DisplayPath(full, workingDirectory);
                problems.Add(new ConfigurationDiagnostic("TL9025", Severity.Warning, display, 0, 0,
                    $"Skipped: '{display}' is {FileProbe.Describe(kind)}, not a regular file."));
                break;
        }
    }

    private readonly record struct Entry(string FullPath, bool IsDirectory, bool IsLink, bool IsHidden);

    private static readonly EnumerationOptions ListOneFolder = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Walks a folder tree with an explicit stack (deep trees cannot overflow it), one listing per
    /// folder so a folder that cannot be listed is reported and the rest is still walked.
    /// </summary>
    private static void WalkDirectory(string root, string workingDirectory, Dictionary<string, InputFile> byPath, List<ConfigurationDiagnostic> problems)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            try
            {
                var entries = new FileSystemEnumerable<Entry>(folder, static (ref FileSystemEntry e) => new Entry(
                    e.ToFullPath(),
                    e.IsDirectory,
                    (e.Attributes & FileAttributes.ReparsePoint) != 0,
                    // Unix has no hidden attribute: a leading '.' hides, as ripgrep and ls treat it.
                    e.FileName.StartsWith('.') || (e.Attributes & FileAttributes.Hidden) != 0), ListOneFolder);
                foreach (var entry in entries)
                {
                    if (entry.IsLink || entry.IsHidden) continue;
                    if (entry.IsDirectory) pending.Push(entry.FullPath);
                    else if (HasLintableExtension(entry.FullPath)) AddWalked(entry.FullPath, workingDirectory, byPath, problems);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                string display = DisplayPath(folder, workingDirectory);
                problems.Add(new ConfigurationDiagnostic("TL9021", Severity.Error, display, 0, 0,
                    $"Could not list the folder: {IoErrors.Describe(ex, folder, display)}"));
            }
        }
    }

    private static void ExpandGlob(string pattern, string workingDirectory, Dictionary<string, InputFile> byPath, List<ConfigurationDiagnostic> problems)
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
        foreach (var match in matcher.Execute(new NoLinksDirectory(new DirectoryInfo(fullBase))).Files)
            AddWalked(Path.GetFullPath(Path.Combine(fullBase, match.Path)), workingDirectory, byPath, problems);
    }

    /// <summary>The globbing library's view of a folder, minus links, so '**' cannot loop through them.</summary>
    private sealed class NoLinksDirectory(DirectoryInfo directory) : DirectoryInfoBase
    {
        private static readonly EnumerationOptions Options = new()
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            ReturnSpecialDirectories = false,
        };

        public override string Name => directory.Name;
        public override string FullName => directory.FullName;
        public override DirectoryInfoBase? ParentDirectory => directory.Parent is { } p ? new NoLinksDirectory(p) : null;

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            if (!directory.Exists) yield break;
            foreach (var info in directory.EnumerateFileSystemInfos("*", Options))
            {
                if (info is DirectoryInfo d) yield return new NoLinksDirectory(d);
                else if (info is FileInfo f) yield return new FileInfoWrapper(f);
            }
        }

        public override DirectoryInfoBase? GetDirectory(string path) =>
            path == ".." ? ParentDirectory : new NoLinksDirectory(new DirectoryInfo(Path.Combine(directory.FullName, path)));

        public override FileInfoBase? GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(directory.FullName, path)));
    }
}

/// <summary>I/O error messages for notifications: .NET's messages name absolute paths, which must not reach a SARIF log.</summary>
public static class IoErrors
{
    public static string Describe(Exception ex, string fullPath, string displayPath)
    {
        string message = ex switch
        {
            FileNotFoundException or DirectoryNotFoundException => "it no longer exists.",
            UnauthorizedAccessException => "permission denied.",
            _ => ex.Message,
        };
        message = message.Replace(fullPath, displayPath, StringComparison.Ordinal);
        return message.EndsWith('.') ? message : message + ".";
    }
}
