using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TextLint.Diagnostics;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.Sarif;

/// <summary>
/// Writes one SARIF 2.1.0 run. Each file's results are formatted as the file arrives and held, as JSON
/// bytes, only while they can still make the cap (--max-results, at most 25,000: code scanning rejects
/// a longer run), so memory follows the cap, not the corpus; they are written when the run ends. A hand-written Utf8JsonWriter rather than a
/// serialized object model keeps memory flat, the property order fixed (byte-identical logs for the
/// same input, whatever the thread count), and the writer trimming- and AOT-safe.
/// </summary>
public sealed class SarifWriter : IRenderingReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string SourceRootId = "%SRCROOT%";
    public const string AutomationCategory = "textlint/";

    /// <summary>The repository's root when it is not %SRCROOT% (the run started in a subfolder).</summary>
    public const string RepositoryRootId = "REPOROOT";

    /// <summary>The id of every rule's one message string.</summary>
    public const string MessageId = "default";

    /// <summary>contextRegion shows whole lines unless they are longer than this; then a window around the region.</summary>
    private const int MaxContextLength = 400;
    private const int ContextPadding = 160;

    /// <summary>End writes the kept results out whenever this many bytes are waiting.</summary>
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly Utf8JsonWriter _json;
    private Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private int[] _placeholderCounts = [];
    private RunInfo? _run;
    // --max-results: every result waits here, one JSON value each, until End knows which ones fit; the
    // values' bytes are in an arena of large pages, not an array each (see ByteArena).
    private readonly TopRanked<ByteArena.Slice> _results;
    private readonly ByteArena _arena = new();
    private long _keptBytes;

    // The cap's TopRanked.RejectsFrom, published after each file for the workers: a result of that rank or
    // below can no longer be kept, so Render leaves it out rather than format what would be thrown away
    // (on the benchmark corpus, 10,277 of 35,277 results). The value only ever falls; a worker that reads
    // it late leaves out less, never a result that would have been kept.
    private volatile int _leftOutFromRank = ResultCap.RankCount;

    /// <summary>
    /// The arena is compacted once the bytes of evicted results are more than this and a quarter of the
    /// kept ones' (tests lower it): memory stays within a quarter of what the kept results need, and the
    /// copying, at most four times the bytes it frees.
    /// </summary>
    internal long MinDeadBytes { get; init; } = 4 << 20;

    /// <summary>How many times the arena was compacted (for tests).</summary>
    internal int Compactions { get; private set; }
    private readonly byte[] _resultStart;
    private readonly int _maxResults;

    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Readable UTF-8 (the log is not embedded in HTML); still escapes what JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="maxResults">--max-results: at most this many results, the most severe first; never more than <see cref="ResultCap.SarifLimit"/>.</param>
    public SarifWriter(Stream stream, bool ownsStream = false, int maxResults = ResultCap.SarifLimit)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _json = new Utf8JsonWriter(stream, Options);
        _maxResults = Math.Clamp(maxResults, 0, ResultCap.SarifLimit);
        _results = new TopRanked<ByteArena.Slice>(_maxResults, ResultCap.RankCount);
        // A result in the results array begins a line indented to depth 4 (log, runs, run, results).
        _resultStart = Encoding.UTF8.GetBytes(Options.NewLine + new string(' ', 4 * 2) + "{");
    }

    /// <summary>SARIF's automationDetails.id: <c>textlint/</c>, or <c>textlint/NAME/</c> with --category NAME.</summary>
    public static string AutomationId(string? category) => string.IsNullOrEmpty(category) ? AutomationCategory : $"{AutomationCategory}{category}/";

    public void Begin(RunInfo run)
    {
        _run = run;
        _ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _placeholderCounts = new int[run.Rules.Length];
        for (int i = 0; i < run.Rules.Length; i++)
        {
            _ruleIndex[run.Rules[i].Id] = i;
            _placeholderCounts[i] = MessageTemplate.PlaceholderNames(run.Rules[i].MessageFormat).Length;
        }

        var w = _json;
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", run.ToolName);
        w.WriteString("version", run.ToolVersion);
        w.WriteString("semanticVersion", run.ToolVersion);
        w.WriteString("informationUri", run.InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in run.Rules) WriteRule(rule);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("automationDetails");
        w.WriteString("id", AutomationId(run.Category));
        w.WriteEndObject();

        // The repository's root is %SRCROOT% when the run starts there; otherwise a base of its own.
        string? repositoryRoot = run.VersionControl?.RootDirectory is { } root
            ? (SamePath(root, run.WorkingDirectory) ? SourceRootId : run.OmitSourceRoot ? null : RepositoryRootId)
            : null;
        if (run.VersionControl is { } vcs)
        {
            w.WriteStartArray("versionControlProvenance");
            w.WriteStartObject();
            w.WriteString("repositoryUri", vcs.RepositoryUri);
            if (vcs.RevisionId is not null) w.WriteString("revisionId", vcs.RevisionId);
            if (vcs.Branch is not null) w.WriteString("branch", vcs.Branch);
            if (repositoryRoot is not null)
            {
                w.WriteStartObject("mappedTo");
                w.WriteString("uriBaseId", repositoryRoot);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (!run.OmitSourceRoot)
        {
            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SourceRootId);
            w.WriteString("uri", DirectoryUri(run.WorkingDirectory));
            w.WriteEndObject();
            if (repositoryRoot == RepositoryRootId)
            {
                w.WriteStartObject(RepositoryRootId);
                w.WriteString("uri", DirectoryUri(run.VersionControl!.RootDirectory!));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartArray("newlineSequences");
        w.WriteStringValue("\r\n");
        w.WriteStringValue("\n");
        w.WriteStringValue("\r");
        w.WriteEndArray();
        w.WriteStartArray("results");
    }

    private void WriteRule(RuleDescriptor rule)
    {
        var w = _json;
        string description = EnsurePeriod(string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description.Trim());
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", EnsurePeriod(rule.Title));
        w.WriteEndObject();
        WriteFullDescription(rule, description);
        // SARIF message strings number their placeholders ({0}); results carry the values as arguments.
        w.WriteStartObject("messageStrings");
        w.WriteStartObject(MessageId);
        w.WriteString("text", EnsurePeriod(MessageTemplate.ToPositional(rule.MessageFormat)));
        w.WriteEndObject();
        w.WriteEndObject();
        if (rule.HelpUri is not null) w.WriteString("helpUri", rule.HelpUri);
        WriteHelp(rule, description);
        w.WriteStartObject("defaultConfiguration");
        w.WriteBoolean("enabled", rule.IsEnabledByDefault);
        w.WriteString("level", rule.DefaultSeverity.ToSarifLevel());
        w.WriteEndObject();
        // Never "security-severity": these are editorial findings, and GitHub would rank them as vulnerabilities.
        w.WriteStartObject("properties");
        w.WriteString("category", rule.Category);
        if (rule.FixSafety != FixSafety.None) w.WriteString("fix", FixSafetyName(rule.FixSafety));
        if (rule.IsPreview) w.WriteBoolean("preview", true);
        w.WriteStartArray("tags");
        w.WriteStringValue(rule.Category);
        foreach (var t in rule.Tags)
            if (!string.Equals(t, rule.Category, StringComparison.Ordinal)) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// fullDescription: what the rule flags, why, and what to write instead. The VS Code SARIF Viewer shows
    /// a rule as <c>fullDescription ?? shortDescription</c>, its markdown when there is one, and never reads
    /// <c>help</c> (microsoft/sarif-vscode-extension, src/panel/details.tsx, <c>renderRuleDesc</c>), so the
    /// why and the instead go here as well as in help, which GitHub shows as the rule's help.
    /// </summary>
    private void WriteFullDescription(RuleDescriptor rule, string description)
    {
        var text = new StringBuilder(description);
        // The viewer renders this markdown with HTML allowed: an '<' would start a tag or a comment and
        // hide the text ("Instead: <!-- textlint-disable ... -->"), so it is escaped.
        var markdown = new StringBuilder(MarkdownText(description));
        if (!string.IsNullOrWhiteSpace(rule.Rationale))
        {
            text.Append(" Why: ").Append(EnsurePeriod(rule.Rationale));
            markdown.Append("\n\n**Why:** ").Append(MarkdownText(EnsurePeriod(rule.Rationale)));
        }
        if (!string.IsNullOrWhiteSpace(rule.UseInstead))
        {
            text.Append(" Instead: ").Append(EnsurePeriod(rule.UseInstead));
            markdown.Append("\n\n**Instead:** ").Append(MarkdownText(EnsurePeriod(rule.UseInstead)));
        }
        _json.WriteStartObject("fullDescription");
        _json.WriteString("text", text.ToString());
        if (text.Length > description.Length) _json.WriteString("markdown", markdown.ToString());
        _json.WriteEndObject();
    }

    /// <summary>Text as CommonMark shows it literally where it matters: '&lt;' backslash-escaped, so no tag or comment swallows it.</summary>
    private static string MarkdownText(string s) => s.Replace("\\", "\\\\").Replace("<", "\\<");

    /// <summary>help.text and help.markdown: what the rule flags, why, what to write instead, and the link.</summary>
    private void WriteHelp(RuleDescriptor rule, string description)
    {
        var text = new StringBuilder(description);
        var markdown = new StringBuilder(description);
        if (!string.IsNullOrWhiteSpace(rule.Rationale))
        {
            text.Append(" Why: ").Append(EnsurePeriod(rule.Rationale));
            markdown.Append("\n\n**Why:** ").Append(EnsurePeriod(rule.Rationale));
        }
        if (!string.IsNullOrWhiteSpace(rule.UseInstead))
        {
            text.Append(" Instead: ").Append(EnsurePeriod(rule.UseInstead));
            markdown.Append("\n\n**Instead:** ").Append(EnsurePeriod(rule.UseInstead));
        }
        if (rule.HelpUri is not null)
        {
            text.Append(" Details: ").Append(rule.HelpUri); // no period after a URL: it would become part of it
            markdown.Append("\n\nSee [").Append(rule.Id).Append("](").Append(rule.HelpUri).Append(").");
        }
        _json.WriteStartObject("help");
        _json.WriteString("text", text.ToString());
        _json.WriteString("markdown", markdown.ToString());
        _json.WriteEndObject();
    }

    /// <summary>
    /// A file with more results than this is not formatted on the worker (<see cref="Render"/> returns
    /// null) but by <see cref="WriteFile"/> in parts of at most this many results, each handed to the
    /// result cap as it is made: no file's part of the log needs a buffer of its own, however many findings
    /// it has (a single buffer cannot pass 2 GB), and the log holds no more than the cap keeps.
    /// </summary>
    public const int MaxRenderedResults = 10_000;

    /// <summary>The file's results, formatted part by part and kept under the cap as they come: memory stays bounded.</summary>
    public void WriteFile(FileReport file)
    {
        if (file.Diagnostics.Length <= MaxRenderedResults)
        {
            WriteRendered(file, RenderPart(file, file.Diagnostics, _leftOutFromRank));
            return;
        }
        var source = file.Source;
        var hashes = Hashes(source, LinesToHash(source.Lines, file.Diagnostics, ResultCap.RankCount));
        for (int start = 0; start < file.Diagnostics.Length; start += MaxRenderedResults)
        {
            var part = file with { Diagnostics = file.Diagnostics.Slice(start, Math.Min(MaxRenderedResults, file.Diagnostics.Length - start)) };
            WriteRendered(part, RenderPart(part, part.Diagnostics, _leftOutFromRank, hashes));
        }
    }

    /// <summary>
    /// The file's results as they sit in the log: a writer of its own, opened to the depth of the results
    /// array (so indentation and separators come out as the log's writer would make them), and the bytes
    /// after that opening returned. Reads only what <see cref="Begin"/> set up, so workers call it at once.
    /// Null for a file with more than <see cref="MaxRenderedResults"/> results: <see cref="WriteFile"/> takes it.
    /// Results the cap can no longer keep are left out (<see cref="RenderedPart.LeftOutFromRank"/>).
    /// </summary>
    public RenderedPart? Render(FileReport file) =>
        file.Diagnostics.Length > MaxRenderedResults ? null : RenderPart(file, file.Diagnostics, _leftOutFromRank);

    /// <param name="lineCount">How many lines, from the first, need a hash: see <see cref="LinesToHash"/>.</param>
    private static LineHashes Hashes(SourceText source, int lineCount) =>
        // GitHub's upload action hashes the file as read from disk, a UTF-8 BOM included.
        PrimaryLocationLineHash.ComputeLines(source.Encoding is { HasBom: true, CodePage: 65001 } ? "\uFEFF" + source.Text : source.Text, lineCount);

    /// <summary>
    /// The lines whose hashes the results need: up to the last line a result starts on (a line's hash does
    /// not depend on the lines after it), so the rest of the file is not hashed.
    /// </summary>
    private static int LinesToHash(LineIndex lines, ImmutableArray<Diagnostic> diagnostics, int leftOutFromRank)
    {
        int last = 0;
        foreach (var d in diagnostics)
            if (Renders(d, leftOutFromRank)) last = Math.Max(last, lines.GetLineFromOffset(d.Span.Start));
        return last + 1;
    }

    /// <summary>
    /// Whether a part rendered under <paramref name="leftOutFromRank"/> holds the result of <paramref name="d"/>:
    /// one predicate for the lines to hash, the early return and the loop of <see cref="RenderPart"/>, which
    /// must agree, or a part's hashes would miss a line or its bytes a result <see cref="WriteRendered"/> expects.
    /// </summary>
    private static bool Renders(Diagnostic d, int leftOutFromRank) =>
        d.Severity != Severity.None && ResultCap.Rank(d) < leftOutFromRank;

    private RenderedPart RenderPart(FileReport file, ImmutableArray<Diagnostic> diagnostics, int leftOutFromRank, LineHashes? hashes = null)
    {
        if (!diagnostics.Any(d => Renders(d, leftOutFromRank))) return new([], leftOutFromRank);
        var buffer = RenderBuffer.Rent();
        try
        {
            var w = buffer.Writer;
            w.WriteStartObject();
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartArray("results");
            w.Flush();
            int opening = buffer.WrittenSpan.Length;
            var source = file.Source;
            var lines = source.Lines;
            var h = hashes ?? Hashes(source, LinesToHash(lines, diagnostics, leftOutFromRank));
            string uri = RelativeUri(source.Path);
            foreach (var d in diagnostics)
            {
                if (!Renders(d, leftOutFromRank)) continue;
                WriteResult(w, d, source, lines, uri, h);
            }
            w.Flush();
            return new(buffer.WrittenSpan[opening..].ToArray(), leftOutFromRank);
        }
        finally
        {
            RenderBuffer.Return(buffer);
        }
    }

    public void WriteRendered(FileReport file, RenderedPart part)
    {
        // The part holds the results it did not leave out, with their separators and indentation. Each
        // result begins a line at the results' depth (deeper lines are indented further, and strings hold
        // no raw line breaks), so that is where one ends and the next begins; the comma between them is
        // left out, as the log's writer puts it back before each value it is given.
        var span = part.Bytes.AsSpan();
        int start = 0;
        foreach (var d in file.Diagnostics)
        {
            if (d.Severity == Severity.None) continue;
            int rank = ResultCap.Rank(d);
            if (rank >= part.LeftOutFromRank)
            {
                // Left out when rendered: counted only. The cap's cut-off only falls, so it rejects it now too.
                if (_results.Keeps(rank)) throw new InvalidOperationException("The SARIF writer left out a result the cap would keep.");
                _results.Add(rank, default);
                continue;
            }
            if (start >= span.Length) throw new InvalidOperationException("The SARIF writer rendered fewer results than the file has findings.");
            int next = span[(start + 1)..].IndexOf(_resultStart);
            int end = next < 0 ? span.Length : start + 1 + next - 1; // before the comma
            // Once the cap is full, most results are only counted: their bytes are not copied.
            if (_results.Keeps(rank))
            {
                var slice = _arena.Append(span[start..end]);
                _keptBytes += slice.Length;
                if (_results.Add(rank, slice, out var evicted)) _keptBytes -= evicted.Length;
            }
            else _results.Add(rank, default);
            start = next < 0 ? span.Length : end + 1;
        }
        if (start < span.Length) throw new InvalidOperationException("The SARIF writer rendered more results than the file has findings.");
        _leftOutFromRank = _results.RejectsFrom;
        long dead = _arena.Size - _keptBytes;
        if (dead > MinDeadBytes && dead > _keptBytes / 4)
        {
            _arena.Compact(move => _results.MapKept(move));
            Compactions++;
        }
    }

    /// <summary>
    /// The property names of a result, encoded once: a name given as a string is checked for characters to
    /// escape and transcoded to UTF-8 at every use, which was a fifth of formatting each result.
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText Arguments = Encode("arguments");
        public static readonly JsonEncodedText ArtifactChanges = Encode("artifactChanges");
        public static readonly JsonEncodedText ArtifactLocation = Encode("artifactLocation");
        public static readonly JsonEncodedText BaselineState = Encode("baselineState");
        public static readonly JsonEncodedText ContextRegion = Encode("contextRegion");
        public static readonly JsonEncodedText DeletedRegion = Encode("deletedRegion");
        public static readonly JsonEncodedText Description = Encode("description");
        public static readonly JsonEncodedText EndColumn = Encode("endColumn");
        public static readonly JsonEncodedText EndLine = Encode("endLine");
        public static readonly JsonEncodedText Fixes = Encode("fixes");
        public static readonly JsonEncodedText Id = Encode("id");
        public static readonly JsonEncodedText InsertedContent = Encode("insertedContent");
        public static readonly JsonEncodedText Justification = Encode("justification");
        public static readonly JsonEncodedText Kind = Encode("kind");
        public static readonly JsonEncodedText Level = Encode("level");
        public static readonly JsonEncodedText Locations = Encode("locations");
        public static readonly JsonEncodedText Message = Encode("message");
        public static readonly JsonEncodedText PartialFingerprints = Encode("partialFingerprints");
        public static readonly JsonEncodedText PhysicalLocation = Encode("physicalLocation");
        public static readonly JsonEncodedText PrimaryLocationLineHash = Encode("primaryLocationLineHash");
        public static readonly JsonEncodedText Properties = Encode("properties");
        public static readonly JsonEncodedText Region = Encode("region");
        public static readonly JsonEncodedText Replacements = Encode("replacements");
        public static readonly JsonEncodedText RuleId = Encode("ruleId");
        public static readonly JsonEncodedText RuleIndex = Encode("ruleIndex");
        public static readonly JsonEncodedText Safety = Encode("safety");
        public static readonly JsonEncodedText Snippet = Encode("snippet");
        public static readonly JsonEncodedText StartColumn = Encode("startColumn");
        public static readonly JsonEncodedText StartLine = Encode("startLine");
        public static readonly JsonEncodedText Suppressions = Encode("suppressions");
        public static readonly JsonEncodedText Text = Encode("text");
        public static readonly JsonEncodedText Uri = Encode("uri");
        public static readonly JsonEncodedText UriBaseId = Encode("uriBaseId");

        private static JsonEncodedText Encode(string name) => JsonEncodedText.Encode(name, Options.Encoder);
    }

    private void WriteResult(Utf8JsonWriter w, Diagnostic d, SourceText source, LineIndex lines, string uri, LineHashes hashes)
    {
        w.WriteStartObject();
        w.WriteString(Names.RuleId, d.Id);
        if (!_ruleIndex.TryGetValue(d.Id, out int index)) index = -1;
        else w.WriteNumber(Names.RuleIndex, index);
        w.WriteString(Names.Level, d.Severity.ToSarifLevel());
        w.WriteStartObject(Names.Message);
        // GitHub needs the formatted text; id + arguments let other consumers re-render or localise it.
        w.WriteString(Names.Text, EnsurePeriod(d.Message));
        // Only when the arguments fill the rule's message string exactly (SARIF1012); otherwise text alone.
        if (index >= 0 && !d.Arguments.IsEmpty && d.Arguments.Length == _placeholderCounts[index])
        {
            w.WriteString(Names.Id, MessageId);
            w.WriteStartArray(Names.Arguments);
            foreach (var a in d.Arguments) w.WriteStringValue(a);
            w.WriteEndArray();
        }
        w.WriteEndObject();

        w.WriteStartArray(Names.Locations);
        w.WriteStartObject();
        w.WriteStartObject(Names.PhysicalLocation);
        WriteArtifactLocation(w, uri);
        WriteRegion(w, Names.Region, source, lines, d.Span, snippet: true);
        if (ContextSpan(source, lines, d.Span) is { } context)
            WriteRegion(w, Names.ContextRegion, source, lines, context, snippet: true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        int line = lines.GetLineFromOffset(d.Span.Start);
        w.WriteStartObject(Names.PartialFingerprints);
        w.WriteString(Names.PrimaryLocationLineHash, hashes[line < hashes.Count ? line : hashes.Count - 1]);
        w.WriteEndObject();

        if (d.Fix is { Edits.IsEmpty: false } fix)
        {
            w.WriteStartArray(Names.Fixes);
            w.WriteStartObject();
            w.WriteStartObject(Names.Description);
            w.WriteString(Names.Text, EnsurePeriod(fix.Title));
            w.WriteEndObject();
            w.WriteStartArray(Names.ArtifactChanges);
            w.WriteStartObject();
            WriteArtifactLocation(w, uri);
            w.WriteStartArray(Names.Replacements);
            foreach (var edit in fix.Edits)
            {
                // deletedRegion refers to the file as it was read, before any fix: SARIF §3.57.
                w.WriteStartObject();
                WriteRegion(w, Names.DeletedRegion, source, lines, edit.Span, snippet: false);
                w.WriteStartObject(Names.InsertedContent);
                w.WriteString(Names.Text, edit.NewText);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject(Names.Properties);
            w.WriteString(Names.Safety, FixSafetyName(fix.Safety));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (d.BaselineState != BaselineState.None)
            w.WriteString(Names.BaselineState, d.BaselineState == BaselineState.New ? "new" : "unchanged");

        if (d.Suppression is { } s)
        {
            w.WriteStartArray(Names.Suppressions);
            w.WriteStartObject();
            w.WriteString(Names.Kind, s.Kind);
            if (s.Justification is not null) w.WriteString(Names.Justification, s.Justification);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>"safe" or "unsafe": recorded with each fix so a consumer can apply exactly what --fix would.</summary>
    public static string FixSafetyName(FixSafety safety) => safety switch
    {
        FixSafety.Safe => "safe",
        FixSafety.Unsafe => "unsafe",
        _ => "none",
    };

    private void WriteArtifactLocation(Utf8JsonWriter w, string uri)
    {
        w.WriteStartObject(Names.ArtifactLocation);
        w.WriteString(Names.Uri, uri);
        if (_run is { OmitSourceRoot: false }) w.WriteString(Names.UriBaseId, SourceRootId);
        w.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter w, JsonEncodedText name, SourceText source, LineIndex lines, TextSpan span, bool snippet)
    {
        var start = lines.GetLinePosition(span.Start);
        var end = lines.GetLinePosition(span.End);
        w.WriteStartObject(name);
        w.WriteNumber(Names.StartLine, start.Line + 1);
        w.WriteNumber(Names.StartColumn, start.Character + 1);
        w.WriteNumber(Names.EndLine, end.Line + 1);
        w.WriteNumber(Names.EndColumn, end.Character + 1);
        if (snippet)
        {
            w.WriteStartObject(Names.Snippet);
            JsonStrings.WriteString(w, Names.Text, source.Text.AsSpan(span.Start, span.Length));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// The contextRegion of a result: the whole lines the span touches, or a window around it when those
    /// lines are very long. SARIF requires a proper superset of the region, so a region that already is
    /// whole lines gets its neighbouring lines; a region that is the whole file gets no context (null).
    /// </summary>
    public static TextSpan? ContextSpan(SourceText source, LineIndex lines, TextSpan span)
    {
        string text = source.Text;
        int firstLine = lines.GetLineFromOffset(span.Start);
        int lastLine = lines.GetLineFromOffset(span.End);
        int start = lines.GetLineSpan(firstLine, text).Start;
        int end = Math.Max(span.End, lines.GetLineSpan(lastLine, text).End);
        if (end - start > MaxContextLength + span.Length)
        {
            start = Math.Max(start, span.Start - ContextPadding);
            end = Math.Min(end, span.End + ContextPadding);
        }
        else if (start == span.Start && end == span.End)
        {
            if (firstLine > 0) start = lines.GetLineStart(firstLine - 1);
            if (lastLine + 1 < lines.LineCount) end = Math.Max(end, lines.GetLineSpan(lastLine + 1, text).End);
        }
        var context = RuleContextWiden(text, TextSpan.FromBounds(start, end));
        return context.Contains(span) && context.Length > span.Length ? context : null;
    }

    private static TextSpan RuleContextWiden(string text, TextSpan span) => RuleContext.WidenToWholeCharacters(text, span);

    public void End(RunSummary summary)
    {
        var w = _json;
        foreach (var result in _results.Kept)
        {
            w.WriteRawValue(_arena[result], skipInputValidation: true);
            // A writer over a stream holds everything it is given until flushed: without this, the whole
            // log (58 MB for 25,000 results) went through one buffer grown by doubling, copy after copy.
            if (w.BytesPending >= FlushThreshold) w.Flush();
        }
        w.WriteEndArray(); // results

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", summary.ExecutionSuccessful);
        WriteRuleConfigurationOverrides(summary.RuleConfigurationOverrides);
        WriteNotifications("toolConfigurationNotifications", summary.ConfigurationNotifications);
        WriteNotifications("toolExecutionNotifications", summary.ExecutionNotifications);
        w.WriteEndObject();
        w.WriteEndArray();
        if (summary.Shard is { } shard) WriteShard(shard);

        w.WriteEndObject(); // run
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        _stream.WriteByte((byte)'\n'); // a text file ends with a line break
        _stream.Flush();
    }

    /// <summary>The key of the run's property bag that a shard's log (--shard) keeps for <c>merge</c>, which removes it.</summary>
    public const string ShardProperty = "textlint/shard";

    /// <summary>
    /// --shard: the shard's place, its files with their place in the whole run, its results per rank before
    /// the cap, and the cap: what <c>merge</c> needs to write the log one run would have written.
    /// </summary>
    private void WriteShard(ShardSummary shard)
    {
        var w = _json;
        w.WriteStartObject("properties");
        w.WriteStartObject(ShardProperty);
        w.WriteNumber("index", shard.Index);
        w.WriteNumber("count", shard.Count);
        w.WriteNumber("maxResults", _maxResults);
        w.WriteStartArray("resultCounts");
        foreach (long c in _results.Counts) w.WriteNumberValue(c);
        w.WriteEndArray();
        w.WriteNumber("inputNotifications", shard.InputNotifications);
        w.WriteStartArray("files");
        foreach (var f in shard.Files)
        {
            w.WriteStartObject();
            w.WriteString("uri", RelativeUri(f.Path));
            w.WriteNumber("order", f.Order);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteRuleConfigurationOverrides(IReadOnlyList<RuleConfigurationOverride> overrides)
    {
        if (overrides.Count == 0) return;
        var w = _json;
        w.WriteStartArray("ruleConfigurationOverrides");
        foreach (var o in overrides)
        {
            w.WriteStartObject();
            w.WriteStartObject("descriptor");
            w.WriteString("id", o.RuleId);
            if (_ruleIndex.TryGetValue(o.RuleId, out int index)) w.WriteNumber("index", index);
            w.WriteEndObject();
            w.WriteStartObject("configuration");
            w.WriteBoolean("enabled", o.Severity != Severity.None);
            w.WriteString("level", o.Severity.ToSarifLevel());
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private void WriteNotifications(string name, IReadOnlyList<ConfigurationDiagnostic> notifications)
    {
        if (notifications.Count == 0) return;
        var w = _json;
        w.WriteStartArray(name);
        foreach (var n in notifications) WriteNotification(w, n, _run is { OmitSourceRoot: true });
        w.WriteEndArray();
    }

    /// <summary>One notification object (also what <c>merge</c> writes for the joined shards' TL9080).</summary>
    internal static void WriteNotification(Utf8JsonWriter w, ConfigurationDiagnostic n, bool omitSourceRoot)
    {
        {
            w.WriteStartObject();
            w.WriteStartObject("descriptor");
            w.WriteString("id", n.Code);
            w.WriteEndObject();
            w.WriteString("level", n.Severity.ToSarifLevel());
            w.WriteStartObject("message");
            w.WriteString("text", EnsurePeriod(n.Message));
            w.WriteEndObject();
            if (!string.IsNullOrEmpty(n.Path) && !n.Path.StartsWith('<'))
            {
                // "<bundled>/..." names a file inside the installation, which has no URI worth giving.
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                if (Path.IsPathFullyQualified(n.Path))
                {
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", new Uri(n.Path).AbsoluteUri);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", RelativeUri(n.Path));
                    if (!omitSourceRoot) w.WriteString("uriBaseId", SourceRootId);
                    w.WriteEndObject();
                }
                if (n.Line > 0)
                {
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", n.Line);
                    if (n.Column > 0) w.WriteNumber("startColumn", n.Column);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
    }

    /// <summary>A path relative to %SRCROOT% as a URI reference: '/' separators, each segment escaped.</summary>
    public static string RelativeUri(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>An absolute folder as a file: URI ending in '/'.</summary>
    public static string DirectoryUri(string directory)
    {
        string full = Path.GetFullPath(directory);
        if (!full.EndsWith(Path.DirectorySeparatorChar)) full += Path.DirectorySeparatorChar;
        return new Uri(full).AbsoluteUri;
    }

    internal static string EnsurePeriod(string s)
    {
        s = s.Trim();
        return s.Length == 0 || s.EndsWith('.') || s.EndsWith('?') || s.EndsWith('!') ? s : s + ".";
    }

    public void Dispose()
    {
        _json.Dispose();
        if (_ownsStream) _stream.Dispose();
    }
}
