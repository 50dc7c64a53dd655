using System.CommandLine;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// The lint command's options that choose which files are linted and which need linting again:
/// --allow-empty, --no-ignore, --changed-since, --cache, --cache-location.
/// </summary>
public sealed class InputSelection
{
    public static readonly Option<bool> AllowEmptyOption = CliSyntax.Flag("--allow-empty", "Exit 0 when a folder or glob matches no file to lint (default: an error naming it, exit 2).");
    public static readonly Option<bool> NoIgnoreOption = CliSyntax.Flag("--no-ignore", "Walk folders without respecting .gitignore, .ignore, .textlintignore and .git/info/exclude.");
    public static readonly Option<string?> ChangedSinceOption = CliSyntax.Value("--changed-since", "git-ref", "Lint only files added, modified or renamed since the merge base with this git revision (and uncommitted or untracked ones).");
    public static readonly Option<bool> CacheOption = CliSyntax.Flag("--cache", $"Reuse the results of files whose bytes, configuration and rules are unchanged (kept in {LintCache.DefaultFolder}/).");
    public static readonly Option<string?> CacheLocationOption = CliSyntax.Value("--cache-location", "dir", $"The cache folder (default {LintCache.DefaultFolder} in the working folder); implies --cache.");

    public static readonly Option[] Specs = [AllowEmptyOption, NoIgnoreOption, ChangedSinceOption, CacheOption, CacheLocationOption];

    public bool AllowEmpty { get; private init; }
    public bool RespectIgnoreFiles { get; private init; } = true;
    public string? ChangedSince { get; private init; }

    /// <summary>The cache folder (absolute), or null without --cache.</summary>
    public string? CacheFolder { get; private init; }

    public static InputSelection Parse(ParseResult parsed, string workingDirectory)
    {
        string? location = parsed.GetValue(CacheLocationOption);
        bool cache = parsed.GetValue(CacheOption) || location is not null;
        return new InputSelection
        {
            AllowEmpty = parsed.GetValue(AllowEmptyOption),
            RespectIgnoreFiles = !parsed.GetValue(NoIgnoreOption),
            ChangedSince = parsed.GetValue(ChangedSinceOption),
            CacheFolder = cache ? Path.GetFullPath(location ?? LintCache.DefaultFolder, workingDirectory) : null,
        };
    }
}
