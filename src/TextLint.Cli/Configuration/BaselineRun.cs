using System.Collections.Immutable;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.Engine.Baselines;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Cli.Configuration;

/// <summary>
/// --baseline FILE: marks each finding new or unchanged against FILE. With --update-baseline, records
/// every finding instead (all of them then count as unchanged) and writes FILE at the end. Paths in
/// the file are relative to its own folder, so it works from any working folder. Thread-safe: the
/// runner calls <see cref="Apply"/> from its workers.
/// </summary>
public sealed class BaselineRun : IFileBaseline
{
    private readonly Baseline? _known;
    private readonly string _fullPath;
    private readonly string _directory;
    private readonly List<BaselineEntry> _recorded = new();
    private int _absent;

    private BaselineRun(string fullPath, string displayPath, Baseline? known)
    {
        _fullPath = fullPath;
        _directory = Path.GetDirectoryName(fullPath)!;
        DisplayPath = displayPath;
        _known = known;
    }

    public string DisplayPath { get; }

    /// <summary>The baseline file's full path.</summary>
    public string FullPath => _fullPath;

    public bool IsUpdate => _known is null;

    /// <summary>Findings of the baseline that no longer occur in the files linted.</summary>
    public int Absent => Volatile.Read(ref _absent);

    /// <summary>Reads FILE (or, for an update, only resolves it). Problems go to <paramref name="errors"/>.</summary>
    public static BaselineRun? Open(string path, bool update, string workingDirectory, List<ConfigurationDiagnostic> errors)
    {
        string full = Path.GetFullPath(path, workingDirectory);
        string display = InputFiles.DisplayPath(full, workingDirectory);
        if (update) return new BaselineRun(full, display, null);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (FileNotFoundException)
        {
            errors.Add(new ConfigurationDiagnostic(BaselineSerializer.ErrorCode, Severity.Error, display, 0, 0,
                "No such baseline; create it with --baseline FILE --update-baseline."));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigurationDiagnostic(BaselineSerializer.ErrorCode, Severity.Error, display, 0, 0, $"Could not read the baseline: {ex.Message}"));
            return null;
        }
        int before = errors.Count;
        var entries = BaselineSerializer.Read(display, bytes, errors);
        return errors.Count > before ? null : new BaselineRun(full, display, new Baseline(entries));
    }

    /// <summary>The classification <see cref="Apply"/> makes, without counting or recording anything (--fix decides with it).</summary>
    public ImmutableArray<Diagnostic> Classify(DocumentSource file, SourceText source, ImmutableArray<Diagnostic> diagnostics)
    {
        if (_known is not null)
            return _known.Classify(Path.GetRelativePath(_directory, file.FullPath).Replace('\\', '/'), source, diagnostics, out _);
        return diagnostics.Select(d => Baseline.Participates(d) ? d with { BaselineState = BaselineState.Unchanged } : d).ToImmutableArray();
    }

    public ImmutableArray<Diagnostic> Apply(DocumentSource file, SourceText source, ImmutableArray<Diagnostic> diagnostics)
    {
        string key = Path.GetRelativePath(_directory, file.FullPath).Replace('\\', '/');
        if (_known is not null)
        {
            var classified = _known.Classify(key, source, diagnostics, out int absent);
            if (absent > 0) Interlocked.Add(ref _absent, absent);
            return classified;
        }
        var entries = Baseline.EntriesFor(key, source, diagnostics).ToList();
        if (entries.Count > 0)
            lock (_recorded) _recorded.AddRange(entries);
        return diagnostics.Select(d => Baseline.Participates(d) ? d with { BaselineState = BaselineState.Unchanged } : d).ToImmutableArray();
    }

    /// <summary>Writes the recorded findings (update mode) atomically: a temporary file renamed into place.</summary>
    public bool Write(CliContext ctx, out int findings, out int files)
    {
        List<BaselineEntry> entries;
        lock (_recorded) entries = _recorded.ToList();
        findings = entries.Sum(e => e.Count);
        files = entries.Select(e => e.File).Distinct(StringComparer.Ordinal).Count();
        try
        {
            using var target = OutputFile.Create(_fullPath, DisplayPath);
            target.Stream.Write(BaselineSerializer.Write(entries));
            return target.Commit();
        }
        catch (IOException ex)
        {
            ctx.Fail(ex.Message);
            return false;
        }
    }
}
