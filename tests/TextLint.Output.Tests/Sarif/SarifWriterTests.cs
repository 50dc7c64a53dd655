using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TextLint.Diagnostics;
using TextLint.Documents;
using TextLint.Engine;
using TextLint.Loading;
using TextLint.Output.Sarif;
using TextLint.Pipeline;
using TextLint.Rules;
using TextLint.Text;

namespace TextLint.Output.Tests.Sarif;

public class SarifWriterTests
{
    private const string Pack = """
        id: TL1001
        title: Vague attribution
        message: "'{match}' names no source."
        category: Attribution
        kind: existence
        tokens: [reportedly]
        ---
        id: TL7501
        title: Kyiv
        message: "Use '{replacement}' instead of '{match}'."
        category: Terminology
        severity: error
        kind: substitution
        swap: {Kiev: Kyiv}
        """;

    internal static string Write(params SourceText[] sources)
    {
        var rules = RulePackLoader.Load([new PackFile("p.yaml", Pack)]).Rules;
        var set = RuleSet.Compile(rules);
        var engine = new LintEngine(set);
        using var stream = new MemoryStream();
        using (var writer = new SarifWriter(stream))
        {
            writer.Begin(new RunInfo
            {
                ToolName = "TextLint",
                ToolVersion = "1.2.3",
                InformationUri = "https://example.org/textlint",
                Rules = set.Descriptors,
                WorkingDirectory = "/work/articles",
            });
            foreach (var s in sources) writer.WriteFile(new FileReport(s, engine.Analyze(Document.Create(s)).Diagnostics));
            writer.End(new RunSummary { FileCount = sources.Length, Elapsed = TimeSpan.Zero });
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Log_IsSchemaValid()
    {
        SarifSchema.AssertValid(Write(SourceText.From("He reportedly left Kiev.\n", "a b/story.txt")));
    }

    [Fact]
    public void Log_HasNoBom_AndTheEssentialRunProperties()
    {
        string json = Write(SourceText.From("He reportedly left Kiev.\n", "story.txt"));
        Assert.False(json.StartsWith('\uFEFF'));
        using var doc = JsonDocument.Parse(json);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        Assert.Equal("file:///work/articles/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("1.2.3", driver.GetProperty("semanticVersion").GetString());
        var rule = driver.GetProperty("rules")[0];
        Assert.Equal("TL1001", rule.GetProperty("id").GetString());
        Assert.Equal("Attribution", rule.GetProperty("properties").GetProperty("category").GetString());
        Assert.Equal("warning", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Results_HaveExactRegions_InUtf16Columns()
    {
        // BOM not counted, CRLF a single break, the emoji two code units.
        var source = new SourceText("story.txt", "Title\r\n😀 He reportedly left Kiev.", TextEncodingInfo.Utf8Bom);
        using var doc = JsonDocument.Parse(Write(source));
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var first = results[0];
        Assert.Equal("TL1001", first.GetProperty("ruleId").GetString());
        Assert.Equal(0, first.GetProperty("ruleIndex").GetInt32());
        var loc = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("story.txt", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", loc.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = loc.GetProperty("region");
        Assert.Equal((2, 7, 2, 17), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal("reportedly", region.GetProperty("snippet").GetProperty("text").GetString());
        Assert.Equal("'reportedly' names no source.", first.GetProperty("message").GetProperty("text").GetString());

        var second = results[1];
        Assert.Equal("error", second.GetProperty("level").GetString());
        var replacement = second.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal(23, replacement.GetProperty("deletedRegion").GetProperty("startColumn").GetInt32());
        Assert.Equal("Kyiv", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
    }

    [Fact]
    public void Fingerprint_IsGitHubsHashOfTheResultLine()
    {
        string text = "Lorem ipsum\nHe reportedly left.\n";
        using var doc = JsonDocument.Parse(Write(SourceText.From(text, "a.txt")));
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal(PrimaryLocationLineHash.Compute(text)[1], result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
    }

    [Fact]
    public void RelativeUris_AreEscaped()
    {
        Assert.Equal("a%20b/c%23d.txt", SarifWriter.RelativeUri("a b/c#d.txt"));
        Assert.Equal("d%C3%A9j%C3%A0/x.md", SarifWriter.RelativeUri("déjà/x.md"));
    }

    [Fact]
    public void Notifications_AreWritten_AndFailTheInvocation()
    {
        using var stream = new MemoryStream();
        using (var writer = new SarifWriter(stream))
        {
            writer.Begin(new RunInfo { ToolName = "TextLint", ToolVersion = "1.0.0", InformationUri = "https://example.org", Rules = [], WorkingDirectory = "/tmp" });
            writer.End(new RunSummary
            {
                FileCount = 0,
                Elapsed = TimeSpan.Zero,
                ExecutionNotifications = [new ConfigurationDiagnostic("TL9021", Severity.Error, "gone.txt", 0, 0, "Could not read the file")],
            });
        }
        string json = Encoding.UTF8.GetString(stream.ToArray());
        SarifSchema.AssertValid(json);
        using var doc = JsonDocument.Parse(json);
        var invocation = doc.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var n = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("error", n.GetProperty("level").GetString());
        Assert.Equal("Could not read the file.", n.GetProperty("message").GetProperty("text").GetString());
    }
}

public class SarifMessageTests
{
    [Fact]
    public void ResultMessages_AreTheRulesMessageString_FilledWithTheArguments()
    {
        using var doc = JsonDocument.Parse(SarifLogs.Fixtures());
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        int checkedResults = 0;
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var message = result.GetProperty("message");
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(result.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
            string format = rule.GetProperty("messageStrings").GetProperty(message.GetProperty("id").GetString()!).GetProperty("text").GetString()!;
            var args = message.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()).ToArray();
            // SARIF §3.11.5 placeholders are {0}, {1}, ...; string.Format reads them the same way.
            Assert.Equal(message.GetProperty("text").GetString(), string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
            checkedResults++;
        }
        Assert.True(checkedResults > 10);
    }

    [Fact]
    public void MessageStrings_UsePositionalPlaceholders_AndEndWithAPeriod()
    {
        Assert.Equal("Use '{0}' instead of '{1}'.", MessageTemplate.ToPositional("Use '{replacement}' instead of '{match}'."));
        Assert.Equal("'{0}' is '{0}' {{literal}}", MessageTemplate.ToPositional("'{match}' is '{match}' {{literal}}"));
        using var doc = JsonDocument.Parse(SarifLogs.BundledOverSamples());
        foreach (var rule in doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            string text = rule.GetProperty("messageStrings").GetProperty("default").GetProperty("text").GetString()!;
            Assert.EndsWith(".", text);
            Assert.DoesNotMatch(@"\{[A-Za-z]", text);
        }
    }

    [Fact]
    public void BundledRuleMessages_AreSentences_WithQuotedDynamicParts()
    {
        // SARIF2001 and SARIF2015: a full sentence ending in a period, each placeholder in single quotes. A number
        // may stand without them ("runs to 151 words", "line 3"): SARIF2015 sets off dynamic text that could be
        // empty or hold spaces, and a count ("3 times") never does.
        string[] numbers = ["value", "max", "min", "line", "count", "majorityCount", "uses", "majorityUses"];
        var pack = SarifLogs.LoadPack(TestPaths.Rules);
        foreach (var rule in pack.Rules)
        {
            string m = rule.Descriptor.MessageFormat;
            Assert.True(m.TrimEnd().EndsWith('.'), $"{rule.Descriptor.Id}: the message does not end with a period: {m}");
            foreach (var name in MessageTemplate.PlaceholderNames(m))
                Assert.True(numbers.Contains(name) || m.Contains($"'{{{name}}}'"), $"{rule.Descriptor.Id}: '{{{name}}}' is not in single quotes: {m}");
        }
    }

    [Fact]
    public void Rules_NeverClaimSecuritySeverity_AndRecordFixSafety()
    {
        string json = SarifLogs.Fixtures();
        Assert.DoesNotContain("security-severity", json);
        using var doc = JsonDocument.Parse(json);
        var run = doc.RootElement.GetProperty("runs")[0];
        var fixes = run.GetProperty("results").EnumerateArray().Where(r => r.TryGetProperty("fixes", out _))
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("fixes")[0].GetProperty("properties").GetProperty("safety").GetString())).Distinct().ToList();
        Assert.Contains(("XT7501", "safe"), fixes);
        Assert.Contains(("XT7502", "unsafe"), fixes);
        Assert.Equal("textlint/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal(["\r\n", "\n", "\r"], run.GetProperty("newlineSequences").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void PackFailure_IsALog_WithConfigurationNotifications_AndNoSuccess()
    {
        using var doc = JsonDocument.Parse(SarifLogs.PackFailure());
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        var invocation = run.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notes = invocation.GetProperty("toolConfigurationNotifications").EnumerateArray().ToList();
        Assert.Equal(["TL9001", "TL9002", "TL9003", "TL9003"], notes.Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()));
        var first = notes[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("house/style.yaml", first.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal((4, 7), (first.GetProperty("region").GetProperty("startLine").GetInt32(), first.GetProperty("region").GetProperty("startColumn").GetInt32()));
        Assert.Equal("mapping values are not allowed here.", notes[0].GetProperty("message").GetProperty("text").GetString());
        Assert.False(notes[2].TryGetProperty("locations", out _)); // inside the installation: no URI to give
        var absolute = notes[3].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("file:///etc/textlint/missing", absolute.GetProperty("uri").GetString());
        Assert.False(absolute.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public void OmitSourceRoot_LeavesNoAbsolutePath()
    {
        var pack = SarifLogs.LoadPack(Path.Combine(TestPaths.Fixtures, "sarif", "pack.yaml"));
        string json = SarifLogs.Write(pack.Rules, [SourceText.From("Kiev.", "a.txt")], "/secret/home", omitSourceRoot: true);
        Assert.DoesNotContain("secret", json);
        Assert.DoesNotContain("uriBaseId", json);
    }
}

public class SarifSchemaTests
{
    [Fact]
    public void Schema_RejectsAnInvalidLevel()
    {
        string json = SarifWriterTests.Write(SourceText.From("He reportedly left.", "a.txt")).Replace("\"level\": \"warning\"", "\"level\": \"fatal\"");
        Assert.NotEmpty(SarifSchema.Validate(json));
    }
}
