using System.Diagnostics;
using System.Text;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>Broken and hostile rule packs, end to end: exit 2, file:line:col, no stack trace, no hang.</summary>
public class HostilePackTests
{
    private static async Task<CliResult> LintWithPack(TempDirectory dir)
    {
        dir.Write("a.txt", "He reportedly left.\n");
        var r = await Task.Run(() => CliRunner.Run(dir.Path, "a.txt", "--rules", "pack")).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.DoesNotContain("Exception", r.Error);
        Assert.Contains("nothing was linted", r.Error);
        return r;
    }

    [Fact]
    public async Task DeeplyNestedYaml()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/deep.yaml", "id: XX0001\ntitle: " + new string('[', 500_000) + new string(']', 500_000) + "\n");
        var r = await LintWithPack(dir);
        Assert.Contains("pack/deep.yaml(2,71): error TL9001: The YAML nests deeper than 64 levels", r.Error);
    }

    [Fact]
    public async Task TenMegabyteTokenList()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var yaml = new StringBuilder("id: XX0001\ntitle: T\nmessage: m\ncategory: Style\nkind: existence\ntokens: [");
        for (int i = 0; yaml.Length < 10_000_000; i++) yaml.Append("token").Append(i).Append(", ");
        yaml.Append("last]\n");
        dir.Write("pack/tokens.yaml", yaml.ToString());
        var r = await LintWithPack(dir);
        Assert.Matches(@"pack/tokens\.yaml\(1,1\): error TL9003: The rule pack is 10,0\d\d,\d\d\d bytes, over the 4,194,304-byte limit for one pack file", r.Error);
    }

    [Fact]
    public async Task ManyNodesUnderTheSizeLimit_HitTheNodeBudget_WithAPosition()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/nodes.yaml", "id: XX0001\ntokens: [" + string.Join(",", Enumerable.Repeat("a", 1_100_000)) + "]\n");
        var r = await LintWithPack(dir);
        Assert.Matches(@"pack/nodes\.yaml\(2,\d+\): error TL9001: The YAML expands to more than 1,000,000 nodes", r.Error);
    }

    [Fact]
    public async Task AliasBomb()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (int i = 0; i < 9; i++)
            yaml.Append($"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i), 10))}]\n");
        dir.Write("pack/bomb.yaml", yaml.ToString());
        var r = await LintWithPack(dir);
        Assert.Matches(@"pack/bomb\.yaml\(\d+,\d+\): error TL9001: The YAML expands to more than", r.Error);
    }

    [Fact]
    public async Task TabIndentedPack()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/tabs.yaml", "id: XX0001\ntitle: T\nkind: substitution\nswap:\n\tKiev: Kyiv\n");
        var r = await LintWithPack(dir);
        Assert.Contains("pack/tabs.yaml(5,1): error TL9001: YAML syntax error:", r.Error);
    }

    [Fact]
    public async Task NonUtf8Pack_IsAnErrorAtTheFirstBadByte()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.WriteBytes("pack/latin1.yaml", Encoding.Latin1.GetBytes("id: XX0001\ntitle: Caf\u00e9 names\n"));
        var r = await LintWithPack(dir);
        Assert.Contains("pack/latin1.yaml(2,11): error TL9003: The rule pack is not valid UTF-8 here; save it as UTF-8.", r.Error);
    }

    [Fact]
    public async Task BinaryPack()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.WriteBytes("pack/blob.yaml", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
        var r = await LintWithPack(dir);
        Assert.Contains("pack/blob.yaml(1,1): error TL9003: The rule pack is not a text file (binary file (ZIP archive)).", r.Error);
    }

    [Fact]
    public async Task FifoNamedLikeAPack_IsNotRead()
    {
        using var dir = TestPaths.CreateTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "pack"));
        HostileInputTests.Posix("mkfifo", Path.Combine(dir.Path, "pack", "rules.yaml"));
        var r = await LintWithPack(dir);
        Assert.Contains("pack/rules.yaml: error TL9003: Could not read the rule pack: it is a FIFO (named pipe), not a regular file.", r.Error);
    }

    [Fact]
    public async Task EveryErrorOfEveryHostileFile_IsReportedInOneRun()
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("pack/1.yaml", "id: XX0001\ntitle: " + new string('[', 1000) + "\n");
        dir.Write("pack/2.yaml", "id: XX0002\ntitle: T\nswap:\n\tKiev: Kyiv\n");
        dir.WriteBytes("pack/3.yaml", Encoding.Latin1.GetBytes("id: XX0003\ntitle: \u00e9\n"));
        var r = await LintWithPack(dir);
        Assert.Contains("pack/1.yaml(2,71): error TL9001", r.Error);
        Assert.Contains("pack/2.yaml(4,1): error TL9001", r.Error);
        Assert.Contains("pack/3.yaml(2,8): error TL9003", r.Error);
        Assert.Contains("3 errors in the configuration or rule packs", r.Error);
    }
}
