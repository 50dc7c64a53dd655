using System.Collections.Immutable;
using TextLint.Cli.Infrastructure;
using TextLint.Configuration;
using TextLint.Diagnostics;

namespace TextLint.Cli.Configuration;

/// <summary>
/// Finds the .editorconfig files that apply to a folder: its own and those of the folders above it, up
/// to the first <c>root = true</c>. Each folder is looked at once per run (the chain is cached per
/// folder and shares the parent's chain), so a tree of many files in few folders reads few files.
/// Thread-safe; the CLI loads the chains of every input folder before linting so that problems are
/// reported up front.
/// </summary>
public sealed class EditorConfigFinder
{
    public const string ReadErrorCode = NotificationCodes.EditorConfigUnreadable;

    private readonly object _gate = new();
    private readonly Dictionary<string, ImmutableArray<EditorConfigFile>> _chains = new(StringComparer.Ordinal);
    private readonly List<EditorConfigFile> _files = new();
    private readonly List<ConfigurationDiagnostic> _problems = new();
    private readonly string _workingDirectory;

    public EditorConfigFinder(string workingDirectory) => _workingDirectory = workingDirectory;

    /// <summary>Every .editorconfig read so far, in the order read.</summary>
    public IReadOnlyList<EditorConfigFile> Files { get { lock (_gate) return _files.ToList(); } }

    /// <summary>Syntax errors, bad values and unreadable files met so far.</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Problems { get { lock (_gate) return _problems.ToList(); } }

    /// <summary>The files that apply below <paramref name="directory"/> (a full path), nearest first.</summary>
    public ImmutableArray<EditorConfigFile> ChainFor(string directory)
    {
        lock (_gate) return ChainForLocked(directory);
    }

    private ImmutableArray<EditorConfigFile> ChainForLocked(string directory)
    {
        if (_chains.TryGetValue(directory, out var chain)) return chain;
        var file = Read(directory);
        string? parent = Path.GetDirectoryName(directory);
        var above = file is { IsRoot: true } || parent is null ? ImmutableArray<EditorConfigFile>.Empty : ChainForLocked(parent);
        chain = file is null ? above : above.Insert(0, file);
        _chains[directory] = chain;
        return chain;
    }

    private EditorConfigFile? Read(string directory)
    {
        string path = Path.Combine(directory, EditorConfigFile.FileName);
        if (!File.Exists(path)) return null;
        string display = InputFiles.DisplayPath(path, _workingDirectory);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Add(new ConfigurationDiagnostic(ReadErrorCode, Severity.Error, display, 0, 0, $"Could not read the .editorconfig: {ex.Message}"));
            return null;
        }
        var file = EditorConfigFile.Parse(display, directory, text, _problems);
        _files.Add(file);
        return file;
    }
}
