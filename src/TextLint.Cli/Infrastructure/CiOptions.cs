using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using TextLint.Output;

namespace TextLint.Cli.Infrastructure;

/// <summary>What CI at scale needs of a run: --max-results, --category, --no-vcs, --shard.</summary>
public sealed class CiOptions
{
    public static readonly Option<int> MaxResultsOption = CliSyntax.Typed("--max-results", "n",
        $"Report at most n results, the most severe first (default {ResultCap.SarifLimit:N0} in SARIF, which never holds more; none on the console); the exit code counts them all.",
        t => int.TryParse(t, out int n) && n >= 0 ? n : (int?)null, t => $"--max-results needs a whole number, 0 or more, not '{t}'.", () => ResultCap.SarifLimit);

    public static readonly Option<string?> CategoryOption = CliSyntax.Value("--category", "name",
        "SARIF automationDetails.id becomes textlint/NAME/ (default textlint/): one category per code-scanning upload.");

    public static readonly Option<bool> NoVcsOption = CliSyntax.Flag("--no-vcs",
        "Leave versionControlProvenance (the git repository, commit and branch of the files) out of SARIF.");

    public static readonly Option<string?> ShardOption = CliSyntax.Value("--shard", "i/n",
        "Lint shard i of n (0-based): the files whose path hashes to i, stable as files are added. Join the shards' SARIF logs with 'dotnet textlint merge'.");

    /// <summary>The options of the lint command this class reads.</summary>
    public static readonly Option[] Specs = [MaxResultsOption, CategoryOption, NoVcsOption, ShardOption];

    /// <summary>--max-results as given; null when not given (SARIF then keeps its own limit, the console everything).</summary>
    public int? MaxResults { get; init; }
    public string? Category { get; init; }
    public bool NoVcs { get; init; }
    public ShardSpec? Shard { get; init; }

    /// <summary>The options as given, or a usage error.</summary>
    public static CiOptions? Parse(ParseResult parsed, out string? error)
    {
        error = null;
        string? category = parsed.GetValue(CategoryOption);
        if (category is not null && (category.Length == 0 || category.Trim() != category || category.StartsWith('/') || category.EndsWith('/') || category.Any(char.IsControl)))
        {
            error = $"--category needs a name such as 'articles' or 'docs/en' (no leading or trailing '/' or space), not '{category}'.";
            return null;
        }
        ShardSpec? shard = null;
        if (parsed.GetValue(ShardOption) is { } text)
        {
            if (ShardSpec.TryParse(text) is not { } s)
            {
                error = $"--shard takes i/n, 0 <= i < n (0-based, as Kubernetes' JOB_COMPLETION_INDEX), e.g. 0/4, not '{text}'.";
                return null;
            }
            shard = s;
        }
        return new CiOptions
        {
            MaxResults = parsed.Given(MaxResultsOption) ? parsed.GetValue(MaxResultsOption) : null,
            Category = category,
            NoVcs = parsed.GetValue(NoVcsOption),
            Shard = shard,
        };
    }
}

/// <summary>
/// --shard i/n: a file belongs to shard <c>hash(path) mod n</c>, the hash a SHA-256 of its path as reports
/// show it ('/'-separated, relative to the working folder). A file's shard depends on its path alone, not
/// on its place in the list, so adding or removing files never moves the others between shards, and
/// every machine, operating system and .NET version agrees (string.GetHashCode is randomised per process).
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static ShardSpec? TryParse(string text)
    {
        int slash = text.IndexOf('/');
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), System.Globalization.NumberStyles.None, null, out int index)
            || !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, null, out int count)
            || count < 1 || index >= count)
            return null;
        return new ShardSpec(index, count);
    }

    public bool Contains(string displayPath) => ShardOf(displayPath, Count) == Index;

    /// <summary>The shard of <paramref name="displayPath"/> among <paramref name="count"/>.</summary>
    public static int ShardOf(string displayPath, int count)
    {
        string normal = displayPath.Replace('\\', '/');
        while (normal.StartsWith("./", StringComparison.Ordinal)) normal = normal[2..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normal), hash);
        ulong value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (int)(value % (ulong)count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
