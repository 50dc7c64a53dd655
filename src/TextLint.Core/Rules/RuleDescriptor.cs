using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Yaml;

namespace TextLint.Rules;

/// <summary>
/// What a rule is, independent of how it matches: Roslyn's DiagnosticDescriptor plus the rule's source
/// and examples. Every writer and every generated doc page reads rules through this.
/// </summary>
public sealed record RuleDescriptor
{
    /// <summary>Where the bundled rules' doc pages are published; a rule's help link is this plus its ID and ".md".</summary>
    public const string DefaultHelpUriBase = "https://github.com/textlint-dotnet/textlint/blob/main/rules/docs/";

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string MessageFormat { get; init; }
    public required string Category { get; init; }
    public required Severity DefaultSeverity { get; init; }
    public bool IsEnabledByDefault { get; init; } = true;

    /// <summary>
    /// A preview rule (YAML <c>preview: true</c>), as Ruff has them: new or not yet measured, off unless
    /// the run enables preview rules (<c>--preview</c>, or <c>preview: true</c> in textlint.yaml). When
    /// preview is off the loader leaves it disabled by default, so naming its ID still turns it on.
    /// </summary>
    public bool IsPreview { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Why the finding matters (the doc page's "Why" section); optional.</summary>
    public string? Rationale { get; init; }

    /// <summary>What to write instead (the doc page's "Use instead" section); optional.</summary>
    public string? UseInstead { get; init; }
    public string? HelpUri { get; init; }
    public ImmutableArray<string> Tags { get; init; } = ImmutableArray<string>.Empty;
    public required string Kind { get; init; }

    /// <summary>Where the rule looks (YAML <c>scope</c>); a finding outside every unit of the scope is dropped.</summary>
    public RuleScope Scope { get; init; } = RuleScope.Document;

    /// <summary>Whether the rule fires inside direct speech (YAML <c>speech</c>); by default it does not.</summary>
    public SpeechMode Speech { get; init; } = SpeechMode.Exclude;
    public FixSafety FixSafety { get; init; }

    /// <summary>
    /// Whether the rule's fixes may edit direct speech (YAML <c>fixInSpeech</c>); by default a fix that
    /// touches a quotation of someone's words is dropped, even where the rule reports inside speech.
    /// </summary>
    public bool FixInSpeech { get; init; }
    public ImmutableArray<RuleExample> Examples { get; init; } = ImmutableArray<RuleExample>.Empty;

    /// <summary>
    /// Rules this one gives way to (YAML <c>yieldsTo</c>): where one of them reports any of the same characters
    /// in a document, this rule's finding there is dropped, so one passage is not reported twice for one
    /// problem ("According to some" as a vague marker and as an unnamed group). Findings are compared as the
    /// rules made them, before any yields, so the outcome does not depend on the order rules run in.
    /// </summary>
    public ImmutableArray<string> YieldsTo { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The pack file and position the rule was defined at (1-based).</summary>
    public string SourcePath { get; init; } = "";
    public SourcePosition SourcePosition { get; init; }

    /// <summary>SARIF's rules[].name: the title in PascalCase, as Roslyn analyzers name rules.</summary>
    public string Name
    {
        get
        {
            var sb = new System.Text.StringBuilder(Title.Length);
            bool upper = true;
            foreach (char c in Title)
            {
                if (char.IsLetterOrDigit(c)) { sb.Append(upper ? char.ToUpperInvariant(c) : c); upper = false; }
                else upper = true;
            }
            return sb.ToString();
        }
    }
}

public enum RuleExampleKind { Bad, Good }

/// <summary>An example from the rule file: bad ones mark each expected finding with [|...|].</summary>
public sealed record RuleExample(RuleExampleKind Kind, string Text, SourcePosition Position)
{
    /// <summary>The fixed text expected after applying the rule's fixes to a bad example (optional).</summary>
    public string? Fixed { get; init; }
}
