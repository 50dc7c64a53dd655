using TextLint.Cli.Infrastructure;
using TextLint.Configuration;

namespace TextLint.Cli.Configuration;

/// <summary>
/// textlint.yaml's include/exclude, applied to files found by walking folders or expanding globs
/// (files named on the command line are always linted, and files outside the project folder are not
/// filtered). An exclude pattern that matches a folder excludes everything below it, as in .gitignore.
/// The globs are EditorConfig's (<see cref="EditorConfigGlob"/>), the one dialect of the tool: one
/// without '/' matches a name at any depth, one with '/' the path relative to textlint.yaml's folder.
/// </summary>
public sealed class InputFilter
{
    private readonly string _directory;
    private readonly EditorConfigGlob[]? _include;
    private readonly EditorConfigGlob[]? _exclude;

    public InputFilter(ProjectConfig config)
    {
        _directory = config.Directory;
        if (!config.Include.IsEmpty) _include = config.Include.Select(p => EditorConfigGlob.Parse(p.Value)).ToArray();
        if (!config.Exclude.IsEmpty) _exclude = config.Exclude.Select(p => EditorConfigGlob.Parse(p.Value)).ToArray();
    }

    /// <summary>The files kept, lazily (the input is a stream of files; see InputFiles.Enumerate).</summary>
    public IEnumerable<InputFile> Apply(IEnumerable<InputFile> files) => files.Where(Keeps);

    public bool Keeps(InputFile file)
    {
        if (file.Explicit) return true;
        string relative = Path.GetRelativePath(_directory, file.FullPath).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return true;
        if (_include is not null && !_include.Any(g => g.IsMatch(relative))) return false;
        if (_exclude is null) return true;
        // The file itself, then each folder above it.
        for (string? path = relative; !string.IsNullOrEmpty(path); path = Parent(path))
            if (_exclude.Any(g => g.IsMatch(path))) return false;
        return true;
    }

    private static string? Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash > 0 ? path[..slash] : null;
    }
}
