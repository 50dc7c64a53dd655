using System.Collections.Immutable;
using TextLint.Diagnostics;

namespace TextLint.Rules.BuiltIn;

/// <summary>
/// A rule of the engine itself (TL0xxx), as Roslyn's compiler diagnostics sit beside analyzers: it has
/// a descriptor with examples like every pack rule, so it is listed, documented, configured and tested
/// the same way, but its findings come from the engine's in-source suppressions,
/// not from matching prose, and no pack can define its ID.
/// </summary>
public sealed class BuiltInRule : Rule
{
    internal BuiltInRule(RuleDescriptor descriptor) : base(descriptor) { }

    /// <summary>Built-in rules report from the engine; they match nothing themselves.</summary>
    public override void Analyze(RuleContext context) { }
}

/// <summary>Every built-in rule, with its ID in one place.</summary>
public static class BuiltInRules
{
    public const string Kind = "built-in";
    public const string UnusedSuppressionId = "TL0001";
    public const string InvalidSuppressionId = "TL0002";
    public const string SuppressionCategory = "Suppression";

    public static readonly BuiltInRule UnusedSuppression = new(new RuleDescriptor
    {
        Id = UnusedSuppressionId,
        Title = "Unused suppression",
        MessageFormat = "'{target}' suppresses no finding here; remove it.",
        Category = SuppressionCategory,
        DefaultSeverity = Severity.Hidden,
        Description = "A textlint-disable or textlint-disable-next-line comment, or one rule or category it names, "
            + "suppresses no finding. Hidden by default: it is reported in SARIF only, until a project turns it on "
            + "(textlint_diagnostic.TL0001.severity = warning) to clean up stale suppressions.",
        Rationale = "A suppression that no longer suppresses anything hides the next real finding at that place, "
            + "and readers of the article's source cannot tell which suppressions still matter.",
        UseInstead = "Remove the comment, or the rule or category in it that suppresses nothing.",
        HelpUri = RuleDescriptor.DefaultHelpUriBase + UnusedSuppressionId + ".md",
        Tags = ["suppression"],
        Kind = Kind,
        Examples =
        [
            new RuleExample(RuleExampleKind.Bad, "[|<!-- textlint-disable-next-line -- legacy wording -->|]\nThe minister resigned on Monday.", default),
            new RuleExample(RuleExampleKind.Bad, "<!-- textlint-disable-next-line TL1001 [|Terminology|] -- the ministry's own words -->\nThe minister resigned, according to sources.", default),
            new RuleExample(RuleExampleKind.Good, "<!-- textlint-disable-next-line TL1001 -- the ministry's own words -->\nThe minister resigned, according to sources.", default),
            new RuleExample(RuleExampleKind.Good, "<!-- textlint-disable Attribution -->\nThe minister resigned, according to reports.\n<!-- textlint-enable Attribution -->", default),
        ],
    });

    public static readonly BuiltInRule InvalidSuppression = new(new RuleDescriptor
    {
        Id = InvalidSuppressionId,
        Title = "Invalid suppression comment",
        MessageFormat = "{problem}",
        Category = SuppressionCategory,
        DefaultSeverity = Severity.Warning,
        Description = "A textlint- comment that is not a known directive, names a rule or category that is not loaded, "
            + "or enables something that is not disabled. Such a comment suppresses nothing.",
        Rationale = "The author meant to silence a finding and the comment silently does not; a typo in a rule ID "
            + "must not go unnoticed.",
        UseInstead = "<!-- textlint-disable ID|Category ... -- reason -->, <!-- textlint-enable ID|Category ... --> "
            + "or <!-- textlint-disable-next-line ID|Category ... -- reason -->, alone on its line.",
        HelpUri = RuleDescriptor.DefaultHelpUriBase + InvalidSuppressionId + ".md",
        Tags = ["suppression"],
        Kind = Kind,
        Examples =
        [
            new RuleExample(RuleExampleKind.Bad, "<!-- textlint-disable-next-line [|TL1O01|] -->\nThe minister resigned, according to reports.", default),
            new RuleExample(RuleExampleKind.Bad, "[|<!-- textlint-disabel TL1001 -->|]\nThe minister resigned, according to reports.", default),
            new RuleExample(RuleExampleKind.Bad, "The minister resigned.\n[|<!-- textlint-enable -->|]", default),
            new RuleExample(RuleExampleKind.Good, "<!-- textlint-disable-next-line TL1001 -->\nThe minister resigned, according to reports.", default),
        ],
    });

    public static readonly ImmutableArray<Rule> All = [UnusedSuppression, InvalidSuppression];

    public static bool IsBuiltIn(string id) => Find(id) is not null;

    public static Rule? Find(string id)
    {
        foreach (var r in All)
            if (string.Equals(r.Descriptor.Id, id, StringComparison.Ordinal)) return r;
        return null;
    }
}
