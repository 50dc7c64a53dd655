using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Rules;
using TextLint.Rules.BuiltIn;
using TextLint.Rules.Kinds;
using TextLint.Yaml;

namespace TextLint.Loading;

/// <summary>A rule pack file's path (as shown in errors) and its text.</summary>
public sealed record PackFile(string Path, string Text)
{
    /// <summary>
    /// Where the pages of rules without their own <c>helpUri</c> live (the page is this + ID + ".md").
    /// The bundled pack's pages are in this repository; a house pack has none there, so the CLI passes
    /// null for packs it did not ship rather than point users at a page that does not exist.
    /// </summary>
    public string? HelpUriBase { get; init; } = RulePackLoader.HelpUriBase;
}

/// <summary>The rules of one or more packs, or the errors that stopped them loading.</summary>
public sealed record PackLoadResult(ImmutableArray<Rule> Rules, ImmutableArray<ConfigurationDiagnostic> Errors)
{
    public bool Success => Errors.IsEmpty;

    /// <summary>Warnings that do not stop the run (e.g. Vale rules of kinds TextLint does not run, each named once).</summary>
    public ImmutableArray<ConfigurationDiagnostic> Notices { get; init; } = ImmutableArray<ConfigurationDiagnostic>.Empty;
}

/// <summary>
/// Loads rules from YAML: one rule per YAML document, several documents per file separated by '---'.
/// All errors of all files are collected (never only the first), each with file, line and column.
/// The loader reads no disk: callers hand it the files (the CLI walks folders).
/// </summary>
public static partial class RulePackLoader
{
    /// <summary>
    /// Upper bound on one pack file (bytes on disk, characters here): a house style of thousands of
    /// rules fits many times over; a data dump passed to --rules by mistake fails fast.
    /// </summary>
    public const int MaxFileLength = 4 * 1024 * 1024;

    public const string HelpUriBase = RuleDescriptor.DefaultHelpUriBase;

    /// <summary>
    /// Why a helpUri cannot be used, or null: it goes into SARIF logs that viewers turn into links, so only
    /// http(s) URLs and relative references are taken (never javascript:, data:, file: and the like).
    /// </summary>
    public static string? HelpUriProblem(string helpUri)
    {
        if (Uri.TryCreate(helpUri, UriKind.Absolute, out var absolute) && !helpUri.StartsWith('/'))
            return absolute.Scheme is "http" or "https" && Uri.IsWellFormedUriString(helpUri, UriKind.Absolute)
                ? null
                : $"helpUri '{helpUri}' must be an http(s) URL or a relative reference, not a '{absolute.Scheme}:' URI.";
        if (helpUri.Contains(':') && !helpUri.StartsWith("//", StringComparison.Ordinal) && helpUri.IndexOf(':') < (helpUri.IndexOfAny(['/', '?', '#']) is int slash and >= 0 ? slash : helpUri.Length))
            return $"helpUri '{helpUri}' must be an http(s) URL or a relative reference.";
        return helpUri.Length > 0 && Uri.IsWellFormedUriString(helpUri, UriKind.Relative) && !helpUri.Any(char.IsControl)
            ? null
            : $"helpUri '{helpUri}' must be an http(s) URL or a relative reference.";
    }

    [GeneratedRegex("^[A-Z]{2,}[0-9]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex CategoryPattern();

    /// <param name="files">The pack files.</param>
    /// <param name="settings">textlint.yaml's per-rule settings by ID: their options are merged into the
    /// rule's mapping before its kind is built, so the kind validates them like its own keys.</param>
    /// <param name="preview">Whether preview rules (<c>preview: true</c>) are enabled by default; when
    /// false they load disabled, as if they said <c>enabled: false</c>.</param>
    /// <param name="snapshot">Parsed trees of known file texts (the bundled pack's, written at build time):
    /// a file whose exact text it holds is not parsed again. The result is the same with or without it.</param>
    public static PackLoadResult Load(IEnumerable<PackFile> files, IReadOnlyDictionary<string, RuleSettings>? settings = null, bool preview = false,
        YamlSnapshot? snapshot = null)
    {
        var errors = new List<ConfigurationDiagnostic>();
        var rules = new List<Rule>();
        var seen = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        var yielding = new List<Yielding>();
        // The files are parsed (or read from the snapshot) side by side, then their rules are built one
        // file after another, so errors come in the same order either way.
        var list = files as IReadOnlyList<PackFile> ?? files.ToList();
        var parsed = new (IReadOnlyList<YamlDocumentNode> Documents, List<ConfigurationDiagnostic> Errors)[list.Count];
        Parallel.For(0, list.Count, i =>
        {
            var fileErrors = new List<ConfigurationDiagnostic>();
            var file = list[i];
            if (file.Text.Length > MaxFileLength) parsed[i] = ([], fileErrors);
            else if (snapshot is not null && snapshot.TryRead(file.Path, file.Text, out var documents)) parsed[i] = (documents, fileErrors);
            else parsed[i] = (YamlReader.Read(file.Path, file.Text, fileErrors), fileErrors);
        });
        for (int f = 0; f < list.Count; f++)
        {
            var file = list[f];
            if (file.Text.Length > MaxFileLength)
            {
                errors.Add(new ConfigurationDiagnostic(NotificationCodes.PackUnreadable, Severity.Error, file.Path, 1, 1,
                    $"The rule pack is {file.Text.Length:N0} characters, over the {MaxFileLength:N0} limit for one pack file; split it into several files."));
                continue;
            }
            errors.AddRange(parsed[f].Errors);
            foreach (var doc in parsed[f].Documents)
            {
                if (doc.Root is not YamlMapping mapping)
                {
                    errors.Add(new ConfigurationDiagnostic(NotificationCodes.InvalidRule, Severity.Error, file.Path, doc.Root.Position.Line, doc.Root.Position.Column,
                        $"A rule must be a mapping of keys to values, not {doc.Root.KindName}."));
                    continue;
                }
                if (settings is not null && mapping["id"] is YamlScalar idNode && settings.TryGetValue(idNode.Value, out var configured) && configured.HasOptions)
                    mapping = configured.ApplyTo(mapping, errors);
                var rule = LoadRule(file, mapping, errors, seen, preview, yielding);
                if (rule is not null) rules.Add(rule);
            }
        }
        CheckYields(yielding, seen, errors);
        return new PackLoadResult(errors.Count == 0 ? rules.ToImmutableArray() : ImmutableArray<Rule>.Empty, errors.ToImmutableArray());
    }

    private static Rule? LoadRule(PackFile file, YamlMapping mapping, List<ConfigurationDiagnostic> errors, Dictionary<string, RuleDescriptor> seen, bool preview,
        List<Yielding> yielding)
    {
        string path = file.Path;
        var def = new RuleDefinition(path, mapping, errors);
        string? id = def.GetString("id", required: true);
        if (id is not null)
        {
            if (!IdPattern().IsMatch(id))
                def.Error(def.PositionOf("id"), $"Rule id '{id}' must be two or more capital letters followed by digits, e.g. TL1001.");
            else if (BuiltInRules.Find(id) is { } builtIn)
                def.Error(def.PositionOf("id"), $"Rule id '{id}' is reserved for the built-in rule '{builtIn.Descriptor.Title}'.");
            else if (seen.TryGetValue(id, out var first))
                def.Error(def.PositionOf("id"), $"Duplicate rule id '{id}'; it is already defined at {first.SourcePath}({first.SourcePosition.Line},{first.SourcePosition.Column}).");
            def.RuleId = id;
        }
        string? title = def.GetString("title", required: true);
        string? message = def.GetString("message", required: true);
        string? category = def.GetString("category", required: true);
        if (category is not null && !CategoryPattern().IsMatch(category))
            def.Error(def.PositionOf("category"), $"Category '{category}' must be one PascalCase word, e.g. Attribution.");
        var severity = Severity.Warning;
        string? severityText = def.GetString("severity");
        if (severityText is not null && !SeverityNames.TryParseRuleSeverity(severityText, out severity))
            def.Error(def.PositionOf("severity"), $"Severity '{severityText}' is not one of error, warning, info, hidden.");
        bool enabled = def.GetBool("enabled", true);
        bool isPreview = def.GetBool("preview", false);
        string description = def.GetString("description") ?? "";
        string? rationale = def.GetString("why");
        string? useInstead = def.GetString("instead");
        string? helpUri = def.GetString("helpUri");
        if (helpUri is not null && HelpUriProblem(helpUri) is { } problem)
            def.Error(def.PositionOf("helpUri"), problem);
        var tags = def.GetStringList("tags").Select(t => t.Value).ToImmutableArray();
        var yieldsTo = def.GetStringList("yieldsTo");
        string? kindName = def.GetString("kind", required: true);
        var examples = ReadExamples(def);
        string? scopeText = def.GetString("scope");
        string? speechText = def.GetString("speech");
        var speech = SpeechMode.Exclude;
        if (speechText is not null && !RuleScopeNames.TryParseSpeech(speechText, out speech))
            def.Error(def.PositionOf("speech"), $"speech '{speechText}' is not one of exclude, include, only.");

        RuleKind? kind = null;
        if (kindName is not null)
        {
            kind = RuleKinds.Find(kindName);
            if (kind is null)
                def.Error(def.PositionOf("kind"), $"Unknown rule kind '{kindName}'; known kinds: {string.Join(", ", RuleKinds.All.Select(k => k.Name))}.");
        }

        var fixSafety = kind?.FixesByDefault == true ? FixSafety.Safe : FixSafety.None;
        string? fixText = def.GetString("fix");
        if (fixText is not null)
        {
            fixSafety = fixText switch { "safe" => FixSafety.Safe, "unsafe" => FixSafety.Unsafe, "none" => FixSafety.None, _ => fixSafety };
            if (fixText is not ("safe" or "unsafe" or "none"))
                def.Error(def.PositionOf("fix"), $"fix '{fixText}' is not one of safe, unsafe, none.");
            else if (kind is { CanFix: false, FixesByDefault: false } && fixSafety != FixSafety.None)
                def.Error(def.PositionOf("fix"), $"Rules of kind '{kind.Name}' offer no fixes; remove 'fix'.");
        }
        bool fixInSpeech = def.GetBool("fixInSpeech", false);

        if (message is not null && kind is not null)
        {
            var placeholders = MessageTemplate.Placeholders(message, out string? templateError);
            foreach (var (name, _) in placeholders)
            {
                if (!kind.Placeholders.Contains(name))
                    def.Error(def.PositionOf("message"), $"Unknown placeholder '{{{name}}}' in message; kind '{kind.Name}' fills {string.Join(", ", kind.Placeholders.Select(p => "{" + p + "}"))}.");
            }
            if (templateError is not null) def.Error(def.PositionOf("message"), $"Bad message template: {templateError}.");
        }

        var scope = kind?.DefaultScope ?? RuleScope.Document;
        if (scopeText is not null && kind is not null)
        {
            if (!RuleScopeNames.TryParse(scopeText, out scope))
                def.Error(def.PositionOf("scope"), $"scope '{scopeText}' is not one of {string.Join(", ", Enum.GetValues<RuleScope>().Select(s => s.Name()))}.");
            else if (!kind.Allows(scope))
                def.Error(def.PositionOf("scope"), $"Rules of kind '{kind.Name}' take scope {string.Join(", ", kind.Scopes.Select(s => s.Name()))}, not '{scopeText}'.");
        }

        if (id is null || title is null || message is null || category is null || kind is null)
            return null; // kind-specific keys cannot be checked without a kind

        var descriptor = new RuleDescriptor
        {
            Id = id,
            Title = title,
            MessageFormat = message,
            Category = category,
            DefaultSeverity = severity,
            IsEnabledByDefault = enabled && (!isPreview || preview),
            IsPreview = isPreview,
            Description = description,
            Rationale = rationale,
            UseInstead = useInstead,
            HelpUri = helpUri ?? (file.HelpUriBase is null ? null : file.HelpUriBase + id + ".md"),
            Tags = tags,
            Kind = kind.Name,
            Scope = scope,
            Speech = speech,
            FixSafety = fixSafety,
            FixInSpeech = fixInSpeech,
            Examples = examples,
            YieldsTo = yieldsTo.Select(t => t.Value).ToImmutableArray(),
            SourcePath = path,
            SourcePosition = mapping.Position,
        };
        var rule = kind.Create(descriptor, def);
        def.ReportUnknownKeys(kind.Name);
        if (def.ErrorCount > 0) return null;
        seen[id] = descriptor;
        if (!yieldsTo.IsEmpty) yielding.Add(new Yielding(path, yieldsTo, descriptor));
        return rule;
    }

    /// <summary>
    /// <c>yieldsTo</c> must name other rules of the packs being loaded, and rules may not yield to each other in
    /// a ring (each would drop its finding for the other's, and the words would go unreported).
    /// </summary>
    private static void CheckYields(List<Yielding> yielding,
        Dictionary<string, RuleDescriptor> seen, List<ConfigurationDiagnostic> errors)
    {
        if (yielding.Count == 0) return;
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (path, targets, rule) in yielding)
        {
            foreach (var (target, at) in targets)
            {
                string? problem = target == rule.Id ? $"Rule {rule.Id} cannot yield to itself."
                    : !seen.ContainsKey(target) ? $"yieldsTo names '{target}', which is not a rule of the packs loaded."
                    : null;
                if (problem is not null)
                {
                    errors.Add(new ConfigurationDiagnostic(NotificationCodes.InvalidRule, Severity.Error, path, at.Line, at.Column, problem));
                    continue;
                }
                if (!edges.TryGetValue(rule.Id, out var list)) edges[rule.Id] = list = new();
                list.Add(target);
            }
        }
        // A ring: follow the edges from each rule; reaching it again names the ring at its first yieldsTo.
        foreach (var (path, targets, rule) in yielding)
        {
            var ring = FindRing(rule.Id, edges);
            if (ring is null) continue;
            var at = targets[0].Position;
            errors.Add(new ConfigurationDiagnostic(NotificationCodes.InvalidRule, Severity.Error, path, at.Line, at.Column,
                $"Rules yield to each other in a ring ({string.Join(" -> ", ring)}): each would drop its finding for the other's; remove one yieldsTo."));
        }
    }

    private static List<string>? FindRing(string start, Dictionary<string, List<string>> edges)
    {
        var path = new List<string> { start };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        bool Walk(string at)
        {
            if (!edges.TryGetValue(at, out var next)) return false;
            foreach (string n in next)
            {
                if (n == start) { path.Add(n); return true; }
                if (!visited.Add(n)) continue;
                path.Add(n);
                if (Walk(n)) return true;
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }
        return Walk(start) ? path : null;
    }

    /// <summary>A rule with <c>yieldsTo</c>, kept until every rule is loaded and the IDs can be checked.</summary>
    private sealed record Yielding(string Path, ImmutableArray<(string Value, SourcePosition Position)> Targets, RuleDescriptor Rule);

    private static ImmutableArray<RuleExample> ReadExamples(RuleDefinition def)
    {
        var node = def.Get("examples");
        if (node is null) return ImmutableArray<RuleExample>.Empty;
        if (node is not YamlSequence seq)
        {
            def.Error(node, "'examples' must be a list of '- bad: ...' and '- good: ...' items.");
            return ImmutableArray<RuleExample>.Empty;
        }
        var list = ImmutableArray.CreateBuilder<RuleExample>();
        foreach (var item in seq.Items)
        {
            if (item is not YamlMapping map)
            {
                def.Error(item, "Each example must be a mapping with 'bad' or 'good'.");
                continue;
            }
            RuleExample? example = null;
            string? fixedText = null;
            foreach (var (key, value) in map.Entries)
            {
                if (value is not YamlScalar s)
                {
                    def.Error(value, $"Example '{key.Value}' must be a string.");
                    continue;
                }
                switch (key.Value)
                {
                    case "bad" or "good" when example is not null:
                        def.Error(key.Position, "An example holds either 'bad' or 'good', not both; make two items.");
                        break;
                    case "bad":
                        example = new RuleExample(RuleExampleKind.Bad, s.Value, s.Position);
                        if (!s.Value.Contains("[|", StringComparison.Ordinal))
                            def.Error(s, "A 'bad' example must mark each expected finding with [|...|].");
                        break;
                    case "good":
                        example = new RuleExample(RuleExampleKind.Good, s.Value, s.Position);
                        break;
                    case "fixed":
                        fixedText = s.Value;
                        break;
                    default:
                        def.Error(key.Position, $"Unknown example key '{key.Value}'; use bad, good or fixed.");
                        break;
                }
            }
            if (example is null) def.Error(map, "An example needs 'bad' or 'good'.");
            else list.Add(fixedText is null ? example : example with { Fixed = fixedText });
        }
        return list.ToImmutable();
    }
}
