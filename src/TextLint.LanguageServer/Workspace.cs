using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.LanguageServer;

/// <summary>
/// What the server needs from its host (the CLI): the configuration of a workspace folder resolved as
/// a lint run from that folder would resolve it (textlint.yaml, rule packs, .editorconfig, baseline),
/// and a lint of one text with it. The host owns the per-file pipeline, so the server reports what the
/// CLI reports for the same text and configuration.
/// </summary>
public interface IWorkspaceHost
{
    /// <summary>Resolves the configuration for <paramref name="folder"/>; never throws (problems are in the result).</summary>
    WorkspaceConfiguration Load(string folder);
}

/// <summary>One resolved configuration: its problems, and a linter unless an error stopped it.</summary>
public sealed class WorkspaceConfiguration
{
    public required string Folder { get; init; }

    /// <summary>Errors (the configuration cannot be used) and warnings, each at its file, line and column.</summary>
    public ImmutableArray<ConfigurationDiagnostic> Problems { get; init; } = [];

    /// <summary>Null when an error stopped the configuration.</summary>
    public IWorkspaceLinter? Linter { get; init; }

    /// <summary>Turns a problem's path (as the CLI prints it) into a full path, or null when it names no file.</summary>
    public Func<string, string?> ResolvePath { get; init; } = _ => null;

    public bool Failed => Linter is null || Problems.Any(p => p.Severity == Severity.Error);
}

/// <summary>A compiled configuration: lints texts (thread-safe) and describes its rules.</summary>
public interface IWorkspaceLinter
{
    /// <summary>The largest text linted, in UTF-8 bytes (the CLI's --max-file-size).</summary>
    long MaxFileSize { get; }

    /// <summary>The full path of the configured baseline, or null.</summary>
    string? BaselinePath { get; }

    RuleDescriptor? FindRule(string id);

    /// <summary>The findings for <paramref name="text"/> as the file at <paramref name="fullPath"/>: suppressions and baseline applied (marked, not removed).</summary>
    LintOutcome Lint(string fullPath, string text);

    /// <summary>Problems found while linting so far (e.g. a broken .editorconfig next to a document).</summary>
    IReadOnlyList<ConfigurationDiagnostic> LintTimeProblems { get; }

    /// <summary>Records <paramref name="finding"/> of the text in the baseline file; an error message, or null when written.</summary>
    string? AddToBaseline(string fullPath, SourceText source, Diagnostic finding);
}

/// <summary>A text's findings (sorted) and what the engine has to say about the text (e.g. a rule that timed out).</summary>
public sealed record LintOutcome(SourceText Source, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<ConfigurationDiagnostic> Notifications);
