using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLint.LanguageServer.Protocol;

namespace TextLint.Cli.Tests.LanguageServer;

/// <summary>The language server in process, over the framed protocol, with the bundled pack and real files.</summary>
public sealed class ServerProtocolTests
{
    // TL1001 (vague attribution), TL7501 (Kiev, a safe fix), TL5001 (comment widget boilerplate).
    internal const string Article = "# Talks resume\n\nAccording to sources, the talks in Kiev resumed.\n\nPost a Comment\n";

    private static JsonObject Capabilities(params string[] encodings) =>
        new() { ["general"] = new JsonObject { ["positionEncodings"] = J.Array(encodings.Select(e => (JsonNode?)e)) } };

    private static List<(string Code, int Line, int Start, int EndLine, int End)> Ranges(JsonObject published) =>
        published["diagnostics"]!.AsArray().Select(d => (
            (string)d!["code"]!,
            (int)d["range"]!["start"]!["line"]!, (int)d["range"]!["start"]!["character"]!,
            (int)d["range"]!["end"]!["line"]!, (int)d["range"]!["end"]!["character"]!)).ToList();

    [Fact]
    public void Initialize_AdvertisesWhatTheServerDoes_AndPublishesOnOpen()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a.md", Article);
        using var client = new LspTestClient(dir.Path);
        var init = client.Initialize(dir.Path);
        var caps = init["capabilities"]!;
        Assert.Equal("utf-16", (string?)caps["positionEncoding"]);
        Assert.Equal(2, (int)caps["textDocumentSync"]!["change"]!);
        Assert.True((bool)caps["hoverProvider"]!);
        Assert.Equal(["quickfix", "source.fixAll.textlint"], caps["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string)k!));
        Assert.Null(caps["diagnosticProvider"]); // this client cannot pull
        Assert.Equal("textlint", (string?)init["serverInfo"]!["name"]);

        client.Open(file, Article);
        var published = client.Diagnostics(file, version: 1);
        Assert.Equal([("TL1001", 2, 0, 2, 20), ("TL7501", 2, 35, 2, 39), ("TL5001", 4, 0, 4, 14)], Ranges(published));
        var attribution = published["diagnostics"]![0]!;
        Assert.Equal("textlint", (string?)attribution["source"]);
        Assert.Equal(2, (int)attribution["severity"]!); // warning
        Assert.Equal("https://github.com/textlint-dotnet/textlint/blob/main/rules/docs/TL1001.md", (string?)attribution["codeDescription"]!["href"]);
        Assert.Null(attribution["tags"]);
        Assert.Equal(3, (int)published["diagnostics"]![1]!["severity"]!); // info
        Assert.Equal([1], published["diagnostics"]![2]!["tags"]!.AsArray().Select(t => (int)t!)); // boilerplate: Unnecessary
    }

    [Theory]
    [InlineData(new string[0], "utf-16", 16)]
    [InlineData(new[] { "utf-16" }, "utf-16", 16)]
    [InlineData(new[] { "utf-8", "utf-16" }, "utf-8", 21)]
    [InlineData(new[] { "utf-32", "utf-8" }, "utf-32", 15)]
    [InlineData(new[] { "ebcdic", "utf-32" }, "utf-32", 15)]
    public void PositionEncoding_IsNegotiated_AndEveryRangeCountsInIt(string[] offered, string expected, int kievColumn)
    {
        // Before "Kiev": "Мир " is 4 UTF-16 units / 7 UTF-8 bytes / 4 code points; "😀" is 2 / 4 / 1; " talks in " 10 each.
        using var dir = new TempDirectory();
        string text = "Title\n\nМир 😀 talks in Kiev resumed.\n";
        string file = dir.Write("a.txt", text);
        using var client = new LspTestClient(dir.Path);
        var init = client.Initialize(dir.Path, Capabilities(offered));
        Assert.Equal(expected, (string?)init["capabilities"]!["positionEncoding"]);
        client.Open(file, text);
        var ranges = Ranges(client.Diagnostics(file, 1));
        Assert.Contains(("TL7501", 2, kievColumn, 2, kievColumn + 4), ranges);

        // An incremental edit in the same encoding: replace "Kiev" by "Kyiv" exactly.
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(file), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = 2, ["character"] = kievColumn },
                    ["end"] = new JsonObject { ["line"] = 2, ["character"] = kievColumn + 4 },
                },
                ["text"] = "Kyiv",
            }),
        });
        Assert.DoesNotContain(Ranges(client.Diagnostics(file, 2)), r => r.Code == "TL7501");
        var fixAll = client.Request("textDocument/codeAction", CodeActionParams(file, 0, 0, 3, 0, only: "source.fixAll"))!.AsArray();
        Assert.Empty(fixAll); // and the server's text is exactly the edited one: nothing left to fix
    }

    [Fact]
    public void PositionMapper_RoundTrips_EveryOffset_InEveryEncoding()
    {
        string text = "a😀b\r\nМир\rx\n\n\uD800z"; // a lone surrogate too
        foreach (var encoding in new[] { PositionEncoding.Utf16, PositionEncoding.Utf8, PositionEncoding.Utf32 })
        {
            var m = new PositionMapper(text, encoding);
            for (int offset = 0; offset <= text.Length; offset++)
            {
                if (offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1])) continue; // inside a pair
                if (offset > 0 && text[offset - 1] == '\r' && offset < text.Length && text[offset] == '\n') continue; // inside a line break
                var (line, character) = m.ToPosition(offset);
                Assert.Equal(offset, m.ToOffset(line, character));
            }
            Assert.Equal(text.IndexOf('\r'), m.ToOffset(0, 1000)); // past the end of a line: the end of the line
            Assert.Equal(text.Length, m.ToOffset(99, 0));
        }
        Assert.Equal((0, 5), new PositionMapper(text, PositionEncoding.Utf8).ToPosition(text.IndexOf('b')));
        Assert.Equal((0, 2), new PositionMapper(text, PositionEncoding.Utf32).ToPosition(text.IndexOf('b')));
        Assert.Equal(1, new PositionMapper(text, PositionEncoding.Utf8).ToOffset(0, 3)); // inside the emoji's bytes: before it
    }

    [Fact]
    public void IncrementalAndFullSync_AreDebounced_AndPublishOnlyTheLatestVersion()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a.md", Article);
        using var client = new LspTestClient(LspTestClient.CreateHost(dir.Path), debounceMs: 300);
        client.Initialize(dir.Path);
        client.Open(file, Article);
        client.Diagnostics(file, 1);
        string uri = LspTestClient.Uri(file);
        // Three quick edits inside the debounce: one publication, for the last version.
        for (int v = 2; v <= 4; v++)
            client.Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = v },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 0, ["character"] = 0 } },
                    ["text"] = "\n",
                }),
            });
        var published = client.WaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics");
        Assert.Equal(4, (int)published["params"]!["version"]!);
        Assert.Equal(5, Ranges(published["params"]!.AsObject())[0].Line); // three lines inserted above
        // Full sync (no range) replaces the text.
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 5 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "Clean.\n" }),
        });
        Assert.Empty(client.Diagnostics(file, 5)["diagnostics"]!.AsArray());
        client.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        var cleared = client.Diagnostics(file);
        Assert.Empty(cleared["diagnostics"]!.AsArray());
    }

    internal static JsonObject CodeActionParams(string file, int line, int character, int endLine, int endCharacter, string? only = null)
    {
        var p = new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(file) },
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
            },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        };
        if (only is not null) p["context"]!["only"] = new JsonArray(only);
        return p;
    }

    /// <summary>Applies a WorkspaceEdit's changes for one document (UTF-16 positions) as a client would: from the last edit to the first.</summary>
    internal static string ApplyEdit(string text, JsonNode edit, string uri)
    {
        var edits = edit["changes"]![uri]!.AsArray().Select(e => e!).ToList();
        var m = new PositionMapper(text, PositionEncoding.Utf16);
        var spans = edits.Select(e => (
            Start: m.ToOffset((int)e["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!),
            End: m.ToOffset((int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!),
            Text: (string)e["newText"]!)).OrderByDescending(s => s.Start).ToList();
        foreach (var s in spans) text = text[..s.Start] + s.Text + text[s.End..];
        return text;
    }

    [Fact]
    public void CodeActions_OfferTheFix_TheSuppression_AndFixAll_AndEachDoesWhatItSays()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a.md", Article);
        using var client = new LspTestClient(dir.Path);
        client.Initialize(dir.Path);
        client.Open(file, Article);
        client.Diagnostics(file, 1);
        string uri = LspTestClient.Uri(file);

        var actions = client.Request("textDocument/codeAction", CodeActionParams(file, 2, 35, 2, 35))!.AsArray();
        var fix = actions.Single(a => (string?)a!["kind"] == "quickfix" && a["isPreferred"] is not null)!;
        Assert.Contains("TL7501", (string?)fix["title"]);
        Assert.Equal("TL7501", (string?)fix["diagnostics"]![0]!["code"]);
        Assert.Equal(Article.Replace("Kiev", "Kyiv"), ApplyEdit(Article, fix["edit"]!, uri));

        var suppress = actions.Single(a => ((string?)a!["title"])!.StartsWith("Suppress TL7501", StringComparison.Ordinal))!;
        string suppressed = ApplyEdit(Article, suppress["edit"]!, uri);
        Assert.Contains("\n<!-- textlint-disable-next-line TL7501 -- TODO: say why this is fine -->\nAccording to sources", suppressed);
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = suppressed }),
        });
        Assert.Equal(["TL1001", "TL5001"], Ranges(client.Diagnostics(file, 2)).Select(r => r.Code)); // the comment suppresses it

        // No baseline configured: no baseline action.
        Assert.DoesNotContain(actions, a => ((string?)a!["title"])!.Contains("baseline", StringComparison.Ordinal));

        // Fix all on the original text: every safe fix (Kiev → Kyiv, the residue line deleted), nothing else (not TL1001).
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = Article + "Kiev and Kievan Rus.\n" }),
        });
        client.Diagnostics(file, 3);
        var all = client.Request("textDocument/codeAction", CodeActionParams(file, 0, 0, 0, 0, only: "source.fixAll"))!.AsArray();
        var fixAll = Assert.Single(all)!;
        Assert.Equal("source.fixAll.textlint", (string?)fixAll["kind"]);
        Assert.Equal("# Talks resume\n\nAccording to sources, the talks in Kyiv resumed.\n\nKyiv and Kyivan Rus.\n", ApplyEdit(Article + "Kiev and Kievan Rus.\n", fixAll["edit"]!, uri));
        // Asking only for quick fixes leaves fix-all out.
        Assert.DoesNotContain(client.Request("textDocument/codeAction", CodeActionParams(file, 0, 0, 9, 0, only: "quickfix"))!.AsArray(),
            a => (string?)a!["kind"] == "source.fixAll.textlint");
    }

    [Fact]
    public void Hover_ExplainsTheRule_InMarkdown()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a.md", Article);
        using var client = new LspTestClient(dir.Path);
        client.Initialize(dir.Path);
        client.Open(file, Article);
        client.Diagnostics(file, 1);
        var hover = client.Request("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(file) },
            ["position"] = new JsonObject { ["line"] = 2, ["character"] = 5 },
        })!;
        Assert.Equal("markdown", (string?)hover["contents"]!["kind"]);
        string md = (string)hover["contents"]!["value"]!;
        Assert.StartsWith("**TL1001: Vague attribution marker**", md);
        Assert.Contains("**Why:** Readers cannot weigh a claim", md);
        Assert.Contains("**Write instead:** Name the source", md);
        Assert.Contains("[TL1001 documentation](https://github.com/textlint-dotnet/textlint/blob/main/rules/docs/TL1001.md)", md);
        Assert.Equal(20, (int)hover["range"]!["end"]!["character"]!);
        var nothing = client.Request("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(file) },
            ["position"] = new JsonObject { ["line"] = 0, ["character"] = 3 },
        });
        Assert.Null(nothing);
    }

    [Fact]
    public void PullDiagnostics_ForClientsThatPull_WithUnchangedReports()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a.md", Article);
        using var client = new LspTestClient(dir.Path);
        var caps = new JsonObject { ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } } };
        var init = client.Initialize(dir.Path, caps);
        Assert.True((bool)init["capabilities"]!["diagnosticProvider"]!["workspaceDiagnostics"]!);
        client.Open(file, Article);
        var td = new JsonObject { ["uri"] = LspTestClient.Uri(file) };
        var report = client.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = td.DeepClone() })!;
        Assert.Equal("full", (string?)report["kind"]);
        Assert.Equal(["TL1001", "TL7501", "TL5001"], report["items"]!.AsArray().Select(d => (string)d!["code"]!));
        string resultId = (string)report["resultId"]!;
        var again = client.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = td.DeepClone(), ["previousResultId"] = resultId })!;
        Assert.Equal("unchanged", (string?)again["kind"]);

        var workspace = client.Request("workspace/diagnostic", new JsonObject { ["previousResultIds"] = new JsonArray() })!;
        var item = Assert.Single(workspace["items"]!.AsArray())!;
        Assert.Equal(LspTestClient.Uri(file), (string?)item["uri"]);
        Assert.Equal(3, item["items"]!.AsArray().Count);
        // A pulling client gets no pushed diagnostics.
        Assert.Throws<TimeoutException>(() => client.Diagnostics(file, timeout: TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void BadInput_NeverKillsTheServer()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a.md", Article);
        using var client = new LspTestClient(dir.Path, "--max-file-size", "1K");

        var early = client.RequestRaw("textDocument/hover", new JsonObject());
        Assert.Equal(ErrorCodes.ServerNotInitialized, (int)early["error"]!["code"]!);
        client.Initialize(dir.Path);
        Assert.Equal(ErrorCodes.InvalidRequest, (int)client.RequestRaw("initialize", new JsonObject { ["capabilities"] = new JsonObject() })["error"]!["code"]!);

        client.SendRaw("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ");
        Assert.Equal(ErrorCodes.ParseError, (int)client.WaitFor(m => m["error"] is not null)["error"]!["code"]!);
        client.SendRaw("[1, 2]");
        Assert.Equal(ErrorCodes.InvalidRequest, (int)client.WaitFor(m => m["error"] is not null)["error"]!["code"]!);
        client.SendBytes(Encoding.ASCII.GetBytes("Content-Type: nothing\r\n\r\n"));
        Assert.Equal(ErrorCodes.ParseError, (int)client.WaitFor(m => m["error"] is not null)["error"]!["code"]!);
        client.SendBytes(Encoding.ASCII.GetBytes("Content-Length: 99999999999\r\n\r\n"));
        Assert.Contains("limit", (string?)client.WaitFor(m => m["error"] is not null)["error"]!["message"]);
        // The oversized body would swallow everything after it: this connection ends here, every case so far answered.
        client.CloseInput();
        Assert.True(client.WaitForExit(TimeSpan.FromSeconds(10)));

        using var second = new LspTestClient(dir.Path, "--max-file-size", "1K");
        second.Initialize(dir.Path);
        var unknown = second.RequestRaw("textDocument/semanticTokens/full", new JsonObject());
        Assert.Equal(ErrorCodes.MethodNotFound, (int)unknown["error"]!["code"]!);
        var badParams = second.RequestRaw("textDocument/hover", new JsonObject { ["textDocument"] = 5 });
        Assert.Equal(ErrorCodes.InvalidParams, (int)badParams["error"]!["code"]!);
        second.Notify("textDocument/didChange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///nowhere.md", ["version"] = 2 }, ["contentChanges"] = new JsonArray() });
        second.Notify("no/such/notification", null);
        Assert.Empty(second.Request("textDocument/codeAction", CodeActionParams(Path.Combine(dir.Path, "unopened.md"), 0, 0, 0, 0))!.AsArray());
        Assert.Null(second.Request("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(Path.Combine(dir.Path, "unopened.md")) },
            ["position"] = new JsonObject { ["line"] = 0, ["character"] = 0 },
        }));

        // A document over the CLI's size limit is not linted, and says so.
        string huge = string.Concat(Enumerable.Repeat("According to sources, it rained.\n", 100));
        second.Open(file, huge);
        var published = second.Diagnostics(file, 1);
        var only = Assert.Single(published["diagnostics"]!.AsArray())!;
        Assert.Equal("TL9022", (string?)only["code"]);
        Assert.Contains("over the 1,024-byte limit", (string?)only["message"]);

        // Still serving, then a clean shutdown.
        Assert.Null(second.Request("shutdown", null));
        Assert.Equal(ErrorCodes.InvalidRequest, (int)second.RequestRaw("textDocument/hover", new JsonObject())["error"]!["code"]!);
        second.Notify("exit", null);
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public void ARuleThatTimesOut_IsReportedOnTheDocument_AndTheOtherRulesStillReport()
    {
        using var dir = new TempDirectory();
        const string header = "title: Pattern\nmessage: \"'{match}' matched.\"\ncategory: Style\nkind: existence\n";
        dir.Write("pack/slow.yaml", "id: XX0002\n" + header + "regex: ['(?<=^|\\s)(a+)+b']\n");
        dir.Write("pack/fast.yaml", "id: XX0003\n" + header + "regex: ['left']\n");
        string text = "He left. " + new string('a', 50_000) + "!\n";
        string file = dir.Write("a.txt", text);
        using var client = new LspTestClient(dir.Path, "--rules", "pack", "--no-default-rules");
        client.Initialize(dir.Path);
        client.Open(file, text);
        var published = client.Diagnostics(file, 1, TimeSpan.FromMinutes(1))["diagnostics"]!.AsArray();
        Assert.Equal(["TL9010", "XX0003"], published.Select(d => (string)d!["code"]!));
        Assert.Contains("Rule XX0002 was stopped on this file", (string?)published[0]!["message"]);
        Assert.Equal(1, (int)published[0]!["severity"]!); // an error: the document is not completely linted
        // Still serving.
        Assert.NotNull(client.Request("textDocument/codeAction", CodeActionParams(file, 0, 3, 0, 3)));
    }

    [Fact]
    public void TheServerExits_WhenItsInputCloses()
    {
        using var dir = new TempDirectory();
        using var client = new LspTestClient(dir.Path);
        client.Initialize(dir.Path);
        client.CloseInput();
        Assert.True(client.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, client.ExitCode); // no shutdown first
    }

    [Fact]
    public void Framing_ReadsMessagesSplitAnywhere_AndSkipsBrokenHeaders()
    {
        string a = "{\"a\":1}", b = "{\"b\":\"é\"}";
        byte[] bytes = Encoding.UTF8.GetBytes(
            $"Content-Length: {a.Length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{a}" +
            "Garbage header\r\n\r\n" +
            $"content-length: {Encoding.UTF8.GetByteCount(b)}\r\n\r\n{b}");
        var reader = new MessageReader(new TrickleStream(bytes), 1024);
        Assert.Equal(a, Encoding.UTF8.GetString(reader.Read()!));
        Assert.Throws<FramingException>(() => reader.Read());
        Assert.Equal(b, Encoding.UTF8.GetString(reader.Read()!));
        Assert.Null(reader.Read());
    }

    /// <summary>Returns one byte per read, as a slow pipe might.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }

    [Fact]
    public void CancelRequest_AnswersTheRequestAsCancelled()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a.md", Article);
        var gate = new ManualResetEventSlim();
        using var client = new LspTestClient(new BlockingHost(LspTestClient.CreateHost(dir.Path), gate));
        client.Initialize(dir.Path, new JsonObject { ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject() } });
        client.Open(file, Article);
        int id = client.SendRequest("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(file) } });
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = id });
        Thread.Sleep(100);
        gate.Set();
        var response = client.WaitFor(m => (int?)m["id"] == id);
        Assert.Equal(ErrorCodes.RequestCancelled, (int)response["error"]!["code"]!);
        // The server goes on.
        var report = client.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspTestClient.Uri(file) } })!;
        Assert.Equal(3, report["items"]!.AsArray().Count);
    }

    /// <summary>The CLI's host, with a lint that waits for a gate: a request that is still running when its cancellation arrives.</summary>
    private sealed class BlockingHost(TextLint.LanguageServer.IWorkspaceHost inner, ManualResetEventSlim gate) : TextLint.LanguageServer.IWorkspaceHost
    {
        public TextLint.LanguageServer.WorkspaceConfiguration Load(string folder)
        {
            var c = inner.Load(folder);
            return new TextLint.LanguageServer.WorkspaceConfiguration { Folder = c.Folder, Problems = c.Problems, ResolvePath = c.ResolvePath, Linter = new Blocking(c.Linter!, gate) };
        }

        private sealed class Blocking(TextLint.LanguageServer.IWorkspaceLinter inner, ManualResetEventSlim gate) : TextLint.LanguageServer.IWorkspaceLinter
        {
            public long MaxFileSize => inner.MaxFileSize;
            public string? BaselinePath => inner.BaselinePath;
            public IReadOnlyList<TextLint.Diagnostics.ConfigurationDiagnostic> LintTimeProblems => inner.LintTimeProblems;
            public TextLint.Rules.RuleDescriptor? FindRule(string id) => inner.FindRule(id);
            public string? AddToBaseline(string fullPath, TextLint.Text.SourceText source, TextLint.Rules.Diagnostic finding) => inner.AddToBaseline(fullPath, source, finding);

            public TextLint.LanguageServer.LintOutcome Lint(string fullPath, string text)
            {
                gate.Wait(TimeSpan.FromSeconds(30));
                return inner.Lint(fullPath, text);
            }
        }
    }
}
