namespace TextLint.Cli.Infrastructure;

public static class ExitCodes
{
    /// <summary>No error-level finding.</summary>
    public const int Success = 0;
    /// <summary>At least one error-level finding (or a failing rule example in test-rules).</summary>
    public const int Findings = 1;
    /// <summary>Usage, configuration, rule-load or I/O failure.</summary>
    public const int Failure = 2;
}
