using System.Collections.Immutable;
using TextLint.Engine;
using TextLint.Engine.Baselines;
using TextLint.Pipeline;
using TextLint.Cli.Infrastructure;
using TextLint.Diagnostics;
using TextLint.LanguageServer;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Cli.Configuration;

/// <summary>
/// The language server's configuration for a workspace folder: exactly what a lint run started in that
/// folder with the server's options would use (<see cref="LintConfiguration"/>), and the same per-file
/// steps as <see cref="LintRunner"/> for a text that is already decoded (the editor's buffer).
/// </summary>
public sealed class CliWorkspaceHost(System.CommandLine.ParseResult options, long maxFileSize, CliContext context) : IWorkspaceHost
{
    public WorkspaceConfiguration Load(string folder)
    {
        var ctx = new CliContext
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            WorkingDirectory = folder,
            GetEnvironmentVariable = context.GetEnvironmentVariable,
        };
        string? Resolve(string path)
        {
            string full = path.StartsWith(RulePacks.BundledPrefix, StringComparison.Ordinal) ? RulePacks.OpenablePath(path) : Path.GetFullPath(path, folder);
            return File.Exists(full) ? full : null;
        }
        var config = LintConfiguration.Load(options, ctx);
        var problems = config.Errors.Concat(config.Warnings).ToList();
        if (config.UsageError is { } usage)
            problems.Add(new ConfigurationDiagnostic(NotificationCodes.YamlSyntax, Severity.Error, folder, 0, 0, usage));
        if (problems.Any(p => p.Severity == Severity.Error))
            return new WorkspaceConfiguration { Folder = folder, Problems = [.. problems], ResolvePath = Resolve };
        return new WorkspaceConfiguration
        {
            Folder = folder,
            Problems = [.. problems],
            ResolvePath = Resolve,
            Linter = new Linter(config, folder, maxFileSize),
        };
    }

    private sealed class Linter(LintConfiguration config, string folder, long maxFileSize) : IWorkspaceLinter
    {
        // Core's per-file pipeline, as the CLI runs it (decode, lint, suppressions, baseline), on the editor's buffer.
        private readonly FileLinter _pipeline = new(new LintEngine(config.Rules, config.Severities) { InlineSuppressions = config.InlineSuppressions })
        {
            MaxFileSize = maxFileSize,
            Baseline = config.Baseline,
            IssuesUri = ToolInfo.InformationUri,
        };
        private readonly Dictionary<string, RuleDescriptor> _rules = config.Rules.Descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        private readonly HashSet<string> _preparedFolders = new(StringComparer.Ordinal);
        private readonly object _gate = new();
        private IReadOnlyList<ConfigurationDiagnostic> _lintTimeProblems = [];

        public long MaxFileSize => maxFileSize;

        public string? BaselinePath => config.Baseline?.FullPath;

        public IReadOnlyList<ConfigurationDiagnostic> LintTimeProblems { get { lock (_gate) return _lintTimeProblems; } }

        public RuleDescriptor? FindRule(string id) => _rules.GetValueOrDefault(id);

        public LintOutcome Lint(string fullPath, string text)
        {
            // The buffer as the bytes of the file it stands for (UTF-8, which decodes to the same text and offsets).
            var file = new InputFile(fullPath, InputFiles.DisplayPath(fullPath, folder)) { Content = System.Text.Encoding.UTF8.GetBytes(text) };
            Prepare(file);
            var result = _pipeline.Lint(file);
            var source = result.Report?.Source ?? new SourceText(file.DisplayPath, text);
            return new LintOutcome(source, result.Report?.Diagnostics ?? [], result.Notifications);
        }

        /// <summary>Reads the .editorconfig chain of the document's folder once, as a lint run does before it starts, keeping its problems.</summary>
        private void Prepare(InputFile file)
        {
            string dir = Path.GetDirectoryName(file.FullPath)!;
            lock (_gate)
            {
                if (!_preparedFolders.Add(dir)) return;
                config.PrepareFor([file]);
                _lintTimeProblems = config.Errors.Concat(config.Warnings).Distinct().ToList();
            }
        }

        public string? AddToBaseline(string fullPath, SourceText source, Diagnostic finding)
        {
            if (config.Baseline is not { } baseline) return "No baseline is configured (--baseline).";
            string file = Path.GetRelativePath(Path.GetDirectoryName(baseline.FullPath)!, fullPath).Replace('\\', '/');
            lock (_gate)
            {
                try
                {
                    var errors = new List<ConfigurationDiagnostic>();
                    var entries = File.Exists(baseline.FullPath)
                        ? BaselineSerializer.Read(baseline.DisplayPath, File.ReadAllBytes(baseline.FullPath), errors).ToList()
                        : new List<BaselineEntry>();
                    if (errors.Count > 0) return $"The baseline cannot be read: {errors[0]}";
                    foreach (var added in Baseline.EntriesFor(file, source, [finding]))
                    {
                        int i = entries.FindIndex(e => e.File == added.File && e.RuleId == added.RuleId && e.Fingerprint == added.Fingerprint);
                        if (i >= 0) entries[i] = entries[i] with { Count = entries[i].Count + added.Count };
                        else entries.Add(added);
                    }
                    // Replaced by a rename (OutputFile): a reader never sees half a baseline.
                    using var output = OutputFile.Create(baseline.FullPath, baseline.DisplayPath);
                    output.Stream.Write(BaselineSerializer.Write(Baseline.Sort(entries)));
                    output.Commit();
                    return null;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return ex is OutputFileException ? ex.Message : $"Could not write the baseline {baseline.DisplayPath}: {ex.Message}";
                }
            }
        }
    }
}
