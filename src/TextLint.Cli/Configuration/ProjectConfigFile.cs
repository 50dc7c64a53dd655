using TextLint.Cli.Infrastructure;
using TextLint.Configuration;
using TextLint.Diagnostics;

namespace TextLint.Cli.Configuration;

/// <summary>Finds and reads textlint.yaml: <c>--config FILE</c>, else the nearest one in the working folder or above it.</summary>
public static class ProjectConfigFile
{
    public static ProjectConfig? Load(string? explicitPath, string workingDirectory, List<ConfigurationDiagnostic> errors)
    {
        string? full = explicitPath is null ? Find(workingDirectory) : Path.GetFullPath(explicitPath, workingDirectory);
        if (full is null) return null;
        string display = InputFiles.DisplayPath(full, workingDirectory);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string message = ex is FileNotFoundException or DirectoryNotFoundException ? "No such configuration file." : $"Could not read the configuration: {ex.Message}";
            errors.Add(new ConfigurationDiagnostic(ProjectConfigReader.ErrorCode, Severity.Error, display, 0, 0, message));
            return null;
        }
        return ProjectConfigReader.Read(display, Path.GetDirectoryName(full)!, text, errors);
    }

    private static string? Find(string directory)
    {
        for (string? dir = directory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, ProjectConfig.FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
