namespace TextLint.Pipeline;

/// <summary>I/O error messages for notifications: .NET's messages name absolute paths, which must not reach a SARIF log.</summary>
public static class IoErrors
{
    public static string Describe(Exception ex, string fullPath, string displayPath)
    {
        string message = ex switch
        {
            FileNotFoundException or DirectoryNotFoundException => "it no longer exists.",
            UnauthorizedAccessException => "permission denied.",
            _ => ex.Message,
        };
        message = message.Replace(fullPath, displayPath, StringComparison.Ordinal);
        return message.EndsWith('.') ? message : message + ".";
    }
}
