using System.Text;
using System.Text.RegularExpressions;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// The ignore files a folder walk respects, as ripgrep does: <c>.gitignore</c> (inside a git repository,
/// with the repository's <c>.git/info/exclude</c>), <c>.ignore</c> and <c>.textlintignore</c>, all in
/// gitignore syntax, in every folder from the repository root (or, outside one, the file system root)
/// down to the file. A deeper file overrides a shallower one; in one folder <c>.textlintignore</c>
/// overrides <c>.ignore</c>, which overrides <c>.gitignore</c>, which overrides <c>info/exclude</c>; in
/// one file the last matching pattern wins. A folder that is ignored is not entered, so nothing under
/// it can be re-included (git's rule).
/// </summary>
public sealed class IgnoreLayer
{
    public static readonly string[] FileNames = [".gitignore", ".ignore", ".textlintignore"];

    private readonly IgnoreLayer? _parent;
    private readonly string _directory; // with a trailing separator
    private readonly IgnorePattern[] _patterns; // in increasing precedence

    private IgnoreLayer(IgnoreLayer? parent, string directory, IgnorePattern[] patterns)
    {
        _parent = parent;
        _directory = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        _patterns = patterns;
    }

    /// <summary>The layers in force in <paramref name="folder"/>: its own ignore files and those of the folders above it.</summary>
    public static IgnoreLayer? For(string folder)
    {
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var chain = new List<string>();
        string? repository = null;
        for (string? d = folder; d is not null; d = Path.GetDirectoryName(d))
        {
            chain.Add(d);
            if (Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git")))
            {
                repository = d;
                break;
            }
        }
        chain.Reverse();
        IgnoreLayer? layer = null;
        foreach (string d in chain) layer = Enter(layer, d, inRepository: repository is not null, isRepositoryRoot: d == repository);
        return layer;
    }

    /// <summary>The layer for <paramref name="folder"/>, a child of the folder <paramref name="parent"/> is for.</summary>
    public static IgnoreLayer? Enter(IgnoreLayer? parent, string folder, bool inRepository, bool isRepositoryRoot = false)
    {
        var patterns = new List<IgnorePattern>();
        if (isRepositoryRoot) Read(Path.Combine(folder, ".git", "info", "exclude"), patterns);
        foreach (string name in FileNames)
            if (inRepository || name != ".gitignore") Read(Path.Combine(folder, name), patterns);
        return patterns.Count == 0 ? parent : new IgnoreLayer(parent, folder, patterns.ToArray());
    }

    /// <summary>Whether a file or folder below the layer's folder is ignored.</summary>
    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        for (var layer = this; layer is not null; layer = layer._parent)
        {
            if (!fullPath.StartsWith(layer._directory, StringComparison.Ordinal)) continue;
            string relative = fullPath[layer._directory.Length..].Replace('\\', '/');
            for (int i = layer._patterns.Length - 1; i >= 0; i--)
            {
                var p = layer._patterns[i];
                if (p.DirectoryOnly && !isDirectory) continue;
                if (p.Regex.IsMatch(relative)) return !p.Negated;
            }
        }
        return false;
    }

    private static void Read(string path, List<IgnorePattern> patterns)
    {
        string text;
        try
        {
            if (!File.Exists(path)) return;
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // an unreadable ignore file ignores nothing, as git does
        }
        foreach (string line in text.Split('\n'))
            if (IgnorePattern.Parse(line.TrimEnd('\r')) is { } p) patterns.Add(p);
    }
}

/// <summary>One line of a gitignore-syntax file.</summary>
public sealed record IgnorePattern(Regex Regex, bool Negated, bool DirectoryOnly)
{
    /// <summary>The pattern on a line, or null for a blank line or a comment (gitignore(5)).</summary>
    public static IgnorePattern? Parse(string line)
    {
        // Trailing spaces are dropped unless escaped.
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end >= 2 && line[end - 2] == '\\')) end--;
        line = line[..end];
        if (line.Length == 0 || line[0] == '#') return null;
        bool negated = line[0] == '!';
        if (negated) line = line[1..];
        bool directoryOnly = line.EndsWith('/') && !line.EndsWith("\\/", StringComparison.Ordinal);
        if (directoryOnly) line = line[..^1];
        if (line.Length == 0) return null;
        // A '/' at the start or in the middle anchors the pattern at the file's folder; otherwise it
        // matches a name at any depth.
        bool anchored = line.Contains('/');
        if (line.StartsWith('/')) line = line[1..];
        var regex = new StringBuilder("^");
        if (!anchored) regex.Append("(?:.*/)?");
        int i = 0;
        if (line.StartsWith("**/", StringComparison.Ordinal))
        {
            regex.Append("(?:.*/)?");
            i = 3;
        }
        for (; i < line.Length; i++)
        {
            char c = line[i];
            switch (c)
            {
                case '\\' when i + 1 < line.Length:
                    regex.Append(Regex.Escape(line[++i].ToString()));
                    break;
                case '/' when line.AsSpan(i).StartsWith("/**/"):
                    regex.Append("/(?:.*/)?");
                    i += 3;
                    break;
                case '/' when line.AsSpan(i).SequenceEqual("/**"):
                    regex.Append("/.*");
                    i += 2;
                    break;
                case '*':
                    while (i + 1 < line.Length && line[i + 1] == '*') i++; // '**' elsewhere is '*'
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when ClassEnd(line, i) is int close and > 0:
                    regex.Append(Class(line[(i + 1)..close]));
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        regex.Append('$');
        return new IgnorePattern(new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), negated, directoryOnly);
    }

    private static int ClassEnd(string s, int open)
    {
        int i = open + 1;
        if (i < s.Length && s[i] is '!' or '^') i++;
        if (i < s.Length && s[i] == ']') i++; // a ']' first is a member
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == ']') return i;
        }
        return -1;
    }

    private static string Class(string inner)
    {
        var sb = new StringBuilder("[");
        int i = 0;
        if (inner.Length > 0 && inner[0] is '!' or '^')
        {
            sb.Append('^');
            i = 1;
        }
        bool negated = i == 1;
        for (; i < inner.Length; i++)
        {
            char c = inner[i];
            if (c == '/') continue; // a class never matches '/'
            if (c == '\\' && i + 1 < inner.Length) c = inner[++i];
            else if (c == '-' && i > 0 && i + 1 < inner.Length)
            {
                sb.Append('-');
                continue;
            }
            if (c is '\\' or ']' or '[' or '^' or '-') sb.Append('\\');
            sb.Append(c);
        }
        if (negated) sb.Append('/');
        return sb.Append(']').ToString();
    }
}
