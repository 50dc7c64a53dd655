using System.Buffers.Binary;
using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Rules;
using TextLint.Text;
using TextLint.Yaml;

namespace TextLint.Core.Tests.Loading;

/// <summary>
/// The pack snapshot (<see cref="YamlSnapshot"/>) stands in for parsing: with it or without it, the same
/// trees, the same rules and the same findings; an edited file is parsed; a damaged snapshot is ignored.
/// </summary>
public class YamlSnapshotTests
{
    private static readonly (string Path, string Text)[] BundledFiles =
        Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(TestPaths.RepoRoot, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToArray();

    private static readonly byte[] BundledSnapshot = YamlSnapshot.Create(BundledFiles.Select(f => f.Text));

    private static IEnumerable<PackFile> Files(IEnumerable<(string Path, string Text)> files) => files.Select(f => new PackFile(f.Path, f.Text));

    [Fact]
    public void EveryBundledFile_ReadFromTheSnapshot_IsTheTreeTheParserBuilds()
    {
        var snapshot = YamlSnapshot.TryOpen(BundledSnapshot);
        Assert.NotNull(snapshot);
        Assert.Equal(BundledFiles.Length, snapshot.Count);
        int nodes = 0;
        foreach (var (path, text) in BundledFiles)
        {
            var errors = new List<ConfigurationDiagnostic>();
            var parsed = YamlReader.Read(path, text, errors);
            Assert.Empty(errors);
            Assert.True(snapshot.TryRead(path, text, out var read), path);
            Assert.Equal(parsed.Count, read.Count);
            for (int i = 0; i < parsed.Count; i++)
            {
                Assert.Equal(parsed[i].Path, read[i].Path);
                nodes += AssertSameTree(parsed[i].Root, read[i].Root, $"{path} document {i + 1}");
            }
        }
        Assert.True(nodes > 5_000, $"only {nodes} nodes compared");
    }

    [Fact]
    public void TreeComparison_CanFail()
    {
        // The comparer above must see a changed value, plain-ness, position and shape.
        var a = Read("a: [x, 'y']\nb: {c: 1}\n");
        foreach (string other in new[] { "a: [x, 'z']\nb: {c: 1}\n", "a: [x, y]\nb: {c: 1}\n", "a: [x,  'y']\nb: {c: 1}\n", "a: [x, 'y', w]\nb: {c: 1}\n", "a: [x, 'y']\nb: [c, 1]\n" })
            Assert.ThrowsAny<Exception>(() => AssertSameTree(a, Read(other), other));
    }

    [Fact]
    public void Aliases_StayShared_AndOtherScalarsComeBackAsWritten()
    {
        const string yaml = """
            shared: &list [one, "two", 'three', ~, '', "\t\u00e9\U0001F600"]
            again: *list
            block: |
              line one
               line two
            folded: >-
              a
              b
            ? plain key
            : null
            ---
            second: document
            """;
        var snapshot = YamlSnapshot.TryOpen(YamlSnapshot.Create([yaml]))!;
        Assert.True(snapshot.TryRead("p.yaml", yaml, out var read));
        var errors = new List<ConfigurationDiagnostic>();
        var parsed = YamlReader.Read("p.yaml", yaml, errors);
        Assert.Equal(2, read.Count);
        for (int i = 0; i < parsed.Count; i++) AssertSameTree(parsed[i].Root, read[i].Root, "document " + i);
        var map = (YamlMapping)read[0].Root;
        Assert.Same(map["shared"], map["again"]);
    }

    [Fact]
    public void FilesWithErrors_AreLeftOut_AndParsedAsBefore()
    {
        string bad = "id: [unclosed\n", good = "id: XX0001\n", surrogate = "a: \"\\uD800\"\n";
        var snapshot = YamlSnapshot.TryOpen(YamlSnapshot.Create([bad, good, surrogate, good]))!;
        Assert.Equal(1, snapshot.Count);
        Assert.False(snapshot.Contains(bad));
        Assert.True(snapshot.Contains(good));
        Assert.False(snapshot.Contains(surrogate)); // no UTF-8 form: parsed each time
        var result = RulePackLoader.Load([new PackFile("bad.yaml", bad)], snapshot: snapshot);
        Assert.Equal("TL9001", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void TheKey_IsTheExactText()
    {
        // Texts that differ only in an unpaired surrogate (which UTF-8 would write as U+FFFD) have different keys.
        Assert.NotEqual(YamlSnapshot.KeyOf("a: \uD800"), YamlSnapshot.KeyOf("a: \uFFFD"));
        Assert.NotEqual(YamlSnapshot.KeyOf("a: b\n"), YamlSnapshot.KeyOf("a: b\r\n"));
        Assert.NotEqual(YamlSnapshot.KeyOf("a: b"), YamlSnapshot.KeyOf("a: c"));
        Assert.Equal(YamlSnapshot.KeyOf("a: b"), YamlSnapshot.KeyOf(new string("a: b".ToCharArray())));
        // The hash of the UTF-16 code units, as the reference XXH64 gives it (python3-xxhash, text.encode("utf-16-le")).
        Assert.Equal((0x12c06629b2b9a1d0UL, 23), YamlSnapshot.KeyOf("id: TL1001\ntitle: \u00e9\U0001F600 x"));
    }

    /// <summary>The reference algorithm's values (xxHash's own test vectors, and python3-xxhash for the longer input).</summary>
    [Fact]
    public void XxHash64_GivesTheReferenceValues()
    {
        Assert.Equal(0xef46db3751d8e999UL, XxHash64.Hash([]));
        Assert.Equal(0xd24ec4f1a98c6e5bUL, XxHash64.Hash("a"u8));
        Assert.Equal(0x44bc2cf5ad770999UL, XxHash64.Hash("abc"u8));
        byte[] bytes = [.. Enumerable.Range(0, 768).Select(i => (byte)i)];
        Assert.Equal(0x8e03c838c596036fUL, XxHash64.Hash(bytes));
    }

    [Fact]
    public void TheBundledPack_LoadsTheSameRules_WithTheSnapshotAsWithout()
    {
        var snapshot = YamlSnapshot.TryOpen(BundledSnapshot)!;
        foreach (bool preview in new[] { false, true })
        {
            var parsed = RulePackLoader.Load(Files(BundledFiles), preview: preview);
            var fromSnapshot = RulePackLoader.Load(Files(BundledFiles), preview: preview, snapshot: snapshot);
            Assert.True(parsed.Success, string.Join("\n", parsed.Errors));
            Assert.True(fromSnapshot.Success, string.Join("\n", fromSnapshot.Errors));
            Assert.Equal(parsed.Rules.Select(r => r.Descriptor.Id), fromSnapshot.Rules.Select(r => r.Descriptor.Id));
            for (int i = 0; i < parsed.Rules.Length; i++)
                Assert.Equal(Fingerprint(parsed.Rules[i]), Fingerprint(fromSnapshot.Rules[i]));
        }
    }

    [Fact]
    public void RuleFingerprint_SeesOptionsAndDescriptors()
    {
        // The comparison above must be able to fail on a kind's option as well as on a descriptor field.
        const string rule = """
            id: XX0001
            title: t
            message: "'{match}' m."
            category: Attribution
            kind: existence
            tokens: [reportedly]
            """;
        string Of(string yaml) => Fingerprint(Assert.Single(RulePackLoader.Load([new PackFile("p.yaml", yaml)]).Rules));
        Assert.NotEqual(Of(rule), Of(rule.Replace("[reportedly]", "[allegedly]")));
        Assert.NotEqual(Of(rule), Of(rule.Replace("title: t", "title: u")));
        Assert.NotEqual(Of(rule), Of("\n" + rule));
        Assert.Equal(Of(rule), Of(rule));
    }

    [Fact]
    public void TheBundledPack_FindsTheSame_WithTheSnapshotAsWithout_OnTheSampleArticles()
    {
        var snapshot = YamlSnapshot.TryOpen(BundledSnapshot)!;
        var articles = new[] { TestPaths.Samples, TestPaths.Seeds, Path.Combine(TestPaths.Fixtures, "editorial") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".txt" or ".md")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(articles);
        foreach (bool preview in new[] { false, true })
        {
            var parsed = new LintEngine(RuleSet.Compile(RulePackLoader.Load(Files(BundledFiles), preview: preview).Rules));
            var fromSnapshot = new LintEngine(RuleSet.Compile(RulePackLoader.Load(Files(BundledFiles), preview: preview, snapshot: snapshot).Rules));
            int findings = 0;
            foreach (string article in articles)
            {
                var expected = Findings(parsed, article);
                Assert.Equal(expected, Findings(fromSnapshot, article));
                findings += expected.Count;
            }
            Assert.True(findings > 50, $"only {findings} findings on {articles.Count} articles");
        }
    }

    [Fact]
    public void AnEditedFile_IsParsed_AndItsChangeIsSeen()
    {
        var snapshot = YamlSnapshot.TryOpen(BundledSnapshot)!;
        var files = BundledFiles.ToArray();
        int f = Array.FindIndex(files, x => x.Path.EndsWith("attribution.yaml", StringComparison.Ordinal));
        var match = Regex.Match(files[f].Text, @"(?m)^title: (.+)$");
        Assert.True(match.Success);
        files[f] = (files[f].Path, files[f].Text.Remove(match.Groups[1].Index, match.Groups[1].Length).Insert(match.Groups[1].Index, "Edited title"));
        Assert.False(snapshot.TryRead(files[f].Path, files[f].Text, out _));
        var edited = RulePackLoader.Load(Files(files), snapshot: snapshot);
        Assert.True(edited.Success, string.Join("\n", edited.Errors));
        Assert.Contains(edited.Rules, r => r.Descriptor.Title == "Edited title");
        Assert.Equal(RulePackLoader.Load(Files(files)).Rules.Select(Fingerprint), edited.Rules.Select(Fingerprint));

        // An edit that breaks the file: its errors, at their place, as without the snapshot.
        files[f] = (files[f].Path, files[f].Text.Replace("title: Edited title", "title: [unclosed"));
        var broken = RulePackLoader.Load(Files(files), snapshot: snapshot);
        Assert.False(broken.Success);
        Assert.Equal(RulePackLoader.Load(Files(files)).Errors.Select(e => e.ToString()), broken.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ASnapshotOfOtherTexts_ChangesNothing()
    {
        var snapshot = YamlSnapshot.TryOpen(YamlSnapshot.Create(["id: XX0001\n"]))!;
        var with = RulePackLoader.Load(Files(BundledFiles), snapshot: snapshot);
        Assert.Equal(RulePackLoader.Load(Files(BundledFiles)).Rules.Select(Fingerprint), with.Rules.Select(Fingerprint));
    }

    [Fact]
    public void ATruncatedSnapshot_IsRefused()
    {
        var lengths = Enumerable.Range(0, 200)
            .Concat(Enumerable.Range(0, 100).Select(i => (int)((long)BundledSnapshot.Length * i / 100)))
            .Concat(Enumerable.Range(1, 200).Select(i => BundledSnapshot.Length - i))
            .Where(n => n >= 0 && n < BundledSnapshot.Length)
            .Distinct();
        foreach (int length in lengths)
            Assert.Null(YamlSnapshot.TryOpen(BundledSnapshot[..length]));
        // Extra bytes after it are damage too.
        Assert.Null(YamlSnapshot.TryOpen([.. BundledSnapshot, 0]));
    }

    [Fact]
    public void ASnapshotWithAFlippedByte_IsRefused_AndTheRulesAreTheParsedOnes()
    {
        var random = new Random(20261207);
        var expected = RulePackLoader.Load(Files(BundledFiles)).Rules.Select(Fingerprint).ToList();
        var positions = Enumerable.Range(0, 64).Concat(Enumerable.Range(0, 400).Select(_ => random.Next(BundledSnapshot.Length))).Concat(Enumerable.Range(BundledSnapshot.Length - 40, 40));
        int checkedLoads = 0;
        foreach (int at in positions)
        {
            byte[] damaged = (byte[])BundledSnapshot.Clone();
            damaged[at] ^= (byte)(1 << random.Next(8));
            var snapshot = YamlSnapshot.TryOpen(damaged);
            Assert.Null(snapshot);
            if (checkedLoads++ < 5)
                Assert.Equal(expected, RulePackLoader.Load(Files(BundledFiles), snapshot: snapshot).Rules.Select(Fingerprint));
        }
    }

    [Fact]
    public void ASnapshotOfAnotherVersion_IsRefused()
    {
        byte[] other = (byte[])BundledSnapshot.Clone();
        other[4] = (byte)(YamlSnapshot.FormatVersion + 1);
        Reseal(other);
        Assert.Null(YamlSnapshot.TryOpen(other));
        Assert.Null(YamlSnapshot.TryOpen([]));
        Assert.Null(YamlSnapshot.TryOpen(Encoding.UTF8.GetBytes("id: XX0001\n")));
    }

    /// <summary>
    /// Damage that the checksum does not catch (the checksum rewritten to match): reading stays bounded
    /// and never throws. Each entry is then read whole or refused, so a file is loaded or parsed.
    /// </summary>
    [Fact]
    public void DamageBehindAValidChecksum_NeverThrows_NorHangs()
    {
        var random = new Random(7);
        var texts = BundledFiles.Select(f => f.Text).ToArray();
        // A small snapshot, so that every byte is tried, and a large one at random places.
        string small = "id: XX0001\ntitle: t\ntokens: [a, 'b', {c: d}]\nx: &a [1]\ny: *a\n---\nz: 2\n";
        byte[] smallSnapshot = YamlSnapshot.Create([small]);
        var cases = new List<(byte[] Data, string[] Texts)>();
        for (int at = 0; at < smallSnapshot.Length - 8; at++)
            foreach (byte value in new byte[] { 0, 1, 0x7F, 0x80, 0xFF, (byte)(smallSnapshot[at] ^ 1) })
            {
                byte[] damaged = (byte[])smallSnapshot.Clone();
                damaged[at] = value;
                cases.Add((damaged, [small]));
            }
        for (int i = 0; i < 300; i++)
        {
            byte[] damaged = (byte[])BundledSnapshot.Clone();
            damaged[random.Next(damaged.Length - 8)] = (byte)random.Next(256);
            cases.Add((damaged, texts));
        }
        // Cut inside the body, then sealed: every blob or table entry running past the end.
        for (int i = 1; i < 60; i++)
        {
            byte[] cut = [.. smallSnapshot[..^(8 + i)], .. new byte[8]];
            cases.Add((cut, [small]));
        }
        foreach (var (data, caseTexts) in cases)
        {
            Reseal(data);
            var snapshot = YamlSnapshot.TryOpen(data);
            if (snapshot is null) continue;
            foreach (string text in caseTexts)
                snapshot.TryRead("p.yaml", text, out _);
        }
    }

    private static void Reseal(byte[] data)
    {
        if (data.Length < 8) return;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(data.Length - 8), XxHash64.Hash(data.AsSpan(0, data.Length - 8)));
    }

    private static YamlNode Read(string yaml)
    {
        var errors = new List<ConfigurationDiagnostic>();
        var docs = YamlReader.Read("t.yaml", yaml, errors);
        Assert.Empty(errors);
        return Assert.Single(docs).Root;
    }

    /// <summary>Asserts two trees are equal in shape, values, plain-ness and positions; returns the number of nodes.</summary>
    private static int AssertSameTree(YamlNode expected, YamlNode actual, string where)
    {
        Assert.True(expected.GetType() == actual.GetType(), $"{where}: {expected.KindName} vs {actual.KindName} at {expected.Position}");
        Assert.True(expected.Position == actual.Position, $"{where}: position {expected.Position} vs {actual.Position}");
        switch (expected)
        {
            case YamlScalar s:
                var t = (YamlScalar)actual;
                Assert.True(s.Value == t.Value, $"{where} at {s.Position}: '{s.Value}' vs '{t.Value}'");
                Assert.True(s.IsPlain == t.IsPlain, $"{where} at {s.Position}: plain {s.IsPlain} vs {t.IsPlain}");
                return 1;
            case YamlSequence q:
            {
                var r = (YamlSequence)actual;
                Assert.True(q.Items.Count == r.Items.Count, $"{where} at {q.Position}: {q.Items.Count} vs {r.Items.Count} items");
                int n = 1;
                for (int i = 0; i < q.Items.Count; i++) n += AssertSameTree(q.Items[i], r.Items[i], where);
                return n;
            }
            case YamlMapping m:
            {
                var r = (YamlMapping)actual;
                Assert.True(m.Entries.Count == r.Entries.Count, $"{where} at {m.Position}: {m.Entries.Count} vs {r.Entries.Count} entries");
                int n = 1;
                for (int i = 0; i < m.Entries.Count; i++)
                {
                    n += AssertSameTree(m.Entries[i].Key, r.Entries[i].Key, where);
                    n += AssertSameTree(m.Entries[i].Value, r.Entries[i].Value, where);
                }
                return n;
            }
            default:
                throw new InvalidOperationException(expected.GetType().Name);
        }
    }

    private static List<string> Findings(LintEngine engine, string path)
    {
        var analysis = engine.Analyze(Document.Create(SourceText.From(File.ReadAllText(path), path)));
        return analysis.Diagnostics
            .Select(d => $"{d.Id} {d.Span} {d.Severity} {d.Message} [{string.Join("|", d.Arguments)}] {d.Fix?.ToString()} {string.Join(";", d.Fix?.Edits.Select(e => e.ToString()) ?? [])}")
            .Concat(analysis.Notifications.Select(n => n.ToString()))
            .ToList();
    }

    /// <summary>
    /// A rule as text: its type and every field, deeply (descriptors, a kind's options, its compiled
    /// patterns as their source and options), so two loads of one rule compare equal and any difference shows.
    /// </summary>
    private static string Fingerprint(Rule rule)
    {
        var sb = new StringBuilder();
        Append(sb, rule, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value, int depth, HashSet<object> seen)
    {
        switch (value)
        {
            case null: sb.Append("null"); return;
            case string s: sb.Append('"').Append(s).Append('"'); return;
            case Regex r: sb.Append("/").Append(r.ToString()).Append('/').Append(r.Options); return;
            // A pattern shared by every load (RegexFactory caches them): its built engine and its count of
            // characters run change while other tests lint, so only the pattern is the rule's data.
            case TextLint.Matching.LazyRegex lazy: sb.Append("lazy/").Append(lazy.Pattern).Append('/'); return;
            case Enum or IFormattable or bool or char: sb.Append(value); return;
            case Type t: sb.Append(t.FullName); return;
            case Delegate d: sb.Append("delegate ").Append(d.Method.Name); return;
        }
        var type = value.GetType();
        if (depth > 8 || (!type.IsValueType && !seen.Add(value))) { sb.Append("(seen ").Append(type.Name).Append(')'); return; }
        if (value is IEnumerable items && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            sb.Append('[');
            int n = 0;
            foreach (var item in items)
            {
                if (n++ > 5000) { sb.Append("..."); break; }
                Append(sb, item, depth + 1, seen);
                sb.Append(',');
            }
            sb.Append(']');
            return;
        }
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType)
        {
            sb.Append(type.Name); // locks, threads, caches of the runtime: no rule data
            return;
        }
        sb.Append(type.Name).Append('{');
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                sb.Append(field.Name).Append('=');
                Append(sb, field.GetValue(value), depth + 1, seen);
                sb.Append(';');
            }
        sb.Append('}');
    }
}
