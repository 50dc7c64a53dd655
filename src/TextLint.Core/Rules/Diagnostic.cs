using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Text;

namespace TextLint.Rules;

/// <summary>One finding of one rule in one document. Offsets only; writers compute lines and columns.</summary>
public sealed record Diagnostic(RuleDescriptor Descriptor, TextSpan Span, string Message, Severity Severity, CodeFix? Fix = null)
{
    public string Id => Descriptor.Id;

    /// <summary>
    /// The values of the message template's placeholders, in the order of
    /// <see cref="MessageTemplate.PlaceholderNames"/> (SARIF's message.arguments). Empty when unknown.
    /// </summary>
    public ImmutableArray<string> Arguments { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Non-zero for the one finding that stands for a rule's findings past its limit in a file
    /// (<c>--max-findings-per-rule</c>): how many it stands for. A comment cannot suppress it.
    /// </summary>
    public long Omitted { get; init; }

    /// <summary>Set when an in-source suppression covers this finding (it stays in SARIF, not on the console).</summary>
    public Suppression? Suppression { get; init; }

    /// <summary>Against a baseline: new, or already known (then it stays in SARIF, not on the console or in the exit code).</summary>
    public BaselineState BaselineState { get; init; }

    /// <summary>
    /// Neither suppressed in the source nor known from the baseline: the finding counts towards the exit
    /// code. SARIF keeps the others too, marked; every other report leaves them out.
    /// </summary>
    public bool IsActive => Suppression is null && BaselineState != BaselineState.Unchanged;

    /// <summary>Active and at least <see cref="Severity.Info"/>: what the console, GitHub and MSBuild show, and what --fix fixes.</summary>
    public bool IsShown => IsActive && Severity >= Severity.Info;
}

/// <summary>SARIF's result.baselineState; <see cref="None"/> when the run has no baseline.</summary>
public enum BaselineState
{
    None = 0,
    New = 1,
    Unchanged = 2,
}

/// <summary>Why a finding is suppressed: kind is SARIF's (inSource, external).</summary>
public sealed record Suppression(string Kind, string? Justification);

/// <summary>Orders diagnostics by position, then rule id, then message: the one stable order of every writer.</summary>
public sealed class DiagnosticComparer : IComparer<Diagnostic>
{
    public static readonly DiagnosticComparer Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c = x.Span.CompareTo(y.Span);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
