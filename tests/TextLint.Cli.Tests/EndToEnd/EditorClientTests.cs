using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace TextLint.Cli.Tests.EndToEnd;

/// <summary>
/// The installed tool's language server (the package `dotnet tool install` put on the tool path) driven
/// by real LSP clients that nobody here wrote: Neovim's built-in client and Microsoft's vscode-jsonrpc.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class EditorClientTests(ToolPackage tool)
{
    // Non-ASCII before the findings: Neovim counts bytes in the buffer, the server UTF-16 on the wire.
    private const string Article = "# Talks\n\nМир 😀: According to sources, talks in Kiev resumed.\n\nPost a Comment\n";
    private const string Line = "Мир 😀: According to sources, talks in Kiev resumed.";

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    [NeovimFact]
    public void Neovim_ShowsTheFindings_AtTheirExactColumns_AndAppliesTheQuickFix()
    {
        Assert.True(EditorClients.Neovim is not null, EditorClients.NeovimMissing);
        using var dir = new TempDirectory();
        string article = dir.Write("article.md", Article);
        string result = Path.Combine(dir.Path, "result.json");
        var psi = new ProcessStartInfo(EditorClients.Neovim!) { WorkingDirectory = dir.Path };
        foreach (string a in new[] { "--headless", "-n", "-i", "NONE", "-u", Path.Combine(EditorClients.ClientsDirectory, "neovim-client.lua") })
            psi.ArgumentList.Add(a);
        psi.Environment["TEXTLINT_EXE"] = tool.Executable;
        psi.Environment["TEXTLINT_ROOT"] = dir.Path;
        psi.Environment["TEXTLINT_ARTICLE"] = article;
        psi.Environment["TEXTLINT_RESULT"] = result;
        psi.Environment["XDG_CACHE_HOME"] = Path.Combine(dir.Path, "xdg-cache");
        psi.Environment["XDG_STATE_HOME"] = Path.Combine(dir.Path, "xdg-state");
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(dir.Path, "xdg-config");
        var run = EditorClients.Run(psi, TimeSpan.FromMinutes(3));
        Assert.True(File.Exists(result), $"Neovim wrote no result (exit {run.ExitCode}).\n{run.Out}\n{run.Error}");

        using var json = JsonDocument.Parse(File.ReadAllText(result));
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal("utf-16", root.GetProperty("offset_encoding").GetString());
        var seen = root.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString(), d.GetProperty("lnum").GetInt32(), d.GetProperty("col").GetInt32(), d.GetProperty("end_col").GetInt32(), d.GetProperty("source").GetString()))
            .ToList();
        int attribution = Line.IndexOf("According", StringComparison.Ordinal), kiev = Line.IndexOf("Kiev", StringComparison.Ordinal);
        Assert.Equal(
            [
                ("TL4001", 2, 0, Bytes("Мир"), "textlint"),
                ("TL1001", 2, Bytes(Line[..attribution]), Bytes(Line[..attribution]) + "According to sources".Length, "textlint"),
                ("TL7501", 2, Bytes(Line[..kiev]), Bytes(Line[..kiev]) + 4, "textlint"),
                ("TL5001", 4, 0, "Post a Comment".Length, "textlint"),
            ], seen);
        Assert.Equal("Replace with 'Kyiv' (TL7501)", root.GetProperty("action").GetString());
        Assert.Equal(Line.Replace("Kiev", "Kyiv"), root.GetProperty("line").GetString());
        Assert.Equal(["TL4001", "TL1001", "TL5001"], root.GetProperty("after").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    [VsCodeJsonRpcFact]
    public void MicrosoftsClientLibraries_DriveTheServer_ThroughOpenFixHoverAndShutdown()
    {
        Assert.True(EditorClients.NodeModules is not null && EditorClients.Node is not null, EditorClients.NodeMissing);
        using var dir = new TempDirectory();
        string article = dir.Write("article.md", Article);
        var psi = new ProcessStartInfo(EditorClients.Node!) { WorkingDirectory = dir.Path };
        foreach (string a in new[] { Path.Combine(EditorClients.ClientsDirectory, "vscode-jsonrpc-client.js"), tool.Executable, dir.Path, article })
            psi.ArgumentList.Add(a);
        psi.Environment["NODE_PATH"] = EditorClients.NodeModules!;
        var run = EditorClients.Run(psi, TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, $"the client failed (exit {run.ExitCode}):\n{run.Out}\n{run.Error}");

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("utf-16", root.GetProperty("positionEncoding").GetString());
        var first = root.GetProperty("first").EnumerateArray().ToList();
        Assert.Equal(["TL4001", "TL1001", "TL7501", "TL5001"], first.Select(d => d.GetProperty("code").GetString()));
        var kiev = first[2].GetProperty("range").GetProperty("start");
        Assert.Equal(Line.IndexOf("Kiev", StringComparison.Ordinal), kiev.GetProperty("character").GetInt32()); // UTF-16 units
        Assert.Equal(Article.Replace("Kiev", "Kyiv"), root.GetProperty("fixed").GetString());
        Assert.Equal(["TL4001", "TL1001", "TL5001"], root.GetProperty("second").EnumerateArray().Select(d => d.GetString()));
        Assert.StartsWith("**TL4001: ", root.GetProperty("hover").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
    }
}
