using Microsoft.Extensions.FileSystemGlobbing;
using TextLint.Cli.Infrastructure;
using TextLint.Configuration;

namespace TextLint.Cli.Configuration;

/// <summary>
/// textlint.yaml's include/exclude, applied to files found by walking folders or expanding globs
/// (files named on the command line are always linted, and files outside the project folder are not
/// filtered). An exclude pattern that matches a folder excludes everything below it, as in .gitignore.
/// </summary>
public sealed class InputFilter
{
    private readonly string _directory;
    private readonly Matcher? _include;
    private readonly Matcher? _exclude;

    public InputFilter(ProjectConfig config)
    {
        _directory = config.Directory;
        if (!config.Include.IsEmpty)
        {
            _include = new Matcher(StringComparison.Ordinal);
            foreach (var p in config.Include) _include.AddInclude(p.Value);
        }
        if (!config.Exclude.IsEmpty)
        {
            _exclude = new Matcher(StringComparison.Ordinal);
            foreach (var p in config.Exclude) _exclude.AddInclude(p.Value);
        }
    }

    /// <summary>The files kept, lazily (the input is a stream of files; see InputFiles.Enumerate).</summary>
    public IEnumerable<InputFile> Apply(IEnumerable<InputFile> files) => files.Where(Keeps);

    private bool Keeps(InputFile file)
    {
        if (file.Explicit) return true;
        string relative = Path.GetRelativePath(_directory, file.FullPath).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return true;
        if (_include is not null && !_include.Match(relative).HasMatches) return false;
        if (_exclude is null) return true;
        // The file itself, then each folder above it.
        for (string? path = relative; !string.IsNullOrEmpty(path); path = Parent(path))
            if (_exclude.Match(path).HasMatches) return false;
        return true;
    }

    private static string? Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash > 0 ? path[..slash] : null;
    }
}
