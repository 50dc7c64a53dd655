namespace TextLint.Cli.Tests.Reliability;

public class JobsClampTests
{
    [Theory]
    [InlineData("2147483647")]
    [InlineData("100000")]
    public void AHugeJobCount_IsClamped_NotAnInternalError(string jobs)
    {
        using var dir = TestPaths.CreateTempDirectory();
        dir.Write("a.md", "He supposedly left.\n");
        var r = CliRunner.Run(dir.Path, "a.md", "-j", jobs);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.StartsWith("a.md(1,4): warning TL1001", r.Out);
        Assert.DoesNotContain("TL9029", r.Error);
    }
}
