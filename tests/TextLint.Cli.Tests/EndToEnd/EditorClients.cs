using System.Diagnostics;

namespace TextLint.Cli.Tests.EndToEnd;

/// <summary>
/// The real LSP clients the language server is tested against: Neovim (Debian's package) and
/// Microsoft's vscode-jsonrpc / vscode-languageserver-protocol from npm. .ci/run installs both and
/// passes their location (TEXTLINT_NVIM, TEXTLINT_LSP_NODE_MODULES); otherwise the usual places are searched.
/// </summary>
internal static class EditorClients
{
    public const string NeovimVariable = "TEXTLINT_NVIM";
    public const string NodeModulesVariable = "TEXTLINT_LSP_NODE_MODULES";

    /// <summary>True in CI (.ci/run sets CI): there the clients must run, never be skipped.</summary>
    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string ClientsDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "TextLint.Cli.Tests", "LanguageServer", "Clients");

    public static string? Neovim { get; } = FromVariable(NeovimVariable) ?? OnPath("nvim");

    public static string? NodeModules { get; } = LocateNodeModules();

    public static string? Node { get; } = OnPath("node");

    public static string NeovimMissing =>
        $"Neovim is not installed, so the language server was not tested with it. Run .ci/run (it installs Debian's neovim) or set {NeovimVariable} to nvim.";

    public static string NodeMissing =>
        $"node or the npm packages vscode-jsonrpc and vscode-languageserver-protocol are missing, so the language server was not tested with Microsoft's client libraries. " +
        $"Run .ci/run (it installs them into ~/.cache/textlint-ci/lsp-node-<version>) or set {NodeModulesVariable} to their node_modules folder.";

    private static string? FromVariable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v && File.Exists(v) ? v : null;

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string? LocateNodeModules()
    {
        static bool Complete(string dir) =>
            Directory.Exists(Path.Combine(dir, "vscode-jsonrpc")) && Directory.Exists(Path.Combine(dir, "vscode-languageserver-protocol"));
        if (Environment.GetEnvironmentVariable(NodeModulesVariable) is { Length: > 0 } v) return Complete(v) ? v : null;
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "textlint-ci");
        if (!Directory.Exists(cache)) return null;
        return Directory.GetDirectories(cache, "lsp-node-*").OrderDescending(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "node_modules")).FirstOrDefault(Complete);
    }

    /// <summary>Runs a client process to its end (killing it after the timeout); its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Out, string Error) Run(ProcessStartInfo psi, TimeSpan timeout)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = true;
        psi.UseShellExecute = false;
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{psi.FileName} did not finish within {timeout.TotalSeconds:0} s.\n{stdout.Result}\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that needs Neovim: skipped with the reason where it is missing, except in CI, where it fails.</summary>
internal sealed class NeovimFactAttribute : FactAttribute
{
    public NeovimFactAttribute()
    {
        if (EditorClients.Neovim is null && !EditorClients.Required) Skip = EditorClients.NeovimMissing;
    }
}

/// <summary>A fact that needs node and Microsoft's LSP client packages: skipped with the reason where they are missing, except in CI.</summary>
internal sealed class VsCodeJsonRpcFactAttribute : FactAttribute
{
    public VsCodeJsonRpcFactAttribute()
    {
        if ((EditorClients.NodeModules is null || EditorClients.Node is null) && !EditorClients.Required) Skip = EditorClients.NodeMissing;
    }
}
