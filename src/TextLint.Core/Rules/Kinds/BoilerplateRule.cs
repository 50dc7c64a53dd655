using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;
using TextLint.Documents;
using TextLint.Documents.Segmentation;
using TextLint.Matching;
using TextLint.Text;

namespace TextLint.Rules.Kinds;

/// <summary>
/// kind: boilerplate — web and CMS residue that scrapers leave in article text: a whole unit (a line by
/// default; <c>scope: sentence</c> or <c>paragraph</c>) that is one of the <c>lines</c> ("Post a
/// Comment", "Close Menu"; case-insensitive, trailing ':' or '.' ignored) or matches one of the
/// <c>patterns</c> in full ("\d+ Comments", "© 2024 … All rights reserved."). Units longer than
/// <c>maxLength</c> are prose, not residue. With <c>unlessNext</c>, a unit is not reported when the
/// next unit matches that pattern: a byline label followed by the name on the next line is a field,
/// not an empty byline. A unit that repeats one already reported is not reported again, and document
/// sections of a Markdown file (see <see cref="IsDocumentSection"/>) are not residue. The region is the
/// trimmed unit. With <c>fix: safe</c> the fix deletes the unit (a
/// whole line with its line break, see <see cref="FixBuilder.DeletionSpan"/>). With <c>mergeRuns</c>, residue
/// in consecutive paragraphs (a photo gallery's credit under each picture) is one finding at its first unit,
/// whose fix deletes the whole run: one thing to clean up, not one per picture.
/// </summary>
public sealed class BoilerplateRule : Rule
{
    public static readonly RuleKind Kind = new("boilerplate", ["match"], (d, def) => new BoilerplateRule(d, def),
        "Reports whole lines (or sentences) that are web or CMS residue: comment widgets, menus, share buttons, ads, footers.")
    {
        CanFix = true,
        DefaultScope = RuleScope.Line,
        Scopes = [RuleScope.Line, RuleScope.Sentence, RuleScope.Paragraph],
        Options =
        [
            new("lines", "Whole units to report (\"Post a Comment\", \"Close Menu\"), ignoring case and a trailing ':' or '.'."),
            new("patterns", "Regular expressions a whole unit must match to be reported (\"\\d+ Comments\")."),
            new("unlessNext", "A pattern for the next unit that makes this one a field, not residue (a byline label followed by the name)."),
            new("maxLength", "Units longer than this many characters are prose, not residue (default 200)."),
            new("mergeRuns", "Report residue in consecutive paragraphs (a photo gallery's credits) as one finding, whose fix deletes the run (default false)."),
        ],
    };

    private readonly ImmutableArray<string> _lines;

    /// <summary>The patterns whose required phrases are known, each anchored on its own and run only on the units holding one of its phrases.</summary>
    private readonly ImmutableArray<(LazyRegex Regex, IReadOnlyList<string> Phrases)> _filtered;

    /// <summary>The other patterns, as one anchored alternation run on every unit; null when there are none.</summary>
    private readonly LazyRegex? _unfiltered;
    private readonly LazyRegex? _unlessNext;
    private readonly int _maxLength;
    private readonly bool _mergeRuns;

    private BoilerplateRule(RuleDescriptor descriptor, RuleDefinition def) : base(descriptor)
    {
        _lines = def.GetStringList("lines").Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToImmutableArray();
        var filtered = ImmutableArray.CreateBuilder<(LazyRegex, IReadOnlyList<string>)>();
        var unfiltered = new List<string>();
        int patternCount = 0;
        foreach (var (pattern, at) in def.GetStringList("patterns"))
        {
            // Each pattern is checked on its own (errors point at it) and must account for the whole unit.
            string anchored = "^(?:" + pattern + ")$";
            if (def.GetLazyRegex(anchored, at, ignoreCase: true) is not { } regex) continue;
            patternCount++;
            // Most units are prose: the literal pass tells which units a pattern could match at all, so it
            // runs on a few units instead of every short unit of every document (measured on the 20 MB
            // benchmark corpus: 14 rules x 44,080 short lines took 750 ms; the prefilter leaves 5% of those
            // calls), and a regex is built only once some unit holds one of its phrases.
            if (regex.RequiredPhrases is { } phrases) filtered.Add((regex, phrases));
            else unfiltered.Add("(?:" + pattern + ")");
        }
        _filtered = filtered.ToImmutable();
        // Patterns with no phrase to go by share one alternation under a single pair of anchors, so a unit
        // costs one match attempt at its start (with an anchor inside each branch the engine cannot tell
        // the pattern is anchored and tries every position of every line); built on first use.
        if (unfiltered.Count > 0) _unfiltered = RegexFactory.TryCreateLazy("^(?:" + string.Join("|", unfiltered) + ")$", ignoreCase: true, out _);
        string? unlessNext = def.GetString("unlessNext");
        if (unlessNext is not null) _unlessNext = def.GetLazyRegex("^(?:" + unlessNext + ")$", def.PositionOf("unlessNext"), ignoreCase: false);
        _maxLength = def.GetInt("maxLength", 200, 1, 100_000);
        _mergeRuns = def.GetBool("mergeRuns", false);
        if (_lines.IsEmpty && patternCount == 0 && def.ErrorCount == 0)
            def.Error(def.Mapping.Position, "A boilerplate rule needs 'lines' or 'patterns'.");
    }

    public override void RegisterLiterals(LiteralRegistry registry)
    {
        for (int i = 0; i < _lines.Length; i++) registry.Add(_lines[i], i);
        // Pattern k's phrases carry the payload -1 - k; line phrases carry their index.
        for (int k = 0; k < _filtered.Length; k++)
            foreach (var phrase in _filtered[k].Phrases) registry.AddSubstring(phrase, -1 - k);
    }

    public override void Analyze(RuleContext context)
    {
        var units = context.Units;
        if (units.IsEmpty) return;
        string text = context.Text;
        SortedSet<int>? hits = null;
        // The literal matches come in order of their start, so the units they fall in come in order too: a
        // pattern is tried once per unit by remembering the patterns tried on the current unit only (a set
        // of (unit, pattern) pairs per document was 37,000 hash sets on the benchmark corpus).
        Span<bool> triedHere = _filtered.Length <= 128 ? stackalloc bool[_filtered.Length] : new bool[_filtered.Length];
        int triedUnit = -1;
        foreach (var m in context.Literals.Span)
        {
            int u = SortedSpans.IndexOf(units.AsSpan(), m.Start);
            if (u < 0) continue;
            if (m.Payload < 0)
            {
                int k = -1 - m.Payload;
                if (m.End > units[u].End) continue;
                Debug.Assert(u >= triedUnit, "literal matches come in order of their start");
                if (u != triedUnit)
                {
                    triedHere.Clear();
                    triedUnit = u;
                }
                if (triedHere[k]) continue;
                triedHere[k] = true;
                TryPattern(u, _filtered[k].Regex);
            }
            else if (IsWholeUnit(text, units[u], m.Span))
            {
                (hits ??= new()).Add(u);
            }
        }
        if (_unfiltered is not null)
            for (int u = 0; u < units.Length; u++) TryPattern(u, _unfiltered);
        if (hits is null) return;
        var residue = new List<int>(hits.Count);
        foreach (int u in hits)
        {
            if (_unlessNext is not null && u + 1 < units.Length && PatternRunner.IsMatch(_unlessNext, text, units[u + 1])) continue;
            if (IsDocumentSection(context.Document, units[u])) continue;
            residue.Add(u);
        }
        HashSet<string>? reported = null;
        var paragraphs = context.Document.Paragraphs;
        for (int k = 0; k < residue.Count; k++)
        {
            int u = residue[k];
            // A run: the next residue is in the same paragraph or the next one (a caption and its credit
            // under each picture of a gallery).
            int end = k + 1;
            if (_mergeRuns)
            {
                int paragraph = SortedSpans.IndexOf(paragraphs.AsSpan(), units[u].Start);
                while (end < residue.Count && paragraph >= 0)
                {
                    int next = SortedSpans.IndexOf(paragraphs.AsSpan(), units[residue[end]].Start);
                    if (next < 0 || next - paragraph > 1) break;
                    paragraph = next;
                    end++;
                }
            }
            if (end - k > 1)
            {
                // A second gallery whose credits all repeat ones already reported is the same residue again.
                bool repeated = reported is not null;
                for (int r = k; r < end && repeated; r++)
                    repeated = reported!.Contains(text.Substring(units[residue[r]].Start, units[residue[r]].Length));
                if (repeated)
                {
                    k = end - 1;
                    continue;
                }
                var edits = ImmutableArray.CreateBuilder<Diagnostics.TextEdit>(end - k);
                for (int r = k; r < end; r++)
                {
                    var unit = units[residue[r]];
                    (reported ??= new(StringComparer.OrdinalIgnoreCase)).Add(text.Substring(unit.Start, unit.Length));
                    var delete = FixBuilder.DeletionSpan(context.Document.Source, WithLink(context.Document.Source.Text, unit), context.Document.Prose);
                    // Each deletion may take the blank lines beside its unit; where two reach the same blank
                    // line they become one, so the edits never overlap.
                    if (edits.Count > 0 && delete.Start <= edits[^1].Span.End)
                        edits[^1] = new(TextSpan.FromBounds(edits[^1].Span.Start, Math.Max(edits[^1].Span.End, delete.End)), "");
                    else edits.Add(new(delete, ""));
                }
                // A run that ends the text takes the blank lines before it too, as a single unit there does.
                string source = context.Document.Source.Text;
                if (edits[^1].Span.End == source.Length)
                {
                    int start = edits[^1].Span.Start, j = start - 1;
                    while (j >= 0 && source[j] is ' ' or '\t' or '\r' or '\n') j--;
                    int lineEnd = j >= 0 ? source.IndexOf('\n', j + 1, start - j - 1) : -1;
                    if (lineEnd >= 0 && lineEnd + 1 < start) edits[^1] = new(TextSpan.FromBounds(lineEnd + 1, source.Length), "");
                }
                var runFix = Descriptor.FixSafety == Diagnostics.FixSafety.None ? null
                    : new Diagnostics.CodeFix("Delete the residue", edits.ToImmutable(), Descriptor.FixSafety);
                context.Report(units[u], runFix);
                k = end - 1;
                continue;
            }
            // The same residue again (a gallery's "Image: Paul Budd." under each picture) is the same
            // thing to delete: its first copy is reported.
            if (!(reported ??= new(StringComparer.OrdinalIgnoreCase)).Add(text.Substring(units[u].Start, units[u].Length))) continue;
            var fix = Descriptor.FixSafety == Diagnostics.FixSafety.None ? null
                : FixBuilder.DeleteUnit(context.Document, WithLink(context.Document.Source.Text, units[u]), Descriptor.FixSafety, "Delete the residue");
            context.Report(units[u], fix);
        }

        void TryPattern(int u, LazyRegex regex)
        {
            var unit = units[u];
            if (unit.Length > _maxLength || hits?.Contains(u) == true) return;
            if (PatternRunner.IsMatch(regex, text, unit)) (hits ??= new()).Add(u);
        }
    }

    // Headings of the back matter of a document: what is under them (a copyright line, a list of links,
    // an author's name) is the section's content, not residue of a page.
    private static readonly string[] SectionWords =
    [
        "license", "licence", "licensing", "copyright", "legal", "credits", "acknowledg", "author", "contributor", "maintainer",
        "about", "see also", "related", "references", "further reading", "links", "contact", "support", "feedback",
    ];

    /// <summary>
    /// Residue is a page's chrome left among an article's paragraphs. In a document with markup, a heading
    /// ("## See also", "### AUTHOR") titles a section; a label that introduces a list or table ("See
    /// also:" over a list of links) is the section's lead; and a line under a back-matter heading
    /// ("## License", "## Authors") is that section's content. None of them is residue.
    /// </summary>
    private static bool IsDocumentSection(Document doc, TextSpan unit)
    {
        if (doc.Blocks.IsDefaultOrEmpty) return false;
        var headings = doc.Headings;
        foreach (var h in headings)
            if (h.OverlapsWith(unit)) return true;
        if (doc.Prose.AsSpan(unit.Start, unit.Length).TrimEnd().EndsWith(':'))
        {
            int b = 0;
            while (b < doc.Blocks.Length && doc.Blocks[b].Span.End < unit.End) b++;
            if (b + 1 < doc.Blocks.Length && doc.Blocks[b + 1].Kind is BlockKind.ListItem or BlockKind.TableCell) return true;
        }
        TextSpan? under = null;
        foreach (var h in headings)
            if (h.End <= unit.Start && (under is null || h.Start > under.Value.Start)) under = h;
        if (under is not { } heading) return false;
        var title = doc.Prose.AsSpan(heading.Start, heading.Length);
        foreach (var w in SectionWords)
            if (IgnoreCase.IndexOf(title, w) >= 0) return true;
        return false;
    }

    /// <summary>
    /// A label such as "Original:" or "Source:" is deleted with the link that follows it on its line: the
    /// bare address left behind would be residue of its own.
    /// </summary>
    /// <param name="text">The source text (the prose view blanks addresses out).</param>
    private static TextSpan WithLink(string text, TextSpan unit)
    {
        if (unit.IsEmpty || text[unit.End - 1] != ':') return unit;
        int i = unit.End;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (!text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return unit;
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        return TextSpan.FromBounds(unit.Start, i);
    }

    /// <summary>The literal covers the unit but for list bullets before it and ':' '.' '…' '!' after it.</summary>
    private static bool IsWholeUnit(string text, TextSpan unit, TextSpan match)
    {
        for (int i = unit.Start; i < match.Start; i++)
            if (!(char.IsWhiteSpace(text[i]) || text[i] is '-' or '*' or '\u2022' or '\u00B7' or '|' or '>' or '#')) return false;
        for (int i = match.End; i < unit.End; i++)
            if (!(char.IsWhiteSpace(text[i]) || text[i] is ':' or '.' or '\u2026' or '!' or '|' or '\u00BB' or '>')) return false;
        return match.Start >= unit.Start && match.End <= unit.End;
    }
}
