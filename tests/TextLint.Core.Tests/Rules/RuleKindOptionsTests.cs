using TextLint.Rules.Kinds;

namespace TextLint.Core.Tests.Rules;

/// <summary>
/// A kind's documented options (RuleKind.Options) are what the docs, `rules show` and the catalogue
/// print; these tests keep them in step with the keys the kind's constructor actually reads.
/// </summary>
public class RuleKindOptionsTests
{
    public static TheoryData<string> KindNames() => new(RuleKinds.All.Select(k => k.Name));

    [Theory]
    [MemberData(nameof(KindNames))]
    public void EveryKind_DescribesEveryKeyItReads(string name)
    {
        var kind = RuleKinds.Find(name)!;
        Assert.NotEmpty(kind.Options);
        var documented = kind.Options.Select(o => o.Key).ToHashSet();
        var undocumented = kind.KeysRead().Where(k => !documented.Contains(k)).Order().ToList();
        Assert.True(undocumented.Count == 0, $"Kind '{name}' reads keys its Options do not describe: {string.Join(", ", undocumented)}.");
        Assert.Equal(kind.Options.Length, kind.Options.Select(o => o.Key).Distinct().Count());
        Assert.All(kind.Options, o => Assert.EndsWith(".", o.Description));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Keys_ListsEveryKeyTheKindReads_DescribedOnesFirst(string name)
    {
        var kind = RuleKinds.Find(name)!;
        var keys = kind.Keys();
        Assert.Equal(kind.Options, keys.Take(kind.Options.Length));
        Assert.Superset(kind.KeysRead().ToHashSet(), keys.Select(k => k.Key).ToHashSet());
        Assert.NotEmpty(keys);
    }

    [Fact]
    public void TheProbe_SeesTheKeysOfTheExistenceKind()
    {
        // The probe must be able to fail: it finds what the constructor reads.
        Assert.Superset(new HashSet<string> { "tokens", "regex", "exceptions", "ignorecase" }, ExistenceRuleKeys());
        static HashSet<string> ExistenceRuleKeys() => TextLint.Rules.Kinds.ExistenceRule.Kind.KeysRead().ToHashSet();
    }
}
