using System.Text.Json;
using System.Text.RegularExpressions;
using TextLint.Output.Tests.Sarif;

namespace TextLint.Cli.Tests.Reliability;

/// <summary>The same inputs give the same bytes, whatever the number of jobs.</summary>
public class DeterminismTests
{
    private const int Files = 600;

    [Fact]
    public void Sarif_IsByteIdentical_WithOneJobOrMany()
    {
        using var dir = TestPaths.CreateTempDirectory();
        GeneratedCorpus.Write(Path.Combine(dir.Path, "corpus"), Files);

        var one = CliRunner.Run(dir.Path, "corpus", "--format", "sarif", "--no-source-root", "--jobs", "1");
        var two = CliRunner.Run(dir.Path, "corpus", "--format", "sarif", "--no-source-root", "--jobs", "2");
        var many = CliRunner.Run(dir.Path, "corpus", "--format", "sarif", "--no-source-root", "--jobs", "16");

        Assert.Equal(0, one.ExitCode);
        SarifSchema.AssertValid(one.Out);
        using (var log = JsonDocument.Parse(one.Out))
        {
            var run = log.RootElement.GetProperty("runs")[0];
            Assert.True(run.GetProperty("results").GetArrayLength() > Files, "The corpus should produce findings in most files.");
            Assert.True(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").GetArrayLength() >= 10);
        }
        Assert.True(one.Out == two.Out, "SARIF differs between --jobs 1 and --jobs 2");
        Assert.True(one.Out == many.Out, "SARIF differs between --jobs 1 and --jobs 16");
        Assert.Equal(one.Error, many.Error);
    }

    [Fact]
    public void Console_IsIdentical_WithOneJobOrMany_ApartFromTheElapsedTime()
    {
        using var dir = TestPaths.CreateTempDirectory();
        GeneratedCorpus.Write(Path.Combine(dir.Path, "corpus"), Files);
        static string WithoutTime(string s) => Regex.Replace(s, @" in \d+\.\d\d s\.", " in <time> s.");

        var one = CliRunner.Run(dir.Path, "corpus", "--jobs", "1");
        var many = CliRunner.Run(dir.Path, "corpus", "--jobs", "16");

        Assert.True(one.OutLines.Length > Files);
        Assert.Equal(WithoutTime(one.Out), WithoutTime(many.Out));
        Assert.Equal(one.Error, many.Error);
    }

    [Fact]
    public void NoSourceRoot_LeavesEveryAbsolutePathOutOfSarif()
    {
        using var dir = TestPaths.CreateTempDirectory();
        GeneratedCorpus.Write(Path.Combine(dir.Path, "corpus"), 60);

        var withRoot = CliRunner.Run(dir.Path, "corpus", "missing.txt", "--format", "sarif");
        var without = CliRunner.Run(dir.Path, "corpus", "missing.txt", "--format", "sarif", "--no-source-root");

        Assert.Contains("\"%SRCROOT%\"", withRoot.Out);
        Assert.Contains(new Uri(dir.Path + "/").AbsoluteUri, withRoot.Out);
        SarifSchema.AssertValid(without.Out);
        Assert.DoesNotContain("SRCROOT", without.Out);
        Assert.DoesNotContain("file:", without.Out);
        Assert.DoesNotContain(dir.Path, without.Out);
        Assert.DoesNotContain(Path.GetTempPath(), without.Out);
        // The same findings either way.
        Assert.Equal(withRoot.Out.Split('\n').Count(l => l.Contains("\"ruleId\"")), without.Out.Split('\n').Count(l => l.Contains("\"ruleId\"")));
    }
}
