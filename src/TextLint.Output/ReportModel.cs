using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Pipeline;
using TextLint.Rules;

namespace TextLint.Output;

/// <summary>Facts about the tool and the run that every writer may show.</summary>
public sealed record RunInfo
{
    public required string ToolName { get; init; }
    public required string ToolVersion { get; init; }
    public required string InformationUri { get; init; }
    public required ImmutableArray<RuleDescriptor> Rules { get; init; }

    /// <summary>The folder relative paths are relative to: SARIF's %SRCROOT%. Absolute, '/'-separated is not required.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Leave the absolute %SRCROOT% out of SARIF (for logs that must not reveal the machine's paths).</summary>
    public bool OmitSourceRoot { get; init; }

    public ImmutableArray<string> CommandLineArguments { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>--category: SARIF's automationDetails.id becomes <c>textlint/NAME/</c>, so two uploads in one job stay apart.</summary>
    public string? Category { get; init; }

    /// <summary>The git repository the files are in (SARIF's versionControlProvenance); null without one, or with --no-vcs.</summary>
    public VersionControlDetails? VersionControl { get; init; }
}

/// <summary>A repository, its commit and branch (SARIF §3.23): where code scanning files the results.</summary>
/// <param name="RepositoryUri">The remote's URL, without credentials; a file: URI when the repository has no remote.</param>
/// <param name="RevisionId">The commit checked out (full hash); null in a repository with no commit yet.</param>
/// <param name="Branch">The branch checked out; null on a detached HEAD.</param>
public sealed record VersionControlDetails(string RepositoryUri, string? RevisionId, string? Branch)
{
    /// <summary>The checkout's folder (absolute): SARIF maps the repository's root to it (mappedTo), so a viewer can find the files.</summary>
    public string? RootDirectory { get; init; }
}

/// <summary>
/// --shard i/n: which of the run's files this shard linted, with each file's place in the whole run, so
/// <c>merge</c> can put the shards' results back in the order of one run.
/// </summary>
/// <param name="Index">0-based, as Kubernetes' JOB_COMPLETION_INDEX.</param>
/// <param name="Files">The files this shard linted, in its order, with their 0-based place among all the run's files.</param>
/// <param name="InputNotifications">How many of the execution notifications come first from listing the input (the same in every shard).</param>
public sealed record ShardSummary(int Index, int Count, ImmutableArray<ShardFile> Files, int InputNotifications);

/// <summary>A file of a shard: its path as reports show it, and its place among all the run's files.</summary>
public sealed record ShardFile(string Path, long Order);

/// <summary>The end of a run: counts and every notification (pack, configuration and file problems).</summary>
public sealed record RunSummary
{
    public required int FileCount { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public ImmutableArray<ConfigurationDiagnostic> ConfigurationNotifications { get; init; } = ImmutableArray<ConfigurationDiagnostic>.Empty;
    public ImmutableArray<ConfigurationDiagnostic> ExecutionNotifications { get; init; } = ImmutableArray<ConfigurationDiagnostic>.Empty;

    /// <summary>Rules whose configuration (.editorconfig, textlint.yaml, --severity, --warnaserror) changed them from their defaults: SARIF's invocations[0].ruleConfigurationOverrides.</summary>
    public ImmutableArray<RuleConfigurationOverride> RuleConfigurationOverrides { get; init; } = ImmutableArray<RuleConfigurationOverride>.Empty;

    /// <summary>How many results the run's SARIF log left out under its cap (TL9080), for the console's summary; 0 when none.</summary>
    public long SarifResultsLeftOut { get; init; }

    /// <summary>Set when the run is one shard of many (--shard): SARIF records it for <c>merge</c>.</summary>
    public ShardSummary? Shard { get; init; }

    /// <summary>False when any notification is an error (a file could not be read, a pack failed to load).</summary>
    public bool ExecutionSuccessful =>
        !ConfigurationNotifications.Any(n => n.Severity == Severity.Error) && !ExecutionNotifications.Any(n => n.Severity == Severity.Error);
}

/// <summary>
/// A rule run at another severity than its default (<see cref="Severity.None"/>: switched off) for some
/// or all of the run's files. A rule configured differently per folder has one override per severity.
/// </summary>
public sealed record RuleConfigurationOverride(string RuleId, Severity Severity);

/// <summary>
/// A report sink, as ripgrep's printers are sinks of its searcher: the engine never formats output.
/// Writers receive the run, then each file in order, then the summary.
/// </summary>
public interface IReportWriter : IDisposable
{
    void Begin(RunInfo run);
    void WriteFile(FileReport file);
    void End(RunSummary summary);
}

/// <summary>
/// A writer whose part of the report for one file can be formatted away from the ordered writer: on the
/// worker that linted the file, while other files are still being linted, as ripgrep's printers format
/// into per-file buffers. The runner calls <see cref="Render"/> after <see cref="IReportWriter.Begin"/>,
/// concurrently and in any order, then <see cref="WriteRendered"/> in the run's order; the log is byte for
/// byte what <see cref="IReportWriter.WriteFile"/> would have written.
/// </summary>
public interface IRenderingReportWriter : IReportWriter
{
    /// <summary>
    /// The file's part of the report, or null when it is too large to hold in memory: the runner then calls
    /// <see cref="IReportWriter.WriteFile"/> in the run's order, which streams it. Thread-safe: reads only
    /// what <see cref="IReportWriter.Begin"/> set up.
    /// </summary>
    RenderedPart? Render(FileReport file);

    /// <summary>Writes a part <see cref="Render"/> made, in the run's order.</summary>
    void WriteRendered(FileReport file, RenderedPart part);
}

/// <summary>A file's part of a report, as <see cref="IRenderingReportWriter.Render"/> made it.</summary>
/// <param name="Bytes">The part, as the ordered writer copies it.</param>
/// <param name="LeftOutFromRank">
/// The results of this rank (<see cref="ResultCap.Rank"/>) and of every less important one are not in
/// <paramref name="Bytes"/>: when the part was made, the report's cap (--max-results) was already full of
/// more important results, so they could not be kept whatever came after. <see cref="ResultCap.RankCount"/>
/// when every result is in it.
/// </param>
public sealed record RenderedPart(byte[] Bytes, int LeftOutFromRank);

