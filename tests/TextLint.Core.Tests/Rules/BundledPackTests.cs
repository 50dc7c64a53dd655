using TextLint.Engine;
using TextLint.Loading;
using TextLint.Testing;

namespace TextLint.Core.Tests.Rules;

/// <summary>The bundled pack's own examples are its tests (what `dotnet textlint test-rules` runs).</summary>
public class BundledPackTests
{
    internal static PackLoadResult LoadBundled() =>
        RulePackLoader.Load(Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => new PackFile(Path.GetRelativePath(TestPaths.RepoRoot, p), File.ReadAllText(p))));

    [Fact]
    public void BundledPack_Loads()
    {
        var result = LoadBundled();
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.NotEmpty(result.Rules);
    }

    [Fact]
    public void EveryExample_OfEveryBundledRule_Passes()
    {
        var failures = RuleExampleRunner.Run(RuleSet.Compile(LoadBundled().Rules));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Select(f => $"{f.Rule.Id} {f.Reason}\n  expected: {f.Expected}\n  actual:   {f.Actual}")));
    }

    [Fact]
    public void ExampleRunner_CatchesAWrongMark()
    {
        // The runner must be able to fail: a mark one word off is reported.
        string yaml = """
            id: TL1001
            title: t
            message: "m '{match}'."
            category: Attribution
            kind: existence
            tokens: [reportedly]
            examples:
              - bad: "He [|left|] reportedly."
              - good: "Nothing reportedly here."
            """;
        var rules = RulePackLoader.Load([new PackFile("t.yaml", yaml)]).Rules;
        var failures = RuleExampleRunner.Run(RuleSet.Compile(rules));
        Assert.Equal(2, failures.Length);
        Assert.Equal("He [|left|] reportedly.", failures[0].Expected);
        Assert.Equal("He left [|reportedly|].", failures[0].Actual);
    }
}
