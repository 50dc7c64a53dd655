using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TextLint.Tests;

/// <summary>
/// Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool), run as GitHub code scanning's and the
/// spec's validator: <c>validate --rule-kind "Sarif;Ghas" --level "Error;Warning"</c>. .ci/run installs it
/// and sets SARIF_MULTITOOL; otherwise the usual install folders are searched. It always exits 0, so its
/// findings are read from the SARIF log it writes.
/// </summary>
internal static class SarifMultitool
{
    public const string EnvironmentVariable = "SARIF_MULTITOOL";

    public static string? Path { get; } = Locate();

    /// <summary>True in CI (.ci/run sets CI): there the validator must run, never be skipped.</summary>
    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string MissingMessage =>
        $"The SARIF Multitool is not installed, so SARIF logs were not validated by it. Run .ci/run (it installs the pinned " +
        $"@microsoft/sarif-multitool into ~/.cache/textlint-ci/sarif-multitool-<version>) or set {EnvironmentVariable} to its platform binary " +
        $"(node_modules/@microsoft/sarif-multitool-<platform>/Sarif.Multitool).";

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return File.Exists(fromEnvironment) ? fromEnvironment : null;
        string platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win32" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "darwin" : "linux";
        string binary = System.IO.Path.Combine("node_modules", "@microsoft", $"sarif-multitool-{platform}", platform == "win32" ? "Sarif.Multitool.exe" : "Sarif.Multitool");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        // Where .ci/run installs it (a folder per pinned version), then a plain install in the cache or .ci/tools.
        string cache = System.IO.Path.Combine(home, ".cache", "textlint-ci");
        var roots = (Directory.Exists(cache) ? Directory.GetDirectories(cache, "sarif-multitool-*").OrderDescending(StringComparer.Ordinal) : Enumerable.Empty<string>())
            .Append(cache).Append(System.IO.Path.Combine(TestPaths.RepoRoot, ".ci", "tools"));
        return roots.Select(r => System.IO.Path.Combine(r, binary)).FirstOrDefault(File.Exists);
    }

    /// <summary>The validator's errors and warnings for the logs, one line each ("log: SARIF1001 error: message"); empty when clean.</summary>
    public static IReadOnlyList<string> Validate(params string[] logs)
    {
        if (Path is null) throw new InvalidOperationException(MissingMessage);
        string output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"textlint-multitool-{Guid.NewGuid():N}.sarif");
        try
        {
            var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in (string[])["validate", .. logs, "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning", "-o", output, "--log", "ForceOverwrite"])
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The SARIF Multitool did not finish within two minutes.");
            }
            if (!File.Exists(output))
                throw new InvalidOperationException($"The SARIF Multitool wrote no log (exit {process.ExitCode}).\n{stdout.Result}\n{stderr}");

            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            var findings = new List<string>();
            foreach (var run in doc.RootElement.GetProperty("runs").EnumerateArray())
            {
                // A validator that failed to run reports that as an error notification, not as results.
                if (run.TryGetProperty("invocations", out var invocations))
                    foreach (var inv in invocations.EnumerateArray())
                        if (inv.TryGetProperty("toolExecutionNotifications", out var notes))
                            foreach (var n in notes.EnumerateArray())
                                if (n.TryGetProperty("level", out var l) && l.GetString() == "error")
                                    findings.Add("validator error: " + n.GetProperty("message").GetProperty("text").GetString());
                if (!run.TryGetProperty("results", out var results)) continue;
                foreach (var r in results.EnumerateArray())
                {
                    string level = r.TryGetProperty("level", out var lv) ? lv.GetString()! : "warning";
                    if (level is not ("error" or "warning")) continue;
                    string where = r.TryGetProperty("locations", out var locs) && locs.GetArrayLength() > 0
                        ? locs[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "?"
                        : "?";
                    findings.Add($"{System.IO.Path.GetFileName(where)}: {r.GetProperty("ruleId").GetString()} {level}: {MessageText(run, r)}");
                }
            }
            return findings;
        }
        finally
        {
            if (File.Exists(output)) File.Delete(output);
        }
    }

    /// <summary>
    /// <c>publish-to-ghas --dry-run</c>: resolves what an upload to GitHub code scanning would send (the
    /// repository, ref and commit from the log's versionControlProvenance) without contacting the server.
    /// Its exit code and everything it printed.
    /// </summary>
    public static (int ExitCode, string Output) PublishToGhasDryRun(string log)
    {
        if (Path is null) throw new InvalidOperationException(MissingMessage);
        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["publish-to-ghas", log, "--dry-run"]) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The SARIF Multitool did not finish within two minutes.");
        }
        return (process.ExitCode, stdout.Result + stderr);
    }

    /// <summary>A result's message: its text, or the rule's message string filled with its arguments.</summary>
    private static string MessageText(JsonElement run, JsonElement result)
    {
        var message = result.GetProperty("message");
        if (message.TryGetProperty("text", out var text)) return text.GetString()!;
        string id = message.GetProperty("id").GetString()!;
        string args = message.TryGetProperty("arguments", out var a) ? string.Join(" | ", a.EnumerateArray().Select(x => x.GetString())) : "";
        string ruleId = result.GetProperty("ruleId").GetString()!.Split('/')[0];
        foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            if (rule.GetProperty("id").GetString() != ruleId || !rule.TryGetProperty("messageStrings", out var strings)) continue;
            if (strings.TryGetProperty(id, out var format)) return $"{format.GetProperty("text").GetString()} [{args}]";
        }
        return $"{id} [{args}]";
    }
}

/// <summary>
/// A fact that needs the SARIF Multitool: skipped, with the reason, where it is not installed — except in
/// CI, where it runs and fails if the validator is missing.
/// </summary>
internal sealed class SarifMultitoolFactAttribute : FactAttribute
{
    public SarifMultitoolFactAttribute()
    {
        if (SarifMultitool.Path is null && !SarifMultitool.Required) Skip = SarifMultitool.MissingMessage;
    }
}
