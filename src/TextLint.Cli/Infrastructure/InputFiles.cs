using System.IO.Enumeration;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Pipeline;

namespace TextLint.Cli.Infrastructure;

/// <summary>A file to lint: where it is and how it is shown (relative to the working folder, '/'-separated).</summary>
public sealed record InputFile(string FullPath, string DisplayPath) : DocumentSource(FullPath, DisplayPath)
{
    /// <summary>Named on the command line (not found by walking a folder or a glob): textlint.yaml's include/exclude do not apply.</summary>
    public bool Explicit { get; init; }
}

/// <summary>How the command line's paths are expanded.</summary>
public sealed record InputOptions
{
    public static readonly InputOptions Default = new();

    /// <summary>Respect .gitignore, .ignore, .textlintignore and .git/info/exclude in walks (false: --no-ignore).</summary>
    public bool RespectIgnoreFiles { get; init; } = true;

    /// <summary>A folder or glob that yields no file is fine (--allow-empty); otherwise it is an error (TL9090).</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Which walked or globbed files to keep (textlint.yaml's include/exclude); null keeps all. Applied before counting.</summary>
    public Func<InputFile, bool>? Keep { get; init; }
}

/// <summary>
/// Expands the command line's paths: files as given, folders recursively (*.txt, *.md, *.markdown),
/// and globs (the EditorConfig dialect, see <see cref="EditorConfigGlob"/>; FileSystemGlobbing walks the
/// folders). Walks respect ignore files (<see cref="IgnoreLayer"/>), files named explicitly are always
/// linted. A folder or glob that yields no file to lint is an error (TL9090) unless empty runs are
/// allowed: a typo in a CI path must not pass green. A path named on the command line is followed if it is a link;
/// a walk (folder or glob) never follows links, so link loops cannot trap it, and skips hidden
/// entries. FIFOs, devices and sockets are never returned, whatever their name: reading a FIFO blocks
/// forever and a device may never end; each one met is reported.
/// Files come de-duplicated and in ordinal order of display path, the order every writer emits in,
/// and are produced lazily: a folder walk lists one folder at a time, so a million-file tree is never
/// held in memory as a whole.
/// </summary>
public static class InputFiles
{
    public static readonly string[] DefaultExtensions = [".txt", ".md", ".markdown"];

    /// <summary>All input files at once (see <see cref="Enumerate"/>).</summary>
    public static List<InputFile> Expand(IReadOnlyList<string> inputs, string workingDirectory, List<ConfigurationDiagnostic> problems, InputOptions? options = null) =>
        Enumerate(inputs, workingDirectory, problems, options).ToList();

    /// <summary>
    /// The input files, lazily, sorted and de-duplicated. Problems with the paths named on the command
    /// line are added to <paramref name="problems"/> at once; problems met while walking are added,
    /// sorted by path, when the enumeration ends.
    /// </summary>
    public static IEnumerable<InputFile> Enumerate(IReadOnlyList<string> inputs, string workingDirectory, List<ConfigurationDiagnostic> problems, InputOptions? options = null)
    {
        options ??= InputOptions.Default;
        var walkProblems = new List<ConfigurationDiagnostic>();
        var sources = new List<IEnumerable<InputFile>>();
        string[] named = inputs.Count == 0 ? ["."] : [.. inputs];
        // Files each folder or glob yielded (after ignore files and include/exclude), to catch the ones that yield none.
        int[] found = new int[named.Length];
        var walked = new List<(int Index, bool IsGlob)>();
        for (int index = 0; index < named.Length; index++)
        {
            string input = named[index];
            string full = Path.GetFullPath(input, workingDirectory);
            var kind = FileProbe.Probe(full, followLinks: true);
            if (kind == FileKind.Missing && IsGlob(input))
            {
                sources.Add(Counted(ExpandGlob(input, workingDirectory, walkProblems, options.RespectIgnoreFiles), found, index, options.Keep));
                walked.Add((index, true));
                continue;
            }
            switch (kind)
            {
                case FileKind.Directory:
                    sources.Add(Counted(WalkDirectory(full, workingDirectory, walkProblems, options.RespectIgnoreFiles), found, index, options.Keep));
                    walked.Add((index, false));
                    break;
                case FileKind.Regular:
                    sources.Add([new InputFile(full, DisplayPath(full, workingDirectory)) { Explicit = true }]);
                    break;
                case FileKind.Missing:
                    string what = FileProbe.Probe(full, followLinks: false) == FileKind.SymbolicLink
                        ? $"'{input}' is a symbolic link to nothing (its target is missing)."
                        : $"No such file or folder: '{input}'.";
                    problems.Add(new ConfigurationDiagnostic(NotificationCodes.NoSuchPath, Severity.Error, input, 0, 0, what));
                    break;
                default:
                    // Named explicitly, so the user expected it to be linted: an error, not a quiet skip.
                    problems.Add(new ConfigurationDiagnostic(NotificationCodes.NotARegularFile, Severity.Error, input, 0, 0,
                        $"'{input}' is {FileProbe.Describe(kind)}, not a regular file; it was not read."));
                    break;
            }
        }
        return MergeSorted(sources, () =>
        {
            // Directory listings come in no particular order; their problems are sorted so logs are reproducible.
            walkProblems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            problems.AddRange(walkProblems);
            if (options.AllowEmpty) return;
            foreach (var (index, isGlob) in walked)
                if (found[index] == 0) problems.Add(MatchedNothing(named[index], isGlob));
        });
    }

    /// <summary>TL9090: a folder or glob named on the command line yielded no file to lint.</summary>
    private static ConfigurationDiagnostic MatchedNothing(string input, bool isGlob)
    {
        string what = isGlob
            ? $"No files matching the pattern '{input}' were found"
            : $"No file to lint ({string.Join(", ", DefaultExtensions.Select(e => "*" + e))}) was found in '{input}'";
        return new ConfigurationDiagnostic(NotificationCodes.NoFilesMatched, Severity.Error, input, 0, 0,
            what + " (files left out by .gitignore, .ignore, .textlintignore or textlint.yaml's exclude do not count). "
            + "Check the path; --allow-empty accepts a run with nothing to lint.");
    }

    private static IEnumerable<InputFile> Counted(IEnumerable<InputFile> source, int[] found, int index, Func<InputFile, bool>? keep)
    {
        foreach (var file in source)
        {
            if (keep is not null && !keep(file)) continue;
            found[index]++;
            yield return file;
        }
    }

    /// <summary>
    /// Merges sources that are each sorted by display path, dropping repeats (a file named twice, or
    /// under two inputs); a file named explicitly stays explicit even when a walk also finds it.
    /// </summary>
    private static IEnumerable<InputFile> MergeSorted(List<IEnumerable<InputFile>> sources, Action atEnd)
    {
        var queue = new PriorityQueue<IEnumerator<InputFile>, string>(StringComparer.Ordinal);
        try
        {
            foreach (var source in sources)
            {
                var e = source.GetEnumerator();
                if (e.MoveNext()) queue.Enqueue(e, e.Current.DisplayPath);
                else e.Dispose();
            }
            InputFile? pending = null;
            while (queue.TryDequeue(out var e, out _))
            {
                var file = e.Current;
                if (e.MoveNext()) queue.Enqueue(e, e.Current.DisplayPath);
                else e.Dispose();
                if (pending is not null && string.Equals(pending.DisplayPath, file.DisplayPath, StringComparison.Ordinal))
                {
                    if (file.Explicit) pending = file;
                    continue;
                }
                if (pending is not null) yield return pending;
                pending = file;
            }
            if (pending is not null) yield return pending;
            atEnd();
        }
        finally
        {
            while (queue.TryDequeue(out var e, out _)) e.Dispose();
        }
    }

    public static bool IsGlob(string s) => s.IndexOfAny(['*', '?', '[', '{']) >= 0;

    public static bool HasLintableExtension(ReadOnlySpan<char> path)
    {
        foreach (string e in DefaultExtensions)
            if (path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The path relative to the working folder, '/'-separated on Windows; elsewhere a backslash is part of a name and kept.</summary>
    public static string DisplayPath(string fullPath, string workingDirectory) =>
        Path.DirectorySeparatorChar == '\\' ? Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/') : Path.GetRelativePath(workingDirectory, fullPath);

    /// <summary>
    /// A file met by a walk, if it is a regular file. Links were already left out by the listing; the
    /// lstat here is what tells a FIFO or a device named *.txt from an article.
    /// </summary>
    private static InputFile? Walked(string full, string workingDirectory, List<ConfigurationDiagnostic> problems)
    {
        var kind = FileProbe.Probe(full, followLinks: false);
        switch (kind)
        {
            case FileKind.Regular:
                return new InputFile(full, DisplayPath(full, workingDirectory));
            case FileKind.Missing or FileKind.SymbolicLink or FileKind.Directory:
                return null; // gone since it was listed, or not a file to read: nothing to lint
            default:
                string display = DisplayPath(full, workingDirectory);
                problems.Add(new ConfigurationDiagnostic(NotificationCodes.NotARegularFile, Severity.Warning, display, 0, 0,
                    $"Skipped: '{display}' is {FileProbe.Describe(kind)}, not a regular file."));
                return null;
        }
    }

    private readonly record struct Entry(string FullPath, string SortKey, bool IsDirectory);

    private sealed class Folder(Entry[] entries, IgnoreLayer? ignore)
    {
        public Entry[] Entries { get; } = entries;
        public IgnoreLayer? Ignore { get; } = ignore;
        public int Next;
    }

    private static readonly EnumerationOptions ListOneFolder = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Walks a folder tree depth first with an explicit stack (deep trees cannot overflow it), listing
    /// one folder at a time, so a folder that cannot be listed is reported and the rest is still walked.
    /// Siblings are visited in ordinal order of their name, with '/' after a folder's name: exactly the
    /// ordinal order of the paths below them, so the walk yields files already sorted.
    /// </summary>
    private static IEnumerable<InputFile> WalkDirectory(string root, string workingDirectory, List<ConfigurationDiagnostic> problems, bool respectIgnoreFiles)
    {
        var pending = new Stack<Folder>();
        // The root itself is not checked against the ignore files (it was named), only what is below it.
        var ignore = respectIgnoreFiles ? new IgnoreWalk(root) : null;
        pending.Push(List(root, workingDirectory, problems, ignore?.Root));
        while (pending.Count > 0)
        {
            var folder = pending.Peek();
            if (folder.Next == folder.Entries.Length)
            {
                pending.Pop();
                continue;
            }
            var entry = folder.Entries[folder.Next++];
            if (entry.IsDirectory) pending.Push(List(entry.FullPath, workingDirectory, problems, ignore?.Enter(folder.Ignore, entry.FullPath)));
            else if (Walked(entry.FullPath, workingDirectory, problems) is { } file) yield return file;
        }
    }

    private static Folder List(string folder, string workingDirectory, List<ConfigurationDiagnostic> problems, IgnoreLayer? ignore)
    {
        try
        {
            var entries = new FileSystemEnumerable<Entry?>(folder, static (ref FileSystemEntry e) =>
            {
                bool link = (e.Attributes & FileAttributes.ReparsePoint) != 0;
                // Unix has no hidden attribute: a leading '.' hides, as ripgrep and ls treat it.
                bool hidden = e.FileName.StartsWith('.') || (e.Attributes & FileAttributes.Hidden) != 0;
                if (link || hidden) return null;
                if (e.IsDirectory) return new Entry(e.ToFullPath(), e.FileName.ToString() + "/", true);
                if (!HasLintableExtension(e.FileName)) return null;
                return new Entry(e.ToFullPath(), e.FileName.ToString(), false);
            }, ListOneFolder).OfType<Entry>().Where(e => ignore is null || !ignore.IsIgnored(e.FullPath, e.IsDirectory)).ToArray();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
            return new Folder(entries, ignore);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string display = DisplayPath(folder, workingDirectory);
            problems.Add(new ConfigurationDiagnostic(NotificationCodes.Unreadable, Severity.Error, display, 0, 0,
                $"Could not list the folder: {IoErrors.Describe(ex, folder, display)}"));
            return new Folder([], ignore);
        }
    }

    /// <summary>
    /// A command-line glob, in the EditorConfig dialect (<c>*</c>, <c>**</c>, <c>?</c>, <c>[...]</c>,
    /// <c>{a,b}</c>, <c>{1..3}</c>, escapes), relative to the working folder. FileSystemGlobbing walks the
    /// folders with a pattern it understands that matches at least as much (each segment with a construct
    /// it does not know becomes <c>*</c>); the EditorConfig matcher then decides, so there is one dialect.
    /// </summary>
    private static List<InputFile> ExpandGlob(string pattern, string workingDirectory, List<ConfigurationDiagnostic> problems, bool respectIgnoreFiles)
    {
        // The literal folder prefix is the glob's base; the rest is matched below it.
        var (baseDir, rest) = SplitGlob(OperatingSystem.IsWindows() ? pattern.Replace('\\', '/') : pattern); // '\\' escapes elsewhere
        string fullBase = Path.GetFullPath(baseDir, workingDirectory);
        var files = new List<InputFile>();
        if (!Directory.Exists(fullBase)) return files;
        var exact = EditorConfigGlob.ParsePath(rest);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(WalkPattern(rest));
        var ignore = respectIgnoreFiles ? new IgnoreWalk(fullBase) : null;
        foreach (var match in matcher.Execute(new NoLinksDirectory(new DirectoryInfo(fullBase), ignore, ignore?.Root)).Files)
        {
            if (!exact.IsMatch(match.Path)) continue;
            if (Walked(Path.GetFullPath(Path.Combine(fullBase, match.Path)), workingDirectory, problems) is { } file) files.Add(file);
        }
        files.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return files;
    }

    /// <summary>The literal folders before the first segment with a glob construct, and the rest.</summary>
    internal static (string Base, string Remainder) SplitGlob(string pattern)
    {
        var parts = pattern.Split('/');
        // A brace may hold a '/' ({a/b,c}): the base ends before the first segment with any construct.
        int firstGlob = Array.FindIndex(parts, IsGlob);
        if (firstGlob < 0) firstGlob = parts.Length - 1;
        string baseDir = firstGlob == 0 ? "." : string.Join('/', parts[..firstGlob]);
        if (baseDir.Length == 0) baseDir = "/";
        return (baseDir, string.Join('/', parts[firstGlob..]));
    }

    /// <summary>
    /// A FileSystemGlobbing pattern that matches every path the EditorConfig glob <paramref name="glob"/>
    /// can match: <c>*</c> and <c>**</c> segments are kept, any other segment with a construct
    /// FileSystemGlobbing does not share becomes <c>*</c>, and a brace holding a '/' (which can change
    /// the depth) or a '**' inside a name makes it <c>**/*</c>.
    /// </summary>
    internal static string WalkPattern(string glob)
    {
        var segments = new List<string>();
        int depth = 0, start = 0;
        bool bracket = false;
        for (int i = 0; i <= glob.Length; i++)
        {
            char c = i < glob.Length ? glob[i] : '/';
            if (c == '\\' && i + 1 < glob.Length) { i++; continue; }
            if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (c == '/' && i < glob.Length && (depth > 0 || bracket)) return "**/*";
            else if (c == '/')
            {
                segments.Add(glob[start..i]);
                start = i + 1;
            }
        }
        for (int s = 0; s < segments.Count; s++)
        {
            string segment = segments[s];
            if (segment == "**") continue;
            if (segment.Contains("**", StringComparison.Ordinal)) return "**/*";
            if (segment.IndexOfAny(['?', '[', '{', '\\']) >= 0) segments[s] = "*";
        }
        return string.Join('/', segments);
    }

    /// <summary>The ignore layers of one walk, read once per folder.</summary>
    private sealed class IgnoreWalk(string root)
    {
        private readonly bool _inRepository = InRepository(root);

        public IgnoreLayer? Root { get; } = IgnoreLayer.For(root);

        public IgnoreLayer? Enter(IgnoreLayer? parent, string folder) => IgnoreLayer.Enter(parent, folder, _inRepository);

        private static bool InRepository(string folder)
        {
            for (string? d = Path.GetFullPath(folder); d is not null; d = Path.GetDirectoryName(d))
                if (Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git"))) return true;
            return false;
        }
    }

    /// <summary>The globbing library's view of a folder, minus links, so '**' cannot loop through them.</summary>
    private sealed class NoLinksDirectory(DirectoryInfo directory, IgnoreWalk? walk, IgnoreLayer? ignore) : DirectoryInfoBase
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
        public override DirectoryInfoBase? ParentDirectory => directory.Parent is { } p ? new NoLinksDirectory(p, null, null) : null;

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            if (!directory.Exists) yield break;
            foreach (var info in directory.EnumerateFileSystemInfos("*", Options))
            {
                // Hidden entries are skipped, as in a folder walk.
                if (info.Name.StartsWith('.') || (info.Attributes & FileAttributes.Hidden) != 0) continue;
                if (ignore is not null && ignore.IsIgnored(info.FullName, info is DirectoryInfo)) continue;
                if (info is DirectoryInfo d) yield return new NoLinksDirectory(d, walk, walk?.Enter(ignore, d.FullName));
                else if (info is FileInfo f) yield return new FileInfoWrapper(f);
            }
        }

        public override DirectoryInfoBase? GetDirectory(string path) =>
            path == ".." ? ParentDirectory : new NoLinksDirectory(new DirectoryInfo(Path.Combine(directory.FullName, path)), walk, walk?.Enter(ignore, Path.Combine(directory.FullName, path)));

        public override FileInfoBase? GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(directory.FullName, path)));
    }
}
