using System.Text.Json;
using System.Xml.Linq;
using TextLint.Cli.Infrastructure;

namespace TextLint.Cli.Tests.Packaging;

/// <summary>The README's install command restores the version the local tool manifest names: it must be the one the source packs.</summary>
public class ToolManifestTests
{
    [Fact]
    public void LocalToolManifest_NamesThePackageVersion_AndCommand()
    {
        string version = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"))
            .Descendants("Version").Single().Value;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".config", "dotnet-tools.json")));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("textlint");
        Assert.Equal(version, tool.GetProperty("version").GetString());
        Assert.Equal(["dotnet-textlint"], tool.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(version, ToolInfo.Version);
    }
}
