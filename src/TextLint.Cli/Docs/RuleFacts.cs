using System.Collections.Immutable;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Rules.Kinds;

namespace TextLint.Cli.Docs;

/// <summary>
/// The facts about a rule that every view shows the same way — `rules`, `rules show`, the generated
/// pages and the catalogue — so a wording or a configuration key is written in one place.
/// </summary>
public static class RuleFacts
{
    /// <summary>The severity a listing shows: the default, or "off" for a rule disabled by default.</summary>
    public static string SeverityCell(RuleDescriptor d) =>
        d.IsEnabledByDefault ? d.DefaultSeverity.ToDisplayString() : d.IsPreview ? $"preview ({d.DefaultSeverity.ToDisplayString()})" : "off";

    /// <summary>A severity as listings show it: "off" for none.</summary>
    public static string SeverityName(Severity s) => s == Severity.None ? "off" : s.ToDisplayString();

    /// <summary>The severity with its enablement spelled out, for a rule's own page.</summary>
    public static string SeverityLong(RuleDescriptor d) =>
        d.IsEnabledByDefault
            ? d.DefaultSeverity.ToDisplayString() + (d.IsPreview ? " (preview rule, enabled by --preview)" : "")
            : d.IsPreview
                ? $"{d.DefaultSeverity.ToDisplayString()}, preview rule: off unless --preview or preview: true in textlint.yaml (or a severity for its ID)"
                : $"{d.DefaultSeverity.ToDisplayString()}, disabled by default (turn it on with a severity in .editorconfig)";

    public static string FixName(FixSafety safety) => safety switch
    {
        FixSafety.Safe => "safe",
        FixSafety.Unsafe => "unsafe",
        _ => "none",
    };

    public static string FixLong(FixSafety safety) => safety switch
    {
        FixSafety.Safe => "safe, applied by --fix",
        FixSafety.Unsafe => "unsafe (it may change the meaning), applied only by --fix --unsafe-fixes",
        _ => "none, the wording needs an editor",
    };

    /// <summary>The .editorconfig key of the rule's own severity (Roslyn's key with our prefix).</summary>
    public static string EditorConfigIdKey(RuleDescriptor d) => $"textlint_diagnostic.{d.Id}.severity";

    /// <summary>The .editorconfig key of the severity of the rule's whole category.</summary>
    public static string EditorConfigCategoryKey(RuleDescriptor d) => $"textlint_analyzer_diagnostic.category-{d.Category}.severity";

    public const string EditorConfigValues = "error, warning, suggestion, silent, none or default";

    /// <summary>
    /// The rule's entry in textlint.yaml: its severity and, for a rule with options, one of them, as
    /// the configuration reads it (any other key replaces the rule's own option of that name).
    /// </summary>
    public static List<string> TextlintYaml(RuleDescriptor d)
    {
        var lines = new List<string> { "rules:", $"  {d.Id}:", "    severity: error        # or enabled: true / false" };
        var options = KindOptions(d);
        if (!options.IsEmpty) lines.Add($"    {options[0].Key}: ...".PadRight(27) + "# any option below; replaces the rule's own");
        return lines;
    }

    /// <summary>How textlint.yaml adds to an option rather than replacing it.</summary>
    public const string TextlintYamlExtend = "Under extend:, a list or mapping option is added to instead of replaced.";

    /// <summary>The in-source comment that silences the rule on the next line, with the reason a reviewer will ask for.</summary>
    public static string SuppressNextLine(RuleDescriptor d) => $"<!-- textlint-disable-next-line {d.Id} -- reason -->";

    public static string SuppressRegionStart(RuleDescriptor d) => $"<!-- textlint-disable {d.Id} -- reason -->";

    public static string SuppressRegionEnd(RuleDescriptor d) => $"<!-- textlint-enable {d.Id} -->";

    /// <summary>The kind-specific keys of the rule's kind (empty for a kind that documents none).</summary>
    public static ImmutableArray<RuleKindOption> KindOptions(RuleDescriptor d) =>
        RuleKinds.Find(d.Kind) is { } kind ? Describe(kind.Keys()) : ImmutableArray<RuleKindOption>.Empty;

    /// <summary>The kind's keys, each with a description (a placeholder for a key its kind has not described).</summary>
    public static ImmutableArray<RuleKindOption> Describe(ImmutableArray<RuleKindOption> keys) =>
        keys.Select(o => o.Description.Length > 0 ? o : o with { Description = "Not described yet." }).ToImmutableArray();

    public static string WhatItFlags(RuleDescriptor d) => d.Description.Length > 0 ? d.Description.Trim() : d.Title + ".";

    public static string Why(RuleDescriptor d) =>
        string.IsNullOrWhiteSpace(d.Rationale) ? "Not written yet: the rule's YAML has no 'why'." : d.Rationale.Trim();

    public static string UseInstead(RuleDescriptor d) =>
        !string.IsNullOrWhiteSpace(d.UseInstead) ? d.UseInstead.Trim()
        : d.FixSafety != FixSafety.None ? "The replacement the finding names; it is offered as a fix."
        : "Not written yet: the rule's YAML has no 'instead'.";

    /// <summary>Rules in catalogue order: by ID, ordinally (IDs are capitals then digits).</summary>
    public static IEnumerable<RuleDescriptor> InIdOrder(IEnumerable<RuleDescriptor> rules) => rules.OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>
    /// Categories in catalogue order: by their first rule ID, so the blocks of the ID scheme (TL1xxx
    /// Attribution, TL2xxx ScareQuotes, ...) come out in their own order.
    /// </summary>
    public static IEnumerable<IGrouping<string, RuleDescriptor>> ByCategory(IEnumerable<RuleDescriptor> rules) =>
        InIdOrder(rules).GroupBy(d => d.Category, StringComparer.Ordinal);

    /// <summary>The example lines for a view: each example's lines with carets under what is reported, and '=> ' before its fixed text.</summary>
    public static List<string> ExampleBlock(IEnumerable<RuleExample> examples)
    {
        var list = examples.ToList();
        bool separate = list.Any(e => e.Text.Contains('\n') || e.Fixed is not null);
        var lines = new List<string>();
        foreach (var e in list)
        {
            if (separate && lines.Count > 0) lines.Add("");
            lines.AddRange(e.Kind == RuleExampleKind.Bad ? ExampleText.WithCarets(e.Text) : ExampleText.Plain(e.Text).ReplaceLineEndings("\n").Split('\n'));
            if (e.Fixed is { } fixedText)
            {
                // Each line of the fixed text after '=> ' (aligned), and a word for a text the fix empties.
                var fixedLines = fixedText.ReplaceLineEndings("\n").Split('\n');
                if (fixedText.Length == 0) lines.Add("=> (nothing: the fix deletes it all)");
                else for (int i = 0; i < fixedLines.Length; i++) lines.Add((i == 0 ? "=> " : "   ") + fixedLines[i]);
            }
        }
        return lines;
    }
}
