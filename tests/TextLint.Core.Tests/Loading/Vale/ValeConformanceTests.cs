using System.Text;
using System.Text.Json;
using TextLint.Loading.Vale;
using TextLint.Text;
using Xunit.Abstractions;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Rules;
using TextLint.Yaml;
using TextLint.Matching;
using TextLint.Diagnostics;

namespace TextLint.Core.Tests.Loading.Vale;

/// <summary>
/// Vale's own acceptance tests (../shared/vale/conformance/cases.json, turned from its Cucumber features)
/// run against TextLint's reading of Vale styles: every alert must match Vale's file, line, UTF-16
/// column, check and message. Pass rates per tier and per kind are printed; the cases that fail are
/// listed with their reason in vale-known-failures.txt, a list that may only shrink.
/// </summary>
public sealed class ValeConformanceTests(ITestOutputHelper output)
{
    private static readonly string KnownFailuresFile = Path.Combine(TestPaths.RepoRoot, "tests", "TextLint.Core.Tests", "Loading", "Vale", "vale-known-failures.txt");

    internal sealed record Alert(string File, int Line, int Column, string Check, string Message)
    {
        public override string ToString() => $"{File}:{Line}:{Column}:{Check}:{Message}";
    }

    internal sealed record CaseResult(string Id, string Tier, string Mode, bool Ran, string? NotRunReason,
        List<(Alert Alert, string Kind, bool Matched)> Expected, List<Alert> Unexpected, List<string> Errors)
    {
        public bool Passed => Ran && Errors.Count == 0 && Expected.All(e => e.Matched) && (Mode != "exact" || Unexpected.Count == 0);
    }

    [SharedDataFact("vale/conformance/cases.json")]
    public void ValeAcceptanceCases_MatchVale_AndKnownFailuresOnlyShrink()
    {
        var results = Run(TestPaths.SharedData("vale"));

        // Rates per tier and per kind, over the alerts of kinds TextLint runs.
        var report = new StringBuilder();
        foreach (var tier in results.GroupBy(r => r.Tier).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var alerts = tier.SelectMany(r => r.Expected).ToList();
            int matched = alerts.Count(a => a.Matched);
            report.AppendLine($"tier {tier.Key}: {matched}/{alerts.Count} expected alerts ({Rate(matched, alerts.Count)}), {tier.Count(r => r.Passed)}/{tier.Count()} cases pass, " +
                $"{tier.Where(r => r.Mode == "exact").Sum(r => r.Unexpected.Count)} unexpected alerts in exact cases");
        }
        foreach (var kind in results.SelectMany(r => r.Expected.Select(e => (r.Tier, e))).GroupBy(x => x.e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byTier = string.Join(", ", kind.GroupBy(x => x.Tier).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count(x => x.e.Matched)}/{g.Count()}"));
            report.AppendLine($"kind {kind.Key}: {kind.Count(x => x.e.Matched)}/{kind.Count()} ({Rate(kind.Count(x => x.e.Matched), kind.Count())}); {byTier}");
        }
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "textlint-vale-conformance.txt"), report + "\n" + string.Join("\n", results.Where(r => !r.Passed).Select(Describe)));

        var known = ReadKnownFailures();
        var newFailures = results.Where(r => !r.Passed && !known.ContainsKey(r.Id)).ToList();
        var nowPassing = results.Where(r => r.Passed && known.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        var stale = known.Keys.Where(id => results.All(r => r.Id != id)).ToList();
        foreach (var r in results.Where(r => !r.Passed)) output.WriteLine(Describe(r));
        Assert.True(newFailures.Count == 0, "Cases that are not on the known-failure list fail:\n" + string.Join("\n\n", newFailures.Select(Describe)));
        Assert.True(nowPassing.Count == 0, "These cases now pass; remove them from " + KnownFailuresFile + ": " + string.Join(", ", nowPassing));
        Assert.True(stale.Count == 0, "The known-failure list names cases that do not exist: " + string.Join(", ", stale));

        double Tier(string name)
        {
            var alerts = results.Where(r => r.Tier == name).SelectMany(r => r.Expected).ToList();
            return alerts.Count == 0 ? 1 : (double)alerts.Count(a => a.Matched) / alerts.Count;
        }
        Assert.True(Tier("core") >= 0.95, $"core tier {Tier("core"):P1} < 95%\n{report}");
        Assert.True(Tier("markdown-scopes") >= 0.70, $"markdown-scopes tier {Tier("markdown-scopes"):P1} < 70%\n{report}");
    }

    private static string Rate(int n, int of) => of == 0 ? "n/a" : $"{100.0 * n / of:F1}%";

    private static string Describe(CaseResult r)
    {
        var sb = new StringBuilder($"{r.Id} [{r.Tier}, {r.Mode}]");
        if (!r.Ran) sb.Append(" not run: ").Append(r.NotRunReason);
        foreach (var e in r.Errors) sb.Append("\n  error: ").Append(e);
        foreach (var e in r.Expected.Where(e => !e.Matched)) sb.Append("\n  missing: ").Append(e.Alert);
        foreach (var u in r.Unexpected) sb.Append("\n  unexpected: ").Append(u);
        return sb.ToString();
    }

    private static Dictionary<string, string> ReadKnownFailures()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in File.ReadAllLines(KnownFailuresFile))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int hash = line.IndexOf(" # ", StringComparison.Ordinal);
            Assert.True(hash > 0, $"Each known failure needs its reason after ' # ': {line}");
            known[line[..hash].Trim()] = line[(hash + 3)..].Trim();
        }
        return known;
    }

    /// <summary>Formats TextLint reads; a file in another one (reStructuredText, AsciiDoc, HTML, Org, XML, DITA, code) is not run.</summary>
    private static DocumentFormat? FormatOf(string format) => format switch
    {
        "markdown" or "mdx" => DocumentFormat.Markdown,
        "text" or "text (--ignore-syntax)" => DocumentFormat.PlainText,
        _ => null,
    };

    internal static List<CaseResult> Run(string root)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "conformance", "cases.json")));
        var results = new List<CaseResult>();
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
            results.Add(RunCase(root, c));
        return results;
    }

    private static CaseResult RunCase(string root, JsonElement c)
    {
        string id = c.GetProperty("id").GetString()!;
        string tier = c.GetProperty("summary").GetProperty("tier").GetString()!;
        string mode = c.GetProperty("mode").GetString()!;
        var expected = new List<(Alert, string, bool)>();
        foreach (var e in c.GetProperty("expected").EnumerateArray())
        {
            if (!e.GetProperty("supported_kind").GetBoolean()) continue;
            expected.Add((new Alert(e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("column_utf16").GetInt32(),
                e.GetProperty("check").GetString()!, e.GetProperty("message").GetString()!), e.GetProperty("kind").GetString()!, false));
        }
        var errors = new List<string>();
        var unexpected = new List<Alert>();
        string conformance = Path.Combine(root, "conformance");
        string cwd = Path.Combine(conformance, "vale", c.GetProperty("command").GetProperty("cwd").GetString()!["testdata/".Length..]);
        var files = c.GetProperty("files").EnumerateArray().ToList();
        var unsupportedFormats = files.Select(f => f.GetProperty("format").GetString()!).Where(f => FormatOf(f) is null).Distinct().ToList();
        if (unsupportedFormats.Count > 0)
            return new CaseResult(id, tier, mode, false, "formats TextLint does not read: " + string.Join(", ", unsupportedFormats), expected, unexpected, errors);
        if (c.GetProperty("config").GetProperty("file").ValueKind != JsonValueKind.String)
            return new CaseResult(id, tier, mode, false, "no configuration file", expected, unexpected, errors);

        string ini = Path.Combine(conformance, c.GetProperty("config").GetProperty("file").GetString()!);
        string? min = c.GetProperty("command").GetProperty("argv").EnumerateArray().Select(a => a.GetString()!)
            .FirstOrDefault(a => a.StartsWith("--minAlertLevel=", StringComparison.Ordinal))?["--minAlertLevel=".Length..];
        var project = ValeProject.Load(ini, Path.GetFileName(ini), min, baseDirectory: cwd);
        errors.AddRange(project.Errors.Select(e => e.ToString()));
        if (errors.Count > 0) return new CaseResult(id, tier, mode, true, null, expected, unexpected, errors);

        var rules = RuleSet.Compile(project.Rules);
        var engine = new LintEngine(rules);
        var produced = new List<Alert>();
        foreach (var f in files)
        {
            string rel = f.GetProperty("path").GetString()!;
            string text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(conformance, f.GetProperty("fixture").GetString()!)));
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            var source = new SourceText(rel, text);
            var analysis = engine.Analyze(Document.Create(source, FormatOf(f.GetProperty("format").GetString()!)));
            foreach (var n in analysis.Notifications) errors.Add(n.ToString());
            foreach (var d in analysis.Diagnostics)
            {
                if (d.Suppression is not null) continue;
                var pos = source.Lines.GetLinePosition(d.Span.Start);
                produced.Add(new Alert(rel, pos.Line + 1, pos.Character + 1, d.Id, d.Message));
            }
        }
        foreach (var p in produced)
        {
            int i = expected.FindIndex(e => !e.Item3 && e.Item1 == p);
            if (i >= 0) expected[i] = (expected[i].Item1, expected[i].Item2, true);
            else unexpected.Add(p);
        }
        return new CaseResult(id, tier, mode, true, null, expected, unexpected, errors);
    }
}

