using System.Text.Json;

namespace TextLint.Cli.Tests.Configuration;

/// <summary>
/// A project folder on disk with a small pack of its own (so the bundled pack's growth cannot change
/// these tests) and a textlint.yaml that loads it instead of the bundled pack.
/// </summary>
internal sealed class ConfigFixture : IDisposable
{
    public const string Pack = """
        id: TT1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        severity: warning
        kind: existence
        tokens: [reportedly, allegedly]
        ---
        id: TT1002
        title: Weasel words
        message: "'{match}' is vague."
        category: Attribution
        severity: warning
        kind: existence
        tokens: [some say]
        ---
        id: TT2001
        title: Kyiv
        message: "Use '{replacement}' instead of '{match}'."
        category: Terminology
        severity: info
        kind: substitution
        swap: {Kiev: Kyiv}
        ---
        id: TT3001
        title: Intensifier
        message: "'{match}' adds nothing."
        category: Style
        severity: warning
        enabled: false
        kind: existence
        tokens: [very]
        """;

    public const string ProjectConfig = "packs: [pack]\ndefaultRules: false\n";

    private readonly TempDirectory _dir = TestPaths.CreateTempDirectory();

    public ConfigFixture(string? projectConfig = ProjectConfig)
    {
        _dir.Write("pack/rules.yaml", Pack);
        if (projectConfig is not null) _dir.Write("textlint.yaml", projectConfig);
    }

    public string Path => _dir.Path;

    public string Write(string relative, string content) => _dir.Write(relative, content);

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public CliResult Run(params string[] args) => CliRunner.Run(Path, args);

    /// <summary>"path(line,col): severity ID" of each console finding.</summary>
    public static string[] Findings(CliResult r) =>
        r.OutLines.Where(l => l.Contains("): ", StringComparison.Ordinal)).Select(l => l[..l.LastIndexOf(':')]).ToArray();

    public static JsonElement SarifRun(CliResult r) => JsonDocument.Parse(r.Out).RootElement.GetProperty("runs")[0].Clone();

    public void Dispose() => _dir.Dispose();
}
