namespace TextLint.Tests;

/// <summary>
/// Why a test that reads ../shared is skipped: <c>null</c> (run it) when the folder is there or when the
/// <c>CI</c> environment variable is set, where a missing folder must fail the test rather than hide it.
/// </summary>
internal static class SharedData
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci
        && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    public static string? SkipReason(string relative)
    {
        string path = Path.Combine(TestPaths.Shared, relative);
        if (Directory.Exists(path) || File.Exists(path) || InCi) return null;
        return $"Needs ../shared/{relative} beside the checkout ({path}), public data of other projects that is not in the repository; it is missing and CI is not set.";
    }
}

/// <summary>A fact over public data of other projects in ../shared: skipped with its reason when the folder is missing outside CI, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        if (SharedData.SkipReason(relative) is { } reason) Skip = reason;
    }
}

/// <summary>A theory over public data of other projects in ../shared: skipped with its reason when the folder is missing outside CI, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string relative)
    {
        if (SharedData.SkipReason(relative) is { } reason) Skip = reason;
    }
}
