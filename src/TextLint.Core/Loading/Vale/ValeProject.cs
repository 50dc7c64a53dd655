using System.Collections.Immutable;
using TextLint.Configuration;
using TextLint.Diagnostics;
using TextLint.Rules;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Loading.Vale;

/// <summary>
/// A Vale setup read as a TextLint rule pack: a <c>.vale.ini</c> (its <c>StylesPath</c>,
/// <c>BasedOnStyles</c>, per-glob sections, <c>Style.Rule = NO|YES|level</c>, <c>MinAlertLevel</c>,
/// <c>Vocab</c>) or a single style folder (all its rules on at their own level). Each rule comes out
/// as a TextLint rule named <c>Style.Rule</c>; a rule that a glob section turns on or off runs only on
/// the files that section matches.
/// </summary>
public sealed partial class ValeProject
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^{},]*)\}")]
    private static partial System.Text.RegularExpressions.Regex SingleBraces();

    private readonly List<ConfigurationDiagnostic> _errors = new();
    private readonly List<ConfigurationDiagnostic> _notices = new();
    private readonly List<Rule> _rules = new();

    private ValeProject() { }

    public ImmutableArray<Rule> Rules => _rules.ToImmutableArray();
    public IReadOnlyList<ConfigurationDiagnostic> Errors => _errors;

    /// <summary>Rules of kinds TextLint does not run, each named once, and settings that have no TextLint equivalent.</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Notices => _notices;

    public ImmutableArray<string> AcceptedTerms { get; private set; } = [];
    public ImmutableArray<string> RejectedTerms { get; private set; } = [];

    /// <summary>Whether a path names a Vale configuration file (.vale.ini, _vale.ini, .vale, _vale, vale.ini).</summary>
    public static bool IsValeConfig(string path)
    {
        string name = Path.GetFileName(path);
        return name is ".vale.ini" or "_vale.ini" or "vale.ini" or ".vale" or "_vale";
    }

    /// <summary>Whether a folder is a Vale style: YAML files with <c>extends</c> and no TextLint <c>id</c>.</summary>
    public static bool IsValeStyleFolder(string folder)
    {
        if (!Directory.Exists(folder)) return false;
        var files = Directory.EnumerateFiles(folder, "*.yml").Concat(Directory.EnumerateFiles(folder, "*.yaml")).Take(8).ToList();
        if (files.Count == 0) return false;
        bool sawRule = false;
        foreach (string f in files)
        {
            // Only regular, non-empty files of sane size are opened: a FIFO named like a rule would block.
            if (!IsReadableRuleFile(f)) continue;
            string text;
            try { text = File.ReadAllText(f); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            bool extends = false, id = false;
            foreach (string line in text.Split('\n'))
            {
                if (line.StartsWith("extends:", StringComparison.Ordinal)) extends = true;
                if (line.StartsWith("id:", StringComparison.Ordinal)) id = true;
            }
            if (id || !extends) return false;
            sawRule = true;
        }
        return sawRule;
    }

    private static bool IsReadableRuleFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null) info = (FileInfo?)info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            if (!info.Exists || info.Length == 0 || info.Length > RulePackLoader.MaxFileLength) return false;
            return !OperatingSystem.IsWindows() ? (File.GetUnixFileMode(info.FullName) >= 0 && IsRegular(info)) : true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    // A FIFO, socket or device reports no length on Unix; a regular file with content does.
    private static bool IsRegular(FileInfo info) => (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0 && info.Length > 0;

    /// <summary>All rules of one style folder, on everywhere at their own level.</summary>
    public static ValeProject LoadStyle(string folder, string display)
    {
        var p = new ValeProject();
        string style = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        p.ReadStyle(style, folder, display, [], _ => null, null);
        return p;
    }

    /// <param name="iniPath">The .vale.ini.</param>
    /// <param name="display">How to name it in messages (relative to the working folder).</param>
    /// <param name="minAlertLevel">A command-line override of MinAlertLevel (Vale's --minAlertLevel).</param>
    /// <param name="baseDirectory">The folder relative paths (StylesPath) are read from; the file's own folder by default.</param>
    public static ValeProject Load(string iniPath, string display, string? minAlertLevel = null, string? baseDirectory = null)
    {
        var p = new ValeProject();
        p.LoadIni(iniPath, display, minAlertLevel, baseDirectory);
        return p;
    }

    private sealed record Section(string Name, EditorConfigGlob? Glob, List<ValeIniEntry> Styles, Dictionary<string, ValeIniEntry> Rules);

    private void LoadIni(string iniPath, string display, string? minOverride, string? baseDirectory)
    {
        string text;
        try { text = File.ReadAllText(iniPath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, 0, 0, $"Could not read the Vale configuration: {ex.Message}"));
            return;
        }
        var sections = ValeIni.Parse(display, text, _errors);
        string dir = baseDirectory ?? Path.GetDirectoryName(Path.GetFullPath(iniPath))!;
        string displayDir = Path.GetDirectoryName(display) ?? "";
        string stylesPath = dir;
        string minLevel = "suggestion";
        ValeIniEntry? minEntry = null;
        var vocab = new List<string>();
        var parsed = new List<Section>();
        foreach (var section in sections)
        {
            if (section.Name == "formats") { continue; }
            EditorConfigGlob? glob = null;
            if (section.Name.Length > 0)
            {
                glob = EditorConfigGlob.Parse(SingleBraces().Replace(section.Name, "$1")); // Vale reads [*.{md}] as [*.md]
                if (glob.Error is not null)
                    _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, section.Line, 2, glob.Error));
            }
            var s = new Section(section.Name, glob, new(), new(StringComparer.Ordinal));
            foreach (var e in section.Entries)
            {
                switch (e.Key)
                {
                    case "StylesPath" when section.Name.Length == 0: stylesPath = Path.GetFullPath(e.Value, dir); break;
                    case "MinAlertLevel" when section.Name.Length == 0: minLevel = e.Value; minEntry = e; break;
                    case "Vocab" when section.Name.Length == 0: vocab.AddRange(ValeIni.List(e.Value)); break;
                    case "BasedOnStyles": s.Styles.Add(e); break;
                    case "IgnoredScopes" or "SkippedScopes" or "IgnoredClasses" or "TokenIgnores" or "BlockIgnores" or "IgnorePatterns" or "Transform"
                        or "CommentDelimiters" or "Packages" or "WordTemplate" or "Lang" or "NLPEndpoint" or "BlockIgnore" or "LTPath" or "SphinxBuildPath" or "SphinxAutoBuild":
                        Note(display, e, e.Key is "IgnoredScopes" or "SkippedScopes"
                            ? $"'{e.Key}' is not applied: TextLint's Markdown reader already leaves code out of the prose; other scopes are linted."
                            : $"'{e.Key}' has no TextLint equivalent and is ignored.");
                        break;
                    default:
                        if (e.Key.Contains('.')) s.Rules[e.Key] = e;
                        else if (char.IsUpper(e.Key[0]) && e.Value is "NO" or "YES") s.Rules[e.Key] = e; // a whole style on or off
                        else Note(display, e, $"Unknown Vale setting '{e.Key}'; it is ignored.");
                        break;
                }
            }
            // The global section's BasedOnStyles apply to every file, like a [*] section.
            parsed.Add(s);
        }
        if (minOverride is not null) minLevel = minOverride;
        if (!ValeRuleReader.TryParseLevel(minLevel, out var min))
        {
            _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, minEntry?.Line ?? 0, minEntry?.Column ?? 0,
                $"MinAlertLevel '{minLevel}' must be suggestion, warning or error."));
            return;
        }
        var stylesEntry = sections[0].Entries.FirstOrDefault(e => e.Key == "StylesPath");
        if (stylesEntry is not null && !Directory.Exists(stylesPath))
        {
            var at = stylesEntry;
            _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, at?.Line ?? 0, at?.Column ?? 0,
                $"StylesPath '{at?.Value}' is not a folder ({stylesPath})."));
        }
        ReadVocab(stylesPath, vocab, display);

        // Which styles are needed: every BasedOnStyles, and every style a Style.Rule key names.
        var styles = new Dictionary<string, ValeIniEntry>(StringComparer.Ordinal);
        foreach (var s in parsed)
        {
            foreach (var e in s.Styles)
                foreach (string style in ValeIni.List(e.Value)) styles.TryAdd(style, e);
            foreach (var (key, e) in s.Rules)
                styles.TryAdd(key.Contains('.') ? key[..key.IndexOf('.')] : key, e);
        }

        bool Enabled(string ruleName, string path, out Severity? level)
        {
            level = null;
            string style = ruleName[..ruleName.IndexOf('.')];
            bool on = false;
            foreach (var s in parsed)
            {
                if (s.Glob is not null && !s.Glob.IsMatch(Normalize(path))) continue;
                foreach (var e in s.Styles)
                    if (ValeIni.List(e.Value).Contains(style, StringComparer.Ordinal)) on = true;
                if (s.Rules.TryGetValue(style, out var styleSwitch)) on = styleSwitch.Value == "YES";
                if (s.Rules.TryGetValue(ruleName, out var setting))
                {
                    if (setting.Value == "NO") on = false;
                    else if (setting.Value == "YES") on = true;
                    else if (ValeRuleReader.TryParseLevel(setting.Value, out var l)) { on = true; level = l; }
                }
            }
            return on;
        }

        // A level set for a rule anywhere becomes its severity (per-file levels are not distinguished).
        Severity? LevelFor(string ruleName)
        {
            Severity? level = null;
            foreach (var s in parsed)
                if (s.Rules.TryGetValue(ruleName, out var e) && ValeRuleReader.TryParseLevel(e.Value, out var l)) level = l;
            return level;
        }

        foreach (var s in parsed)
            foreach (var (key, e) in s.Rules)
                if (key.Contains('.') && e.Value is not ("NO" or "YES") && !ValeRuleReader.TryParseLevel(e.Value, out _))
                    _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, e.Line, e.Column,
                        $"'{key} = {e.Value}': the value must be YES, NO, suggestion, warning or error."));

        foreach (var (style, entry) in styles.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Func<string, bool> gate = path => true;
            ValeRuleOptions Options(string ruleName) => new(LevelFor(ruleName), min, path => Enabled(ruleName, path, out _));
            if (style == "Vale")
            {
                AddBuiltIns(display, Options);
                continue;
            }
            string folder = Path.Combine(stylesPath, style);
            if (!Directory.Exists(folder))
            {
                _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, entry.Line, entry.Column,
                    $"No style '{style}' in StylesPath ({Path.Combine(displayDir, Path.GetRelativePath(dir, folder)).Replace('\\', '/')})."));
                continue;
            }
            ReadStyle(style, folder, Path.Combine(displayDir, Path.GetRelativePath(dir, folder)), AcceptedTerms, Options, min);
        }

        // A Style.Rule key for a rule that does not exist is an error, as in Vale.
        var names = _rules.Select(r => r.Descriptor.Id).Concat(_unsupported).ToHashSet(StringComparer.Ordinal);
        foreach (var s in parsed)
            foreach (var (key, e) in s.Rules)
                if (key.Contains('.') && e.Value != "NO" && !names.Contains(key) && styles.ContainsKey(key[..key.IndexOf('.')]) && Directory.Exists(Path.Combine(stylesPath, key[..key.IndexOf('.')])))
                    _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, e.Line, 1, $"No rule '{key}' in style '{key[..key.IndexOf('.')]}'."));
    }

    private readonly HashSet<string> _unsupported = new(StringComparer.Ordinal);

    private static string Normalize(string path)
    {
        string p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p;
    }

    private void Note(string display, ValeIniEntry e, string message) =>
        _notices.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Warning, display, e.Line, e.Column, message));

    private void ReadVocab(string stylesPath, List<string> names, string display)
    {
        var accept = new List<string>();
        var reject = new List<string>();
        foreach (string name in names)
        {
            string[] candidates = [Path.Combine(stylesPath, "config", "vocabularies", name), Path.Combine(stylesPath, "Vocab", name)];
            string? folder = candidates.FirstOrDefault(Directory.Exists);
            if (folder is null)
            {
                _errors.Add(new ConfigurationDiagnostic(ValeIni.ErrorCode, Severity.Error, display, 0, 0, $"No vocabulary '{name}' under StylesPath (config/vocabularies/{name})."));
                continue;
            }
            foreach (var (file, list) in new[] { ("accept.txt", accept), ("reject.txt", reject) })
            {
                string path = Path.Combine(folder, file);
                if (!File.Exists(path)) continue;
                foreach (string raw in File.ReadAllLines(path))
                {
                    string line = raw.Trim();
                    if (line.Length > 0 && !line.StartsWith('#')) list.Add(line);
                }
            }
        }
        AcceptedTerms = accept.Distinct(StringComparer.Ordinal).ToImmutableArray();
        RejectedTerms = reject.Distinct(StringComparer.Ordinal).ToImmutableArray();
    }

    private void AddBuiltIns(string display, Func<string, ValeRuleOptions> options)
    {
        var errors = new List<ConfigurationDiagnostic>();
        var builtins = new List<(string Name, YamlMapping Map)>
        {
            ("Vale.Repetition", Mapping(("extends", "repetition"), ("message", "'%s' is repeated!"), ("level", "error"), ("ignorecase", "true"), ("alpha", "true"), ("tokens", @"[^\s.!?]+"))),
        };
        if (!AcceptedTerms.IsEmpty)
            builtins.Add(("Vale.Terms", Mapping([("extends", "substitution"), ("message", "Use '%s' instead of '%s'."), ("level", "error"), ("ignorecase", "true"), ("vocab", "false")],
                AcceptedTerms.Select(t => (t, t)).ToList())));
        if (!RejectedTerms.IsEmpty)
            builtins.Add(("Vale.Avoid", Mapping([("extends", "existence"), ("message", "Avoid using '%s'."), ("level", "error"), ("ignorecase", "false"), ("vocab", "false")],
                null, RejectedTerms)));
        foreach (var (name, map) in builtins)
            Add(name, "<Vale>/" + name[5..] + ".yml", map, AcceptedTerms, options(name), errors);
        _unsupported.Add("Vale.Spelling");
        _errors.AddRange(errors);
    }

    private static YamlMapping Mapping(params (string Key, string Value)[] entries) => Mapping(entries, null);

    private static YamlMapping Mapping((string Key, string Value)[] entries, List<(string, string)>? swap, IReadOnlyList<string>? tokens = null)
    {
        var at = new SourcePosition(1, 1);
        var list = entries.Select(e => new KeyValuePair<YamlScalar, YamlNode>(new YamlScalar(at, e.Key, true),
            e.Key == "tokens" ? new YamlSequence(at, [new YamlScalar(at, e.Value, false)]) : new YamlScalar(at, e.Value, false))).ToList();
        if (swap is not null)
            list.Add(new(new YamlScalar(at, "swap", true), new YamlMapping(at, swap.Select(s => new KeyValuePair<YamlScalar, YamlNode>(new YamlScalar(at, s.Item1, false), new YamlScalar(at, s.Item2, false))).ToList())));
        if (tokens is not null)
            list.Add(new(new YamlScalar(at, "tokens", true), new YamlSequence(at, tokens.Select(t => (YamlNode)new YamlScalar(at, t, false)).ToList())));
        return new YamlMapping(at, list);
    }

    private void ReadStyle(string style, string folder, string display, IReadOnlyList<string> accepted, Func<string, ValeRuleOptions?> options, Severity? min)
    {
        var files = Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        foreach (string file in files)
        {
            string name = style + "." + Path.GetFileNameWithoutExtension(file);
            string shown = Path.Combine(display, Path.GetFileName(file)).Replace('\\', '/');
            if (!IsReadableRuleFile(file))
            {
                _errors.Add(new ConfigurationDiagnostic(ValeRuleReader.ErrorCode, Severity.Error, shown, 0, 0,
                    $"Could not read the rule: it is not a regular file of at most {RulePackLoader.MaxFileLength:N0} bytes."));
                continue;
            }
            string text;
            try { text = File.ReadAllText(file); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _errors.Add(new ConfigurationDiagnostic(ValeRuleReader.ErrorCode, Severity.Error, shown, 0, 0, $"Could not read the rule: {ex.Message}"));
                continue;
            }
            var docs = YamlReader.Read(shown, text, _errors);
            var doc = docs.FirstOrDefault(d => d.Root is not YamlScalar { IsNull: true });
            if (doc is null) continue;
            if (doc.Root is not YamlMapping map)
            {
                _errors.Add(new ConfigurationDiagnostic(ValeRuleReader.ErrorCode, Severity.Error, shown, doc.Root.Position.Line, doc.Root.Position.Column,
                    $"rule {name}: a Vale rule must be a mapping of keys to values, not {doc.Root.KindName}."));
                continue;
            }
            Add(name, shown, map, accepted, options(name) ?? new ValeRuleOptions(null, min ?? Severity.Info, null), _errors);
        }
    }

    private void Add(string name, string shown, YamlMapping map, IReadOnlyList<string> accepted, ValeRuleOptions options, List<ConfigurationDiagnostic> errors)
    {
        int notices = _notices.Count;
        var rule = ValeRuleReader.Read(name, shown, map, accepted, errors, _notices, options);
        if (_notices.Count > notices) _unsupported.Add(name);
        if (rule is null) return;
        if (rule.Descriptor.DefaultSeverity < options.MinLevel) return; // below MinAlertLevel: never reported
        _rules.Add(rule);
    }
}

/// <summary>How a .vale.ini configures one rule: a level that replaces the rule's own, MinAlertLevel, and which files it runs on.</summary>
public sealed record ValeRuleOptions(Severity? Level, Severity MinLevel, Func<string, bool>? AppliesTo);
