using System.Collections.Immutable;
using TextLint.Cli.Infrastructure;
using TextLint.Output;
using TextLint.Pipeline;
using TextLint.Rules;

namespace TextLint.Cli.Tests.Reliability;

internal static class BundledRules
{
    /// <summary>The bundled pack as the tool loads it (copied beside the test binaries).</summary>
    public static ImmutableArray<Rule> Load()
    {
        var packs = RulePacks.Load(includeBundled: true, [], TestPaths.RepoRoot);
        Assert.True(packs.Success, string.Join("\n", packs.Errors));
        return packs.Rules;
    }
}

/// <summary>A writer that remembers what it was given, in order.</summary>
internal sealed class RecordingWriter : IReportWriter
{
    public List<string> Paths { get; } = new();
    public RunSummary? Summary { get; private set; }

    public void Begin(RunInfo run) { }
    public void WriteFile(FileReport file) => Paths.Add(file.Source.Path);
    public void End(RunSummary summary) => Summary = summary;
    public void Dispose() { }
}
