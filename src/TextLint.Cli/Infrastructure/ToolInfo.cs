using System.Reflection;

namespace TextLint.Cli.Infrastructure;

public static class ToolInfo
{
    public const string Name = "TextLint";
    public const string InformationUri = "https://github.com/textlint-dotnet/textlint";

    /// <summary>The package version, without the source-revision suffix the SDK appends.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        string? v = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(v)) return "0.0.0";
        int plus = v.IndexOf('+');
        return plus >= 0 ? v[..plus] : v;
    }
}
