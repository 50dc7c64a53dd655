using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using TextLint.Diagnostics;
using TextLint.Engine;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Cli.Infrastructure;

/// <summary>
/// --cache: the analysis of each file, kept on disk, reused when nothing it depends on has changed, as
/// ESLint's and Ruff's caches do. An entry is keyed by a SHA-256 of the file's bytes, its path, the
/// severity of every rule for that file (.editorconfig, textlint.yaml, --severity), and the run's key:
/// the tool's version and build, the bytes of every rule pack file and of textlint.yaml, and the options
/// that change an analysis (inline suppressions, --encoding). A hit hands the pipeline exactly what
/// <see cref="LintEngine.Analyze"/> returned, so everything after it (baseline, writers) runs as in a
/// fresh run and the reports are byte-identical.
/// </summary>
/// <remarks>
/// One entry per file path (its name is a hash of the path), so the folder does not grow with each
/// edit; an entry whose key differs is a miss and is overwritten. Entries are written to a temporary
/// file and renamed into place, so a reader never sees half an entry; each carries a checksum, so a
/// damaged one is a miss with a notice (TL9092), never a crash or a wrong result.
/// </remarks>
public sealed class LintCache : IAnalysisCache
{
    public const string DefaultFolder = ".textlint-cache";
    private const string Magic = "textlint-cache-1";

    private readonly string _folder;
    private readonly byte[] _runKey;
    private readonly LintEngine _engine;
    private readonly ISeverityProvider _severities;
    private readonly Dictionary<string, RuleDescriptor> _rules;
    private readonly ConcurrentBag<ConfigurationDiagnostic> _notices = new();
    private int _writeFailed;
    private int _gitignoreChecked;
    private int _hits, _misses;

    public LintCache(string folder, LintEngine engine, ISeverityProvider severities, IEnumerable<string> packFiles, string? projectConfig, Encoding? legacyEncoding)
    {
        _folder = folder;
        _engine = engine;
        _severities = severities;
        _rules = engine.Rules.Rules.Select(r => r.Descriptor).ToDictionary(d => d.Id, StringComparer.Ordinal);
        _runKey = RunKey(engine, packFiles, projectConfig, legacyEncoding);
    }

    /// <summary>Damaged entries and write failures met, for standard error (never in a report: the results are right either way).</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Notices => _notices.OrderBy(n => n.Path, StringComparer.Ordinal).ToList();

    public int Hits => _hits;
    public int Misses => _misses;

    public CachedAnalysis? Load(DocumentSource file, byte[] bytes)
    {
        string path = EntryPath(file);
        byte[] key = EntryKey(file, bytes);
        byte[] entry;
        try
        {
            if (!File.Exists(path)) return Miss();
            entry = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Damaged(file, path, ex.Message);
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(entry), Encoding.UTF8);
            if (reader.ReadString() != Magic) return Damaged(file, path, "not a cache entry of this version");
            byte[] storedKey = reader.ReadBytes(32);
            if (!storedKey.AsSpan().SequenceEqual(key)) return Miss(); // the file or its configuration changed: stale, not damaged
            int length = reader.ReadInt32();
            byte[] payload = reader.ReadBytes(length);
            byte[] checksum = reader.ReadBytes(32);
            if (payload.Length != length || !SHA256.HashData(payload).AsSpan().SequenceEqual(checksum))
                return Damaged(file, path, "its checksum does not match");
            var analysis = Read(payload);
            if (analysis is null) return Damaged(file, path, "it names a rule that is not loaded");
            Interlocked.Increment(ref _hits);
            return analysis;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException or DecoderFallbackException or InvalidDataException)
        {
            return Damaged(file, path, "it is truncated or malformed");
        }
    }

    public void Store(DocumentSource file, byte[] bytes, CachedAnalysis analysis)
    {
        if (Volatile.Read(ref _writeFailed) != 0) return;
        byte[] payload = Write(analysis);
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(EntryKey(file, bytes));
            writer.Write(payload.Length);
            writer.Write(payload);
            writer.Write(SHA256.HashData(payload));
        }
        string path = EntryPath(file);
        string temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Never committed by accident, as Ruff's and pytest's caches do it.
            string gitignore = Path.Combine(_folder, ".gitignore");
            if (Interlocked.Exchange(ref _gitignoreChecked, 1) == 0 && !File.Exists(gitignore))
            {
                File.WriteAllText(temporary, "# Written by TextLint's --cache.\n*\n");
                File.Move(temporary, gitignore, overwrite: true);
            }
            File.WriteAllBytes(temporary, buffer.ToArray());
            File.Move(temporary, path, overwrite: true); // atomic on one file system: readers see the old entry or the new one
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            if (Interlocked.Exchange(ref _writeFailed, 1) == 0)
                _notices.Add(new ConfigurationDiagnostic(NotificationCodes.CacheUnwritable, Severity.Warning, _folder, 0, 0,
                    $"The cache could not be written ({ex.Message}); the results are complete but were not cached."));
        }
    }

    private CachedAnalysis? Miss()
    {
        Interlocked.Increment(ref _misses);
        return null;
    }

    private CachedAnalysis? Damaged(DocumentSource file, string entry, string why)
    {
        _notices.Add(new ConfigurationDiagnostic(NotificationCodes.CacheEntryUnreadable, Severity.Warning, file.DisplayPath, 0, 0,
            $"The cache entry of this file ({entry}) was ignored: {why}. The file was linted afresh."));
        return Miss();
    }

    private string EntryPath(DocumentSource file)
    {
        string name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.FullPath)));
        return Path.Combine(_folder, name[..2], name[2..]);
    }

    /// <summary>Everything this file's analysis depends on.</summary>
    private byte[] EntryKey(DocumentSource file, byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_runKey);
        Append(hash, file.DisplayPath); // the engine sees the display path (severities, Markdown or text)
        var severities = new byte[_engine.Rules.Rules.Length];
        for (int i = 0; i < severities.Length; i++)
            severities[i] = (byte)_severities.GetSeverity(_engine.Rules.Rules[i].Descriptor, file.DisplayPath);
        hash.AppendData(severities);
        hash.AppendData(SHA256.HashData(bytes));
        return hash.GetHashAndReset();
    }

    private static byte[] RunKey(LintEngine engine, IEnumerable<string> packFiles, string? projectConfig, Encoding? legacyEncoding)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Magic);
        Append(hash, ToolInfo.Version);
        // The build: a rebuilt tool of the same version (bundled rules, matching code) gets new entries.
        foreach (var assembly in new[] { typeof(LintEngine).Assembly, typeof(LintCache).Assembly })
            hash.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        Append(hash, engine.InlineSuppressions ? "suppressions" : "no-suppressions");
        Append(hash, legacyEncoding?.WebName ?? "auto");
        foreach (var rule in engine.Rules.Rules)
            Append(hash, $"{rule.Descriptor.Id}\t{rule.Descriptor.DefaultSeverity}\t{rule.Descriptor.IsEnabledByDefault}");
        foreach (string file in (projectConfig is null ? packFiles : packFiles.Append(projectConfig)))
        {
            Append(hash, file);
            try
            {
                hash.AppendData(SHA256.HashData(File.ReadAllBytes(file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Append(hash, Guid.NewGuid().ToString()); // unreadable now: never reuse an entry
            }
        }
        return hash.GetHashAndReset();
    }

    /// <summary>The files of the rule packs: a file as named, a folder's files (all of them, recursively, in order).</summary>
    public static IEnumerable<string> PackFiles(IEnumerable<string> packs)
    {
        foreach (string pack in packs)
        {
            if (File.Exists(pack))
            {
                yield return pack;
                // A .vale.ini's styles live beside it.
                if (Path.GetFileName(pack).EndsWith(".ini", StringComparison.OrdinalIgnoreCase))
                    foreach (string f in FilesUnder(Path.GetDirectoryName(Path.GetFullPath(pack))!).Where(IsValeStyleFile)) yield return f;
            }
            else if (Directory.Exists(pack))
                foreach (string f in FilesUnder(pack)) yield return f;
        }
    }

    /// <summary>A Vale style's rules and vocabularies (the folder of a .vale.ini may also hold the articles).</summary>
    private static bool IsValeStyleFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yml" or ".yaml" or ".ini"
        || Path.GetFileName(path).ToLowerInvariant() is "accept.txt" or "reject.txt";

    private static IEnumerable<string> FilesUnder(string folder)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        Array.Sort(files, StringComparer.Ordinal);
        return files.Where(f => !f.Contains(Path.DirectorySeparatorChar + DefaultFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    private static void Append(IncrementalHash hash, string s)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(s));
        hash.AppendData([0]);
    }

    // ---- the entry's payload ------------------------------------------------------------------

    private static byte[] Write(CachedAnalysis cached)
    {
        var buffer = new MemoryStream();
        using var w = new BinaryWriter(buffer, Encoding.UTF8);
        var analysis = cached.Analysis;
        w.Write(analysis.Diagnostics.Length);
        foreach (var d in analysis.Diagnostics)
        {
            w.Write(d.Id);
            w.Write(d.Span.Start);
            w.Write(d.Span.Length);
            w.Write(d.Message);
            w.Write((int)d.Severity);
            w.Write(d.Arguments.Length);
            foreach (string a in d.Arguments) w.Write(a);
            w.Write(d.Suppression is not null);
            if (d.Suppression is { } s)
            {
                w.Write(s.Kind);
                WriteNullable(w, s.Justification);
            }
            w.Write(d.Fix is not null);
            if (d.Fix is { } fix)
            {
                w.Write(fix.Title);
                w.Write((int)fix.Safety);
                w.Write(fix.Edits.Length);
                foreach (var e in fix.Edits)
                {
                    w.Write(e.Span.Start);
                    w.Write(e.Span.Length);
                    w.Write(e.NewText);
                }
            }
        }
        w.Write(analysis.Notifications.Length);
        foreach (var n in analysis.Notifications)
        {
            w.Write(n.Code);
            w.Write((int)n.Severity);
            w.Write(n.Path);
            w.Write(n.Line);
            w.Write(n.Column);
            w.Write(n.Message);
        }
        WriteNullable(w, cached.FallbackReason);
        w.Flush();
        return buffer.ToArray();
    }

    private CachedAnalysis? Read(byte[] payload)
    {
        using var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        int count = Count(r);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(count);
        for (int i = 0; i < count; i++)
        {
            if (!_rules.TryGetValue(r.ReadString(), out var descriptor)) return null;
            var span = new TextSpan(r.ReadInt32(), r.ReadInt32());
            string message = r.ReadString();
            var severity = EnumValue<Severity>(r.ReadInt32());
            var arguments = ImmutableArray.CreateBuilder<string>();
            for (int a = Count(r); a > 0; a--) arguments.Add(r.ReadString());
            Suppression? suppression = r.ReadBoolean() ? new Suppression(r.ReadString(), ReadNullable(r)) : null;
            CodeFix? fix = null;
            if (r.ReadBoolean())
            {
                string title = r.ReadString();
                var safety = EnumValue<FixSafety>(r.ReadInt32());
                var edits = ImmutableArray.CreateBuilder<TextEdit>();
                for (int e = Count(r); e > 0; e--) edits.Add(new TextEdit(new TextSpan(r.ReadInt32(), r.ReadInt32()), r.ReadString()));
                fix = new CodeFix(title, edits.ToImmutable(), safety);
            }
            diagnostics.Add(new Diagnostic(descriptor, span, message, severity, fix) { Arguments = arguments.ToImmutable(), Suppression = suppression });
        }
        var notifications = ImmutableArray.CreateBuilder<ConfigurationDiagnostic>();
        for (int n = Count(r); n > 0; n--)
            notifications.Add(new ConfigurationDiagnostic(r.ReadString(), EnumValue<Severity>(r.ReadInt32()), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadString()));
        string? fallback = ReadNullable(r);
        if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("trailing bytes");
        return new CachedAnalysis(new DocumentAnalysis(diagnostics.MoveToImmutable(), notifications.ToImmutable()), fallback);
    }

    private static int Count(BinaryReader r)
    {
        int n = r.ReadInt32();
        return n is >= 0 and <= 10_000_000 ? n : throw new InvalidDataException("bad count");
    }

    private static T EnumValue<T>(int value) where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw new InvalidDataException("bad enum value");

    private static void WriteNullable(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
