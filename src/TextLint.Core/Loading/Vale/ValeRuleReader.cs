using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Loading.Vale;

/// <summary>What loading Vale rules produced: the rules, errors (exit 2) and notices (rules of kinds TextLint cannot run).</summary>
public sealed record ValeLoadResult(ImmutableArray<Rule> Rules, ImmutableArray<ConfigurationDiagnostic> Errors, ImmutableArray<ConfigurationDiagnostic> Notices);

/// <summary>
/// Turns one Vale rule file (<c>Style/Rule.yml</c>) into a TextLint rule named <c>Style.Rule</c>. Each
/// error names the file, line and column of the offending key. Rules of kinds TextLint does not run
/// (spelling, sequence, script, readability) are reported once each as a notice, never dropped silently.
/// </summary>
public static class ValeRuleReader
{
    public const string ErrorCode = NotificationCodes.ValeRuleInvalid;
    public const string UnsupportedCode = NotificationCodes.ValeKindUnsupported;

    public static readonly ImmutableArray<string> Kinds =
        ["existence", "substitution", "occurrence", "repetition", "consistency", "conditional", "capitalization", "metric", "readability", "spelling", "sequence", "script"];

    public static readonly ImmutableArray<string> Supported =
        ["existence", "substitution", "occurrence", "repetition", "consistency", "conditional", "capitalization"];

    /// <summary>Vale's levels as TextLint severities: suggestion is info.</summary>
    public static bool TryParseLevel(string level, out Severity severity)
    {
        switch (level)
        {
            case "suggestion": severity = Severity.Info; return true;
            case "warning": severity = Severity.Warning; return true;
            case "error": severity = Severity.Error; return true;
            default: severity = Severity.None; return false;
        }
    }

    /// <summary>Whether a YAML file reads as a Vale rule: a mapping with <c>extends</c> and no TextLint <c>id</c>.</summary>
    public static bool LooksLikeValeRule(YamlNode root) => root is YamlMapping m && m["extends"] is not null && m["id"] is null;

    /// <summary>Reads one rule. <paramref name="accepted"/> is the vocabulary's accepted terms (Vale adds them to the exceptions of word rules).</summary>
    public static Rule? Read(string name, string path, YamlMapping map, IReadOnlyList<string> accepted, List<ConfigurationDiagnostic> errors, List<ConfigurationDiagnostic> notices,
        ValeRuleOptions? options = null)
    {
        int before = errors.Count;
        void Error(YamlNode? at, string message) =>
            errors.Add(new ConfigurationDiagnostic(ErrorCode, Severity.Error, path, at?.Position.Line ?? map.Position.Line, at?.Position.Column ?? map.Position.Column, $"rule {name}: {message}"));

        string? Str(string key)
        {
            var node = map[key];
            if (node is null || node is YamlScalar { IsNull: true }) return null;
            if (node is YamlScalar s) return s.Value;
            Error(node, $"'{key}' must be a string, not {node.KindName}.");
            return null;
        }
        bool Bool(string key, bool fallback)
        {
            var node = map[key];
            if (node is null) return fallback;
            if (node is YamlScalar s && s.Value.ToLowerInvariant() is "true" or "false") return s.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
            Error(node, $"'{key}' must be true or false.");
            return fallback;
        }
        int Int(string key)
        {
            var node = map[key];
            if (node is null) return 0;
            if (node is YamlScalar s && int.TryParse(s.Value, out int v)) return v;
            Error(node, $"'{key}' must be a whole number.");
            return 0;
        }
        ImmutableArray<(string Value, YamlNode Node)> List(string key)
        {
            var node = map[key];
            if (node is null || node is YamlScalar { IsNull: true }) return [];
            if (node is YamlScalar one) return [(one.Value, one)];
            if (node is YamlSequence seq)
            {
                var b = ImmutableArray.CreateBuilder<(string, YamlNode)>();
                foreach (var item in seq.Items)
                    if (item is YamlScalar s) b.Add((s.Value, s));
                    else Error(item, $"Items of '{key}' must be strings, not {item.KindName}.");
                return b.ToImmutable();
            }
            Error(node, $"'{key}' must be a list of strings, not {node.KindName}.");
            return [];
        }
        ImmutableArray<(string Key, string Value, YamlNode Node)> Map(string key)
        {
            var node = map[key];
            if (node is null) return [];
            if (node is not YamlMapping m)
            {
                Error(node, $"'{key}' must be a mapping, not {node.KindName}.");
                return [];
            }
            var b = ImmutableArray.CreateBuilder<(string, string, YamlNode)>();
            foreach (var e in m.Entries)
                if (e.Value is YamlScalar v) b.Add((e.Key.Value, v.IsNull ? "" : v.Value, e.Key));
                else Error(e.Value, $"Values of '{key}' must be strings, not {e.Value.KindName}.");
            return b.ToImmutable();
        }
        Regex? Compile(string pattern, bool ignoreCase, YamlNode? at, string what)
        {
            var regex = ValeRegex.TryCreate(pattern, ignoreCase, out string? error);
            if (regex is null) Error(at, $"Invalid regular expression in '{what}' ('{(pattern.Length <= 200 ? pattern : pattern[..200] + "…")}'): {error}");
            return regex;
        }

        string? extends = Str("extends");
        if (extends is null)
        {
            Error(null, "Missing the required 'extends' key.");
            return null;
        }
        if (!Kinds.Contains(extends))
        {
            Error(map["extends"], $"'extends' is '{extends}'; it must be one of {string.Join(", ", Kinds)}.");
            return null;
        }
        string? message = Str("message");
        if (message is null) Error(null, "Missing the required 'message' key.");
        var severity = Severity.Warning;
        if (Str("level") is { } level && !TryParseLevel(level, out severity))
            Error(map["level"], $"'level' is '{level}'; it must be suggestion, warning or error.");
        string? link = Str("link");
        if (map["code"] is YamlScalar { Value: "true" }) Error(map["code"], "'code' is deprecated in Vale; use 'scope: raw' instead.");

        var scope = ValeScope.Default;
        var scopeItems = List("scope");
        if (!scopeItems.IsEmpty)
        {
            var parsed = ValeScope.Parse(scopeItems.Select(s => s.Value).ToList(), out string? scopeError);
            if (parsed is null) Error(map["scope"], scopeError!);
            else scope = parsed;
        }

        ValeAction? action = null;
        if (map["action"] is YamlMapping actionMap)
        {
            string actionName = actionMap["name"] is YamlScalar an ? an.Value : "";
            var ps = actionMap["params"] is YamlSequence pseq ? pseq.Items.OfType<YamlScalar>().Select(s => s.Value).ToImmutableArray() : [];
            action = new ValeAction(actionName, ps);
        }

        if (!Supported.Contains(extends))
        {
            // Counted and named, never silently dropped.
            notices.Add(new ConfigurationDiagnostic(UnsupportedCode, Severity.Warning, path, map.Position.Line, map.Position.Column,
                $"rule {name}: Vale's '{extends}' rules are not supported by TextLint; this rule does not run."));
            return null;
        }

        bool ignoreCase = Bool("ignorecase", false);
        bool nonword = Bool("nonword", false);
        var exceptions = List("exceptions").Select(e => e.Value).ToList();
        bool vocab = Bool("vocab", true);
        string[] subs = extends == "substitution" ? ["replacement", "match"] : ["match"];
        if (extends == "occurrence") subs = ["count"];
        string template = ToTemplate(extends == "substitution" && action is { Name: "replace", Params.IsEmpty: true } ? ConvertMessage(message ?? "") : message ?? "", subs,
            numbers: extends == "occurrence");

        var descriptor = new RuleDescriptor
        {
            Id = name,
            Title = name,
            MessageFormat = template,
            Category = name[..name.IndexOf('.')],
            DefaultSeverity = options?.Level ?? severity,
            Description = Str("description") ?? "",
            HelpUri = link is not null && Uri.IsWellFormedUriString(link, UriKind.Absolute) ? link : null,
            Kind = extends,
            Scope = RuleScope.Document,
            Speech = SpeechMode.Include,
            FixSafety = action?.Name is "replace" or "remove" ? FixSafety.Unsafe : FixSafety.None,
            SourcePath = path,
            SourcePosition = map.Position,
            Tags = ["vale"],
        };

        Rule? rule = null;
        switch (extends)
        {
            case "existence":
            {
                var tokens = List("tokens").Where(t => t.Value.Trim().Length > 0).ToList();
                var raw = List("raw");
                bool append = Bool("append", false);
                foreach (var t in tokens) Compile(t.Value, false, t.Node, "tokens");
                foreach (var r in raw) if (ValeRegex.TryCreate(string.Concat(raw.Select(x => x.Value)), false, out _) is null) Compile(r.Value, false, r.Node, "raw");
                if (tokens.Count == 0 && raw.IsEmpty) { Error(null, "An existence rule needs 'tokens' or 'raw'."); break; }
                string regex = (!nonword && tokens.Count > 0) ? @"(?m)\b(?:%s)\b" : "(?m)(?:%s)";
                string rawJoined = string.Concat(raw.Select(r => r.Value));
                regex = append ? regex + rawJoined : rawJoined + regex;
                regex = regex.Replace("%s", string.Join("|", tokens.Select(t => t.Value)), StringComparison.Ordinal);
                var pattern = Compile(regex, ignoreCase, map["tokens"] ?? map["raw"], "tokens");
                if (pattern is null) break;
                var exceptTerms = exceptions.Concat(vocab && !nonword ? accepted : []).ToList();
                bool literal = raw.IsEmpty && !nonword && scope.Text == "text" && tokens.All(t => IsLiteral(t.Value));
                rule = new ValeExistenceRule(descriptor, scope, action, pattern, ValeRegex.Exceptions(exceptTerms), ValeRegex.Phrases(exceptTerms),
                    literal ? tokens.Select(t => t.Value).ToImmutableArray() : [], caseSensitive: !ignoreCase);
                break;
            }
            case "substitution":
            {
                var swap = Map("swap");
                if (swap.IsEmpty) { Error(null, "A substitution rule needs a non-empty 'swap' mapping."); break; }
                var swaps = ImmutableArray.CreateBuilder<(string, string, Regex?)>();
                var alternation = new StringBuilder();
                // Longest key first, as Vale sorts them, so the longer phrase wins where two start together.
                var ordered = swap.Select((s, i) => (s, i)).OrderByDescending(x => x.s.Key.Length).ThenBy(x => x.i).Select(x => x.s).ToList();
                bool ok = true;
                foreach (var (key, value, node) in ordered)
                {
                    var own = Compile(key, ignoreCase, node, "swap");
                    if (own is null) { ok = false; continue; }
                    if (alternation.Length > 0) alternation.Append('|');
                    alternation.Append("(?<v").Append(swaps.Count).Append('>').Append(ValeRegex.Translate(key)).Append(')');
                    swaps.Add((key, value, ValeRegex.HasCaptureGroup(key) ? own : null));
                }
                if (!ok) break;
                string regex = (nonword ? "(?m)(?:%s)" : @"(?m)\b(?:%s)\b").Replace("%s", alternation.ToString(), StringComparison.Ordinal);
                var pattern = Compile(regex, ignoreCase, map["swap"], "swap");
                if (pattern is null) break;
                rule = new ValeSubstitutionRule(descriptor, scope, action, pattern, swaps.ToImmutable(),
                    ValeRegex.Exceptions(exceptions.Concat(vocab ? accepted : [])), ignoreCase, Bool("capitalize", false));
                break;
            }
            case "occurrence":
            {
                string? token = Str("token");
                if (token is null) { Error(null, "An occurrence rule needs 'token'."); break; }
                var pattern = Compile("(?:" + token + ")", ignoreCase, map["token"], "token");
                int max = Int("max"), min = Int("min");
                if (pattern is not null) rule = new ValeOccurrenceRule(descriptor, scope, action, pattern, max, min);
                break;
            }
            case "repetition":
            {
                var tokens = List("tokens");
                if (tokens.IsEmpty) { Error(null, "A repetition rule needs 'tokens'."); break; }
                var pattern = Compile("(" + string.Join("|", tokens.Select(t => t.Value)) + ")", ignoreCase, map["tokens"], "tokens");
                if (pattern is not null)
                    rule = new ValeRepetitionRule(descriptor, scope, action, pattern, ValeRegex.Exceptions(exceptions.Concat(vocab ? accepted : [])),
                        Int("max"), ignoreCase, Bool("alpha", false));
                break;
            }
            case "consistency":
            {
                var either = Map("either");
                if (either.IsEmpty) { Error(null, "A consistency rule needs a non-empty 'either' mapping."); break; }
                var steps = ImmutableArray.CreateBuilder<Regex>();
                foreach (var (a, b, node) in either)
                {
                    string inner = $"(?<a>{ValeRegex.Translate(a)})|(?<b>{ValeRegex.Translate(b)})";
                    string regex = (nonword ? "(?m)(?:%s)" : @"(?m)\b(?:%s)\b").Replace("%s", inner, StringComparison.Ordinal);
                    if (Compile(regex, ignoreCase, node, "either") is { } r) steps.Add(r);
                }
                if (steps.Count == either.Length) rule = new ValeConsistencyRule(descriptor, scope, action, steps.ToImmutable());
                break;
            }
            case "conditional":
            {
                string? first = Str("first"), second = Str("second");
                if (first is null || second is null) { Error(null, "A conditional rule needs 'first' and 'second'."); break; }
                var f = Compile(first, ignoreCase, map["first"], "first");
                var s = Compile(second, ignoreCase, map["second"], "second");
                if (f is not null && s is not null)
                    rule = new ValeConditionalRule(descriptor, scope, action, f, s, ValeRegex.HasCaptureGroup(second), ValeRegex.Exceptions(exceptions.Concat(vocab ? accepted : [])));
                break;
            }
            case "capitalization":
            {
                string? match = Str("match");
                if (match is null) { Error(null, "A capitalization rule needs 'match'."); break; }
                double threshold = 0.8;
                if (map["threshold"] is YamlScalar ts && double.TryParse(ts.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double t) && t > 0) threshold = t;
                var except = ValeRegex.Exceptions(exceptions.Concat(vocab ? accepted : []));
                var indicators = List("indicators").Select(i => i.Value).ToList();
                string style = Str("style") ?? "AP";
                Regex? prefix = Str("prefix") is { } px ? Compile(px, false, map["prefix"], "prefix") : null;
                Func<string, bool>? check = match switch
                {
                    "$title" => s => ValeCase.IsTitle(s, except, style, threshold),
                    "$sentence" => s => ValeCase.IsSentence(prefix is null ? s : prefix.Replace(s, "", 1), indicators, except, threshold),
                    "$lower" => s => s == s.ToLowerInvariant(),
                    "$upper" => s => s == s.ToUpperInvariant(),
                    _ => null,
                };
                if (check is null)
                {
                    var custom = Compile(match, false, map["match"], "match");
                    if (custom is null) break;
                    check = s => custom.IsMatch(s) || (except?.IsMatch(s) ?? false);
                }
                rule = new ValeCapitalizationRule(descriptor, scope, action, check);
                break;
            }
        }
        if (rule is ValeRule vr) vr.AppliesTo = options?.AppliesTo;
        return errors.Count > before ? null : rule;
    }

    /// <summary>A token with no regular-expression syntax: letters, digits, spaces, apostrophes and hyphens.</summary>
    public static bool IsLiteral(string token) =>
        token.Trim().Length > 0 && token.All(c => char.IsLetterOrDigit(c) || c is ' ' or '\'' or '\u2019' or '-');

    /// <summary>
    /// A replace action lists its replacements quoted ('a' or 'b'), so Vale drops the quotes around the
    /// first '%s' of a message that quotes both.
    /// </summary>
    public static string ConvertMessage(string s)
    {
        foreach (string spec in new[] { "'%s'", "\"%s\"" })
        {
            int first = s.IndexOf(spec, StringComparison.Ordinal);
            if (first >= 0 && s.IndexOf(spec, first + spec.Length, StringComparison.Ordinal) >= 0 && s.IndexOf(spec, s.IndexOf(spec, first + spec.Length, StringComparison.Ordinal) + spec.Length, StringComparison.Ordinal) < 0)
                s = s[..first] + "%s" + s[(first + spec.Length)..];
        }
        return s;
    }

    /// <summary>
    /// Vale's message as a TextLint template: braces escaped, the i-th <c>%s</c> filled by the i-th of
    /// <paramref name="subs"/> (Vale's Sprintf order; substitution passes the replacement first, then
    /// the match), a <c>%s</c> past them as Go prints it.
    /// </summary>
    public static string ToTemplate(string message, IReadOnlyList<string> subs, bool numbers = false)
    {
        var sb = new StringBuilder(message.Length + 16);
        int index = 0;
        for (int i = 0; i < message.Length; i++)
        {
            char c = message[i];
            if (c == '%' && i + 1 < message.Length && message[i + 1] == '%' && subs.Count > 0) { sb.Append('%'); i++; continue; }
            if (c == '%' && i + 1 < message.Length && (message[i + 1] == 's' || numbers && message[i + 1] == 'd') && subs.Count > 0)
            {
                sb.Append(index < subs.Count ? "{" + subs[index] + "}" : "%!s(MISSING)");
                index++;
                i++;
                continue;
            }
            if (c is '{' or '}') sb.Append(c);
            sb.Append(c);
        }
        return sb.ToString();
    }
}
