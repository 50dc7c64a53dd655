using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TextLint.Analysis;
using TextLint.Diagnostics;
using TextLint.Loading;
using TextLint.Output.Sarif;
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

public class SarifSchemaTests
{
    [Fact]
    public void Schema_RejectsAnInvalidLevel()
    {
        string json = SarifWriterTests.Write(SourceText.From("He reportedly left.", "a.txt")).Replace("\"level\": \"warning\"", "\"level\": \"fatal\"");
        Assert.NotEmpty(SarifSchema.Validate(json));
    }
}
