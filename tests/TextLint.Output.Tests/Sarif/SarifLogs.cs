using System.Collections.Immutable;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

/// <summary>Writes SARIF logs through the real loader, engine and writer, for schema and validator tests.</summary>
internal static class SarifLogs
{
    public static PackLoadResult LoadPack(string folderOrFile)
    {
        var files = File.Exists(folderOrFile)
            ? [folderOrFile]
            : Directory.EnumerateFiles(folderOrFile, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        return RulePackLoader.Load(files.Select(p => new PackFile(Path.GetRelativePath(TestPaths.RepoRoot, p), File.ReadAllText(p))));
    }

    public static SourceText Read(string path, string workingDirectory)
    {
        var decoded = TextDecoder.Decode(Path.GetRelativePath(workingDirectory, path).Replace('\\', '/'), File.ReadAllBytes(path));
        return decoded.Text ?? throw new InvalidOperationException(decoded.SkipReason);
    }

    /// <summary>A whole log: the rules' metadata, each source's findings, the given notifications.</summary>
    public static string Write(ImmutableArray<Rule> rules, IEnumerable<SourceText> sources, string workingDirectory = "/work/articles",
        ImmutableArray<ConfigurationDiagnostic> configuration = default, ImmutableArray<ConfigurationDiagnostic> execution = default, bool omitSourceRoot = false)
    {
        var set = RuleSet.Compile(rules);
        var engine = new LintEngine(set);
        using var stream = new MemoryStream();
        int count = 0;
        using (var writer = new SarifWriter(stream))
        {
            writer.Begin(new RunInfo
            {
                ToolName = "TextLint",
                ToolVersion = "1.2.3",
                InformationUri = "https://github.com/textlint-dotnet/textlint",
                Rules = set.Descriptors,
                WorkingDirectory = workingDirectory,
                OmitSourceRoot = omitSourceRoot,
            });
            foreach (var s in sources)
            {
                writer.WriteFile(new FileReport(s, engine.Analyze(Document.Create(s)).Diagnostics));
                count++;
            }
            writer.End(new RunSummary
            {
                FileCount = count,
                Elapsed = TimeSpan.Zero,
                ConfigurationNotifications = configuration.IsDefault ? [] : configuration,
                ExecutionNotifications = execution.IsDefault ? [] : execution,
            });
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The fixture pack over every fixture article (tests/fixtures/sarif).</summary>
    public static string Fixtures()
    {
        string dir = Path.Combine(TestPaths.Fixtures, "sarif");
        var pack = LoadPack(Path.Combine(dir, "pack.yaml"));
        Assert.True(pack.Success, string.Join("\n", pack.Errors));
        var sources = Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(p => Read(p, dir));
        return Write(pack.Rules, sources, dir);
    }

    /// <summary>The bundled pack (every rule's metadata) over the sample articles.</summary>
    public static string BundledOverSamples()
    {
        var pack = LoadPack(TestPaths.Rules);
        Assert.True(pack.Success, string.Join("\n", pack.Errors));
        var sources = Directory.EnumerateFiles(TestPaths.Samples).Order(StringComparer.Ordinal).Select(p => Read(p, TestPaths.RepoRoot));
        return Write(pack.Rules, sources, TestPaths.RepoRoot);
    }

    /// <summary>What the CLI writes when rule packs fail to load: no rules, configuration errors, nothing linted.</summary>
    public static string PackFailure() => Write([], [], "/work/articles", configuration:
    [
        new ConfigurationDiagnostic("TL9001", Severity.Error, "house/style.yaml", 4, 7, "mapping values are not allowed here"),
        new ConfigurationDiagnostic("TL9002", Severity.Error, "house/rules.yaml", 12, 3, "rule HS1001: Unknown rule kind 'existance'; known kinds: existence, substitution."),
        new ConfigurationDiagnostic("TL9003", Severity.Error, "<bundled>/attribution.yaml", 0, 0, "Could not read the rule pack: Permission denied."),
        new ConfigurationDiagnostic("TL9003", Severity.Error, "/etc/textlint/missing", 0, 0, "No such rule pack: '/etc/textlint/missing'."),
    ]);

    /// <summary>A run with file problems (execution notifications) and a rule timeout.</summary>
    public static string FileProblems() => Write(LoadPack(Path.Combine(TestPaths.Fixtures, "sarif", "pack.yaml")).Rules,
        [SourceText.From("He reportedly left Kiev.", "ok.txt")], "/work/articles", execution:
    [
        new ConfigurationDiagnostic("TL9010", Severity.Warning, "ok.txt", 0, 0, "Rule XT1001 was stopped on this file: the match timed out. Its findings for this file are missing."),
        new ConfigurationDiagnostic("TL9020", Severity.Error, "missing.txt", 0, 0, "No such file or folder: 'missing.txt'."),
        new ConfigurationDiagnostic("TL9023", Severity.Warning, "image.txt", 0, 0, "Skipped: binary file (contains NUL bytes)."),
    ]);
}
