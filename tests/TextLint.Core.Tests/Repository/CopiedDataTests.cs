namespace TextLint.Core.Tests.Repository;

/// <summary>
/// The seed corpus and the SARIF schema are copied into the repository so a plain clone runs the suite;
/// where ../shared is beside the checkout, the copies must still be byte-identical to it.
/// </summary>
public class CopiedDataTests
{
    [SharedDataFact("corpus/seeds")]
    public void Seeds_MatchShared() => AssertSameFiles(TestPaths.SharedData("corpus/seeds"), TestPaths.Seeds);

    [SharedDataFact("sarif/sarif-schema-2.1.0.json")]
    public void SarifSchema_MatchesShared() =>
        Assert.Equal(File.ReadAllBytes(TestPaths.SharedData("sarif/sarif-schema-2.1.0.json")), File.ReadAllBytes(TestPaths.SarifSchema));

    [Fact]
    public void Copies_AreInTheRepository()
    {
        Assert.True(File.Exists(Path.Combine(TestPaths.Seeds, "labels.json")), TestPaths.Seeds);
        Assert.Equal(5, Directory.GetFiles(TestPaths.Seeds, "*.txt").Length);
        Assert.True(File.Exists(TestPaths.SarifSchema), TestPaths.SarifSchema);
    }

    private static void AssertSameFiles(string expectedDir, string actualDir)
    {
        static string[] Names(string dir) => Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(Names(expectedDir), Names(actualDir));
        foreach (string name in Names(expectedDir))
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, name))), name);
    }
}
