namespace TextLint.Diagnostics;

/// <summary>Effective severity of a finding; ordered so that a larger value is more severe.</summary>
public enum Severity
{
    /// <summary>Reported nowhere (a rule switched off by configuration).</summary>
    None = 0,
    /// <summary>Kept in machine-readable reports only (SARIF "none", EditorConfig "silent").</summary>
    Hidden = 1,
    /// <summary>SARIF "note", EditorConfig "suggestion".</summary>
    Info = 2,
    Warning = 3,
    Error = 4,
}

public static class SeverityNames
{
    /// <summary>Parses a rule file's severity: error | warning | info | hidden.</summary>
    public static bool TryParseRuleSeverity(string value, out Severity severity)
    {
        switch (value)
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info": severity = Severity.Info; return true;
            case "hidden": severity = Severity.Hidden; return true;
            default: severity = Severity.None; return false;
        }
    }

    public static string ToDisplayString(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        Severity.Hidden => "hidden",
        _ => "none",
    };

    /// <summary>SARIF result.level / reportingConfiguration.level.</summary>
    public static string ToSarifLevel(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };
}
