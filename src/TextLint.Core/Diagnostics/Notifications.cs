using System.Collections.Immutable;

namespace TextLint.Diagnostics;

/// <summary>Where a notification comes from: what the user has to look at.</summary>
public enum NotificationArea
{
    /// <summary>A rule pack (its YAML, a rule definition, the file itself).</summary>
    RulePack,

    /// <summary>A rule while it ran on a file.</summary>
    RuleExecution,

    /// <summary>A file or path named or found as input.</summary>
    Input,

    /// <summary>.editorconfig, textlint.yaml or a baseline.</summary>
    Configuration,

    /// <summary>--fix.</summary>
    Fix,

    /// <summary>A report: what a format's limits (--max-results) left out of it.</summary>
    Report,
}

/// <summary>
/// One of the tool's own codes (TL9xxx): not a rule, but something the tool tells about the run — a pack
/// that does not load, a file it could not read, a fix it did not write. Reported as a
/// <see cref="ConfigurationDiagnostic"/> (SARIF's toolConfigurationNotifications or
/// toolExecutionNotifications) with the severity of the situation.
/// </summary>
/// <param name="Code">The stable code, e.g. TL9021.</param>
/// <param name="Area">What the user has to look at.</param>
/// <param name="Summary">One line for the docs' tables and <c>rules show</c>.</param>
public sealed record Notification(string Code, NotificationArea Area, string Summary)
{
    /// <summary>This notification about <paramref name="path"/> (1-based <paramref name="line"/> and <paramref name="column"/>, 0 when unknown).</summary>
    public ConfigurationDiagnostic At(Severity severity, string path, int line, int column, string message) =>
        new(Code, severity, path, line, column, message);

    public override string ToString() => Code;
}

/// <summary>
/// The catalogue of the tool's own codes, as Ruff's codes.rs lists its rules: every TL9xxx the tool can
/// report is here, once, with its summary. Code that reports one names it through
/// <see cref="NotificationCodes"/>; the docs' tables are checked against <see cref="All"/>.
/// </summary>
public static class Notifications
{
    public static readonly ImmutableArray<Notification> All =
    [
        new(NotificationCodes.YamlSyntax, NotificationArea.RulePack, "YAML syntax error, nesting deeper than 64 levels, more than 1,000,000 nodes (alias bomb)"),
        new(NotificationCodes.InvalidRule, NotificationArea.RulePack, "invalid rule definition"),
        new(NotificationCodes.PackUnreadable, NotificationArea.RulePack, "rule pack cannot be read: missing, not a regular file, over 4 MB, binary, not UTF-8 (at the first bad byte)"),
        new(NotificationCodes.RuleTimedOut, NotificationArea.RuleExecution, "a rule's pattern timed out on a file; that rule's findings for that file are missing"),
        new(NotificationCodes.RuleFailed, NotificationArea.RuleExecution, "a rule failed on a file (a bug); that rule's findings for that file are missing"),
        new(NotificationCodes.NoSuchPath, NotificationArea.Input, "no such path on the command line (or a link to nothing)"),
        new(NotificationCodes.Unreadable, NotificationArea.Input, "the file or folder could not be read or listed (for example, it vanished after the walk)"),
        new(NotificationCodes.OverSizeLimit, NotificationArea.Input, "the file is over the size limit; skipped (an error: the run fails, unless --allow-skipped)"),
        new(NotificationCodes.Binary, NotificationArea.Input, "binary file; skipped: an error when named on the command line (unless --allow-skipped), a warning when a walk passes over it"),
        new(NotificationCodes.InvalidBytes, NotificationArea.Input, "invalid bytes read as U+FFFD; the position is the first one"),
        new(NotificationCodes.EncodingDetected, NotificationArea.Input, "encoding detected (legacy code page, or UTF-16 without a BOM); confirm it with --encoding"),
        new(NotificationCodes.UnknownEncoding, NotificationArea.Input, "the encoding could not be told; skipped (an error, unless --allow-skipped) — convert the file to UTF-8 or use --encoding"),
        new(NotificationCodes.MarkdownFallback, NotificationArea.Input, "Markdown that could not be parsed was linted as plain text"),
        new(NotificationCodes.NotARegularFile, NotificationArea.Input, "not a regular file (FIFO, device, socket); skipped"),
        new(NotificationCodes.InternalError, NotificationArea.Input, "internal error while linting one file or listing the input (a bug); the other files were linted"),
        new(NotificationCodes.EditorConfigSyntax, NotificationArea.Configuration, ".editorconfig syntax error"),
        new(NotificationCodes.EditorConfigEntryIgnored, NotificationArea.Configuration, ".editorconfig: unknown TextLint key, bad severity, unknown rule ID or category; the entry is ignored"),
        new(NotificationCodes.EditorConfigUnreadable, NotificationArea.Configuration, ".editorconfig could not be read"),
        new(NotificationCodes.ProjectConfigInvalid, NotificationArea.Configuration, "textlint.yaml: unknown key, bad value, unknown rule, missing pack or file"),
        new(NotificationCodes.BaselineInvalid, NotificationArea.Configuration, "baseline file missing or malformed"),
        new(NotificationCodes.FixFileChanged, NotificationArea.Fix, "the file changed after it was read; not fixed"),
        new(NotificationCodes.FixWriteFailed, NotificationArea.Fix, "the fixed file could not be written, or the file is read-only; not changed"),
        new(NotificationCodes.FixNotEncodable, NotificationArea.Fix, "the file is not valid in its encoding, or the fix cannot be encoded; not rewritten"),
        new(NotificationCodes.FixOverlap, NotificationArea.Fix, "fixes still left after 10 passes (they overlap or undo each other); run --fix again"),
        new(NotificationCodes.ValeConfigInvalid, NotificationArea.RulePack, ".vale.ini: syntax error, unknown style, or a setting TextLint does not apply (named with its line)"),
        new(NotificationCodes.ValeRuleInvalid, NotificationArea.RulePack, "Vale rule: invalid definition, bad regex, duplicate name"),
        new(NotificationCodes.ValeKindUnsupported, NotificationArea.RulePack, "Vale rule of a kind TextLint does not run (metric, readability, spelling, sequence, script); named once, not run"),
        new(NotificationCodes.ResultsLeftOut, NotificationArea.Report, "more results than --max-results (at most 25,000 in SARIF): the least severe were left out of the SARIF log; the exit code counts them all"),
        new(NotificationCodes.NoFilesMatched, NotificationArea.Input, "a folder or glob on the command line matched no file to lint (ignored and excluded files do not count); --allow-empty accepts it"),
        new(NotificationCodes.GitFailed, NotificationArea.Input, "--changed-since: not in a git repository, an unknown revision, or git could not be run"),
        new(NotificationCodes.CacheEntryUnreadable, NotificationArea.Input, "--cache: an entry was damaged or unreadable; ignored, and the file linted afresh"),
        new(NotificationCodes.CacheUnwritable, NotificationArea.Input, "--cache: the cache folder could not be written; the results are right but not cached"),
    ];

    /// <summary>The notification with this code (case-insensitive), or null.</summary>
    public static Notification? Find(string code)
    {
        foreach (var n in All)
            if (string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase)) return n;
        return null;
    }
}

/// <summary>The codes of <see cref="Notifications.All"/> as constants, for <c>switch</c> and attributes.</summary>
public static class NotificationCodes
{
    public const string YamlSyntax = "TL9001";
    public const string InvalidRule = "TL9002";
    public const string PackUnreadable = "TL9003";
    public const string RuleTimedOut = "TL9010";
    public const string RuleFailed = "TL9011";
    public const string NoSuchPath = "TL9020";
    public const string Unreadable = "TL9021";
    public const string OverSizeLimit = "TL9022";
    public const string Binary = "TL9023";
    public const string InvalidBytes = "TL9024";
    public const string EncodingDetected = "TL9025";
    public const string UnknownEncoding = "TL9026";
    public const string MarkdownFallback = "TL9027";
    public const string NotARegularFile = "TL9028";
    public const string InternalError = "TL9029";
    public const string EditorConfigSyntax = "TL9030";
    public const string EditorConfigEntryIgnored = "TL9031";
    public const string EditorConfigUnreadable = "TL9032";
    public const string ProjectConfigInvalid = "TL9040";
    public const string BaselineInvalid = "TL9050";
    public const string FixFileChanged = "TL9060";
    public const string FixWriteFailed = "TL9061";
    public const string FixNotEncodable = "TL9062";
    public const string FixOverlap = "TL9063";
    public const string ValeConfigInvalid = "TL9070";
    public const string ValeRuleInvalid = "TL9071";
    public const string ValeKindUnsupported = "TL9072";
    public const string ResultsLeftOut = "TL9080";
    public const string NoFilesMatched = "TL9090";
    public const string GitFailed = "TL9091";
    public const string CacheEntryUnreadable = "TL9092";
    public const string CacheUnwritable = "TL9093";
}
