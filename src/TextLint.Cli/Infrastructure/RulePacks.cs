using System.Collections.Immutable;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Loading;
using TextLint.Loading.Vale;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Rules.BuiltIn;
using TextLint.Text;
using TextLint.Yaml;

namespace TextLint.Cli.Infrastructure;

/// <summary>Finds and reads rule pack files: the bundled pack shipped beside the tool, and --rules paths.</summary>
public static class RulePacks
{
    /// <summary>The bundled editorial pack, copied next to the tool's binary (and into the package).</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>
    /// The bundled pack's parsed YAML, written into <see cref="BundledDirectory"/> at build time by
    /// <c>internal pack-snapshot</c> (see PackSnapshot.targets). Optional: without it, or when it is stale
    /// or damaged, every file is parsed, with the same result.
    /// </summary>
    public const string SnapshotFileName = "pack.snapshot";

    /// <summary>Upper bound on the snapshot's size (the bundled pack's is a few hundred KB).</summary>
    private const int MaxSnapshotLength = 64 * 1024 * 1024;

    /// <summary>
    /// The bundled pack (optionally), the given packs and the engine's built-in rules (TL0xxx), with
    /// textlint.yaml's per-rule <paramref name="settings"/> merged into the pack rules.
    /// </summary>
    public static PackLoadResult Load(bool includeBundled, IReadOnlyList<string> extraPacks, string workingDirectory,
        IReadOnlyDictionary<string, RuleSettings>? settings = null, bool preview = false)
    {
        var files = new List<PackFile>();
        var errors = new List<ConfigurationDiagnostic>();
        if (includeBundled)
        {
            if (Directory.Exists(BundledDirectory)) Read(BundledDirectory, workingDirectory, files, errors, bundled: true);
            else errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, BundledDirectory, 0, 0, "The bundled rule pack is missing from the installation."));
        }
        var vale = new List<Rule>();
        var notices = new List<ConfigurationDiagnostic>();
        foreach (string pack in extraPacks)
        {
            string full = Path.GetFullPath(pack, workingDirectory);
            // A Vale configuration or style folder is a rule pack too: its rules run as Style.Rule.
            if (File.Exists(full) && ValeProject.IsValeConfig(full))
                AddVale(ValeProject.Load(full, InputFiles.DisplayPath(full, workingDirectory)), vale, errors, notices);
            else if (Directory.Exists(full) && ValeProject.IsValeStyleFolder(full))
                AddVale(ValeProject.LoadStyle(full, InputFiles.DisplayPath(full, workingDirectory)), vale, errors, notices);
            else if (Directory.Exists(full) || File.Exists(full)) Read(full, workingDirectory, files, errors, bundled: false);
            else errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, pack, 0, 0, $"No such rule pack: '{pack}'."));
        }
        var snapshot = includeBundled && files.Count > 0 ? ReadSnapshot(Path.Combine(BundledDirectory, SnapshotFileName)) : null;
        var result = RulePackLoader.Load(files, settings, preview, snapshot) with { Notices = notices.ToImmutableArray() };
        if (errors.Count > 0) return result with { Rules = ImmutableArray<Rule>.Empty, Errors = errors.Concat(result.Errors).ToImmutableArray() };
        return result.Success ? result with { Rules = result.Rules.AddRange(vale).AddRange(BuiltInRules.All) } : result;
    }

    /// <summary>
    /// The snapshot in a file, or null when there is none or it cannot be used (unreadable, not a regular
    /// file, too big, truncated, corrupt, of another format version): then the packs are parsed, silently.
    /// </summary>
    internal static YamlSnapshot? ReadSnapshot(string path)
    {
        try
        {
            if (FileProbe.Probe(path, followLinks: true) != FileKind.Regular) return null;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxSnapshotLength) return null;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return YamlSnapshot.TryOpen(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void AddVale(ValeProject project, List<Rule> rules, List<ConfigurationDiagnostic> errors, List<ConfigurationDiagnostic> notices)
    {
        var seen = rules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in project.Rules)
        {
            if (seen.Add(rule.Descriptor.Id)) rules.Add(rule);
            else errors.Add(new ConfigurationDiagnostic(ValeRuleReader.ErrorCode, Severity.Error, rule.Descriptor.SourcePath, rule.Descriptor.SourcePosition.Line, rule.Descriptor.SourcePosition.Column,
                $"Duplicate Vale rule '{rule.Descriptor.Id}': another pack already defines it."));
        }
        errors.AddRange(project.Errors);
        notices.AddRange(project.Notices);
    }

    /// <summary>The prefix of the bundled pack's files in messages (the install folder is long and says nothing).</summary>
    public const string BundledPrefix = "<bundled>/";

    /// <summary>A rule's file as a path that can be opened: the bundled prefix resolved to the install folder.</summary>
    public static string OpenablePath(string sourcePath) =>
        sourcePath.StartsWith(BundledPrefix, StringComparison.Ordinal)
            ? Path.Combine(BundledDirectory, sourcePath[BundledPrefix.Length..])
            : sourcePath;

    /// <summary>Loads the packs, or prints every error on stderr and returns null (the caller exits 2).</summary>
    public static ImmutableArray<Rule>? LoadOrReport(CliContext ctx, bool includeBundled, IReadOnlyList<string> extraPacks)
    {
        var packs = Load(includeBundled, extraPacks, ctx.WorkingDirectory);
        if (packs.Success) return packs.Rules;
        foreach (var e in packs.Errors) ctx.Error.WriteLine(e.ToString());
        ctx.Fail($"{packs.Errors.Length} {(packs.Errors.Length == 1 ? "error" : "errors")} in rule packs.");
        return null;
    }

    /// <summary>
    /// A pack file's text, or null with an error: packs are bounded in size (so a pack pointed at a
    /// data dump fails fast instead of filling memory), must be regular files (a FIFO would block the
    /// read), and must be text: a byte that is not UTF-8 is an error at its line and column, never a
    /// silent U+FFFD inside a token that then matches nothing.
    /// </summary>
    private static string? ReadPackFile(string path, string display, List<ConfigurationDiagnostic> errors)
    {
        var kind = FileProbe.Probe(path, followLinks: true);
        if (kind != FileKind.Regular)
        {
            errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, display, 0, 0, $"Could not read the rule pack: it is {FileProbe.Describe(kind)}, not a regular file."));
            return null;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > RulePackLoader.MaxFileLength)
        {
            errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, display, 1, 1,
                $"The rule pack is {stream.Length:N0} bytes, over the {RulePackLoader.MaxFileLength:N0}-byte limit for one pack file; split it into several files."));
            return null;
        }
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        // Packs must be UTF-8 (or carry a byte-order mark): guessing a pack's code page would turn a
        // mistyped token into one that silently never matches.
        var decoded = TextDecoder.Decode(display, bytes);
        var encoding = decoded.Text?.Encoding;
        if (decoded.Text is null || encoding!.Detected || encoding.HadInvalidBytes)
        {
            if (TextDecoder.FindInvalidUtf8(bytes) is { } at)
                errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, display, at.Line + 1, at.Character + 1,
                    "The rule pack is not valid UTF-8 here; save it as UTF-8."));
            else if (decoded.Text is null)
                errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, display, 1, 1, $"The rule pack is not a text file ({decoded.SkipReason})."));
            else
                errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, display, 1, 1,
                    $"The rule pack reads as {encoding?.Name} without a byte-order mark; save it as UTF-8."));
            return null;
        }
        return decoded.Text.Text;
    }

    /// <summary>A pack's files (a folder's *.yaml and *.yml, or one file) as a lint run reads them, with any errors reading them.</summary>
    internal static (List<PackFile> Files, List<ConfigurationDiagnostic> Errors) ReadFiles(string path, string workingDirectory)
    {
        var files = new List<PackFile>();
        var errors = new List<ConfigurationDiagnostic>();
        Read(path, workingDirectory, files, errors, bundled: false);
        return (files, errors);
    }

    private static void Read(string path, string workingDirectory, List<PackFile> files, List<ConfigurationDiagnostic> errors, bool bundled)
    {
        IEnumerable<string> paths = File.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        foreach (string p in paths)
        {
            string display = bundled ? BundledPrefix + Path.GetRelativePath(BundledDirectory, p).Replace('\\', '/') : InputFiles.DisplayPath(p, workingDirectory);
            try
            {
                if (ReadPackFile(p, display, errors) is { } text) files.Add(new PackFile(display, text) { HelpUriBase = bundled ? RulePackLoader.HelpUriBase : null });
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, display, 0, 0, $"Could not read the rule pack: {IoErrors.Describe(ex, p, display)}"));
            }
        }
    }
}
