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

/// <summary>How a run ends on Ctrl-C or SIGTERM (see Program).</summary>
public static class Interruption
{
    /// <summary>How long a run may take to stop after the first signal before it is ended (its temporary files removed).</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);
}
