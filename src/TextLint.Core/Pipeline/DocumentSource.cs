using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Pipeline;

/// <summary>
/// A document to lint: a file on disk, or bytes that stand for it (standard input, an editor's buffer).
/// </summary>
/// <param name="FullPath">The absolute path; baselines key findings by it and fixes write to it.</param>
/// <param name="DisplayPath">How the document is shown in reports (relative to the working folder, '/'-separated).</param>
public record DocumentSource(string FullPath, string DisplayPath)
{
    /// <summary>The bytes, when they do not come from <see cref="FullPath"/> (standard input linted as that file); null to read the file.</summary>
    public byte[]? Content { get; init; }
}

/// <summary>
/// Marks each finding of a document new or already known against a baseline, or records it. Called
/// from the pipeline's workers concurrently, so implementations must be thread-safe.
/// </summary>
public interface IFileBaseline
{
    /// <summary>The classification <see cref="Apply"/> makes, without counting or recording anything (fixing decides with it).</summary>
    ImmutableArray<Diagnostic> Classify(DocumentSource document, SourceText source, ImmutableArray<Diagnostic> diagnostics);

    /// <summary>Classifies the findings of the text finally reported, and counts or records them.</summary>
    ImmutableArray<Diagnostic> Apply(DocumentSource document, SourceText source, ImmutableArray<Diagnostic> diagnostics);
}

/// <summary>What the pipeline made of one document, in the run's order.</summary>
/// <param name="Source">The document.</param>
/// <param name="Report">Its findings (and fixes); null when it was not linted (unreadable, too large, binary, an internal error).</param>
/// <param name="Notifications">What the reader should know about this document: why it was skipped, how it was decoded, fixes not written.</param>
public sealed record FileResult(DocumentSource Source, FileReport? Report, ImmutableArray<ConfigurationDiagnostic> Notifications)
{
    /// <summary>Bytes read for this document (the pipeline's memory budget counts them until the result is emitted).</summary>
    public long Bytes { get; init; }
}
