using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TextLint.Quality;

/// <summary>
/// The quality harness of issue #13: lints each development set of ../shared/corpus with the bundled pack
/// through the real CLI (its JSON report, so the harness does not depend on Core's types) and prints one
/// table. It is run on demand, like the benchmarks; the test suite keeps the seed floors.
/// </summary>
public static partial class Program
{
    private const string Usage = """
        usage: dotnet run --project tests/TextLint.Quality -c Release -- [options]

          --set <name>          wikinews | weasel | wnc | seeds (repeatable; default: all four)
          --shared <dir>        the shared folder (default: ../shared beside the repository)
          --tool <path>         a dotnet-textlint binary or .dll (default: build src/TextLint.Cli in Release)
          --preview             pass --preview to the tool (rules that ship as preview)
          --details             per-rule and per-category breakdowns, the weasel misses and false alarms
          --sample <n>          write n findings sampled from wikinews (all severities but hidden) to judge by hand
          --sample-seed <n>     the sample's random seed (default 13)
          --sample-out <file>   where the sample goes (default: docs/quality/wikinews-sample.md)
          --help
        """;

    /// <summary>Categories whose findings count as "flagging" a weasel sentence.</summary>
    private static readonly string[] WeaselCategories = ["Attribution", "ScareQuotes"];

    /// <summary>Categories that never speak about a single word (whole units, layout), left out of the wnc measure.</summary>
    private static readonly HashSet<string> UnitCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "Readability", "Structure", "Boilerplate", "Typography", "Untranslated", "Consistency", "Suppression",
    };

    private static readonly string[] CoreCategories = ["Attribution", "ScareQuotes", "EmotiveLanguage", "Untranslated", "Boilerplate"];

    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (HarnessException e)
        {
            Console.Error.WriteLine("quality: error: " + e.Message);
            return 2;
        }
    }

    private static int Run(string[] args)
    {
        var sets = new List<string>();
        string? shared = null, tool = null, sampleOut = null;
        bool preview = false, details = false;
        int sample = 0, sampleSeed = 13;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new HarnessException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--set": sets.Add(Next()); break;
                case "--shared": shared = Next(); break;
                case "--tool": tool = Next(); break;
                case "--preview": preview = true; break;
                case "--details": details = true; break;
                case "--sample": sample = ParseInt(Next()); break;
                case "--sample-seed": sampleSeed = ParseInt(Next()); break;
                case "--sample-out": sampleOut = Next(); break;
                case "-h" or "--help": Console.WriteLine(Usage); return 0;
                default: throw new HarnessException($"unknown option '{args[i]}'\n{Usage}");
            }
        }
        if (sets.Count == 0) sets.AddRange(["wikinews", "weasel", "wnc", "seeds"]);
        foreach (string s in sets)
            if (s is not ("wikinews" or "weasel" or "wnc" or "seeds")) throw new HarnessException($"unknown set '{s}'");

        string repo = FindRepoRoot();
        shared = Path.GetFullPath(shared ?? Path.Combine(repo, "..", "shared"));
        string corpus = Path.Combine(shared, "corpus");
        if (!Directory.Exists(corpus)) throw new HarnessException($"no corpus folder at {corpus} (pass --shared)");
        var linter = new Linter(tool is null ? BuildTool(repo) : Path.GetFullPath(tool), preview);
        var rows = new List<string[]>();
        var notes = new StringBuilder();

        if (sets.Contains("wikinews")) Wikinews(linter, corpus, rows, notes, details, sample, sampleSeed, sampleOut ?? Path.Combine(repo, "docs", "quality", "wikinews-sample.md"));
        if (sets.Contains("weasel")) Weasel(linter, corpus, rows, notes, details);
        if (sets.Contains("wnc")) Wnc(linter, corpus, rows, notes, details);
        if (sets.Contains("seeds")) Seeds(linter, repo, corpus, rows, notes, details);

        Console.WriteLine();
        Console.WriteLine("| set | measure | now | target |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var r in rows) Console.WriteLine("| " + string.Join(" | ", r) + " |");
        if (notes.Length > 0) { Console.WriteLine(); Console.Write(notes); }
        return 0;
    }

    // ---------------------------------------------------------------- wikinews

    private static void Wikinews(Linter linter, string corpus, List<string[]> rows, StringBuilder notes, bool details, int sample, int seed, string sampleOut)
    {
        string dev = Path.Combine(corpus, "wikinews", "dev");
        using var tmp = new TempDir();
        long words = 0;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string f in Directory.GetFiles(dev, "*.txt").Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(f);
            words += WordRegex().Count(text);
            string name = Path.GetFileName(f);
            texts[name] = text;
            File.WriteAllText(Path.Combine(tmp.Path, name), text);
        }
        var found = linter.Lint(tmp.Path);
        int warn = found.Count(d => d.Severity is "warning" or "error");
        int all = found.Count(d => d.Severity != "hidden");
        rows.Add(["`wikinews/dev` (clean, edited news)", "warning-or-error findings per 1,000 words", $"{1000.0 * warn / words:0.00} ({warn} in {words:N0} words)", "≤ 0.3"]);
        rows.Add(["`wikinews/dev`", "findings of any severity per 1,000 words (info included)", $"{1000.0 * all / words:0.00} ({all})", "—"]);
        rows.Add(["`wikinews/dev`", "precision of 100 sampled findings, judged by hand (" + Rel(sampleOut) + ")", JudgedPrecision(sampleOut), "≥ 0.85"]);
        if (details)
        {
            notes.AppendLine("wikinews/dev findings by rule (warning+error / info):");
            foreach (var g in found.Where(d => d.Severity != "hidden").GroupBy(d => d.Rule).OrderByDescending(g => g.Count()))
                notes.AppendLine($"  {g.Key,-10} {g.Count(d => d.Severity is "warning" or "error"),5} / {g.Count(d => d.Severity == "info"),5}  {g.First().Message}");
            notes.AppendLine();
        }
        if (sample > 0) WriteSample(found.Where(d => d.Severity != "hidden").ToList(), texts, sample, seed, sampleOut, all);
    }

    private static void WriteSample(List<Finding> found, Dictionary<string, string> texts, int n, int seed, string path, int total)
    {
        var rng = new Random(seed);
        var picked = found.OrderBy(_ => rng.Next()).Take(n).OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
        var sb = new StringBuilder();
        sb.AppendLine("# Wikinews dev: sampled findings, judged by hand");
        sb.AppendLine();
        sb.AppendLine($"{picked.Count} of {total} findings (every severity but hidden) of the bundled pack on `../shared/corpus/wikinews/dev`, drawn with seed {seed}");
        sb.AppendLine("by `dotnet run --project tests/TextLint.Quality -c Release -- --set wikinews --sample N`. Verdict: **ok** — a copy editor");
        sb.AppendLine("would want it raised (even if they keep the text), **fp** — a false alarm.");
        sb.AppendLine();
        sb.AppendLine("| # | file:line | rule | severity | flagged | context | verdict |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        int k = 0;
        foreach (var d in picked)
        {
            string text = texts[d.File];
            var (s, e) = d.Span(text);
            int cs = Math.Max(0, s - 80), ce = Math.Min(text.Length, e + 80);
            string ctx = Cell(text[cs..s]) + "**" + Cell(text[s..e]) + "**" + Cell(text[e..ce]);
            sb.AppendLine($"| {++k} | {d.File}:{d.Line} | {d.Rule} | {d.Severity} | {Cell(text[s..e])} | …{ctx}… | |");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sb.ToString());
        Console.Error.WriteLine($"quality: wrote {picked.Count} sampled findings to {path}");
    }

    /// <summary>
    /// The precision written down in a judged sample file: the share of rows whose last cell is "ok" among
    /// those judged "ok" or "fp". The sample is drawn from the findings of the pack as it was when judged.
    /// </summary>
    private static string JudgedPrecision(string path)
    {
        if (!File.Exists(path)) return "(no sample: run with --sample 100 and judge it)";
        int ok = 0, fp = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (!line.StartsWith("| ", StringComparison.Ordinal)) continue;
            string verdict = line.TrimEnd().TrimEnd('|').Split('|')[^1].Trim().ToLowerInvariant();
            if (verdict.StartsWith("ok", StringComparison.Ordinal)) ok++;
            else if (verdict.StartsWith("fp", StringComparison.Ordinal)) fp++;
        }
        return ok + fp == 0 ? "(sample not judged yet)" : $"{(double)ok / (ok + fp):0.00} ({ok} of {ok + fp} judged)";
    }

    private static string Rel(string path)
    {
        try { return Path.GetRelativePath(FindRepoRoot(), path).Replace('\\', '/'); }
        catch (HarnessException) { return path; }
    }

    private static string Cell(string s) => s.Replace("\r", " ").Replace("\n", " ⏎ ").Replace("|", "\\|");

    // ---------------------------------------------------------------- weasel

    private static void Weasel(Linter linter, string corpus, List<string[]> rows, StringBuilder notes, bool details)
    {
        var items = ReadJsonLines(Path.Combine(corpus, "weasel", "dev.jsonl"))
            .Select(e => (Id: e.GetProperty("id").GetString()!, Text: e.GetProperty("text").GetString()!, Uncertain: e.GetProperty("uncertain").GetBoolean()))
            .ToList();
        using var tmp = new TempDir();
        foreach (var it in items) File.WriteAllText(Path.Combine(tmp.Path, it.Id + ".txt"), it.Text);
        var found = linter.Lint(tmp.Path).Where(d => d.Severity != "hidden").ToList();
        var byFile = found.GroupBy(d => Path.GetFileNameWithoutExtension(d.File)).ToDictionary(g => g.Key, g => g.ToList());

        (double R, double P, int Tp, int Flagged, int Pos) Score(Func<Finding, bool> counts, int half = -1)
        {
            // half 0 or 1 keeps the sentences on even or odd lines of dev.jsonl (0-based): rules are tuned on one
            // half and checked on the other, so that a pattern that only memorises sentences shows up as a gap.
            var subset = half < 0 ? items : items.Where((_, i) => i % 2 == half).ToList();
            int pos = subset.Count(i => i.Uncertain), tp = 0, flagged = 0;
            foreach (var it in subset)
            {
                bool f = byFile.TryGetValue(it.Id, out var l) && l.Any(counts);
                if (!f) continue;
                flagged++;
                if (it.Uncertain) tp++;
            }
            return (pos == 0 ? 0 : (double)tp / pos, flagged == 0 ? 0 : (double)tp / flagged, tp, flagged, pos);
        }
        var main = Score(d => WeaselCategories.Contains(d.Category, StringComparer.OrdinalIgnoreCase));
        var warnOnly = Score(d => WeaselCategories.Contains(d.Category, StringComparer.OrdinalIgnoreCase) && d.Severity is "warning" or "error");
        rows.Add(["`weasel/dev` (Wikipedia sentences tagged uncertain or not)",
            $"sentence-level recall on uncertain sentences / precision ({string.Join(", ", WeaselCategories)}; any severity)",
            $"{main.R:0.00} / {main.P:0.00} ({main.Tp} of {main.Pos} uncertain; {main.Flagged} flagged)", "≥ 0.35 / ≥ 0.90"]);
        rows.Add(["`weasel/dev`", "the same, warning or error only", $"{warnOnly.R:0.00} / {warnOnly.P:0.00} ({warnOnly.Tp}; {warnOnly.Flagged} flagged)", "—"]);
        bool Counts(Finding d) => WeaselCategories.Contains(d.Category, StringComparer.OrdinalIgnoreCase);
        foreach (var (half, name) in new[] { (0, "even lines (tuning half)"), (1, "odd lines (held-out half)") })
        {
            var h = Score(Counts, half);
            rows.Add(["`weasel/dev`", $"recall / precision, {name}", $"{h.R:0.00} / {h.P:0.00} ({h.Tp} of {h.Pos}; {h.Flagged} flagged)", "≥ 0.35 / ≥ 0.90"]);
        }
        if (details)
        {
            notes.AppendLine("weasel/dev by rule (sentences flagged: uncertain / certain):");
            foreach (var g in found.GroupBy(d => d.Rule).OrderByDescending(g => g.Count()))
            {
                var ids = g.Select(d => Path.GetFileNameWithoutExtension(d.File)).ToHashSet();
                int unc = items.Count(i => i.Uncertain && ids.Contains(i.Id)), cer = items.Count(i => !i.Uncertain && ids.Contains(i.Id));
                notes.AppendLine($"  {g.Key,-10} {g.First().Category,-16} {unc,5} / {cer,5}");
            }
            notes.AppendLine();
            var certainFlagged = items.Where(i => !i.Uncertain && byFile.TryGetValue(i.Id, out var l) && l.Any(d => WeaselCategories.Contains(d.Category, StringComparer.OrdinalIgnoreCase))).Take(40);
            notes.AppendLine("weasel/dev: certain sentences flagged (first 40):");
            foreach (var it in certainFlagged)
                notes.AppendLine($"  [{string.Join(",", byFile[it.Id].Select(d => d.Rule + ":" + d.Snippet))}] {it.Text}");
            notes.AppendLine();
        }
    }

    // ---------------------------------------------------------------- wnc

    private static void Wnc(Linter linter, string corpus, List<string[]> rows, StringBuilder notes, bool details)
    {
        var pairs = ReadJsonLines(Path.Combine(corpus, "wnc", "dev.jsonl"))
            .Select(e => (Id: e.GetProperty("id").GetString()!, Biased: e.GetProperty("biased").GetString()!, Neutral: e.GetProperty("neutral").GetString()!))
            .Where(p => p.Biased != p.Neutral)
            .ToList();
        using var tmp = new TempDir();
        Directory.CreateDirectory(Path.Combine(tmp.Path, "b"));
        Directory.CreateDirectory(Path.Combine(tmp.Path, "n"));
        foreach (var p in pairs)
        {
            File.WriteAllText(Path.Combine(tmp.Path, "b", p.Id + ".txt"), p.Biased);
            File.WriteAllText(Path.Combine(tmp.Path, "n", p.Id + ".txt"), p.Neutral);
        }
        var found = linter.Lint(tmp.Path).Where(d => d.Severity != "hidden" && !UnitCategories.Contains(d.Category)).ToList();
        var biased = found.Where(d => d.File.StartsWith("b/", StringComparison.Ordinal)).GroupBy(d => Path.GetFileNameWithoutExtension(d.File)).ToDictionary(g => g.Key, g => g.ToList());
        var neutral = found.Where(d => d.File.StartsWith("n/", StringComparison.Ordinal)).GroupBy(d => Path.GetFileNameWithoutExtension(d.File)).ToDictionary(g => g.Key, g => g.ToList());

        int hit = 0, cleanAfter = 0;
        var byRule = new Dictionary<string, int>();
        var stillFlagged = new List<string>();
        foreach (var p in pairs)
        {
            var (bs, be, ns, ne) = EditRegion(p.Biased, p.Neutral);
            var hits = biased.TryGetValue(p.Id, out var bl) ? bl.Where(d => Overlaps(d.Span(p.Biased), bs, be)).ToList() : [];
            if (hits.Count == 0) continue;
            hit++;
            foreach (var r in hits.Select(d => d.Rule).Distinct()) byRule[r] = byRule.GetValueOrDefault(r) + 1;
            var after = neutral.TryGetValue(p.Id, out var nl) ? nl.Where(d => Overlaps(d.Span(p.Neutral), ns, ne)).ToList() : [];
            if (after.Count == 0) cleanAfter++;
            else stillFlagged.Add($"  [{string.Join(",", after.Select(d => d.Rule + ":" + d.Snippet))}] {p.Neutral}");
        }
        rows.Add(["`wnc/dev` (a biased Wikipedia sentence and its neutral rewrite)", "the edited word is flagged in the biased sentence",
            $"{100.0 * hit / pairs.Count:0.0}% ({hit} of {pairs.Count} pairs)", "≥ 25% of pairs"]);
        rows.Add(["`wnc/dev`", "of those, nothing flagged at that place in the neutral rewrite",
            hit == 0 ? "— (none flagged)" : $"{100.0 * cleanAfter / hit:0.0}% ({cleanAfter} of {hit})", "≥ 95%"]);
        if (details)
        {
            notes.AppendLine("wnc/dev: pairs whose edited words a rule flags, by rule:");
            foreach (var kv in byRule.OrderByDescending(kv => kv.Value)) notes.AppendLine($"  {kv.Key,-10} {kv.Value,5}");
            notes.AppendLine();
            notes.AppendLine("wnc/dev: neutral rewrites still flagged at the edit (first 30):");
            foreach (string s in stillFlagged.Take(30)) notes.AppendLine(s);
            notes.AppendLine();
        }
    }

    /// <summary>
    /// The edited region of each side: the characters between the longest common prefix and suffix, widened
    /// to whole words. A deletion leaves an empty region on the neutral side.
    /// </summary>
    internal static (int Bs, int Be, int Ns, int Ne) EditRegion(string b, string n)
    {
        int p = 0;
        while (p < b.Length && p < n.Length && b[p] == n[p]) p++;
        int s = 0;
        while (s < b.Length - p && s < n.Length - p && b[^(s + 1)] == n[^(s + 1)]) s++;
        int bs = p, be = b.Length - s, ns = p, ne = n.Length - s;
        bs = WordStart(b, bs); ns = WordStart(n, ns);
        be = WordEnd(b, be); ne = ne > ns ? WordEnd(n, ne) : ns;
        return (bs, Math.Max(bs, be), ns, Math.Max(ns, ne));

        static int WordStart(string t, int i) { while (i > 0 && char.IsLetterOrDigit(t[i - 1])) i--; return i; }
        static int WordEnd(string t, int i) { while (i < t.Length && i > 0 && char.IsLetterOrDigit(t[i]) && char.IsLetterOrDigit(t[i - 1])) i++; return i; }
    }

    private static bool Overlaps((int S, int E) span, int s, int e) => s < e && span.S < e && s < span.E;

    // ---------------------------------------------------------------- seeds

    private static void Seeds(Linter linter, string repo, string corpus, List<string[]> rows, StringBuilder notes, bool details)
    {
        string dir = new[] { Path.Combine(repo, "tests", "corpus", "seeds"), Path.Combine(corpus, "seeds") }.First(d => File.Exists(Path.Combine(d, "labels.json")));
        var labels = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(dir, "labels.json"))).EnumerateArray()
            .Select(l => new Label(l.GetProperty("file").GetString()!, l.GetProperty("text").GetString()!, l.TryGetProperty("nth", out var nth) ? nth.GetInt32() : 0,
                l.GetProperty("category").GetString()!, l.GetProperty("expect").GetString()!)).ToList();
        using var tmp = new TempDir();
        var texts = new Dictionary<string, string>();
        foreach (string file in labels.Select(l => l.File).Distinct())
        {
            string text = File.ReadAllText(Path.Combine(dir, file));
            texts[file] = text;
            File.Copy(Path.Combine(dir, file), Path.Combine(tmp.Path, file));
        }
        foreach (var l in labels)
        {
            int i = -1;
            for (int k = 0; k <= l.Nth; k++) i = texts[l.File].IndexOf(l.Text, i + 1, StringComparison.Ordinal);
            if (i < 0) throw new HarnessException($"label not found in {l.File}: {l.Text}");
            l.Start = i; l.End = i + l.Text.Length;
        }
        var found = linter.Lint(tmp.Path).Where(d => CoreCategories.Contains(d.Category)).ToList();
        int results = 0, fp = 0;
        var fps = new List<string>();
        foreach (var d in found)
        {
            if (!texts.TryGetValue(d.File, out string? text)) continue;
            var (s, e) = d.Span(text);
            results++;
            var over = labels.Where(l => l.File == d.File && l.Category == d.Category && l.Start < Math.Max(e, s + 1) && s < l.End).ToList();
            foreach (var l in over.Where(l => l.Expect == "flag")) l.Hit = true;
            if (!over.Any(l => l.Expect is "flag" or "either")) { fp++; fps.Add($"  FP {d.Rule} {d.File}:{d.Line} '{d.Snippet}'"); }
        }
        var flags = labels.Where(l => l.Expect == "flag" && CoreCategories.Contains(l.Category)).ToList();
        int hits = flags.Count(l => l.Hit);
        rows.Add(["seeds (`labels.json`)", "core recall / precision",
            $"{(flags.Count == 0 ? 1 : (double)hits / flags.Count):0.00} / {(results == 0 ? 1 : (double)(results - fp) / results):0.00} ({hits}/{flags.Count}; {results - fp}/{results})", "1.00 / ≥ 0.95"]);
        if (details && (fps.Count > 0 || hits < flags.Count))
        {
            notes.AppendLine("seeds: misses and false positives:");
            foreach (var l in flags.Where(l => !l.Hit)) notes.AppendLine($"  MISS {l.Category} {l.File} '{l.Text}'");
            foreach (string s in fps) notes.AppendLine(s);
            notes.AppendLine();
        }
    }

    private sealed class Label(string file, string text, int nth, string category, string expect)
    {
        public string File { get; } = file;
        public string Text { get; } = text;
        public int Nth { get; } = nth;
        public string Category { get; } = category;
        public string Expect { get; } = expect;
        public int Start { get; set; }
        public int End { get; set; }
        public bool Hit { get; set; }
    }

    // ---------------------------------------------------------------- the tool

    private sealed record Finding(string File, int Line, int Column, int EndLine, int EndColumn, string Rule, string Category, string Severity, string Message, string Snippet)
    {
        /// <summary>The finding's span as string offsets (the report counts 1-based lines and UTF-16 columns, as .NET strings do).</summary>
        public (int Start, int End) Span(string text)
        {
            int s = Offset(text, Line, Column), e = Offset(text, EndLine, EndColumn);
            return (s, Math.Max(e, s));
        }

        private static int Offset(string text, int line, int column)
        {
            int i = 0;
            if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
            for (int l = 1; l < line && i < text.Length; i++)
            {
                if (text[i] == '\r') { if (i + 1 < text.Length && text[i + 1] == '\n') i++; l++; }
                else if (text[i] == '\n') l++;
            }
            return Math.Min(text.Length, i + column - 1);
        }
    }

    private sealed class Linter(string tool, bool preview)
    {
        public List<Finding> Lint(string folder)
        {
            string report = Path.Combine(Path.GetTempPath(), "textlint-quality-" + Guid.NewGuid().ToString("N")[..8] + ".json");
            var psi = tool.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? new ProcessStartInfo("dotnet") { ArgumentList = { tool } }
                : new ProcessStartInfo(tool);
            foreach (string a in (string[])[".", "--format", "json", "-o", report, "--no-progress"]) psi.ArgumentList.Add(a);
            if (preview) psi.ArgumentList.Add("--preview");
            psi.WorkingDirectory = folder;
            psi.RedirectStandardError = true;
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardInput = true;
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode is not (0 or 1) || !File.Exists(report))
                throw new HarnessException($"the tool exited {p.ExitCode} on {folder}:\n{err}{stdout.Result}");
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(report));
                var list = new List<Finding>();
                foreach (var d in doc.RootElement.GetProperty("diagnostics").EnumerateArray())
                {
                    if (d.TryGetProperty("suppression", out var sup) && sup.ValueKind != JsonValueKind.Null) continue;
                    list.Add(new Finding(d.GetProperty("file").GetString()!.Replace('\\', '/'), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(),
                        d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32(), d.GetProperty("rule").GetString()!,
                        d.GetProperty("category").GetString() ?? "", d.GetProperty("severity").GetString()!, d.GetProperty("message").GetString()!,
                        d.TryGetProperty("snippet", out var sn) && sn.ValueKind == JsonValueKind.String ? sn.GetString()! : ""));
                }
                Console.Error.WriteLine($"quality: {list.Count} findings in {Path.GetFileName(folder)} ({sw.Elapsed.TotalSeconds:0.0} s)");
                return list;
            }
            finally { File.Delete(report); }
        }
    }

    private static string BuildTool(string repo)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["build", Path.Combine("src", "TextLint.Cli"), "-c", "Release", "-v", "q", "-nologo"]) psi.ArgumentList.Add(a);
        Console.Error.WriteLine("quality: building src/TextLint.Cli (Release)...");
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new HarnessException("dotnet build failed:\n" + output + err.Result);
        string dll = Path.Combine(repo, "src", "TextLint.Cli", "bin", "Release", "net10.0", "dotnet-textlint.dll");
        return File.Exists(dll) ? dll : throw new HarnessException("no build output at " + dll);
    }

    // ---------------------------------------------------------------- plumbing

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordRegex();

    private static IEnumerable<JsonElement> ReadJsonLines(string path)
    {
        if (!File.Exists(path)) throw new HarnessException("missing " + path);
        int n = 0;
        foreach (string line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0) continue;
            JsonElement e;
            try { e = JsonSerializer.Deserialize<JsonElement>(line); }
            catch (JsonException ex) { throw new HarnessException($"{path}({n}): {ex.Message}"); }
            yield return e;
        }
    }

    private static int ParseInt(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : throw new HarnessException($"'{s}' is not a whole number");

    private static string FindRepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TextLint.sln"))) return dir.FullName;
        throw new HarnessException("run this from inside the repository (no TextLint.sln above the current folder)");
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("textlint-quality-").FullName;
        public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
    }

    private sealed class HarnessException(string message) : Exception(message);
}
